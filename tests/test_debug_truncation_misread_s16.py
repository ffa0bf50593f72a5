"""text-truncation, a last glyph read as what a slice of a letter looks like (2026-12-01): a
dotless "ı" ending an English line, a closing bracket glued to a word with none opened, a word in
capitals ending in an "I" that is no word ("SOLUTII" for a cut N), a lone Greek letter after
English words, each on a line clipped inside that letter, are cut; the same marks where they are
the text's own (a Turkish line, a bracket opened before, a real word or a short acronym in
capitals, an ordinal sign after a word) are not. Also: an ellipsis after a word space, a dangling
word over a button, a word cut inside a sentence, an "e" cut through its bowl, a bracket glued to
a misread word. Pages are rendered in Chromium and each line is boxed the way the page OCR boxes
it, with the text the recogniser read."""
from __future__ import annotations

import pytest

from debug_pages import clip_at, clipped_rows_page, render_with_boxes
from vision.defects import truncation
from vision.defects.pixels import text_info
from vision.ocr import TextLine

ROWS = [("dotless", "Meet our friendly walrus today"), ("bracket", "POTSHERD WARHOL"),
        ("caps", "DATA SOLUTIONS"), ("turkish", "Lütfen kapıyı açın"), ("opened", "See the notes [below]"),
        ("alumni", "MEET OUR ALUMNI"), ("api", "USE THE REST API")]
PAGE = clipped_rows_page(ROWS)
# clips inside one letter, too near its left side to leave a straight cut through strokes: the
# "u" of walrus, the "L" of WARHOL, the "N" of SOLUTIONS
CUT = clip_at(("dotless", 23, 0.2), ("bracket", 14, 0.4), ("caps", 13, 0.15))


@pytest.fixture(scope="module")
def page():
    return render_with_boxes(PAGE, [i for i, _ in ROWS], before=CUT, height=400)


def _read(img, box, read: str):
    """The line at `box` as the page OCR boxes it (a few pixels round the text), read as `read`."""
    x, y, w, h = (int(round(v)) for v in box)
    return text_info(img, TextLine(read, (x - 4, y - 2, w + 8, h + 4), 0.99))


def _found(page, key: str, read: str) -> list[str]:
    img, boxes = page
    t = _read(img, boxes[key], read)
    return [i.category for i in truncation.detect(img, [t])]


@pytest.mark.parametrize("key,read", [("dotless", "Meet our friendly walrı"), ("bracket", "POTSHERD WARHO]"),
                                      ("caps", "DATA SOLUTII"), ("dotless", "Meet our friendly π")])
def test_a_slice_read_as_its_look_alike_is_a_cut(page, key, read):
    assert _found(page, key, read) == ["text-truncation"], page[1][key]


@pytest.mark.parametrize("key,read", [("turkish", "Lütfen kapıyı açın"), ("opened", "See the notes [below]"),
                                      ("alumni", "MEET OUR ALUMNI"), ("api", "USE THE REST API"),
                                      ("alumni", "MEET OUR ALUMNI º")])
def test_the_same_marks_as_the_texts_own_are_not(page, key, read):
    assert _found(page, key, read) == [], page[1][key]


SPACED = """<!doctype html><html><head><meta charset="utf-8"><style>
body { margin: 0; padding: 30px; font: 16px 'Liberation Sans', sans-serif; color: #444; background: #fff; }
p { white-space: nowrap; margin: 0 0 20px 0; }
</style></head><body><p id="cut">service for the built-in Twitter …. At the</p><p id="prose">wait ... what happened here</p>
</body></html>"""


def test_an_ellipsis_after_a_word_space_with_the_sentences_stop_after_it():
    """A link cut at a word space shows its ellipsis after the space, the sentence's own stop
    right after it ("Twitter …. At the"): found; a spaced ellipsis in prose is not."""
    img, boxes = render_with_boxes(SPACED, ("cut", "prose"), height=200)
    for key, read, want in (("cut", "service for the built-in Twitter .... At the", ["text-truncation"]),
                            ("prose", "wait ... what happened here", [])):
        t = _read(img, boxes[key], read)
        found = truncation.detect(img, [t])
        assert [i.category for i in found] == want, (key, [(i.bbox, i.message) for i in found])
        if found:
            x, _, w, _ = boxes[key]
            assert found[0].bbox[0] + found[0].bbox[2] < x + w - 30  # the box ends at the ellipsis


BUTTON_BELOW = """<!doctype html><html><head><meta charset="utf-8"><style>
body { margin: 0; background: #000; color: #e7e9ea; font: bold 15px 'Liberation Sans', sans-serif; }
div { position: absolute; white-space: nowrap; }
button { font: bold 15px 'Liberation Sans', sans-serif; color: #1d9bf0; background: #000; border: 1px solid #536471;
         border-radius: 18px; padding: 8px 30px; }
</style></head><body>
<div style="left: 40px; top: 40px"><span id="cut" style="display: inline-block; overflow: hidden; vertical-align: bottom">Already have an account?</span></div>
<div id="probe" style="left: 40px; top: 200px">Already have an</div>
<div style="left: 120px; top: 70px"><button><span id="sign">Sign in</span></button></div>
</body></html>"""
FIT_AN = """(() => { const p = document.getElementById('probe'), c = document.getElementById('cut');
c.style.width = (p.getBoundingClientRect().width + 2) + 'px'; p.remove(); })()"""


def test_a_dangling_word_over_a_button_reaching_under_its_end_only():
    """"Already have an" clipped at a word gap, a button's label just below reaching under its last
    letters only: the label is another element, not the phrase going on, so the cut is found."""
    img, boxes = render_with_boxes(BUTTON_BELOW, ("cut", "sign"), before=FIT_AN, height=200)
    lines = []
    for key, read in (("cut", "Already have an"), ("sign", "Sign in")):
        lines.append(_read(img, boxes[key], read))
    assert [i.category for i in truncation.detect(img, lines)] == ["text-truncation"], boxes


INSIDE = """<!doctype html><html><head><meta charset="utf-8"><style>
body { margin: 0; padding: 30px; font: 16px 'Liberation Sans', sans-serif; color: #222; background: #fff; }
p { white-space: nowrap; margin: 0 0 20px 0; } a { color: #0000ee; }
</style></head><body>
<p id="cut">released, with fixes for <a href="#" style="display: inline-block; overflow: hidden; vertical-align: bottom;
max-width: 92px">vulnerabilities</a> (CVE-2024-24989, CVE-2024-24990)</p>
<p id="whole">released, with fixes for <a href="#">vulnerabilities</a> (CVE-2024-24989, CVE-2024-24990)</p>
</body></html>"""


def test_a_word_cut_inside_a_sentence():
    """A link clipped inside a sentence, the sentence going on after it: the fragment is no word
    but the start of one, the words around it English; found, the box ending at the fragment. The
    whole sentence is not."""
    img, boxes = render_with_boxes(INSIDE, ("cut", "whole"), height=200)
    for key, read, want in (("cut", "released, with fixes for vulnerabiliti (CVE-2024-24989, CVE-2024-24990)",
                             ["text-truncation"]),
                            ("whole", "released, with fixes for vulnerabilities (CVE-2024-24989, CVE-2024-24990)", [])):
        t = _read(img, boxes[key], read)
        found = truncation.detect(img, [t])
        assert [i.category for i in found] == want, (key, [(i.bbox, i.message) for i in found])
        if found:
            x, _, w, _ = boxes[key]
            assert found[0].bbox[0] + found[0].bbox[2] < x + 0.6 * w



ROUND = """<!doctype html><html><head><meta charset="utf-8"><style>
body { margin: 0; background: #fff; color: #222; font: 26px 'Liberation Sans', sans-serif; }
div { position: absolute; left: 40px; white-space: nowrap; }
</style></head><body>
<div style="top: 30px"><span id="e" style="display: inline-block; overflow: hidden; vertical-align: bottom">old gravestones</span></div>
<div style="top: 90px"><span id="s">old gravestones</span></div>
<div style="top: 150px"><span id="c">our public music</span></div>
</body></html>"""
# the clip ends 80% into the last "e", through its bowl's top and its terminal (nearer its left
# side, the cut also crosses the bar: three strokes, found before)
CUT_E = clip_at(("e", 13, 0.8))


def test_an_e_cut_through_its_bowl():
    """A line clipped through the bowl of its last "e", read "e": the last column crosses the bowl's
    top and bottom at full strength, which a whole small e or s never does in the common faces;
    found. Whole lines ending in "s" and in "c" (whose two terminals may end on one column) are
    not."""
    img, boxes = render_with_boxes(ROUND, ("e", "s", "c"), before=CUT_E, height=220)
    for key, read, want in (("e", "old gravestone", ["text-truncation"]), ("s", "old gravestones", []),
                            ("c", "our public music", [])):
        t = _read(img, boxes[key], read)
        assert [i.category for i in truncation.detect(img, [t])] == want, (key, boxes[key])


ICON = """<!doctype html><html><head><meta charset="utf-8"><style>
body { margin: 0; background: #fff; color: #333; font: 15px 'Liberation Sans', sans-serif; }
div { position: absolute; left: 40px; white-space: nowrap; }
</style></head><body><div style="top: 30px"><span id="icon">arrow(dropdown</span></div>
<div style="top: 80px"><span id="prose">English (Canada)</span></div></body></html>"""
CUT_CA = """(() => { const el = document.getElementById('prose'), tn = el.firstChild;
  const r = document.createRange(); r.setStart(tn, 0); r.setEnd(tn, 11);
  Object.assign(el.style, {display: 'inline-block', overflow: 'hidden', verticalAlign: 'bottom',
    width: (r.getBoundingClientRect().right - el.getBoundingClientRect().left + 1) + 'px'}); })()"""


def test_a_bracket_glued_to_a_misread_word_is_no_cut():
    """An icon font's ligature name read as garbage with a bracket in it ("arfr(udroptatedown") is
    a misreading, not a sentence stopping inside brackets; "English (Ca" clipped still is."""
    img, boxes = render_with_boxes(ICON, ("icon", "prose"), before=CUT_CA, height=150)
    for key, read, want in (("icon", "arfr(udroptatedown", []), ("prose", "English (Ca", ["text-truncation"])):
        t = _read(img, boxes[key], read)
        assert [i.category for i in truncation.detect(img, [t])] == want, (key, boxes[key])
