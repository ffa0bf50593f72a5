"""element-overlap: a covering box that the line's box reached into, session 18.

The recogniser's box of a heading cut by a box reaches a few columns into the box and spans its
rows, so the line's ink box is as tall as the covering box; measured beside the box, the letters
are far shorter. A square icon set right after a link is no covering box. Pages rendered here."""
from __future__ import annotations

from debug_pages import render_with_boxes

from vision.defects import element_overlap
from vision.defects.issue import overlap_min
from vision.defects.pixels import text_info
from vision.ocr import TextLine

PAGE = """<!doctype html><html><head><meta charset="utf-8"><style>
body { margin: 0; background: #f3f2f1; color: #0b0c0c; font: bold 30px 'Liberation Sans', sans-serif; }
div { position: absolute; white-space: nowrap; }
#cover { top: 34px; left: 150px; width: 134px; height: 40px; background: rgb(22, 163, 74); border-radius: 2px; }
a { color: #1d70b8; font: 16px 'Liberation Sans', sans-serif; }
#icon { top: 120px; width: 15px; height: 18px; background: #1d70b8; }
</style></head><body>
<div id="h" style="top: 36px; left: 40px">Cookies on GOV.UK</div><div id="cover"></div>
<div id="l" style="top: 120px; left: 40px"><a href="#">Here's how you know</a></div>
</body></html>"""


def test_a_box_the_lines_box_reached_into_is_found_and_an_icon_is_not():
    img, b = render_with_boxes(PAGE, ("h", "l"), text=True, height=200,
                               before="() => { const l = document.getElementById('l').getBoundingClientRect();"
                                      " const i = document.createElement('div'); i.id = 'icon';"
                                      " i.style.left = (l.right + 1) + 'px'; document.body.appendChild(i); }")
    hx, hy, hw, hh = b["h"]
    cx, cy, cw, ch = 150, 34, 134, 40  # the cover's place, as its style sets it
    # the recogniser reads the letters the box leaves, its box reaching 7 px into the box
    line = text_info(img, TextLine("Cookies", (int(hx) - 6, int(cy) - 1, int(cx + 7 - hx + 6), int(ch) + 2), 1.0))
    assert line.ink_box[3] >= ch - 4, line.ink_box  # the case: the ink box spans the cover's rows
    found = element_overlap.detect(img, [line])
    assert [i.category for i in found] == ["element-overlap"], found
    assert overlap_min(found[0].bbox, [cx, cy, cw, ch]) > 0.5
    lx, ly, lw, lh = b["l"]
    link = text_info(img, TextLine("Here's how you know", (int(lx) - 4, int(ly) - 2, int(lw) + 6, int(lh) + 4), 1.0))
    assert element_overlap.detect(img, [link]) == []


BUTTONS = """<!doctype html><html><head><meta charset="utf-8"><style>
body { margin: 0; background: #fff; font: bold 15px 'Liberation Sans', sans-serif; }
#panel { position: absolute; left: 0; top: 20px; width: 420px; height: 96px; background: #1d3557; }
a { position: absolute; left: 18px; padding: 10px 12px; border-radius: 18px; background: #ff3366; color: #fff;
    text-decoration: none; white-space: nowrap; }
</style></head><body><div id="panel"></div>
<a id="r" href="#" style="top: 40px">Reject All Cookies</a>
</body></html>"""


def test_a_button_on_a_panel_is_not_covered_by_the_panel():
    img, b = render_with_boxes(BUTTONS, ("r",), text=True, height=220)
    x, y, w, h = (int(v) for v in b["r"])
    # the recogniser's box runs past the label to the button's right end
    line = text_info(img, TextLine("Reject All Cookies", (x - 6, y - 7, w + 12, h + 14), 0.99))
    assert element_overlap.detect(img, [line]) == []
