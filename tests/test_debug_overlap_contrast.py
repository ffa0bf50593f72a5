"""Clean-page features that text-overlap and low-contrast took for defects: leading tighter than
the font's ascenders and descenders (a wordmark, a compact widget) and text drawn in a logo.
Pages rendered in Chromium; a real collision and real pale text stay reported."""
from __future__ import annotations

from debug_pages import render_with_boxes
from vision.defects import contrast, measure_lines, text_overlap
from vision.defects.issue import overlap_min
from vision.ocr import TextLine

WORDMARK = """<!doctype html><html><head><meta charset="utf-8"><style>
body { margin: 0; padding: 40px; font: 20px 'Liberation Sans', sans-serif; color: #fff; background: #750014; }
.mark { line-height: 0.9; width: 400px; }
.stack { position: relative; margin-top: 60px; line-height: 1.2; }
#over { position: absolute; left: 90px; top: 0.55em; white-space: nowrap; }
</style></head><body>
<div class="mark"><span id="one">Massachusetts</span><br><span id="two">Institute of</span><br>
<span id="three">Technology</span></div>
<div class="stack"><span id="under">Research and innovation</span><span id="over">Admissions office</span></div>
</body></html>"""


def _line(text: str, box, grow: float) -> TextLine:
    """A line as the recogniser boxes it: taller than the glyphs, taking in a neighbour's ink."""
    x, y, w, h = (int(round(v)) for v in box)
    pad = int(round(grow * h))
    return TextLine(text, (x - 2, y - pad, w + 4, h + 2 * pad), 0.99)


def test_leading_under_one_em_with_clear_rows_is_no_collision():
    """Lines set 0.9 em apart whose boxes reach into each other, but with a row of no ink between
    their letters, are not reported; a line drawn about half a line over another still is."""
    img, boxes = render_with_boxes(WORDMARK, ("one", "two", "three", "under", "over"), text=True)
    tight = [_line("Massachusetts", boxes["one"], 0.15), _line("Institute of", boxes["two"], 0.15),
             _line("Technology", boxes["three"], 0.15)]
    infos = measure_lines(img, tight)
    assert infos[0].ink_box[1] + infos[0].ink_box[3] > infos[1].ink_box[1]  # the boxes do meet
    assert text_overlap.detect(infos, img) == []
    stacked = [_line("Research and innovation", boxes["under"], 0.1), _line("Admissions office", boxes["over"], 0.1)]
    found = text_overlap.detect(measure_lines(img, stacked), img)
    assert [i for i in found if overlap_min(i.bbox, boxes["over"]) >= 0.5], [(i.bbox, i.message) for i in found]


TILES = """<!doctype html><html><head><meta charset="utf-8"><style>
body { margin: 0; padding: 40px; font: bold 15px 'Liberation Sans', sans-serif; color: #fff; background: #fff; }
.tile { width: 60px; height: 60px; border-radius: 12px; background: #fb7701; text-align: center;
        margin-bottom: 40px; }
.tile svg { display: block; margin: 8px auto 4px; }
.go { line-height: 60px; }
.button { display: inline-block; padding: 10px 60px; background: #fb7701; font-weight: normal; }
</style></head><body>
<div class="tile"><svg width="40" height="22" viewBox="0 0 40 22"><circle cx="8" cy="11" r="6" fill="#fff"/>
<rect x="17" y="4" width="8" height="14" fill="#fff"/><polygon points="30,18 34,4 38,18" fill="#fff"/></svg>
<span id="logo">SHOP</span></div>
<div class="tile go"><span id="go">GO</span></div>
<span class="button"><span id="button">Continue</span></span>
</body></html>"""


def test_wordmark_in_an_app_icon_tile_is_no_contrast_failure():
    """White letters under an emblem on a small orange tile are a logo (exempt from WCAG 1.4.3);
    the same white on the same orange as a badge's lone label or a button's is reported."""
    img, boxes = render_with_boxes(TILES, ("logo", "go", "button"), text=True)
    lines = [_line(text, boxes[k], 0.1) for k, text in (("logo", "SHOP"), ("go", "GO"), ("button", "Continue"))]
    found = contrast.detect(measure_lines(img, lines), img)
    assert not [i for i in found if overlap_min(i.bbox, boxes["logo"]) >= 0.5], [(i.bbox, i.message) for i in found]
    for k in ("go", "button"):
        assert [i for i in found if overlap_min(i.bbox, boxes[k]) >= 0.5], (k, [(i.bbox, i.message) for i in found])


EMBLEM = """<!doctype html><html><head><meta charset="utf-8"><style>
body { margin: 0; padding: 40px; font: bold 14px 'Liberation Sans', sans-serif; color: #555; background: #fafafa; }
.badge { width: 120px; text-align: center; margin-bottom: 40px; }
.mark { width: 16px; height: 24px; background: #1ebee6; margin: 0 auto 2px; }
.pale { color: #1ebee6; font-weight: normal; }
</style></head><body>
<div class="badge"><div class="mark"></div><span id="word">hCaptcha</span></div>
<p class="pale"><span id="pale">Privacy and terms of use</span></p>
</body></html>"""


def test_emblem_edge_in_a_line_box_is_not_its_ink():
    """A box that takes in the bottom rows of a blue emblem above dark grey letters measures the
    emblem's blue as the ink; none of that blue is in the letters, so it is not reported. The same
    blue as the letters' own colour is."""
    img, boxes = render_with_boxes(EMBLEM, ("word", "pale"), text=True)
    lines = [_line("hCaptcha", boxes["word"], 0.25), _line("Privacy and terms of use", boxes["pale"], 0.1)]
    infos = measure_lines(img, lines)
    assert max(infos[0].fg) - min(infos[0].fg) > 100  # the emblem's blue was taken for the ink
    found = contrast.detect(infos, img)
    assert not [i for i in found if overlap_min(i.bbox, boxes["word"]) >= 0.5], [(i.bbox, i.message) for i in found]
    assert [i for i in found if overlap_min(i.bbox, boxes["pale"]) >= 0.5], [(i.bbox, i.message) for i in found]


CUT_COLLISION = """<!doctype html><html><head><meta charset="utf-8"><style>
body { margin: 0; padding: 40px; font: bold 20px 'Liberation Sans', sans-serif; background: #fff; }
.head { position: relative; white-space: nowrap; height: 26px; overflow: hidden; }
a { color: #1a6fc0; }
#over { position: absolute; left: 170px; top: 0.55em; color: #1a6fc0; }
</style></head><body>
<div class="head"><a id="link" href="#">You Can Help Us Reach Our Goal of 24 Solid State Drive Sets!</a>
<span id="over">Limited offer today</span></div>
</body></html>"""


def test_collision_running_past_the_line_box_is_found():
    """A line drawn half a line below an underlined link, its lower half cut off by its box: only
    the top of the other line's letters is inside the link's box, and it is still reported."""
    img, boxes = render_with_boxes(CUT_COLLISION, ("link", "over"), text=True)
    line = TextLine("You Can Help Us Reach Our Goal of 24 Solid State Drive Sets!", tuple(int(round(v)) for v in (
        boxes["link"][0] - 2, boxes["link"][1], boxes["link"][2] + 4, boxes["link"][3] + 2)), 0.97)
    found = text_overlap.detect(measure_lines(img, [line]), img)
    assert [i for i in found if overlap_min(i.bbox, boxes["over"]) >= 0.5], [(i.bbox, i.message) for i in found]
