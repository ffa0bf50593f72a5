"""small-text sized by word ink only where the ink's words are the recogniser's, and blank-area
holes over a gradient with a faint mark, on pages rendered here (real Chromium)."""
from __future__ import annotations

import pytest
from debug_pages import render_with_boxes

from vision.defects import measure_lines, small
from vision.defects.glyph_extent import aligned
from vision.ocr import TextLine

STYLE = """<style>body { margin: 0; padding: 30px 40px; font-family: 'Liberation Serif', serif; color: #222;
background: #fff; } p { margin: 0 0 30px 0; font-weight: bold; }
.icon { display: inline-block; width: 3px; height: 10px; border: 1px solid #f0c040; margin-left: 12px; }</style>"""


def test_aligned_needs_each_word_about_as_wide_as_its_letters():
    """Two read words and two ink words, but the second ink word is a 4 px icon: the count agrees
    while the words do not. Words of ordinary widths, and a one-letter word, do line up."""
    assert not aligned([(0, 54, 5, 11, 6), (67, 71, 0, 11, 11)], ["LEARN", "MORE"])
    assert aligned([(0, 30, 0, 9, 6), (36, 70, 0, 9, 6)], ["LEARN", "MORE"])
    assert aligned([(0, 3, 0, 9, 9), (8, 40, 0, 9, 6)], ["I", "agree"])
    assert not aligned([(0, 30, 0, 9, 6)], ["LEARN", "MORE"])


@pytest.mark.parametrize("px,expected", [(8, ["small-text"]), (14, [])])
def test_an_icon_beside_a_line_does_not_lend_a_word_its_height(px, expected):
    """Capitals with a tall icon after them: the ink splits into the words' run and the icon, as many
    ink words as read words, and the icon's height would size the second word (8 px capitals read as
    12 px). The line is sized by its own glyphs: 8 px is reported, 14 px is not."""
    html = ("<!doctype html><html><head><meta charset='utf-8'>" + STYLE + "</head><body>"
            f"<p><span id='t' style='font-size:{px}px'>LEARN MORE</span><span class='icon'></span></p></body></html>")
    img, boxes = render_with_boxes(html, ["t"], text=True)
    x, y, w, h = (int(round(v)) for v in boxes["t"])
    line = TextLine("LEARN MORE", (x - 4, y - 4, w + 30, h + 8), 0.99)
    found = small.detect_text(measure_lines(img, [line]), img)
    assert [i.category for i in found] == expected, [(i.bbox, i.message) for i in found]
