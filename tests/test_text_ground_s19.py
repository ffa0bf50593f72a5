"""A line's ground and ink where its box hugs a rounded field or a gradient button, session 19.

The recogniser's box of a search field's placeholder starts at the field's round left end: the
header's navy fills the box's corners. Those corners are no ink: read as the text's, they make the
navy the line's colour and the header a box covering the text. A button's label box that runs to
the button's edge has the page around it in its ring, and a gradient fill has no single colour
frequent enough to outvote it: the label's ground is the button, not the page."""
from __future__ import annotations

import numpy as np
from debug_pages import render_with_boxes

from vision.defects import contrast, element_overlap
from vision.defects.pixels import distance, mode_color, ring, text_info
from vision.ocr import TextLine

FIELD = """<!doctype html><html><head><meta charset="utf-8"><style>
body { margin: 0; background: #fff; font: 20px 'Liberation Sans', sans-serif; }
#bar { position: absolute; left: 0; top: 0; width: 700px; height: 52px; background: #002676; }
#field { position: absolute; left: 300px; top: 6px; width: 300px; height: 40px; border-radius: 20px;
         background: #fff; color: #333; line-height: 40px; padding-left: 18px; box-sizing: border-box; }
</style></head><body><div id="bar"></div><div id="field"><span id="t">Search this site</span></div>
</body></html>"""


def test_the_corners_of_a_rounded_field_are_no_ink_of_its_placeholder():
    img, b = render_with_boxes(FIELD, ("t",), text=True, height=120)
    x, y, w, h = (int(v) for v in b["t"])
    # the recogniser's box runs from the field's round left end, over its whole height
    line = text_info(img, TextLine("Search this site", (302, 8, x + w + 4 - 302, 36), 0.99))
    assert distance(img[10:11, 302:303], (0, 38, 118))[0, 0] <= 24  # the case: navy in the box's corner
    assert distance(img[8:9, 300:301], (0, 38, 118))[0, 0] <= 24
    assert max(line.fg) < 90, line.fg  # the placeholder's grey, not the header's navy
    assert line.ink_box[0] >= x - 2, line.ink_box
    assert element_overlap.detect(img, [line]) == []


BUTTON = """<!doctype html><html><head><meta charset="utf-8"><style>
body { margin: 0; background: #e5e5e5; font: bold 17px 'Liberation Sans', sans-serif; }
a { position: absolute; left: 60px; top: 40px; padding: 8px 16px 8px 14px; color: #fff; text-decoration: none;
    background: linear-gradient(90deg, #c2185b, #ff5577); border-radius: 3px; }
</style></head><body><a id="b" href="#">Get Started Today</a></body></html>"""


def test_a_gradient_buttons_label_stands_on_the_button_not_on_the_page():
    img, b = render_with_boxes(BUTTON, ("b",), height=140)
    x, y, w, h = (int(v) for v in b["b"])
    # the recogniser's box reaches the button's top, bottom and right edges
    line = text_info(img, TextLine("Get Started Today", (x + 12, y, w - 12, h), 0.99))
    assert mode_color(ring(img, line.box, pad=2, width=2))[0] == (229, 229, 229)  # the case: the page all round
    assert distance(np.array([[line.bg]]), (229, 229, 229))[0, 0] > 24, line.bg
    assert min(line.fg) > 230, line.fg  # the white label, not the button read as text on the page
    assert element_overlap.detect(img, [line]) == []
    assert all("#ffffff" in i.message or "#fe" in i.message or "#fd" in i.message
               for i in contrast.detect([line], img))


LIST = """<!doctype html><html><head><meta charset="utf-8"><style>
body { margin: 0; font: 20px 'Liberation Serif', serif; background: #fff; }
ul { margin: 20px 0 0 0; padding-left: 48px; } li { margin: 2px 0; }
button { font: 16px 'Liberation Sans', sans-serif; padding: 2px 6px; }
</style></head><body><ul>
<li><a id="a" href="#">Licenses and Tools</a></li><li><a id="b" href="#">Blog</a></li>
<li><a id="c" href="#">Support Us</a></li><li><a id="d" href="#">Donate</a></li>
<li><button id="e">Explore CC</button></li></ul></body></html>"""


def test_a_buttons_label_in_a_list_is_placed_by_its_button():
    """The recogniser's box of a button's label hugs the button: the label stands on the button's
    fill, and the button, not the label inside its padding, is what lines up with the links."""
    from vision.defects import misalignment

    img, b = render_with_boxes(LIST, ("a", "b", "c", "d", "e"), height=260)
    texts = dict(zip("abcde", ("Licenses and Tools", "Blog", "Support Us", "Donate", "Explore CC")))
    lines = []
    for k, (x, y, w, h) in b.items():
        x, y, w, h = int(x), int(y), int(w), int(h)
        # the button's box runs from inside its left border to its right end, border rows included
        box = (x + 3, y, w - 3, h) if k == "e" else (x - 4, y - 2, w + 8, h + 4)
        lines.append(text_info(img, TextLine(texts[k], box, 0.99)))
    button = lines[-1]
    assert button.around is not None and max(button.around) == 255 and max(button.bg) < 250  # the case
    assert misalignment.detect(lines, img) == []
