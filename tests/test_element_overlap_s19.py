"""element-overlap: a covering button with its own label, session 19.

A button laid over the end of a heading, its label drawn on it: the row through the middle of
the button meets the label a few pixels in, so measured there the button looked a narrow bar no
taller than the line's box (a badge set after the text). Its rows above and below the label run
its full width. Page rendered here."""
from __future__ import annotations

from debug_pages import render_with_boxes

from vision.defects import element_overlap
from vision.defects.issue import overlap_min
from vision.defects.pixels import text_info
from vision.ocr import TextLine

PAGE = """<!doctype html><html><head><meta charset="utf-8"><style>
body { margin: 0; background: #fff; }
#h { position: absolute; left: 40px; top: 40px; font: 30px 'Liberation Serif', serif; color: #777; white-space: nowrap; }
#b { position: absolute; top: 40px; width: 113px; height: 34px; background: #9333ea; color: #fff;
     font: bold 18px 'Liberation Sans', sans-serif; display: flex; align-items: center; justify-content: center; }
</style></head><body><div id="h">THE COMPANY</div><div id="b">Sale</div></body></html>"""


def test_a_button_with_a_label_covering_a_heading_is_measured_by_its_bare_rows():
    img, b = render_with_boxes(PAGE, ("h",), text=True, height=140,
                               before="() => { const r = document.getElementById('h').getBoundingClientRect();"
                                      " document.getElementById('b').style.left = (r.left + r.width * 0.55) + 'px'; }")
    hx, hy, hw, hh = (int(v) for v in b["h"])
    bx = int(hx + hw * 0.55)
    # the recogniser reads the letters the button leaves, its box reaching 4 px into the button
    line = text_info(img, TextLine("THE COM", (hx - 6, 40, bx + 4 - (hx - 6), 31), 0.99))
    found = element_overlap.detect(img, [line])
    assert [i.category for i in found] == ["element-overlap"], found
    assert overlap_min(found[0].bbox, [bx, 40, 113, 34]) > 0.8, found[0].bbox
