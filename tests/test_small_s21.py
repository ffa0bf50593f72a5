"""small-text and small-target, session 21: pages rendered here in Chromium, each line boxed the
way the page OCR boxes it, with the text it read."""
from __future__ import annotations

from debug_pages import lands_on, read_line, render_with_boxes

from vision.defects import small

FOOTER = """<!doctype html><html><head><meta charset="utf-8"><style>
body { margin: 0; background: #f5f5f5; font-family: Roboto, "Helvetica Neue", sans-serif; }
p { position: absolute; left: 16px; margin: 0; color: #616161; font-size: 14px; }
span { margin-left: 9px; }
</style></head><body>
<p id="small" style="top: 30px"><span id="help" style="margin: 0">Help</span><span id="cache" style="font-size: 9px">Cache Flush</span></p>
<p id="same" style="top: 80px"><span style="margin: 0">Help</span><span>Cache Flush</span></p>
</body></html>"""


def test_a_run_much_smaller_than_its_one_neighbour_by_the_em_is_small_text():
    """A pale 9 px "Cache Flush" after a 14 px "Help" (a footer): with one word to compare with, the
    band test asks for a band under 0.6 of the neighbour's, and the 9 px words' band (6 rows) is
    0.75 of the x-height of "Help"; their whole ink over the em their letters span (7 rows over a
    cap height: under 10 px, "Help" 14 rows over cap height and descender: 15 px) says it plainly.
    The same line set in one size stays clean."""
    img, boxes = render_with_boxes(FOOTER, ("small", "help", "cache", "same"), text=True, height=140)
    line = read_line(img, boxes["small"], "Help Cache Flush")
    found = small.detect_text([line], img)
    assert lands_on(found, boxes["cache"]) and not lands_on(found, boxes["help"]), found
    assert small.detect_text([read_line(img, boxes["same"], "Help Cache Flush")], img) == []


HELP = """<!doctype html><html><head><meta charset="utf-8"><style>
body { margin: 0; background: #000; }
button { position: absolute; width: 11px; height: 11px; padding: 0; margin: 0; border: 1px solid #2563eb;
         border-radius: 3px; background: transparent; color: #2563eb; font: 8px / 1 sans-serif;
         display: block; box-sizing: border-box; text-align: left; }
</style></head><body>
<button id="q" style="left: 59.828px; top: 40px">?</button>
</body></html>"""


def test_an_11px_frame_whose_sign_fills_a_fifth_of_its_inside_is_a_target():
    """An 11x11 help button: a 1 px frame round a "?". Its inside, 7x7, holds a glyph of about ten
    pixels, over a fifth of it: a control's sign is a couple of strokes across the inside at any
    size, so in a small frame it takes a larger share."""
    img, boxes = render_with_boxes(HELP, ("q",), height=120, width=200)
    found = small.detect_targets(img, [])
    assert lands_on(found, boxes["q"]), found


TILE = """<!doctype html><html><head><meta charset="utf-8"><style>
body { margin: 0; background: #fff; }
svg { position: absolute; left: 449px; top: 233px; }
</style></head><body>
<svg id="tile" width="76" height="76" viewBox="0 0 76 76"><rect width="76" height="76" rx="7" fill="#0166ff"/>
<g fill="#fff"><rect x="33.2" y="18.96" width="9.6" height="38.4"/><rect x="18.8" y="33.36" width="38.4" height="9.6"/></g></svg>
</body></html>"""


def test_the_rim_of_a_large_signs_arm_is_no_frame():
    """A 76 px share tile with a white plus: where a tile of the ground map is white, the plus's
    lower arm stands out only by its anti-aliased rim, three sides of a box open at the top. A
    frame is closed on all four sides."""
    img, boxes = render_with_boxes(TILE, ("tile",), width=1310, height=830)
    assert not lands_on(small.detect_targets(img, []), boxes["tile"]), boxes


HEADINGS = """<!doctype html><html><head><meta charset="utf-8"><style>
body { margin: 0; background: #fff; color: #333; font-family: GothamBold; }
div { position: absolute; left: 29.34px; line-height: normal; }
hr { position: absolute; left: 29px; margin: 0; border: 0; height: 1px; background: #aaa; width: 100px; }
</style></head><body>
<div id="s10" style="top: 30.78px; font-size: 10px">Asia Pacific</div><hr style="top: 42px">
<div id="s12" style="top: 70.78px; font-size: 12px">Asia Pacific</div><hr style="top: 86px">
</body></html>"""


def test_a_line_whose_tall_letters_fill_its_band_is_sized_by_its_words_ink():
    """A 10 px heading in the browser's fallback serif, set at a fractional offset (a web font that
    did not load): its capitals, ascenders and i dots ink the rows above the x-height enough that
    the dense band spans 7 of its 8 rows and reads 13 px; its whole ink reads 11.1 px (8 rows over
    a cap height), but its words' own ink over the em their letters span, 10.4 px, says it
    clearly. The same heading at 12 px stays clean."""
    img, boxes = render_with_boxes(HEADINGS, ("s10", "s12"), text=True, height=120)
    found = small.detect_text([read_line(img, boxes["s10"], "Asia Pacific", pad=(3, 4))], img)
    assert lands_on(found, boxes["s10"]), found
    assert small.detect_text([read_line(img, boxes["s12"], "Asia Pacific", pad=(3, 4))], img) == []


NEWS = """<!doctype html><html><head><meta charset="utf-8"><style>
body { margin: 0; background: #f9f9f9; font-family: 'Liberation Serif', serif; }
h2 { position: absolute; left: 30px; margin: 0; font-size: 26px; font-weight: normal; color: #404040; }
a { color: #3b6fc4; text-decoration: none; font-family: 'Liberation Sans', sans-serif; }
</style></head><body>
<h2 id="h10" style="top: 30px">NOTICIAS <a id="v10" href="#" style="font-size: 10px">ver más →</a></h2>
<h2 id="h16" style="top: 90px">NOTICIAS <a id="v16" href="#" style="font-size: 16px">ver más →</a></h2>
</body></html>"""


def test_an_arrow_beside_a_small_link_is_no_word_to_compare_it_with():
    """A 10 px "ver más →" after a 26 px heading: the arrow, a 3-row dash, is too small to be
    measured as a word, and as a second neighbour it halved the heading's band and ink that the
    link is compared with. The link set at 16 px stays clean."""
    img, boxes = render_with_boxes(NEWS, ("h10", "v10", "h16", "v16"), text=True, height=150, width=400)
    found = small.detect_text([read_line(img, boxes["h10"], "NOTICIAS ver más", pad=(6, 6))], img)
    assert lands_on(found, boxes["v10"]), found
    assert small.detect_text([read_line(img, boxes["h16"], "NOTICIAS ver más", pad=(6, 6))], img) == []
