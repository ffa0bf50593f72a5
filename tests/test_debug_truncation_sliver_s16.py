"""text-truncation, the sliver a clip leaves (2026-12-01): a link clipped just past the first
stem of its "n" (the underline running on under that stem) and a capitals label clipped through
the left stem of its "U" (a stroke set tight after the "L" and left unread) are cut; a button's
border after its label, a whole underlined word and a Cyrillic word ending in "ы" are not. Pages
are rendered in Chromium and each line is boxed the way the page OCR boxes it, with the text the
recogniser read."""
from __future__ import annotations

from debug_pages import clip_at, render_with_boxes
from vision.defects import truncation
from vision.defects.pixels import text_info
from vision.ocr import TextLine

PAGE = """<!doctype html><html><head><meta charset="utf-8"><style>
body { margin: 0; background: #fff; font-family: 'Liberation Serif', serif; color: #111; font-size: 17px; }
div { position: absolute; white-space: nowrap; }
.clip { display: inline-block; overflow: hidden; vertical-align: bottom; }
a { color: #0000ee; }
</style></head><body>
<div style="left: 40px; top: 40px"><a href="#"><span id="link" class="clip">Licenses and more</span></a></div>
<div style="left: 40px; top: 100px; font: bold 19px 'Liberation Sans', sans-serif; color: #666; letter-spacing: 2px">
  <span id="caps" class="clip">DATA SOLUTIONS</span></div>
<div style="left: 40px; top: 160px"><button id="button" style="font: 18px 'Liberation Sans', sans-serif; padding: 4px 8px">Explore CC</button></div>
<div style="left: 40px; top: 220px"><a href="#" id="whole">Licenses</a></div>
<div style="left: 40px; top: 280px; font-family: 'DejaVu Sans', sans-serif" id="cyr">Мы любим сыры</div>
</body></html>"""
# each clip ends inside one letter: a third of the way into the "n" of "and" (just past its first
# stem), a quarter of the way into the "U" (through its left stem)
CUT = clip_at(("link", 10, 0.3), ("caps", 8, 0.22))


def _line(img, box, text: str):
    x, y, w, h = (int(round(v)) for v in box)
    return text_info(img, TextLine(text, (x - 4, y - 2, w + 8, h + 4), 0.99))


def _found(img, box, text: str) -> list[str]:
    return [i.category for i in truncation.detect(img, [_line(img, box, text)])]


def test_clip_through_a_first_stem_is_a_cut():
    img, boxes = render_with_boxes(PAGE, ("link", "caps"), before=CUT, height=400)
    assert _found(img, boxes["link"], "Licenses al") == ["text-truncation"], boxes
    assert _found(img, boxes["caps"], "DATA SOL") == ["text-truncation"], boxes


def test_frames_whole_links_and_cyrillic_strokes_are_not():
    img, boxes = render_with_boxes(PAGE, ("button", "whole", "cyr"), height=400)
    assert _found(img, boxes["button"], "Explore CC") == [], boxes
    assert _found(img, boxes["whole"], "Licenses") == [], boxes
    assert _found(img, boxes["cyr"], "Мы любим сыры") == [], boxes
