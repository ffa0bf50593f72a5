"""text-truncation at a word gap (2026-11-30, late): a label clipped right after a word that cannot
end a phrase ("Power to") is cut, while the same word ending a line whose phrase goes on below (in
another size, centred) or at the screen's bottom edge is not. Each page is rendered in Chromium and
its lines are boxed the way the page OCR boxes them."""
from __future__ import annotations

from debug_pages import render_with_boxes
from vision.defects import truncation
from vision.defects.pixels import text_info
from vision.ocr import TextLine

FONT = "font-family: 'Liberation Sans', sans-serif"


def _line(img, box, text: str):
    x, y, w, h = (int(round(v)) for v in box)
    return text_info(img, TextLine(text, (x - 4, y - 2, w + 8, h + 4), 0.99))


PAGE = f"""<!doctype html><html><head><meta charset="utf-8"><style>
body {{ margin: 0; background: #fff; {FONT}; color: #222; font-size: 18px; }}
div {{ position: absolute; white-space: nowrap; }}
</style></head><body>
<div style="left: 40px; top: 40px"><span id="cut" style="display: inline-block; overflow: hidden; vertical-align: bottom">Power to the people</span></div>
<div id="probe" style="left: 40px; top: 100px">Power to</div>
<div style="left: 400px; top: 40px; width: 200px; text-align: center; white-space: normal; line-height: 22px">
  <span id="wrap" style="font-size: 13px">Download on the</span><br><span style="font-size: 20px">App Store</span></div>
<div id="edge" style="left: 40px; top: 572px; font-size: 20px">Take Control with</div>
</body></html>"""
# the clipping box ends 2 px into the space after "to": whole words show, the phrase does not
FIT = """(() => { const p = document.getElementById('probe'), c = document.getElementById('cut');
c.style.width = (p.getBoundingClientRect().width + 2) + 'px'; p.remove(); })()"""


def test_phrase_cut_after_a_word_that_cannot_end_it():
    img, boxes = render_with_boxes(PAGE, ("cut", "wrap", "edge"), before=FIT, height=600)
    cut = _line(img, boxes["cut"], "Power to")
    assert [i.category for i in truncation.detect(img, [cut])] == ["text-truncation"], boxes
    wrap = _line(img, boxes["wrap"], "Download on the")
    assert truncation.detect(img, [wrap]) == [], boxes
    edge = _line(img, boxes["edge"], "Take Control with")
    assert truncation.detect(img, [edge]) == [], boxes
