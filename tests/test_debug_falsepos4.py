"""False findings on clean pages (2026-11-30 evening): each page is rendered in Chromium and shows
something a detector used to take for a defect, measured the way the detector measures it; where
a defect is also shown, the same measurement still finds it."""
from __future__ import annotations

from debug_pages import render_with_boxes
from vision.defects import truncation
from vision.defects.pixels import text_info
from vision.ocr import TextLine

FONT = "font-family: 'Liberation Sans', sans-serif"


def _line(img, box, text: str, grow: int = 0):
    """The line as the page OCR would box it: the text's box, `grow` px wider on the left."""
    x, y, w, h = (int(round(v)) for v in box)
    return text_info(img, TextLine(text, (x - grow, y, w + grow, h), 0.99))


PANEL = f"""<!doctype html><html><head><meta charset="utf-8"><style>
body {{ margin: 0; {FONT}; background: repeating-linear-gradient(#cccccc 0 1px, #cacaca 1px 2px); }}
h1 {{ display: inline-block; margin: 60px 0 0 60px; padding: 0 24px; font-size: 56px; line-height: 64px;
      color: #fff; background: #002676; }}
</style></head><body><h1 id="t">2024!</h1></body></html>"""


def test_textured_ground_at_the_box_edge_is_no_cut_word():
    """A heading set on a dark panel whose OCR box takes in one column of the light, finely striped
    page beside the panel: that column's strength wobbles about full strength from row to row,
    which is one edge, not three cut strokes of a word clipped inside the line."""
    img, boxes = render_with_boxes(PANEL, ("t",))
    t = _line(img, boxes["t"], "2024!", grow=1)
    assert t is not None
    assert truncation.detect(img, [t]) == [], boxes


CUT = f"""<!doctype html><html><head><meta charset="utf-8"><style>
body {{ margin: 0; {FONT}; background: #fff; }}
div {{ position: absolute; font-size: 30px; color: #222; white-space: nowrap; }}
</style></head><body>
<div id="greek" style="left: 240px; top: 60px; font-size: 16px; font-family: 'Noto Sans'; color: #a0a0a0">Ελληνικά</div>
<div id="cut" style="left: 40px; top: 120px; overflow: hidden">Hello</div>
<div id="probe" style="left: 40px; top: 200px">Hell</div>
</body></html>"""
# the clipping box ends half way through the "o": a straight cut through its bowl's two sides
HALF_O = """(() => { const p = document.getElementById('probe'), c = document.getElementById('cut');
const full = c.getBoundingClientRect().width; c.style.width = (p.getBoundingClientRect().width
+ (full - p.getBoundingClientRect().width) / 2) + 'px'; p.remove(); })()"""


def test_greek_word_read_with_latin_look_alikes_is_not_a_cut():
    """A Greek word the recogniser reads with Latin look-alikes ("Eλληviká"): its final alpha ends
    in two flicks on one column, as a cut through two strokes would, but the "a" read last never
    does, so no cut can be told from it; a Latin word cut by its box's edge through a letter's
    middle ("Hel|lo") is still found."""
    img, boxes = render_with_boxes(CUT, ("greek", "cut"), before=HALF_O)
    greek = _line(img, boxes["greek"], "Eλληviká")
    cut = _line(img, boxes["cut"], "Hello")
    assert truncation._sliced_end(img, greek) is False
    assert [i.category for i in truncation.detect(img, [cut])] == ["text-truncation"], boxes
