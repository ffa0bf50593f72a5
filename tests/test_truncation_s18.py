"""text-truncation, stop 18 (2026-12-01): a line clipped right after a vowelless fragment that the
word list holds as an abbreviation ("Are you the st"), a word whose cut last letter the recogniser
read as its look-alike ("triggerec" for "trigger|ed" cut through the d), and an ellipsis right after
an "&" inside a sentence ("Media &… , Publishing") are cuts; the same words whole, a unit after a
number and vowelless names and initialisms ("npm", "tv", "pdf") are not. Also: a slice read as a
bracket, a quote mark before a dropped letter, a short fragment painted apart, an ellipsis of the
text's own, a missing icon read as a letter, a line misread elsewhere, a filled frame. Pages are
rendered in Chromium and each line is boxed the way the page OCR boxes it, with the text the
recogniser read."""
from __future__ import annotations

import pytest

from debug_pages import assert_truncation_reads, clip_at, clipped_rows_page, read_line, render_with_boxes
from vision.defects import truncation
from vision.defects.pixels import text_info
from vision.ocr import TextLine

ROWS = [("st", "Are you the store owner?"), ("d", "The security system has been triggered today"),
        ("whole", "The security system has been triggered"), ("unit", "Icons drawn at 24 px"),
        ("npm", "Install it with npm"), ("tv", "Watch it live on tv"), ("pdf", "Download the pdf")]
PAGE = clipped_rows_page(ROWS)
# "st" clipped at the start of the "o" of "store"; the "d" of "triggered" clipped just before its
# stem, leaving its bowl (no straight cut through strokes)
CUT = clip_at(("st", 14, 0), ("d", 37, 0.68))


@pytest.fixture(scope="module")
def page():
    return render_with_boxes(PAGE, [i for i, _ in ROWS], before=CUT, height=420)


def _found(page, key: str, read: str) -> list[str]:
    img, boxes = page
    return [i.category for i in truncation.detect(img, [read_line(img, boxes[key], read)])]


@pytest.mark.parametrize("key,read", [("st", "Are you the st"), ("d", "The security system has been triggerec")])
def test_a_fragment_the_word_list_would_pass_is_a_cut(page, key, read):
    assert _found(page, key, read) == ["text-truncation"], page[1][key]


@pytest.mark.parametrize("key,read", [("whole", "The security system has been triggered"),
                                      ("unit", "Icons drawn at 24 px"), ("npm", "Install it with npm"),
                                      ("tv", "Watch it live on tv"), ("pdf", "Download the pdf")])
def test_whole_words_units_and_names_are_not(page, key, read):
    assert _found(page, key, read) == [], page[1][key]


AMP = """<!doctype html><html><head><meta charset="utf-8"><style>
body { margin: 0; padding: 30px; font: 16px 'Liberation Sans', sans-serif; color: #222; background: #fff; }
p { white-space: nowrap; margin: 0 0 20px 0; } a { color: #1a5e9a; }
</style></head><body>
<p id="cut"><a href="#" style="display: inline-block; overflow: hidden; text-overflow: ellipsis; white-space: nowrap;
vertical-align: bottom; max-width: 74px">Media &amp; Entertainment</a>, <a href="#">Publishing</a> and several other areas.</p>
<p id="whole"><a href="#">Terms &amp; Conditions</a>, <a href="#">Privacy</a> and several other pages.</p>
<p id="cpp">Courses in Java, C++... and more</p>
</body></html>"""


def test_an_ellipsis_right_after_an_ampersand_inside_a_sentence():
    """A link clipped at the word gap after its "&", the sentence going on after it: nothing
    written ends on an "&", so the ellipsis is the cut's; found, the box ending at the ellipsis.
    The whole sentence is not, nor an ellipsis after a name ending in "+"."""
    img, boxes = render_with_boxes(AMP, ("cut", "whole", "cpp"), height=200)
    assert_truncation_reads(img, boxes, (("cut", "Media &... , Publishing and several other areas.", ["text-truncation"]),
                                         ("whole", "Terms & Conditions, Privacy and several other pages.", []),
                                         ("cpp", "Courses in Java, C++... and more", [])), end_share=0.4)


ARC = """<!doctype html><html><head><meta charset="utf-8"><style>
body { margin: 0; background: #f5f5f5; color: #616161; font: 13px 'Liberation Sans', sans-serif; }
div { position: absolute; left: 40px; white-space: nowrap; }
</style></head><body>
<div style="top: 30px"><span id="cut" style="display: inline-block; overflow: hidden; vertical-align: bottom">Get Started with Go</span></div>
<div style="top: 80px"><span id="whole">Get Started with Go</span></div>
<div style="top: 130px"><span id="spaced">Open the settings menu (</span></div>
</body></html>"""
# the clip ends 40% into the "o" of "Go", keeping its left arc
CUT_O = clip_at(("cut", 18, 0.4))


def test_the_left_arc_of_a_cut_letter_read_as_a_bracket():
    """"Go" clipped through its o, the arc left read as an opening bracket glued to the G, which
    opens nothing: found. The whole line, and a bracket standing apart after a word, are not."""
    img, boxes = render_with_boxes(ARC, ("cut", "whole", "spaced"), before=CUT_O, height=200)
    assert_truncation_reads(img, boxes, (("cut", "Get Started with G(", ["text-truncation"]), ("whole", "Get Started with Go", []),
                                         ("spaced", "Open the settings menu (", [])))


QUOTE = """<!doctype html><html><head><meta charset="utf-8"><style>
body { margin: 0; background: #fff; color: #111; font: 16px 'Liberation Sans', sans-serif; }
div { position: absolute; left: 40px; white-space: nowrap; }
</style></head><body>
<div style="top: 30px"><span id="whole">Avañe'ẽ</span></div>
<div style="top: 80px"><span id="cut" style="display: inline-block; overflow: hidden; vertical-align: bottom">Already have an account</span></div>
</body></html>"""
# the clip ends 30% into the "v" of "have", keeping a slice of its left arm
CUT_V = clip_at(("cut", 10, 0.3))


def test_a_quote_mark_before_a_dropped_letter_is_no_slice():
    """A word whose last letter after an apostrophe the recogniser dropped ("Avañe'ẽ" read
    "Avañe'"): the ink after the mark is a whole letter, wider than a quote mark or a slice read
    as one, so no cut. The slice of a cut "v" read as a quote mark still is one."""
    img, boxes = render_with_boxes(QUOTE, ("whole", "cut"), before=CUT_V, height=150)
    assert_truncation_reads(img, boxes, (("whole", "Avañe'", []), ("cut", "Already ha'", ["text-truncation"])))


BOLD = """<!doctype html><html><head><meta charset="utf-8"><style>
body { margin: 0; padding: 30px; font: 15px 'Liberation Sans', sans-serif; color: #999; background: #fff; }
p { white-space: nowrap; margin: 0 0 20px 0; } b { color: #111; }
</style></head><body>
<p id="cut">plus those of Collins. <b style="display: inline-block; overflow: hidden; vertical-align: bottom;
max-width: 108px">The French dictionary</b> has over</p>
<p id="typo">elements as wel as in style property</p>
</body></html>"""


def test_a_short_fragment_painted_apart_from_the_sentence():
    """A bold name clipped inside a sentence down to three letters of its last word ("dic" of
    "dictionary"), painted apart from the words after it: found, the box ending at the fragment.
    A three-letter fragment in the sentence's own paint (a typo, "as wel as") is not."""
    img, boxes = render_with_boxes(BOLD, ("cut", "typo"), height=200)
    assert_truncation_reads(img, boxes, (("cut", "plus those of Collins. The French dic has over", ["text-truncation"]),
                                         ("typo", "elements as wel as in style property", [])), end_share=0.9)


OWN = """<!doctype html><html><head><meta charset="utf-8"><style>
body { margin: 0; padding: 30px; font: 16px 'Liberation Sans', sans-serif; color: #222; background: #fdfdff; }
p { white-space: nowrap; margin: 0 0 24px 0; } a { color: #38488f; text-decoration: none; }
</style></head><body>
<p><a id="more" href="#">More information...</a></p>
<h1 id="step" style="font-size: 40px; font-weight: 500">One more step...</h1>
<p id="loading">Loading...</p>
<p><span id="cut" style="display: inline-block; overflow: hidden; text-overflow: ellipsis; vertical-align: bottom;
max-width: 118px">Already have an account?</span></p>
<p><span id="ab" style="display: inline-block; overflow: hidden; text-overflow: ellipsis; vertical-align: bottom">Learn
more about us</span></p><p><span id="probe">Learn more ab…</span></p>
</body></html>"""
FIT_AB = """(() => { const p = document.getElementById('probe'), c = document.getElementById('ab');
c.style.maxWidth = (p.getBoundingClientRect().width + 1) + 'px'; p.remove(); })()"""


def test_an_ellipsis_of_the_texts_own_announcing_more_to_come():
    """Short phrases written with their own ellipsis, announcing more behind a link or a step, or
    an activity going on ("More information...", "One more step...", "Loading..."): no finding.
    A line cut with an ellipsis after a whole word ("Already have...") still is one, and so is one
    cut after "more" ("Learn more ab...")."""
    img, boxes = render_with_boxes(OWN, ("more", "step", "loading", "cut", "ab"), before=FIT_AB, height=400)
    assert_truncation_reads(img, boxes, (("more", "More information...", []), ("step", "One more step...", []),
                                         ("loading", "Loading...", []), ("cut", "Already have...", ["text-truncation"]),
                                         ("ab", "Learn more ab...", ["text-truncation"])))


TOFU = """<!doctype html><html><head><meta charset="utf-8"><style>
body { margin: 0; padding: 30px; font: 15px 'Liberation Sans', sans-serif; color: #662d91; background: #fafafa; }
p { white-space: nowrap; margin: 0 0 24px 0; } i { font-style: normal; color: #9a78b5; }
</style></head><body><p><span id="label">Products <i>&#xe900;</i></span></p></body></html>"""


def test_a_missing_icon_read_as_a_lone_letter():
    """A menu label followed by an icon font's glyph drawn as a hollow box, which the recogniser
    read as a lone Greek letter ("Products ε"): the box is no letter of the line, so nothing is
    cut."""
    img, boxes = render_with_boxes(TOFU, ("label",), height=120)
    found = truncation.detect(img, [read_line(img, boxes["label"], "Products ε")])
    assert found == [], (boxes, [i.message for i in found])


MISREAD = """<!doctype html><html><head><meta charset="utf-8"><style>
body { margin: 0; padding: 30px; font: 16px 'Liberation Serif', serif; color: #222; background: #fff; }
p { white-space: nowrap; margin: 0 0 20px 0; }
</style></head><body><p id="line">View full licensing and attribution information about all works</p>
<p id="cut">View full licensing and attribution information <span id="about" style="display: inline-block;
overflow: hidden; vertical-align: bottom">about</span> all works</p></body></html>"""
CUT_T = clip_at(("about", 3, 1.0))


def test_a_fragment_in_a_line_misread_elsewhere():
    """A whole line the recogniser misread in two words ("attibution", "abou"): the fragment is no
    cut, as another word in small letters is neither a word nor the start of one. The same words
    with "about" clipped to "abou", read right elsewhere, are a cut inside the sentence."""
    img, boxes = render_with_boxes(MISREAD, ("line", "cut"), before=CUT_T, height=160)
    assert_truncation_reads(img, boxes, (("line", "View full licensing and attibution information abou all works", []),
                                         ("cut", "View full licensing and attribution information abou all works",
                                          ["text-truncation"])))


FILLED = """<!doctype html><html><head><meta charset="utf-8"><style>
body { margin: 0; padding: 30px; background: #000; font: 13px 'Liberation Sans', sans-serif; }
</style></head><body>
<div id="alt" style="display: inline-block; width: 36px; height: 20px; background: #e4e4e4; color: #111;
line-height: 22px; white-space: nowrap">Free</div>
</body></html>"""


def test_a_filled_frame_measured_as_the_text():
    """Dark text on a light frame set on a black page, the line boxed to the frame (a broken image's
    alt text, "Free"): measured against the page, the frame is the ink, and its straight side is no
    cut stroke; nothing is found."""
    img, boxes = render_with_boxes(FILLED, ("alt",), height=120)
    x, y, w, h = (int(round(v)) for v in boxes["alt"])
    t = text_info(img, TextLine("Free", (x, y, w + 1, h), 0.99))
    found = truncation.detect(img, [t])
    assert found == [], (boxes, t.fg, t.bg, t.ink_box, [i.message for i in found])


PARTICIPLE = """<!doctype html><html><head><meta charset="utf-8"><style>
body { margin: 0; padding: 30px; font: 18px 'Liberation Sans', sans-serif; color: #222; background: #fff; }
p { white-space: nowrap; margin: 0 0 60px 0; }
</style></head><body>
<p><span id="cut" style="display: inline-block; overflow: hidden; vertical-align: bottom">Using a fixed version:</span></p>
<p><span id="hundred">We counted a hundred</span></p><p><span id="disabled">Parking for the disabled</span></p>
<p><span id="probe">Using a fixed</span></p>
</body></html>"""
FIT_FIXED = """(() => { const p = document.getElementById('probe'), c = document.getElementById('cut');
c.style.width = (p.getBoundingClientRect().width + 2) + 'px'; p.remove(); })()"""


def test_a_phrase_clipped_after_an_article_and_a_participle():
    """"Using a fixed version:" clipped at the word gap after "fixed": after "a" the participle
    needs the noun the clip took; found. A noun in -ed after "a" ("a hundred") and a participle
    made a noun by "the" ("for the disabled") end their phrases; not found."""
    img, boxes = render_with_boxes(PARTICIPLE, ("cut", "hundred", "disabled"), before=FIT_FIXED, height=400)
    assert_truncation_reads(img, boxes, (("cut", "Using a fixed", ["text-truncation"]), ("hundred", "We counted a hundred", []),
                                         ("disabled", "Parking for the disabled", [])))
