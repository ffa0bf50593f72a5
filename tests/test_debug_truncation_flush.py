"""Text clipped where the line's own OCR text does not show the cut: a label clipped before its
icon, a sliver left unread after the last word, an element clipped inside a sentence that runs on,
a word cut before the sentence's stop. Pages rendered here (real Chromium, real OCR)."""
from __future__ import annotations

from dataclasses import replace

import pytest

from debug_pages import render_with_boxes
from vision.defects import detect, measure_lines
from vision.defects import read_text as read_lines
from vision.defects.ink_words import ink_strength, ink_words, is_tofu
from vision.defects.issue import overlap_min
from vision.defects.truncation.glyphs import stem_end, unread_fragment

PAGE = """<!doctype html><html><head><meta charset="utf-8"><style>
body { margin: 0; padding: 24px; font: 16px 'Liberation Sans', sans-serif; color: #1f2933; background: #fff; }
p { margin: 0 0 26px 0; }
.clip { display: inline-block; white-space: nowrap; overflow: hidden; vertical-align: bottom; }
.icon { font-family: 'No Such Icons'; font-style: normal; margin-left: 8px; }
.bar { background: #333; color: #fff; padding: 8px 12px; display: inline-block; }
.caps { font: 15px 'Liberation Serif', serif; color: #666; letter-spacing: 0.5px; }
h2 { font-size: 24px; margin: 0 0 26px 0; }
a { color: #1a4dd6; }
</style></head><body>
<p><span class="bar"><span class="clip" id="loc">Choose your location</span><i class="icon">\ue900</i></span>
   <span class="bar" id="locwhole">Find your location<i class="icon">\ue900</i></span></p>
<p class="caps" id="caps" style="font-size: 18px">THE COMMUNITY<i class="icon">\ue901</i></p>
<h2><span class="clip" id="cookies">Cookies consent</span></h2>
<h2 id="cookieswhole">Cookies consent</h2>
<p>For more information you can review our <a class="clip" id="tos" href="#">Terms of Service</a> and
 the notes.</p>
<p>If you have questions, please read our support <a class="clip" id="docs" href="#">documentation</a>.</p>
<p id="whole">If you have questions, please read our support documentation.</p>
</body></html>"""
# "locat|ion" clipped between two letters before its icon; "Cookies c|onsent" five pixels into
# the c (its two arcs cut); "Terms of S|ervice" through the S; "docum|entation" between letters
CLIP_JS = """() => { const cut = (id, i, px) => { const s = document.getElementById(id); const r = document.createRange();
  r.setStart(s.firstChild, i); r.setEnd(s.firstChild, i + 1); const c = r.getBoundingClientRect();
  s.style.maxWidth = Math.round(c.left + px - s.getBoundingClientRect().left) + 'px'; };
  cut('loc', 17, 0); cut('cookies', 8, 5); cut('tos', 9, 5); cut('docs', 5, 0); }"""
IDS = ("loc", "locwhole", "caps", "cookies", "cookieswhole", "tos", "docs", "whole")


@pytest.fixture(scope="module")
def page():
    img, boxes = render_with_boxes(PAGE, IDS, before=CLIP_JS, height=520)
    lines = read_lines(img)
    found = [i for i in detect(img, lines) if i.category == "text-truncation"]
    return img, boxes, measure_lines(img, lines), found


def _on(found, box) -> list:
    return [i for i in found if overlap_min(i.bbox, box) >= 0.3]


def _line(infos, box):
    x, y, w, h = box
    return next(t for t in infos if abs(t.box[1] + t.box[3] / 2 - (y + h / 2)) < h / 2 and t.box[0] < x + w)


def test_truncation_a_label_clipped_before_its_icon(page):
    """A label clipped before the icon that follows it is found where its words end; a whole
    label followed by its icon, and capitals ending at one (whose missing-glyph box has straight
    sides a cut would also leave), are not."""
    img, boxes, infos, found = page
    assert _on(found, boxes["loc"]), (boxes["loc"], [(i.bbox, i.message) for i in found])
    for k in ("locwhole", "caps"):
        assert not _on(found, boxes[k]), (k, [(i.bbox, i.message) for i in _on(found, boxes[k])])
    caps = _line(infos, boxes["caps"])
    d = ink_strength(img, caps)
    words = ink_words(d, caps.x_height)
    assert is_tofu(d, words[-1], caps.x_height) and not is_tofu(d, words[0], caps.x_height), words


def test_truncation_a_sliver_left_unread_after_the_last_word(page):
    """The arcs of a cut "c" left after "Cookies", the recogniser reading only the whole word: the
    sliver is found, and the whole heading ends in no such word."""
    img, boxes, infos, found = page
    assert _on(found, boxes["cookies"]), (boxes["cookies"], [(i.bbox, i.message) for i in found])
    for k, want in (("cookies", True), ("cookieswhole", False)):
        t = _line(infos, boxes[k])
        d = ink_strength(img, t)
        assert unread_fragment(img, t, d, ink_words(d, t.x_height)) is want, (k, t.text)


def test_truncation_an_element_clipped_inside_a_running_sentence(page):
    """ "review our Terms of S| and the notes": the cut S is a straight edge through three strokes
    with the sentence going on after it."""
    img, boxes, infos, found = page
    assert _on(found, boxes["tos"]), (boxes["tos"], [(i.bbox, i.message) for i in found])


def test_truncation_a_word_cut_before_the_sentences_stop(page):
    """ "read our support docum.": the fragment of a word, then the sentence's full stop; the whole
    sentence is not cut."""
    img, boxes, infos, found = page
    assert _on(found, boxes["docs"]), (boxes["docs"], [(i.bbox, i.message) for i in found])
    assert not _on(found, boxes["whole"]), [(i.bbox, i.message) for i in _on(found, boxes["whole"])]


def test_truncation_a_line_left_one_column_wide(page):
    """A line measured over one column of ink (the right side of its icon's box) has no stem and
    glyph before it to compare: the stem check says no instead of reading past the ink's edge."""
    img, boxes, infos, found = page
    t = _line(infos, boxes["caps"])
    d = ink_strength(img, t)
    a, b = ink_words(d, t.x_height)[-1]
    x, y, w, h = t.ink_box
    assert t.text.endswith("Y")  # a glyph that never ends in a stem: the check goes on to measure
    assert not stem_end(img, replace(t, ink_box=(x + b, y, 1, h)))
