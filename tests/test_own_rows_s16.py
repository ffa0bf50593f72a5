"""A line's OCR box that takes in the tops of the next tightly set line (11 px text on a 12 px
pitch, as in a sign-up form's small print) makes no text-overlap and lends no colour to the
line's words for low-contrast; a line really drawn over another is still a collision. Each page
is rendered in Chromium and its lines are boxed the way the page OCR boxes them."""
from __future__ import annotations

from debug_pages import render_with_boxes
from vision.defects import contrast, text_overlap
from vision.defects.own_rows import own_rows
from vision.defects.pixels import text_info
from vision.ocr import TextLine

SANS = "font-family: 'Liberation Sans', sans-serif"

PRINT = f"""<!doctype html><html><head><meta charset="utf-8"><style>
body {{ margin: 0; background: #000; {SANS}; font-size: 11px; line-height: 12px; color: #71767b; }}
div {{ position: absolute; left: 40px; white-space: nowrap; }} a {{ color: #1d9bf0; }}
</style></head><body>
<div style="top: 40px"><span id="a">By signing up, you agree to the <a>Terms of Service</a> and <a>Privacy</a></span></div>
<div style="top: 52px"><span id="b"><a>Policy</a>, including <a>Cookie Use</a>.</span></div>
<div style="top: 140px"><span id="x">Read the full story of the happy day</span></div>
<div style="top: 145px; left: 70px"><span id="y">Limited offer today</span></div>
</body></html>"""


def _line(img, box, text: str, conf: float = 0.99, above: int = 0, below: int = 0):
    x, y, w, h = (int(round(v)) for v in box)
    return text_info(img, TextLine(text, (x, y - above, w, h + above + below), conf))


def _print_lines():
    img, boxes = render_with_boxes(PRINT, ("a", "b", "x", "y"), text=True)
    a = _line(img, boxes["a"], "By signing up, you agree to the Terms of Service and Privacy", below=4)
    b = _line(img, boxes["b"], "Policy, including Cookie Use.", above=2)
    return img, boxes, a, b


def test_own_rows_drops_the_next_lines_tops():
    img, boxes, a, b = _print_lines()
    own = own_rows(img, a)
    assert own.ink_box[3] < a.ink_box[3]
    assert own.ink_box[1] + own.ink_box[3] <= b.ink_box[1] + b.ink_box[3] - 6


def test_next_lines_tops_in_the_box_are_no_collision():
    img, _, a, b = _print_lines()
    assert text_overlap.detect([a], img) == []
    assert text_overlap.detect([a, b], img) == []


def test_boxes_taking_in_each_others_edges_are_no_pair_collision():
    """The next line's first word read on its own, its box taking in the descender of a g above."""
    img, boxes, a, _ = _print_lines()
    x, y, _, h = boxes["b"]
    word = _line(img, (x, y, 36, h), "Policy,", above=2)
    assert [i for i in text_overlap.detect([a, word], img) if " and " in i.message] == []


def test_next_lines_tops_lend_no_colour_to_a_word():
    img, _, a, _ = _print_lines()
    assert contrast.detect([a], img) == []


def test_a_line_drawn_over_another_is_still_a_collision():
    img, boxes = render_with_boxes(PRINT, ("x", "y"), text=True)
    x = _line(img, boxes["x"], "Read the full story of the happy day")
    y = _line(img, boxes["y"], "Limited offer today")
    assert own_rows(img, x).ink_box == x.ink_box
    assert [i.category for i in text_overlap.detect([x, y], img)] == ["text-overlap"]


CARD = f"""<!doctype html><html><head><meta charset="utf-8"><style>
body {{ margin: 0; background: #0f5a22; {SANS}; color: #0f5a22; }}
#card {{ position: absolute; left: 0; top: 100px; width: 48px; height: 100px; background: #fff; text-align: center; }}
#panel {{ position: absolute; left: 0; top: 200px; width: 120px; height: 60px; background: #4060c0; }}
#n {{ display: block; margin-top: 8px; font-size: 24px; line-height: 26px; }}
#s {{ display: block; font-size: 16px; line-height: 18px; }}
</style></head><body><div id="card"><span id="n">1.3m</span><span id="s">Shares</span></div><div id="panel"></div>
</body></html>"""


def test_a_cards_edges_in_the_boxes_make_no_collision():
    """A stat card's number and caption, each boxed out to the card's side edge and the caption's
    box down into the panel below: the columns of the card's edge, inked all the way down a box,
    do not join the number's rows to the caption's."""
    img, boxes = render_with_boxes(CARD, ("n", "s"), text=True)
    n, s = boxes["n"], boxes["s"]
    top_n = int(n[1]) - 2
    a = text_info(img, TextLine("1.3m", (0, top_n, 50, int(s[1] + 4) - top_n), 0.99))
    b = text_info(img, TextLine("Shares", (0, int(n[1] + n[3]) - 6, 50, 204 - int(n[1] + n[3]) + 6), 0.99))
    assert a.ink_box[1] + a.ink_box[3] > b.ink_box[1]
    assert text_overlap.detect([a, b], img) == []


LINKS = f"""<!doctype html><html><head><meta charset="utf-8"><style>
body {{ margin: 0; background: #e5e5e5; {SANS}; font-size: 18px; color: #111; }}
div {{ position: absolute; left: 40px; line-height: 22px; }} a {{ color: #00e; text-decoration: underline; }}
</style></head><body>
<div style="top: 40px"><span id="e">english</span></div>
<div style="top: 62px"><a id="r">русский</a></div>
<div style="top: 110px"><span id="n">news</span></div>
</body></html>"""


def test_a_doubtful_lines_box_taking_in_a_descender_above_is_not_too_tall():
    """A link in a script the recogniser does not know, read with doubt, its box reaching up into
    the g of the line above: the g's tail is no part of the link's height."""
    img, boxes = render_with_boxes(LINKS, ("e", "r", "n"), text=True)
    e = _line(img, boxes["e"], "english")
    n = _line(img, boxes["n"], "news")
    x, y, w, h = (int(round(v)) for v in boxes["r"])
    r = text_info(img, TextLine("pyccni", (x, int(boxes["e"][1] + boxes["e"][3]) - 3, w, y + h + 4 - int(boxes["e"][1] + boxes["e"][3]) + 3), 0.84))
    assert r.ink_box[1] < y
    assert text_overlap.detect([e, r, n], img) == []
