"""low-contrast: a line whose measured colour came from something else in its box, session 18.

The recogniser's box of a button label takes in the button's light border, and the box of a pale
link in a list takes in its neighbours' dark underlines; the strongest ink is then not the
letters', and the line passed on a colour it does not have. Pages rendered here in Chromium."""
from __future__ import annotations

from debug_pages import render_with_boxes

from vision.defects import contrast
from vision.defects.issue import overlap_min
from vision.defects.pixels import text_info
from vision.ocr import TextLine

BUTTON = """<!doctype html><html><head><meta charset="utf-8"><style>
body { margin: 0; background: #2d2926; font: 22px 'Liberation Sans', sans-serif; }
a { position: absolute; left: 40px; padding: 4px 6px; border: 2px solid #cccccc; border-radius: 8px;
    text-decoration: none; }
</style></head><body>
<a id="p" style="top: 40px; color: #726f6d">Contact FDA</a>
<a id="g" style="top: 120px; color: #f0f0f0">Contact FDA</a>
</body></html>"""


def test_a_pale_label_inside_a_light_border_is_low_contrast():
    img, b = render_with_boxes(BUTTON, ("p", "g"), text=True, height=200)
    found = []
    for k in ("p", "g"):
        x, y, w, h = (int(v) for v in b[k])
        # the box reaches the border below and above the label, as the recogniser's does
        found.append(contrast.detect([text_info(img, TextLine("Contact FDA", (x - 2, y - 5, w + 4, h + 10), 0.99))], img))
    assert [i.category for i in found[0]] == ["low-contrast"], found[0]
    assert "#" in found[0][0].message and overlap_min(found[0][0].bbox, list(b["p"])) > 0.5
    assert found[1] == []


LIST = """<!doctype html><html><head><meta charset="utf-8"><style>
body { margin: 0; background: #fff; color: #0000ee; font: 24px/1.05 'Liberation Serif', serif; }
ul { margin: 40px 0 0 0; }
</style></head><body><ul>
<li><a href="#">Who We Are</a></li><li><a id="p" href="#" style="color: #9090f8">What We Do</a></li>
<li><a href="#">Licenses and Tools</a></li><li><a id="d" href="#">What We Do</a></li><li><a href="#">Blog</a></li></ul>
</body></html>"""


def test_a_pale_link_between_dark_underlined_links_is_low_contrast():
    img, b = render_with_boxes(LIST, ("p", "d"), text=True, height=240)
    found = []
    for k in ("p", "d"):
        x, y, w, h = (int(v) for v in b[k])
        found.append(contrast.detect([text_info(img, TextLine("What We Do", (x - 3, y - 4, w + 6, h + 8), 0.97))], img))
    assert [i.category for i in found[0]] == ["low-contrast"], found[0]
    assert found[1] == []
