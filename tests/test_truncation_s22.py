"""text-truncation, 2026-12-01 evening. Pages rendered in Chromium, each line boxed the way the page
OCR boxes it, with the text the recogniser read: a word English writes only as a capitalised name,
read in small letters last ("mobil"), is a cut word; and contractions are English words."""
from __future__ import annotations

from debug_pages import assert_truncation_reads, clip_at, clipped_rows_page, render_with_boxes

PAGE = clipped_rows_page([
    ("mobil", "VK for mobile devices"),
    ("mobile", "VK for mobile"),
    ("brand", "Fuel from Mobil"),
    ("below", "Roku isn't available in your area yet, pick one below"),
    ("whole", "Roku isn't available in your area yet"),
])


def test_a_name_read_in_small_letters_is_a_cut_word():
    """"VK for mobile devices" clipped after "mobil": the list holds "mobil" only as a name
    ("Mobil"), so in small letters it is the start of "mobile". The line drawn whole to "mobile",
    and the name capitalised, are not found."""
    img, boxes = render_with_boxes(PAGE, ("mobil", "mobile", "brand"), width=900, height=300,
                                   before=clip_at(("mobil", 12, 0.0)))
    assert_truncation_reads(img, boxes, (("mobil", "VK for mobil", ["text-truncation"]),
                                         ("mobile", "VK for mobile", []),
                                         ("brand", "Fuel from Mobil", [])))


def test_a_sentence_with_a_contraction_is_english():
    """"... pick one bel" after "isn't": the contraction is an English word, so the sentence is
    English and "bel" (a name, "Bel", in the list) the start of a cut word. The sentence drawn
    whole to a whole word is not found."""
    img, boxes = render_with_boxes(PAGE, ("below", "whole"), width=900, height=300,
                                   before=clip_at(("below", 51, 0.0)))
    assert_truncation_reads(img, boxes, (("below", "Roku isn't available in your area yet, pick one bel",
                                          ["text-truncation"]),
                                         ("whole", "Roku isn't available in your area yet", [])))
