"""small-target and text-overlap on pages rendered here (real Chromium): controls drawn over
lines of several colours, letters of a link and labelled checkboxes that are no small controls,
and a row of icon tiles read as a doubtful line that is no collision of text."""
from __future__ import annotations

from debug_pages import render_with_boxes

from vision.defects import measure_lines, read_text, small, text_overlap
from vision.defects.issue import overlap_min
from vision.ocr import TextLine


def _hits(found, box) -> list:
    return [i for i in found if overlap_min(i.bbox, box) >= 0.5]


MIXED_LINE = """<!doctype html><html><head><meta charset="utf-8"><style>
body { margin: 0; padding: 40px; font: 16px 'Liberation Sans', sans-serif; background: #0c121c; color: #a0a4ac; }
a { color: #fff; }
#b { position: absolute; width: 14px; height: 14px; padding: 0; border: 1px solid rgb(37,99,235);
     border-radius: 3px; background: transparent; color: rgb(37,99,235); font: 9px/1 sans-serif; }
</style></head><body>
<p id="p">We have more than five million <a href="#">assets</a> on Shutterstock as of this year.</p>
<script>const r = document.createRange(); r.selectNodeContents(document.getElementById('p'));
const q = r.getClientRects()[0]; const b = document.createElement('button'); b.id = 'b'; b.textContent = '+';
b.style.left = (q.left + 262) + 'px'; b.style.top = (q.top + q.height / 2 - 7) + 'px'; document.body.appendChild(b);</script>
</body></html>"""


def test_a_control_over_letters_of_a_third_colour_is_found():
    """The line's ink colour is its white link; the grey letters under a blue 14 px button are
    far from both that colour and the ground, so they join the button's frame in one shape. The
    pixels that blend the frame's own blue with the ground are the frame alone."""
    img, boxes = render_with_boxes(MIXED_LINE, ("b",))
    found = small.detect_targets(img, measure_lines(img, read_text(img)))
    assert _hits(found, boxes["b"]), ([i.bbox for i in found], boxes["b"])


LINK_LETTERS = """<!doctype html><html><head><meta charset="utf-8"><style>
body { margin: 0; padding: 40px; font: 22px 'Liberation Sans', sans-serif; background: #e8f0fe; color: #202124; }
a { color: #1a73e8; }
</style></head><body>
<p>Certificates are free via the ACME API. Learn how you can use the API <a id="a" href="#">using your</a> own account.</p>
<p>Read more about this change and its history on the official <a id="g" href="#">Google</a> blog.</p>
</body></html>"""


def test_round_letters_of_a_link_are_no_controls():
    """An o in a link's colour inside a dark line is a closed ring of another colour than the
    line's ink, like a control's frame drawn over the text; the letters of its own colour right
    beside it make it a letter of a word."""
    img, boxes = render_with_boxes(LINK_LETTERS, ("a", "g"))
    found = small.detect_targets(img, measure_lines(img, read_text(img)))
    assert not [i for i in found if any(overlap_min(i.bbox, b) > 0 for b in boxes.values())], [i.bbox for i in found]


CHECKBOXES = """<!doctype html><html><head><meta charset="utf-8"><style>
body { margin: 0; padding: 40px; font: 16px 'Liberation Sans', sans-serif; background: #fff; color: #2a2a2a; }
.row { display: flex; align-items: center; height: 60px; }
label { padding-left: 24px; }
</style></head><body>
<div class="row"><input type="checkbox" id="with"><label for="with">I have read and understood the terms</label></div>
<div class="row" style="margin-top: 60px"><input type="checkbox" id="alone"></div>
</body></html>"""


def test_a_checkbox_with_its_label_beside_it_is_no_small_target():
    """A checkbox followed on its row by its label: clicking the label toggles it, so its hit box
    is the label's; the same checkbox with no text beside it is a 13 px target."""
    img, boxes = render_with_boxes(CHECKBOXES, ("with", "alone"))
    found = small.detect_targets(img, measure_lines(img, read_text(img)))
    assert not [i for i in found if overlap_min(i.bbox, boxes["with"]) > 0], [i.bbox for i in found]
    assert _hits(found, boxes["alone"]), ([i.bbox for i in found], boxes["alone"])


TILES = """<!doctype html><html><head><meta charset="utf-8"><style>
body { margin: 0; padding: 40px; font: 18px 'Liberation Sans', sans-serif; background: #fff; color: #616c7d; }
.tiles { display: flex; gap: 4px; margin-top: 14px; }
.tiles span { display: flex; width: 32px; height: 32px; border-radius: 4px; color: #fff; font: bold 22px sans-serif;
              align-items: center; justify-content: center; }
p { margin: 0 0 8px 0; }
</style></head><body>
<p id="l1">Share this page with your friends</p><p id="l2">Universal sharing buttons</p>
<div class="tiles" id="t"><span style="background:#0166ff">+</span><span style="background:#1877f2">f</span>
<span style="background:#e60023">p</span><span style="background:#6364ff">m</span><span style="background:#25d366">w</span>
<span style="background:#1c1c1c">@</span></div>
</body></html>"""


def test_a_row_of_icon_tiles_read_as_a_doubtful_line_is_no_collision():
    """The recogniser reads a row of share buttons as gibberish with doubt; their solid tiles make
    a dense band three times the x-height of the lines around, the sign of two lines run
    together, but tiles cover most of their box where glyph strokes, even of two lines, do not."""
    img, boxes = render_with_boxes(TILES, ("l1", "l2", "t"))

    def box(k: str, pad: int = 3) -> tuple[int, ...]:
        x, y, w, h = boxes[k]
        return tuple(int(round(v)) for v in (x - pad, y - pad, w + 2 * pad, h + 2 * pad))

    lines = [TextLine("Share this page with your friends", box("l1"), 0.99),
             TextLine("Universal sharing buttons", box("l2"), 0.99),
             TextLine("+ f②@6", (box("t")[0], box("t")[1], 6 * 36, box("t")[3]), 0.56)]
    found = text_overlap.detect(measure_lines(img, lines), img)
    assert not found, [(i.bbox, i.message) for i in found]


UNREAD_SCRIPT = """<!doctype html><html><head><meta charset="utf-8"><style>
body { margin: 0; padding: 30px; font-family: 'Liberation Serif', serif; color: #4a4a4a; background: #e8ecee; }
p { margin: 0 0 30px 0; }</style></head><body>
<p id="n" style="font-size:14px">Официальный интернет-портал государственных услуг, 2024 г.</p>
<p id="s" style="font-size:9px">Официальный интернет-портал государственных услуг, 2024 г.</p>
</body></html>"""


def test_a_line_read_as_a_few_stops_and_digits_is_sized_by_its_band_as_an_x_height():
    """A script the recogniser does not know reads as "-  , 2024 ." across a whole line: with no
    letter read, the dense band (the unread lowercase's x-height) was taken as a cap height and a
    14 px line measured 10 px. The text read spans a tenth of the ink, so the band is read as an
    x-height; a 9 px line stays small."""
    img, boxes = render_with_boxes(UNREAD_SCRIPT, ("n", "s"), text=True)
    found = {}
    for k in ("n", "s"):
        x, y, w, h = (int(round(v)) for v in boxes[k])
        line = TextLine("-  , 2024 .", (x - 3, y - 2, w + 6, h + 4), 0.9)
        found[k] = small.detect_text(measure_lines(img, [line]), img)
    assert not found["n"], [i.message for i in found["n"]]
    assert found["s"], "9 px line not found"


SAME_INK = """<!doctype html><html><head><meta charset="utf-8"><style>
body { margin: 0; padding: 40px; font: 26px 'Liberation Sans', sans-serif; background: #fff; color: #666; }
h1 { font: bold 90px 'Liberation Sans', sans-serif; margin: 40px 0 0 0; color: #222; }
#b { position: absolute; width: 13px; height: 13px; padding: 0; border: 1px solid rgb(37,99,235); border-radius: 3px;
     background: rgb(37,99,235); color: #fff; font: 9px/1 sans-serif; }
</style></head><body>
<p id="p">You are unable to access www.wiley.com today</p>
<h1 id="h">All done.</h1>
<script>const r = document.createRange(); r.selectNodeContents(document.getElementById('p'));
const q = r.getClientRects()[0]; const b = document.createElement('button'); b.id = 'b'; b.textContent = '\u203a';
b.style.left = (q.left + 340) + 'px'; b.style.top = (q.top + q.height / 2 - 6) + 'px'; document.body.appendChild(b);</script>
</body></html>"""


def test_a_filled_button_painted_like_the_text_it_covers_is_found():
    """A 13 px blue button with a mark over a grey line: the blue is the strongest ink there, so it
    becomes the line's measured ink colour and the button is no shape of another colour; only a
    solid square in the ink colour tells it from the glyphs. A heading's square full stop, solid
    but with no mark, is no control."""
    img, boxes = render_with_boxes(SAME_INK, ("b", "h"))
    found = small.detect_targets(img, measure_lines(img, read_text(img)))
    assert _hits(found, boxes["b"]), ([i.bbox for i in found], boxes["b"])
    assert not [i for i in found if overlap_min(i.bbox, boxes["h"]) > 0], [i.bbox for i in found]
