"""text-truncation, stop 20 (2026-12-01). Pages are rendered in Chromium and each line is boxed the
way the page OCR boxes it, with the text the recogniser read."""
from __future__ import annotations

from debug_pages import assert_truncation_reads, clip_at, read_line, render_with_boxes
from vision.defects import truncation


def _found(img, box, read: str):
    return truncation.detect(img, [read_line(img, box, read)])


PAGE = """<!doctype html><html><head><meta charset="utf-8"><style>
body { margin: 0; background: #edeef0; color: #000; font: bold 20px 'Liberation Sans', sans-serif; }
div { position: absolute; left: 40px; white-space: nowrap; }
.clip { display: inline-block; overflow: hidden; vertical-align: bottom; }
.banner { font: 15px 'Liberation Sans', sans-serif; color: #1b1b1b; }
.square { display: inline-block; width: 16px; height: 18px; background: #005ea2; vertical-align: -4px; }
.list { font: 14px 'Liberation Sans', sans-serif; color: #b3b3b3; background: #e4e4e4; }
.list a { color: #b3b3b3; }
.low { font: 13px 'Liberation Sans', sans-serif; color: #242832; background: #e9eef9; padding: 4px; }
input { position: absolute; left: 40px; width: 80px; padding: 4px 26px; border: 1px solid #ccc;
        border-radius: 3px; font: 14px 'Liberation Sans', sans-serif; color: #5a5e9a; background: #fafafc; }
input::placeholder { color: #5a5e9a; opacity: 1; }
</style></head><body>
<div style="top: 30px"><span id="mob" class="clip">VK for mobile</span></div>
<div style="top: 80px"><span id="mobw">VK for mob</span></div>
<div style="top: 130px" class="banner"><span id="gov">An official website of the United States government
  <span style="color: #005ea2; text-decoration: underline">Here's how you know</span><i class="square"></i></span></div>
<div style="top: 180px" class="banner"><span id="govcut" class="clip">An official website for business</span></div>
<div style="top: 230px" class="list"><span id="browsers">Chrome, Edge, Firefox, IE, <a href="#">Safari</a>,</span></div>
<div style="top: 280px" class="low"><span id="ready" class="clip" style="height: 13px; line-height: 15px">production
  ready</span></div>
<input id="search" style="top: 390px" placeholder="Search for ...">
</body></html>"""


def test_a_bowl_cut_in_a_line_of_capitals_and_ascenders():
    """"VK for mobile" clipped through the bowl of its b: the cut leaves a stem a third as heavy as
    the word's others. The line's capitals and ascenders make its band as tall as the capitals, over
    which the small letters' stems do not count; the last word's own band finds them: found. The
    same words drawn whole are not."""
    img, boxes = render_with_boxes(PAGE, ("mob", "mobw"), height=450, before=clip_at(("mob", 9, 0.75)))
    assert_truncation_reads(img, boxes, (("mob", "VK for mob", ["text-truncation"]), ("mobw", "VK for mob", [])))


def test_a_filled_square_after_the_words_is_no_stem():
    """A banner line ending in a filled square (an icon) its box took in, read "... Here's how you
    know": the square's straight side is no cut stem of the w. A line clipped through the stem of a
    letter is still found ("busi|ness" read "busir")."""
    img, boxes = render_with_boxes(PAGE, ("gov", "govcut"), height=450, before=clip_at(("govcut", 28, 0.3)))
    found = _found(img, boxes["gov"], "An official website of the United States government Here's how you know")
    assert found == [], [i.message for i in found]
    cut = _found(img, boxes["govcut"], "An official website for busir")
    assert [i.category for i in cut] == ["text-truncation"], (boxes["govcut"], [i.message for i in cut])


def test_a_comma_left_out_of_the_reading_is_no_dotless_i():
    """A pale list ending in a link and its comma ("Safari,"), read without the comma: the comma
    is a short mark low in the band, not the dotless stem of a cut letter."""
    img, boxes = render_with_boxes(PAGE, ("browsers",), height=450)
    found = _found(img, boxes["browsers"], "Chrome, Edge, Firefox, IE, Safari")
    assert found == [], [i.message for i in found]


def test_a_y_read_as_v_is_a_whole_word():
    """A line whose bottom a box covers, so the y's descender is hidden and it is read "production
    readv": "ready" is an English word, so the v is a misread y, not the start of "readvertised"."""
    img, boxes = render_with_boxes(PAGE, ("ready",), height=450)
    found = _found(img, boxes["ready"], "production readv")
    assert found == [], [i.message for i in found]


def test_a_search_fields_placeholder_keeps_its_ellipsis():
    """A search field's placeholder "Search for ..." in a narrow field (as much room right as left):
    the ellipsis stands for what the reader is to type, not for clipped text."""
    img, boxes = render_with_boxes(PAGE, ("search",), height=450)
    x, y, w, h = boxes["search"]
    found = _found(img, (x + 27, y + 4, 76, h - 8), "Search for ...")
    assert found == [], (boxes["search"], [i.message for i in found])


PROSE = """<!doctype html><html><head><meta charset="utf-8"><style>
body { margin: 0; padding: 30px; background: #f7f7f9; font: 17px 'Liberation Sans', sans-serif; color: #999; }
p { white-space: nowrap; margin: 0 0 30px 0; }
b { color: #111; display: inline-block; overflow: hidden; text-overflow: ellipsis; white-space: nowrap;
    vertical-align: bottom; }
</style></head><body>
<p id="cut">plus those of Collins. <b id="name">The French dictionary</b> has over 250,000 translations</p>
<p id="own">plus those of Collins. The French ... has over 250,000 translations</p>
</body></html>"""

# the bold name narrowed to end just past the space after "French", with room for the ellipsis
AFTER_SPACE = """(() => { const el = document.getElementById('name'), tn = el.firstChild;
  const r = document.createRange(); r.setStart(tn, 0); r.setEnd(tn, 11);
  const dots = document.createElement('b'); dots.textContent = '\\u2026'; document.body.appendChild(dots);
  const w = dots.getBoundingClientRect().width; dots.remove();
  el.style.maxWidth = (r.getBoundingClientRect().width + w + 2) + 'px'; })()"""


def test_an_ellipsis_between_spaces_in_the_paint_of_the_element_before_it():
    """A bold name clipped at a word space inside a pale sentence shows its ellipsis between spaces
    ("The French ... has over"), in the name's paint, the sentence going on in its own: found, the
    box ending at the ellipsis. The same words with prose's own spaced ellipsis, all in one paint,
    are not."""
    img, boxes = render_with_boxes(PROSE, ("cut", "own"), height=200, before=AFTER_SPACE)
    read = "plus those of Collins. The French ... has over 250,000 translations"
    assert_truncation_reads(img, boxes, (("cut", read, ["text-truncation"]), ("own", read, [])), end_share=0.6)


ICON = """<!doctype html><html><head><meta charset="utf-8"><style>
body { margin: 0; background: #3c4043; color: #fff; font: 15px 'Liberation Sans', sans-serif; }
div { position: absolute; left: 40px; white-space: nowrap; }
</style></head><body><div style="top: 30px"><span id="icon">arrow(dropdown</span></div></body></html>"""


def test_a_bracket_glued_to_a_word_with_an_accented_letter_read_in_it():
    """An icon font's ligature name read with an accented letter before its bracket
    ("arérow(udroptatedown"): the glued word is "arérow", no English word, so the bracket is a
    misreading, not a sentence stopping inside brackets (the letters after the é, "row", are one)."""
    img, boxes = render_with_boxes(ICON, ("icon",), height=100)
    found = _found(img, boxes["icon"], "arérow(udroptatedown")
    assert found == [], [i.message for i in found]
