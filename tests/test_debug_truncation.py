"""Text clipped at a container's edge with no sliced glyph to show for it, or with only a stem left:
pages rendered here (real Chromium, real OCR)."""
from __future__ import annotations

from dataclasses import replace

import pytest

from debug_pages import render_with_boxes
from vision.defects import detect, measure_lines
from vision.defects import read_text as read_lines
from vision.defects.issue import overlap_min
from vision.defects.truncation.glyphs import sliver

CLIPPED = """<!doctype html><html><head><meta charset="utf-8"><style>
body { margin: 0; padding: 30px; font: 16px 'Liberation Sans', sans-serif; color: #1f2933; background: #fff; }
p { margin: 0 0 30px 0; }
span { display: inline-block; white-space: nowrap; overflow: hidden; vertical-align: bottom; }
</style></head><body>
<p><span id="with">Log in with Google</span></p>
<p><span id="canada">English (Canada)</span></p>
<p><span id="people">Power to the people</span></p>
<p><span id="more">More information</span></p>
<p id="hours">Open every day 24 h</p>
<p id="option">Pick either option a</p>
<p id="whole">English (Canada)</p>
<p id="wrap">Prices include the sales tax (see<br>the notes at the end of the page).</p>
<p id="mail">Send us an email</p>
</body></html>"""
# "Log in w|ith" and "English (Ca|nada)" clipped between two letters, "the p|eople" and "infor|mation"
# a pixel and a half into the letter (on a whole pixel)
CLIP_JS = """() => { const cut = (id, i, px) => { const s = document.getElementById(id); const r = document.createRange();
  r.setStart(s.firstChild, i); r.setEnd(s.firstChild, i + 1); const c = r.getBoundingClientRect();
  s.style.maxWidth = Math.round(c.left + px - s.getBoundingClientRect().left) + 'px'; };
  cut('with', 8, 0); cut('canada', 11, 0); cut('people', 13, 1.5); cut('more', 10, 1.5); }"""
IDS = ("with", "canada", "people", "more", "hours", "option", "whole", "wrap", "mail")


@pytest.fixture(scope="module")
def clipped():
    img, boxes = render_with_boxes(CLIPPED, IDS, before=CLIP_JS)
    lines = read_lines(img)
    return img, boxes, lines, [i for i in detect(img, lines) if i.category == "text-truncation"]


def _on(found, box) -> list:
    return [i for i in found if overlap_min(i.bbox, box) >= 0.3]


def test_truncation_a_phrase_stopping_at_one_small_letter(clipped):
    """ "Log in w": a small letter on its own after a word is the start of a cut word; a unit after
    a number ("24 h") and a letter that is a word of its own ("option a") are not."""
    img, boxes, lines, found = clipped
    assert _on(found, boxes["with"]), (boxes["with"], [(i.bbox, i.message) for i in found])
    for k in ("hours", "option"):
        assert not _on(found, boxes[k]), (k, [(i.bbox, i.message) for i in _on(found, boxes[k])])


def test_truncation_a_line_stopping_inside_its_brackets(clipped):
    """ "English (Ca": the closing bracket was cut off with the rest; the whole "English (Canada)"
    and a paragraph line that breaks inside brackets and wraps on below are not cut."""
    img, boxes, lines, found = clipped
    assert _on(found, boxes["canada"]), (boxes["canada"], [(i.bbox, i.message) for i in found])
    for k in ("whole", "wrap"):
        assert not _on(found, boxes[k]), (k, [(i.bbox, i.message) for i in _on(found, boxes[k])])


def test_truncation_the_stem_of_a_cut_p_hanging_below_the_line(clipped):
    """The first columns of a "p" are a stem from the top of the x-height band down past the
    baseline, left unread after a space: found."""
    img, boxes, lines, found = clipped
    assert _on(found, boxes["people"]), (boxes["people"], [(i.bbox, i.message) for i in found])


def test_truncation_a_short_stem_read_as_a_tall_one(clipped):
    """The first stem of a cut "m" is no taller than the x-height band: read as an "l" (the
    recogniser's guess), it is a sliver, though the line rises above the band elsewhere; a real
    final "l" rising above the band is not."""
    img, boxes, lines, found = clipped
    infos = measure_lines(img, lines)

    def line(k):
        x, y, w, h = boxes[k]
        return next(t for t in infos if abs(t.box[1] + t.box[3] / 2 - (y + h / 2)) < h / 2)

    more = line("more")
    assert sliver(img, replace(more, text="More inforl")), more
    mail = line("mail")
    assert mail.text.endswith("l") and not sliver(img, mail), mail
    assert not _on(found, boxes["mail"]), [(i.bbox, i.message) for i in _on(found, boxes["mail"])]


LINKED = """<!doctype html><html><head><meta charset="utf-8"><style>
body { margin: 0; padding: 30px; font: 16px 'Liberation Sans', sans-serif; color: #444; background: #fff; width: 420px; }
a { color: #003c66; text-decoration: none; display: inline-block; max-width: 110px; overflow: hidden;
    text-overflow: ellipsis; white-space: nowrap; vertical-align: bottom; }
</style></head><body>
<p>Take a moment to look at <a id="link" href="#">Shaun Anderson's guide</a>. Building your own is easy.</p>
</body></html>"""


def test_truncation_an_ellipsis_before_the_sentences_own_stop():
    """A link cut with an ellipsis inside a sentence, the sentence's full stop right after it
    ("Shaun An…. Building"): found, the box ending at the ellipsis."""
    img, boxes = render_with_boxes(LINKED, ("link",))
    lines = read_lines(img)
    found = [i for i in detect(img, lines) if i.category == "text-truncation"]
    assert _on(found, boxes["link"]), (boxes["link"], [ln.text for ln in lines], [(i.bbox, i.message) for i in found])


PRICES = """<!doctype html><html><head><meta charset="utf-8"><style>
body { margin: 0; padding: 10px 20px; font-family: 'Liberation Sans', sans-serif; background: #fff; color: #8c8c8c;
       columns: 3; }
p { margin: 0 0 10px 0; }
</style></head><body>""" + "".join(
    f'<p style="font-size: {fs}px; padding-left: {k * 0.125}px">EUR 97,88</p>' for fs in (14, 15, 16) for k in range(8)
) + "</body></html>"


def test_truncation_not_the_two_bowls_of_a_final_8():
    """A whole "8" ends in two bowls whose right edges can fall on one column at full strength,
    as a straight cut through two strokes does: prices ending in 8, at any sub-pixel offset, are
    not sliced."""
    img, _ = render_with_boxes(PRICES, (), width=900, height=700)
    lines = read_lines(img)
    assert sum("97,88" in ln.text for ln in lines) >= 12, [ln.text for ln in lines]
    found = [i for i in detect(img, lines) if i.category == "text-truncation"]
    assert not found, [(i.bbox, i.message) for i in found]
