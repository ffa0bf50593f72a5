"""text-overlap, a collision the recogniser reads with confidence (2026-12-01): two lines drawn
half a line apart read as one line holding a long non-word amid English words ("Watch
anywhrvafsane anytime.", confidence 0.91) are a collision when its letter band is far taller than
its neighbours'; a heading in a bigger size read with the same confidence, all English, is not.
Rendered in Chromium; each line boxed the way the page OCR boxes it, with the text it read."""
from __future__ import annotations

from debug_pages import render_with_boxes
from vision.defects import text_overlap
from vision.defects.pixels import text_info
from vision.ocr import TextLine

PAGE = """<!doctype html><html><head><meta charset="utf-8"><style>
body { margin: 0; background: #fff; color: #222; font: 16px 'Liberation Sans', sans-serif; }
div { position: absolute; left: 40px; white-space: nowrap; }
</style></head><body>
<div id="a" style="top: 40px">Our plans start at five dollars a month.</div>
<div id="hit" style="top: 70px; font-size: 26px">Watch anywhere. Cancel anytime.</div>
<div style="top: 80px; left: 110px; font-size: 26px">New arrivals here</div>
<div id="b" style="top: 120px">Ready to watch? Enter your email to start.</div>
<div id="c" style="top: 200px">Our plans start at five dollars a month.</div>
<div id="head" style="top: 230px; font-size: 40px">Welcome to our store</div>
<div id="d" style="top: 290px">Ready to watch? Enter your email to start.</div>
</body></html>"""


def _line(img, box, text, conf):
    x, y, w, h = (int(round(v)) for v in box)
    return text_info(img, TextLine(text, (x - 4, y - 2, w + 8, h + 4), conf))


def test_a_confident_reading_with_a_non_word_over_two_lines():
    img, b = render_with_boxes(PAGE, ("a", "hit", "b", "c", "head", "d"), text=True, height=360)
    x, y, w, h = b["hit"]
    merged = _line(img, (x, y, w, h + 12), "Watch anywhrvafsane anytime.", 0.91)
    near = [_line(img, b["a"], "Our plans start at five dollars a month.", 0.99),
            _line(img, b["b"], "Ready to watch? Enter your email to start.", 0.99)]
    found = text_overlap.detect([merged] + near, img)
    assert [i.category for i in found] == ["text-overlap"], [(i.bbox, i.message) for i in found]
    head = _line(img, b["head"], "Welcome to our store", 0.91)
    near = [_line(img, b["c"], "Our plans start at five dollars a month.", 0.99),
            _line(img, b["d"], "Ready to watch? Enter your email to start.", 0.99)]
    assert text_overlap.detect([head] + near, img) == []
