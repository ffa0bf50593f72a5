"""small-text and small-target on pages rendered here (real Chromium): the cases the benchmark's
clean pages and misses showed, written as small pages of their own."""
from __future__ import annotations

import pytest
from debug_pages import render_with_boxes

from vision.defects import measure_lines, read_text, small
from vision.defects.glyph_extent import word_em
from vision.defects.issue import overlap_min
from vision.ocr import TextLine


def _hits(found, box) -> list:
    return [i for i in found if overlap_min(i.bbox, box) >= 0.5]


def test_word_em_counts_only_letters_whose_extent_is_known():
    """Ascenders and descenders set a word's span; x-height letters alone, accents and symbols
    leave it unknown (no second witness rather than a wrong one)."""
    assert word_em("HOT") == pytest.approx(0.72)
    assert word_em("Shopping") == pytest.approx(0.93)
    assert word_em("gun") == pytest.approx(0.74)
    assert word_em("use,") == pytest.approx(0.74)  # a comma hangs below the baseline
    assert word_em("on") is None
    assert word_em("café") is None
    assert word_em("+26°") is None


CYRILLIC = """<!doctype html><html><head><meta charset="utf-8"><style>
body { margin: 0; padding: 30px; font-family: 'Liberation Sans', sans-serif; color: #333; background: #fff; }
p { margin: 0 0 16px 0; }</style></head><body>
<p id="r14" style="font-size:14px">Гонконг</p><p id="r13" style="font-size:13px">Гонконг</p>
<p id="r12" style="font-size:12px">Гонконг</p><p id="r10" style="font-size:10px">Гонконг</p>
<p id="e10" style="font-size:10px">Examples of everyday shopping</p>
<p id="e12" style="font-size:12px">Examples of everyday shopping</p>
</body></html>"""


def test_lowercase_read_as_capitals_is_measured_by_its_full_height():
    """The recogniser reads Cyrillic lowercase (`онконг`) as Latin capitals (`FOHKOH`): their
    x-height band taken as a cap height says 10-11 px for 12-14 px text. The word's whole ink (a
    capital Г and x-height letters, as tall as `FOHKOH` would be) says 12.5 px and more; a 10 px
    word stays small, and so does 10 px lowercase, while 12 px lowercase is normal."""
    ids = ("r14", "r13", "r12", "r10", "e10", "e12")
    img, boxes = render_with_boxes(CYRILLIC, ids, text=True)
    read = {"e10": "Examples of everyday shopping", "e12": "Examples of everyday shopping"}
    found = {}
    for k in ids:
        x, y, w, h = (int(round(v)) for v in boxes[k])
        line = TextLine(read.get(k, "FOHKOH"), (x - 3, y - 2, w + 6, h + 4), 0.95)
        found[k] = small.detect_text(measure_lines(img, [line]), img)
    assert [k for k in ids if found[k]] == ["r10", "e10"], {k: [i.message for i in v] for k, v in found.items()}


MIXED = """<!doctype html><html><head><meta charset="utf-8"><style>
body { margin: 0; padding: 30px; font: 12px 'Liberation Sans', sans-serif; background: #fff; color: #999; }
p { margin: 0 0 30px 0; }
#mixed { font-family: 'WenQuanYi Zen Hei', 'Liberation Sans', sans-serif; }
#mixed span { font-family: 'Liberation Sans', sans-serif; }
</style></head><body>
<p id="mixed"><span id="en">About Baidu</span> 使用百度前必读 帮助中心 企业推广 京公网安备11000002000001号</p>
<p id="line" style="font-size:16px; color:#333">Welcome to our store,
<span id="sm" style="font-size:9px">terms and conditions apply</span> for every order today</p>
</body></html>"""


def test_latin_words_in_a_cjk_line_keep_the_latin_measure():
    """12 px Latin words in a line of 12 px CJK glyphs are shorter than the glyphs (cap height
    0.72 em against 0.88 em): measured with the CJK ratio they looked 10 px. A 9 px span in a
    16 px Latin line is still small."""
    img, boxes = render_with_boxes(MIXED, ("en", "sm"), text=True)
    found = small.detect_text([t for t in measure_lines(img, read_text(img)) if t.conf >= 0.5], img)
    assert not [i for i in found if overlap_min(i.bbox, boxes["en"]) > 0.3], [(i.bbox, i.message) for i in found]
    assert _hits(found, boxes["sm"]), [(i.bbox, i.message) for i in found]


EDGES = """<!doctype html><html><head><meta charset="utf-8"><style>
body { margin: 0; font: 16px 'Liberation Sans', sans-serif; background: #000; }
#card { position: absolute; left: 24px; top: 100px; width: 270px; height: 130px; background: #0f79af; color: #fff; }
#card p { position: absolute; left: 150px; top: 40px; margin: 0; }
.btn { position: absolute; width: 16px; height: 16px; padding: 0; border: 1px solid #fff; border-radius: 3px;
       background: transparent; color: #fff; font: 11px/1 sans-serif; box-sizing: border-box; }
#bar { position: absolute; left: 0; top: 290px; width: 720px; height: 10px; background: #94c5ea; }
#light { position: absolute; left: 0; top: 300px; width: 720px; height: 120px; background: #fff; }
#light p { position: absolute; left: 300px; top: 8px; margin: 0; color: #1a73c8; font-size: 24px; }
#b2 { border-color: #2563eb; color: #2563eb; }
</style></head><body>
<div id="card"><p>Sign in</p><button id="b1" class="btn" style="left:252px;top:40px">+</button></div>
<div id="bar"></div><div id="light"><p>Get your tickets!</p>
<button id="b2" class="btn" style="left:509px;top:14px;width:12px;height:12px">&rsaquo;</button></div>
</body></html>"""


def test_small_controls_near_a_surface_edge_are_found():
    """A 16 px button 2 px inside the edge of a blue card on a black page, and a 12 px one on
    white under a light bar: where a surface's edge cuts a background tile, the tile's mean
    colour is neither surface's, so both stood out as ink and the first button joined its whole
    card. Against each tile's dominant colour and its neighbours' they stand alone."""
    img, boxes = render_with_boxes(EDGES, ("b1", "b2"))
    found = small.detect_targets(img, measure_lines(img, read_text(img)))
    for k in ("b1", "b2"):
        assert [i for i in found if i.bbox == [int(v) for v in boxes[k]]], (k, boxes[k], [i.bbox for i in found])
    assert len(found) == 2, [i.bbox for i in found]


def test_target_mask_keeps_a_white_control_beside_a_light_surface():
    """Only a neighbouring tile's own colour is taken for background: a white square next to a
    light grey surface (21 levels apart) is still ink, its anti-aliased pixels included."""
    import numpy as np

    img = np.full((96, 96, 3), 51, np.uint8)
    img[:30] = 234                      # a light grey band over a dark surface
    img[36:48, 40:52] = 255             # a white control just under it
    img[41:43, 45:47] = 230             # a mark's anti-aliased pixels, close to the band's grey
    mask = small.target_mask(img)
    assert mask[36:48, 40:52].all()
    assert not mask[:30].any() and not mask[50:].any()


PICTOGRAM = """<!doctype html><html><head><meta charset="utf-8"><style>
body { margin: 0; padding: 40px; font: 16px 'Liberation Sans', sans-serif; background: #eee; color: #222; }
.pill { display: inline-flex; align-items: center; gap: 10px; background: #fff; border: 1px solid #ccc;
        border-radius: 8px; padding: 10px 14px; }
.btn { width: 16px; height: 16px; padding: 0; border: 1px solid #2563eb; border-radius: 3px; background: transparent;
       color: #2563eb; font: 11px/1 sans-serif; box-sizing: border-box; margin-left: 14px; }
</style></head><body>
<p><span class="pill"><svg id="pic" width="20" height="17" viewBox="0 0 20 17">
<rect x="1" y="1" width="18" height="15" fill="none" stroke="#111" stroke-width="2"/>
<polyline points="1,14 6,8 10,12 14,6 19,12" fill="none" stroke="#111" stroke-width="1.5"/>
<circle cx="5" cy="5" r="1.5" fill="#111"/></svg> All images</span></p>
<p style="margin-top:60px">Saved to your list <button id="b" class="btn">+</button></p>
</body></html>"""


def test_a_framed_pictogram_is_no_outlined_control():
    """A picture icon inside a wide button is a closed frame too, but its hills run into the frame;
    a small button's outline holds its `+` apart, and it is still found."""
    img, boxes = render_with_boxes(PICTOGRAM, ("pic", "b"))
    found = small.detect_targets(img, measure_lines(img, read_text(img)))
    assert not [i for i in found if overlap_min(i.bbox, boxes["pic"]) > 0.3], [i.bbox for i in found]
    assert _hits(found, boxes["b"]), [i.bbox for i in found]


OVER_TEXT = """<!doctype html><html><head><meta charset="utf-8"><style>
body { margin: 0; padding: 40px; font: 20px 'Liberation Sans', sans-serif; background: #737373; color: #fff; }
p { margin: 0 0 50px 0; }
.btn { position: absolute; width: 12px; height: 12px; padding: 0; border: 1px solid #2563eb; border-radius: 3px;
       background: transparent; color: #2563eb; font: 8px/1 sans-serif; box-sizing: border-box; }
.serif { font: 20px 'Liberation Serif', serif; color: #fff; }
</style></head><body>
<p>Votre nom de domaine a été créé par notre équipe</p>
<button id="b" class="btn" style="left:236px;top:46px">?</button>
<p id="serif" class="serif">Coming soon: <span style="color:#222">Happy</span> Streaming for everyone</p>
</body></html>"""


def test_a_control_drawn_over_a_text_line_is_found():
    """A 12 px button drawn over the letters of a line joins their ink and never stands alone;
    its frame, in a colour far from the line's text and background, comes apart from the glyphs.
    A serif H of another colour in a line is no frame: its top and bottom are broken."""
    img, boxes = render_with_boxes(OVER_TEXT, ("b", "serif"))
    found = small.detect_targets(img, measure_lines(img, read_text(img)))
    assert _hits(found, boxes["b"]), [i.bbox for i in found]
    assert not [i for i in found if overlap_min(i.bbox, boxes["serif"]) > 0], [i.bbox for i in found]
