"""A broken image's alt text, read by the recogniser as one line with the next element's text,
is boxed up to the end of the alt text only."""
from __future__ import annotations

from debug_pages import render_with_boxes
from vision.defects import broken_image

INLINE_ALT = """<!doctype html><html><head><meta charset="utf-8"><style>
body { margin: 0; padding: 40px; font: 16px 'Liberation Sans', sans-serif; color: #333; background: #f4f4f4; }
a { margin-left: 22px; color: #333; text-decoration: none; }
</style></head><body><p><img id="pic" src="missing-team.png" alt="Team picture"><a id="link" href="#">Get Started with Google Public DNS</a></p>
</body></html>"""


def test_alt_text_box_stops_before_the_next_elements_text() -> None:
    img, boxes = render_with_boxes(INLINE_ALT, ids=("pic", "link"))
    pic, link = boxes["pic"], boxes["link"]
    # the recogniser's line: the alt text and the link's words as one
    merged = [int(pic[0]), int(pic[1]), int(link[0] + link[2] - pic[0]), int(max(pic[3], link[3]))]
    found = broken_image.detect(img, [merged])
    assert len(found) == 1, found
    x, _, w, _ = found[0].bbox
    assert x <= pic[0] + 1 and x + w <= link[0] + 2, (found[0].bbox, pic, link)
    assert x + w >= pic[0] + pic[2] - 6  # the alt text itself stays in the box
