"""Text cut at a container's edge and broken images, on pages rendered here (real Chromium, real OCR)."""
from __future__ import annotations

import pytest

from debug_pages import render_with_boxes
from vision.defects import detect
from vision.defects import read_text as read_lines
from vision.defects.issue import overlap_min

COVERED_IMAGE = """<!doctype html><html><head><meta charset="utf-8"><style>
body { margin: 0; font: 16px 'Liberation Sans', sans-serif; color: #222; background: #fff; }
header { position: fixed; top: 0; left: 0; right: 0; height: 70px; background: #0a4064; color: #fff; z-index: 5; }
header p { margin: 0; padding: 24px; }
#shot { display: block; width: 180px; height: 110px; margin: 20px 0 0 30px; }
#box { width: 180px; height: 90px; margin: 20px 0 0 30px; border: 1px solid #c0c0c0; }
#bar { width: 182px; height: 16px; margin: 20px 0 0 30px; background: #0a4064; }
#boxed { width: 180px; height: 60px; margin: 0 0 0 30px; border: 1px solid #c0c0c0; }
</style></head><body>
<header><p>Harbour news</p></header>
<img id="shot" src="missing-shot.png" alt="">
<div id="box"></div>
<div id="bar"></div><div id="boxed"></div>
<p style="margin: 20px 30px">Ferry times change on the first of the month.</p>
</body></html>"""


def test_broken_image_under_a_fixed_header_is_found_by_its_frame():
    """A broken image whose top (and icon) lies under a fixed header shows only the rest of its
    silver frame: it is found. Empty boxes with the same silver border in full view are not, one
    right under a dark bar included."""
    img, boxes = render_with_boxes(COVERED_IMAGE, ("shot", "box", "boxed"))
    found = [i for i in detect(img, read_lines(img)) if i.category == "broken-image"]
    assert [i for i in found if overlap_min(i.bbox, boxes["shot"]) >= 0.5], (boxes, [i.bbox for i in found])
    for k in ("box", "boxed"):
        assert not [i for i in found if overlap_min(i.bbox, boxes[k]) >= 0.5], (k, boxes, [i.bbox for i in found])


CUT_WORDS = """<!doctype html><html><head><meta charset="utf-8"><style>
body { margin: 0; padding: 30px; font: 16px 'Liberation Sans', sans-serif; color: #1f2933; background: #fff; }
p { margin: 0 0 28px 0; }
span { display: inline-block; white-space: nowrap; overflow: hidden; vertical-align: bottom; }
</style></head><body>
<p><span id="to">Thank you to all our readers</span></p>
<p><span id="ness">Create business account</span></p>
<p><span id="stem">Create business account</span></p>
<p><span id="user">Create a new user</span></p>
<p><span id="you">Thank you</span></p>
</body></html>"""
# each span clipped a few pixels into one letter (on a whole pixel): "t|o" of "to" and "n|ess"
CUT_JS = """() => { const cut = (id, i, px) => { const s = document.getElementById(id); const r = document.createRange();
  r.setStart(s.firstChild, i); r.setEnd(s.firstChild, i + 1); const c = r.getBoundingClientRect();
  s.style.maxWidth = Math.round(c.left + px - s.getBoundingClientRect().left) + 'px'; };
  cut('to', 10, 1.5); cut('ness', 11, 3); cut('stem', 11, 2.5); }"""


@pytest.fixture(scope="module")
def cut_words():
    img, boxes = render_with_boxes(CUT_WORDS, ("to", "ness", "stem", "user", "you"), before=CUT_JS)
    return img, boxes, read_lines(img)


def test_truncation_a_bare_stroke_left_of_a_cut_letter(cut_words):
    """The first pixel columns of a letter cut at a container's edge are one bare stroke: found
    whether the recogniser reads it as a '1' or a 't' (glyphs never that bare) or not at all.
    Whole lines ending in 'r' and in a word are not."""
    img, boxes, lines = cut_words
    found = [i for i in detect(img, lines) if i.category == "text-truncation"]
    for k in ("to", "ness"):
        assert [i for i in found if overlap_min(i.bbox, boxes[k]) >= 0.3], (k, [(i.bbox, i.message) for i in found])
    for k in ("user", "you"):
        assert not [i for i in found if overlap_min(i.bbox, boxes[k]) >= 0.3], (k, [(i.bbox, i.message) for i in found])


def test_truncation_a_stem_read_as_a_letter_that_never_ends_in_one(cut_words):
    """A line ending in a stem through the whole x-height band, read as "r" or "e" (the
    recogniser's guess at a cut "n"), is cut; the same stem read as "i" is left to the dot test,
    and a real "user" ending in "r" is not cut."""
    from dataclasses import replace

    from vision.defects import measure_lines
    from vision.defects.truncation.glyphs import stem_end

    img, boxes, lines = cut_words
    infos = measure_lines(img, lines)

    def line(k):
        x, y, w, h = boxes[k]
        return next(t for t in infos if abs(t.box[1] + t.box[3] / 2 - (y + h / 2)) < h / 2)

    stem = line("stem")
    for guess in ("r", "e"):
        assert stem_end(img, replace(stem, text="Create busi" + guess)), (guess, stem)
    assert not stem_end(img, replace(stem, text="Create busil"))
    assert line("user").text.endswith("r") and not stem_end(img, line("user"))


CUT_CAPS = """<!doctype html><html><head><meta charset="utf-8"><style>
body { margin: 0; padding: 30px; font: bold 14px 'Liberation Sans', sans-serif; color: #212121; background: #fff; }
p { margin: 0 0 24px 0; }
span { display: inline-block; white-space: nowrap; overflow: hidden; vertical-align: bottom; }
u { font-weight: normal; font-size: 16px; color: #1a0dab; }
</style></head><body>
<p><span id="caps">SERVICE PROVIDERS</span></p>
<p id="staff">FACULTY &amp; STAFF</p>
<p><u id="link">Shopping guide</u></p>
</body></html>"""
# "SERVICE PR|OVIDERS": the R cut through its bowl, which leaves an F-like glyph
CAPS_JS = """() => { const s = document.getElementById('caps'); const r = document.createRange();
  r.setStart(s.firstChild, 9); r.setEnd(s.firstChild, 10); const c = r.getBoundingClientRect();
  s.style.maxWidth = Math.round(c.left + 5 - s.getBoundingClientRect().left) + 'px'; }"""


def test_truncation_capitals_cut_through_a_letter():
    """Capitals cut through a letter are found although their top row is inked across the line
    (glyph by glyph, unlike a rule); whole capitals ending in F and an underlined line are not."""
    img, boxes = render_with_boxes(CUT_CAPS, ("caps", "staff", "link"), text=True, before=CAPS_JS)
    found = [i for i in detect(img, read_lines(img)) if i.category == "text-truncation"]
    assert [i for i in found if overlap_min(i.bbox, boxes["caps"]) >= 0.3], (boxes, [(i.bbox, i.message) for i in found])
    for k in ("staff", "link"):
        assert not [i for i in found if overlap_min(i.bbox, boxes[k]) >= 0.3], (k, [(i.bbox, i.message) for i in found])
