"""Text clipped between two letters, leaving no sliced glyph: the line stops part-way into a word
that the word list knows. Pages rendered here (real Chromium, real OCR)."""
from __future__ import annotations

import pytest

from debug_pages import render_with_boxes
from vision.defects import detect
from vision.defects import read_text as read_lines
from vision.defects.issue import overlap_min
from vision.defects.lexicon import _words, begins_word, is_word

PAGE = """<!doctype html><html><head><meta charset="utf-8"><style>
body { margin: 0; padding: 30px; font: 17px 'Liberation Sans', sans-serif; color: #1f2933; background: #fff; }
p { margin: 0 0 28px 0; }
span { display: inline-block; white-space: nowrap; overflow: hidden; vertical-align: bottom; }
.btn { display: inline-block; background: #0f79af; color: #fff; padding: 6px 12px; }
.field { width: 380px; border: 1px solid #8a939c; border-radius: 4px; padding: 8px 10px; margin-bottom: 24px; }
</style></head><body>
<p><span id="addr">Search any IP address</span></p>
<p><span id="platform">A software collaboration platform</span></p>
<p><span class="btn"><span id="merch">Prime Video Merchandise</span></span></p>
<p><span id="contact">Contact Information</span></p>
<p id="whole">Search any IP address</p>
<div class="field" id="query">search for entrepreneursh</div>
<p id="brand">Powered by Shopify</p>
<p id="acronym">Find any product by its SKU</p>
<p id="french">Visitez notre boutique en ligne</p>
</body></html>"""
# each span clipped on the left edge of one of its letters: the cut falls between two letters
CLIP_JS = """() => { const cut = (id, i) => { const s = document.getElementById(id); const r = document.createRange();
  r.setStart(s.firstChild, i); r.setEnd(s.firstChild, i + 1); const c = r.getBoundingClientRect();
  s.style.maxWidth = Math.floor(c.left - s.getBoundingClientRect().left) + 'px'; };
  cut('addr', 18); cut('platform', 28); cut('merch', 15); cut('contact', 15); }"""
IDS = ("addr", "platform", "merch", "contact", "whole", "query", "brand", "acronym", "french")


@pytest.fixture(scope="module")
def page():
    img, boxes = render_with_boxes(PAGE, IDS, before=CLIP_JS)
    lines = read_lines(img)
    return img, boxes, lines, [i for i in detect(img, lines) if i.category == "text-truncation"]


def _on(found, box) -> list:
    return [i for i in found if overlap_min(i.bbox, box) >= 0.3]


def test_word_list_tells_a_cut_word_from_a_whole_one():
    """The start of a word is no word but begins one; a whole word is a word; a name that begins
    no word is neither."""
    assert is_word("address") and is_word("Platform") and not is_word("addr")
    assert begins_word("addr") and begins_word("pla") and begins_word("Mer")
    assert not begins_word("shopify") and not is_word("shopify")
    words = _words()
    assert words == sorted(words) and all(w.islower() and w.isalpha() for w in words)  # binary search


@pytest.mark.parametrize("key", ["addr", "platform", "merch", "contact"])
def test_truncation_a_line_stopping_part_way_into_a_word(page, key):
    """ "Search any IP addr", "A software collaboration pla", "Prime Video Mer" (white on a
    button), "Contact Informa": clipped between two letters, no glyph sliced, yet the last word is
    cut short."""
    img, boxes, lines, found = page
    read = [ln.text for ln in lines]
    assert _on(found, boxes[key]), (key, boxes[key], read, [(i.bbox, i.message) for i in found])


@pytest.mark.parametrize("key", ["whole", "query", "brand", "acronym", "french"])
def test_truncation_not_whole_words_queries_names_acronyms_or_other_languages(page, key):
    """A line ending in a whole word, a half-typed query well short of its field's right side, a
    name that begins no English word ("Shopify"), an acronym (though "SKU" begins "skull"), or a
    line in a language the word list lacks is not cut."""
    img, boxes, lines, found = page
    assert not _on(found, boxes[key]), (key, [(i.bbox, i.message) for i in _on(found, boxes[key])])
