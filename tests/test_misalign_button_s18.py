"""misalignment: a button in a stack lines up by its edge, not its label, session 18.

A default button (a border, a light fill, padding of about half a line above and below its
label) closing a list of links: the recogniser's box lies inside the button, and the label's ink
starts the padding's width right of the column. Rendered in Chromium."""
from __future__ import annotations

from debug_pages import render_with_boxes

from vision.defects import misalignment
from vision.defects.pixels import text_info
from vision.ocr import TextLine

PAGE = """<!doctype html><html><head><meta charset="utf-8"><style>
body { margin: 0; background: #fff; font: 20px 'Liberation Serif', serif; }
ul { margin: 30px 0 0 0; } li { margin: 0 0 12px 0; } a { color: #00e; }
button { font: 18px 'Liberation Sans', sans-serif; padding: 5px 8px; }
</style></head><body><ul>
<li><a id="a" href="#">Licenses and Tools</a></li><li><a id="b" href="#">Support Us</a></li>
<li><a id="c" href="#">Search</a></li><li><a id="d" href="#">Donate</a></li>
<li><button id="e"><span id="t">Explore CC</span></button></li></ul>
</body></html>"""
SHIFT = "() => { document.getElementById('e').style.cssText = 'position: relative; left: 8px'; }"


def _lines(img, b):
    out = []
    for k, text in (("a", "Licenses and Tools"), ("b", "Support Us"), ("c", "Search"), ("d", "Donate"), ("t", "Explore CC")):
        x, y, w, h = (int(v) for v in b[k])
        pad = 6 if k == "t" else 2  # the label's box covers the button's inside, as the recogniser's did
        out.append(text_info(img, TextLine(text, (x - pad - 1, y - pad, w + 2 * pad + 2, h + 2 * pad), 0.99)))
    return out


def test_a_button_closing_a_list_is_aligned_by_its_edge_and_found_when_moved():
    img, b = render_with_boxes(PAGE, ("a", "b", "c", "d", "t"), text=True, height=300)
    assert misalignment.detect(_lines(img, b), img) == []
    img, b = render_with_boxes(PAGE, ("a", "b", "c", "d", "t"), text=True, height=300, before=SHIFT)
    found = misalignment.detect(_lines(img, b), img)
    assert [i.category for i in found] == ["misalignment"], found
