"""Truncations missed on screens of other sizes than 1280x800 (2026-11-30 night, held-out-style
sets at 1024-1920 px): each page is rendered in Chromium, the line measured as the page OCR boxes
and reads it."""
from __future__ import annotations

from debug_pages import render_with_boxes
from vision.defects import truncation
from vision.defects.pixels import text_info
from vision.ocr import TextLine

FONT = "font-family: 'Liberation Sans', sans-serif"


def _line(img, box, text: str):
    """The line as the page OCR boxes it: the text's box, a few pixels of margin around it."""
    x, y, w, h = (int(round(v)) for v in box)
    return text_info(img, TextLine(text, (x - 4, y - 2, w + 8, h + 4), 0.99))


QUESTION = f"""<!doctype html><html><head><meta charset="utf-8"><style>
body {{ margin: 0; {FONT}; background: #0d3685; }}
p {{ position: absolute; left: 60px; top: 60px; margin: 0; font-size: 28px; color: #fff; white-space: nowrap;
     overflow: hidden; text-overflow: ellipsis; }}
</style></head><body><p id="t">Looking for PayPal Business Solutions? We can help</p>
<span id="probe" style="font-size: 28px">Looking for PayPal Business Solutions? W…</span>
<span id="read" style="position: absolute; left: 60px; top: 200px; font-size: 28px">
Looking for PayPal Business Solutions? W</span>
</body></html>"""
# the box ends just past "Solutions? W" and its ellipsis
FIT = """(() => { const p = document.getElementById('probe');
document.getElementById('t').style.width = (p.getBoundingClientRect().width + 1) + 'px'; p.remove(); })()"""


def test_ellipsis_read_as_a_stop_after_a_question_mark():
    """The recogniser reads the ellipsis after "Solutions? W" as one full stop; the glyphs just
    before the dots are a question mark (its hook ends above the baseline) and a W, so the baseline
    the dots must sit on is the whole line's, not the median of those two glyphs' bottoms."""
    img, boxes = render_with_boxes(QUESTION, ("t", "read"), before=FIT)
    # the recogniser's box ends at the first dot, its stop
    t = _line(img, boxes["t"][:2] + [boxes["read"][2] + 4, boxes["t"][3]], "Looking for PayPal Business Solutions? W.")
    assert t is not None
    assert [i.message for i in truncation.detect(img, [t])] != [], boxes


SLIVER = f"""<!doctype html><html><head><meta charset="utf-8"><style>
body {{ margin: 0; {FONT}; background: #fff; }}
span {{ position: absolute; left: 60px; font-size: 36px; font-weight: bold; color: #25292f; white-space: pre; }}
</style></head><body>
<span id="t" style="top: 60px; overflow: hidden; display: inline-block">Documentation service</span>
<span id="a" style="top: 200px">Documentation </span><span id="b" style="top: 300px">Documentation s</span>
<span id="colon" style="top: 400px">Documentation :</span></body></html>"""
# the box ends half way through the "s": a straight cut through its three strokes
HALF_S = """(() => { const a = document.getElementById('a').getBoundingClientRect().width,
b = document.getElementById('b').getBoundingClientRect().width;
document.getElementById('t').style.width = ((a + b) / 2) + 'px'; })()"""


def test_sliver_of_a_cut_letter_read_as_a_colon():
    """The half of an "s" left at a clipping box's edge is read as a colon: a colon's right edge is
    two dots, but this one's cuts three strokes at full strength; a real colon after a space (as
    French sets it) is still no cut."""
    img, boxes = render_with_boxes(SLIVER, ("t", "colon"), text=True, before=HALF_S)
    cut = _line(img, boxes["t"], "Documentation :")
    colon = _line(img, boxes["colon"], "Documentation :")
    assert [i.category for i in truncation.detect(img, [cut])] == ["text-truncation"], boxes
    assert truncation.detect(img, [colon]) == [], boxes


ROUND = f"""<!doctype html><html><head><meta charset="utf-8"><style>
body {{ margin: 0; {FONT}; background: #fff; }}
span {{ position: absolute; left: 60px; font-size: 17px; font-weight: bold; color: #323c46; white-space: pre; }}
</style></head><body>
<span id="t" style="top: 60px; overflow: hidden; display: inline-block">Enter your QuickConnect ID</span>
<span id="a" style="top: 200px">Enter your QuickConne</span>
<span id="b" style="top: 300px">Enter your QuickConnec</span>
<span id="whole" style="top: 400px">Enter your music</span></body></html>"""
# the box ends at 40% of the "c": a straight cut through its two arcs
PART_C = """(() => { const a = document.getElementById('a').getBoundingClientRect().width,
b = document.getElementById('b').getBoundingClientRect().width;
document.getElementById('t').style.width = (a + 0.4 * (b - a)) + 'px'; })()"""


def test_left_part_of_a_round_letter_cut_through_its_arcs():
    """A "c" cut at 40% of its width shows its two arcs at full strength on the cut column, as a
    whole c's two terminals do; but a whole c is about as wide as tall, and this one under half
    as wide, so it is the part of a letter a clipping box left. A whole c ending a line is no cut."""
    img, boxes = render_with_boxes(ROUND, ("t", "whole"), text=True, before=PART_C)
    cut = _line(img, boxes["t"], "Enter your QuickConnec")
    whole = _line(img, boxes["whole"], "Enter your music")
    assert [i.category for i in truncation.detect(img, [cut])] == ["text-truncation"], boxes
    assert truncation.detect(img, [whole]) == [], boxes


WRAPPED = f"""<!doctype html><html><head><meta charset="utf-8"><style>
body {{ margin: 0; {FONT}; background: #fff; }}
div {{ position: absolute; left: 60px; width: 400px; font-size: 16px; line-height: 24px; font-weight: bold;
       color: #3370b7; }}
</style></head><body>
<div style="top: 60px"><span id="a">MATERIA DE NOMBRES DE</span><br><span id="b">DOMINIO PARA .DO A</span><br>
<span id="c">PARTIR DEL 24/05/2024</span></div>
<div style="top: 300px"><span id="alone">DOMINIO PARA .DO A</span></div></body></html>"""


def test_paragraph_line_ending_in_a_lone_capital_wraps_on():
    """A heading in capitals wraps after a one-letter word ("... .DO A / PARTIR DEL"): the line
    below in the same type, at the same x and a line's pitch, shows the text goes on, so the lone
    capital is a whole word; the same line with nothing below it still reads as cut."""
    img, boxes = render_with_boxes(WRAPPED, ("a", "b", "c", "alone"), text=True)
    lines = [_line(img, boxes[k], text) for k, text in
             (("a", "MATERIA DE NOMBRES DE"), ("b", "DOMINIO PARA .DO A"), ("c", "PARTIR DEL 24/05/2024"))]
    alone = _line(img, boxes["alone"], "DOMINIO PARA .DO A")
    assert truncation.detect(img, lines) == [], boxes
    assert [i.category for i in truncation.detect(img, [alone])] == ["text-truncation"], boxes


CODE = """<!doctype html><html><head><meta charset="utf-8"><style>
body { margin: 0; background: #eee; }
code { position: absolute; left: 60px; top: 60px; font-family: 'Liberation Mono', monospace; font-size: 15px;
        color: #333; white-space: pre; }
.s { color: #dd1144; }
</style></head><body><code><span id="t">$( <span class="s">"button.continue"</span> ).html( <span
class="s">"Next Step..."</span></span> )</code>
</body></html>"""


def test_code_bracket_closing_two_spaces_on():
    """A line of code read without its lone closing bracket, set a space after the string inside
    it (`.html( "Next Step..." )`): the bracket is there, so the line is not left inside brackets."""
    img, boxes = render_with_boxes(CODE, ("t",), text=True)
    t = _line(img, boxes["t"], '$( "button.continue" ).html( "Next Step..."')
    assert truncation.detect(img, [t]) == [], boxes


SHORT = f"""<!doctype html><html><head><meta charset="utf-8"><style>
body {{ margin: 0; {FONT}; background: #5b57c6; }}
span {{ position: absolute; left: 40px; font-size: 18px; color: #eee; white-space: nowrap; }}
</style></head><body>
<span id="t" style="top: 60px; display: inline-block; overflow: hidden; text-overflow: ellipsis">Word Lists</span>
<span id="word" style="top: 200px">Word</span>
<div style="position: absolute; left: 40px; top: 300px; font-size: 18px; color: #eee; white-space: nowrap">
<span id="toc" style="position: static">Introduction</span> .............................. 12</div>
</body></html>"""
# the box ends in the space after "Word": the browser draws "Word …"
FIT_WORD = """(() => { const r = document.getElementById('word').getBoundingClientRect();
document.getElementById('t').style.width = (r.width + 22) + 'px'; })()"""


def test_ellipsis_after_one_short_word():
    """A label cut after its first word shows "Word …": the recogniser reads "Word" alone and leaves
    the dots out. A one-word line is short, but its baseline is measured on the whole line, so its
    ellipsis is looked for. Dots on the baseline that go on past the last three (a contents line's
    dot leader, the recogniser reading "Introduction" alone) are no ellipsis."""
    img, boxes = render_with_boxes(SHORT, ("t", "word", "toc"), text=True, before=FIT_WORD)
    # the recogniser's box takes in "Word" alone
    cut = _line(img, boxes["t"][:2] + boxes["word"][2:], "Word")
    leader = _line(img, boxes["toc"], "Introduction")
    assert [i.category for i in truncation.detect(img, [cut])] == ["text-truncation"], boxes
    assert truncation.detect(img, [leader]) == [], boxes


HEADINGS = f"""<!doctype html><html><head><meta charset="utf-8"><style>
body {{ margin: 0; {FONT}; background: #fff; }}
div {{ position: absolute; left: 40px; white-space: nowrap; }}
</style></head><body>
<div id="one" style="top: 40px; font-size: 56px; color: #4255ff; overflow: hidden; text-overflow: ellipsis">
One more step</div>
<div style="top: 200px; font-size: 56px"><span id="word">One</span></div>
<div style="top: 300px; font-size: 17px; color: #555">
<span id="photo" style="display: inline-block; overflow: hidden; vertical-align: bottom">Photo &amp; Video</span></div>
<div style="top: 420px; font-size: 17px"><span id="p">Photo &amp; </span><span id="v">V</span></div>
<div style="top: 360px; font-size: 17px; color: #333"><span id="qa">Help Q &amp; A</span></div></body></html>"""
# "One …" at 56 px; "Photo & V" cut half way through the V
FIT_HEADINGS = """(() => { const w = document.getElementById('word').getBoundingClientRect().width;
document.getElementById('one').style.width = (w + 75) + 'px';
const p = document.getElementById('p').getBoundingClientRect().width,
v = document.getElementById('v').getBoundingClientRect().width;
document.getElementById('photo').style.width = (p + v / 2) + 'px'; })()"""


def test_short_word_before_dots_and_capital_after_an_ampersand():
    """A heading cut after its first word, "One …", read "One" (three letters, the dots left out);
    a label cut through the first letter after an ampersand, "Photo & V", read so: both are cut.
    "Q & A" ends in a capital after an ampersand too, but joins two single letters."""
    img, boxes = render_with_boxes(HEADINGS, ("one", "word", "photo", "qa"), text=True, before=FIT_HEADINGS)
    one = _line(img, boxes["one"][:2] + boxes["word"][2:], "One")
    photo = _line(img, boxes["photo"], "Photo & V")
    qa = _line(img, boxes["qa"], "Help Q & A")
    assert [i.category for i in truncation.detect(img, [one])] == ["text-truncation"], boxes
    assert [i.category for i in truncation.detect(img, [photo])] == ["text-truncation"], boxes
    assert truncation.detect(img, [qa]) == [], boxes


FIELD = f"""<!doctype html><html><head><meta charset="utf-8"><style>
body {{ margin: 0; {FONT}; background: #fff; }}
input {{ position: absolute; left: 60px; top: 60px; width: 160px; height: 28px; box-sizing: border-box;
         border: 1px solid #1a79c0; padding: 0 6px; font: 13px 'Liberation Sans', sans-serif; }}
input::placeholder {{ color: #777; }}
</style></head><body><input id="f" placeholder="Search..."></body></html>"""


def test_placeholder_read_with_its_fields_border():
    """A search field's placeholder "Search..." whose OCR box starts on the field's left border and
    spans its height: measured inside that frame, the text stops well short of the field's right
    side, so its ellipsis is its own."""
    img, boxes = render_with_boxes(FIELD, ("f",))
    x, y, w, h = (int(round(v)) for v in boxes["f"])
    t = text_info(img, TextLine("Search...", (x, y, 71, h), 0.99))
    assert t is not None
    assert truncation.detect(img, [t]) == [], boxes


FOOTER = f"""<!doctype html><html><head><meta charset="utf-8"><style>
body {{ margin: 0; {FONT}; background: #f7f7f7; color: #111; font-size: 17px; }}
div {{ position: absolute; left: 40px; white-space: nowrap; }}
b {{ font-family: 'Liberation Serif', serif; font-size: 22px; }}
</style></head><body>
<div style="top: 40px"><span id="icon">Privacy Accessibility Social Media Hub
<b style="color: #d0021b">f</b></span></div>
<div style="top: 100px"><span id="same">Privacy Accessibility Social Media Hub <b>f</b></span></div>
<div style="top: 160px; background: #1e1e1e; color: #fff; font-weight: bold; padding: 6px 30px">
<span id="name">Connect with Temu</span></div>
<div style="top: 240px"><span id="cut">Connect with the docum</span></div></body></html>"""


def test_lone_icon_of_another_colour_and_a_name_ending_a_phrase():
    """A footer's links end in a brand's "f" mark painted red: read as a lone letter, it is an icon
    in another colour than the links, not a word's first letter (the same "f" in the text colour
    still is). A phrase ending in a capitalised word after a small-letter one ("Connect with Temu")
    ends in a name the word list lacks, not in a cut word ("Connect with the docum" still is)."""
    img, boxes = render_with_boxes(FOOTER, ("icon", "same", "name", "cut"), text=True)
    icon = _line(img, boxes["icon"], "Privacy Accessibility Social Media Hub f")
    same = _line(img, boxes["same"], "Privacy Accessibility Social Media Hub f")
    name = _line(img, boxes["name"], "Connect with Temu")
    cut = _line(img, boxes["cut"], "Connect with the docum")
    assert truncation.detect(img, [icon]) == [], boxes
    assert truncation.detect(img, [name]) == [], boxes
    assert [i.category for i in truncation.detect(img, [same])] == ["text-truncation"], boxes
    assert [i.category for i in truncation.detect(img, [cut])] == ["text-truncation"], boxes
