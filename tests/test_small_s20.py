"""small-text, session 20: a label whose box takes in its button's border. Pages rendered here
in Chromium; each line boxed the way the page OCR boxes it, with the text it read."""
from __future__ import annotations

from debug_pages import render_with_boxes

from vision.defects import small
from vision.defects.issue import overlap_min
from vision.defects.pixels import text_info
from vision.ocr import TextLine

PILL = """<!doctype html><html><head><meta charset="utf-8"><style>
body { margin: 0; background: #1e1e1e; font-family: 'Liberation Sans', sans-serif; }
a { position: absolute; left: 40px; padding: 8px 28px; border: 2px solid #ff9100; border-radius: 20px;
    color: #f0f0f0; text-decoration: none; line-height: 1; }
</style></head><body>
<a id="s" style="top: 30px; font-size: 7px">View Docs</a>
<a id="n" style="top: 100px; font-size: 14px">View Docs</a>
</body></html>"""



def _border_box(img, b, a):
    """The OCR box of a small label in a pill: from a few rows above the letters down through the
    pill's bottom border (the recogniser's box for 7 px text is several times its height)."""
    x, y, w, h = (int(round(v)) for v in b)
    bottom = int(round(a[1] + a[3])) - 1  # a row into the pill's 2 px bottom border
    return text_info(img, TextLine("View Docs", (x - 2, y - 4, w + 4, bottom - (y - 4)), 0.99))


def test_a_small_label_whose_box_reaches_its_buttons_border_is_small_text():
    img, b = render_with_boxes(PILL, ("s", "n"), text=True, height=180)
    _, a = render_with_boxes(PILL, ("s", "n"), height=180)
    found = small.detect_text([_border_box(img, b["s"], a["s"])], img)
    assert [i.category for i in found] == ["small-text"], found
    assert overlap_min(found[0].bbox, list(b["s"])) > 0.5
    assert small.detect_text([_border_box(img, b["n"], a["n"])], img) == []
