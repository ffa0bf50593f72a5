"""small-text inside a pale line (2026-12-01): two words set at 7 px in black inside a line of
16 px grey text are found; measured against the black words alone, the grey ones vanished and
left nothing to compare them with. The same line with every word at 16 px has no finding.
Rendered in Chromium; the line boxed the way the page OCR boxes it, with the text it read."""
from __future__ import annotations

from debug_pages import render_with_boxes
from vision.defects import small
from vision.defects.pixels import text_info
from vision.ocr import TextLine

PAGE = """<!doctype html><html><head><meta charset="utf-8"><style>
body { margin: 0; background: #f6f6f8; color: #999; font: 16px 'Liberation Sans', sans-serif; }
p { position: absolute; left: 40px; margin: 0; white-space: nowrap; }
b { color: #000; }
</style></head><body>
<p id="tiny" style="top: 40px">250,000 translations and the <b style="font-size: 7px">Italian dictionary</b> has nearly</p>
<p id="even" style="top: 100px">250,000 translations and the <b>Italian dictionary</b> has nearly</p>
</body></html>"""


def _found(img, box, read):
    x, y, w, h = (int(round(v)) for v in box)
    t = text_info(img, TextLine(read, (x - 4, y - 2, w + 8, h + 4), 0.97))
    return small.detect_text([t], img)


def test_tiny_dark_words_in_a_pale_line():
    img, b = render_with_boxes(PAGE, ("tiny", "even"), height=160)
    found = _found(img, b["tiny"], "250,000 translations and the tallan dictionary has nearly")
    assert [i.category for i in found] == ["small-text"], b
    assert found[0].bbox[2] < 0.4 * b["tiny"][2]  # the two tiny words, not the line
    assert _found(img, b["even"], "250,000 translations and the Italian dictionary has nearly") == []
