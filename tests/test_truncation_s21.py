"""text-truncation, stop 21 (2026-12-01). Pages are rendered in Chromium and each line is boxed the
way the page OCR boxes it, with the text the recogniser read."""
from __future__ import annotations

from debug_pages import assert_truncation_reads, clip_at, render_with_boxes

PAGE = """<!doctype html><html><head><meta charset="utf-8"><style>
body { margin: 0; background: #fff; }
div { position: absolute; left: 40px; white-space: nowrap; }
.clip { display: inline-block; overflow: hidden; vertical-align: bottom; }
.prime { background: #0f79af; color: #fff; font: bold 16px 'Liberation Serif', serif; padding: 20px; }
.hero { left: 400px; background: #666; color: #fff; font: 20px 'Liberation Sans', sans-serif; padding: 10px; }
.foot { left: 400px; color: #333d47; font: 16px 'Liberation Sans', sans-serif; }
</style></head><body>
<div style="top: 20px" class="prime"><span id="menu" class="clip">Prime Video Menu</span></div>
<div style="top: 90px" class="prime"><span id="men">Prime Video Men</span></div>
<div style="top: 20px" class="hero"><span id="email" class="clip">Enter your email to start</span></div>
<div style="top: 90px" class="hero"><span id="at">Enter your email at</span></div>
<div style="top: 160px" class="hero"><span id="one">Enter your code 1</span></div>
<div style="top: 230px" class="foot"><span id="copy" class="clip">&copy; 2024, Amazon</span></div>
<div style="top: 280px" class="foot"><span id="copyw">&copy; 2024, Amazon</span></div>
<div style="top: 330px" class="foot"><span id="copyq">&copy; 2024 Netflix</span></div>
<div style="top: 230px; left: 40px" class="foot"><span id="privacy" class="clip">Privacy</span></div>
<div style="top: 280px; left: 40px" class="foot"><span id="paren">supported browsers)</span></div>
</body></html>"""


def test_the_faint_rim_of_a_cut_stem():
    """"Prime Video Menu" clipped in the n's right stem, keeping only its first anti-aliased
    column: a faint upright column with ground between it and the arch's stem, in a bold face whose
    stems weigh over two pixels, is no glyph of that face. The words drawn whole end in a whole
    stem and are not found."""
    img, boxes = render_with_boxes(PAGE, ("menu", "men"), height=400, width=900, before=clip_at(("menu", 14, 0.67)))
    assert_truncation_reads(img, boxes, (("menu", "Prime Video Men", ["text-truncation"]),
                                         ("men", "Prime Video Men", [])))


def test_a_t_cut_past_its_stem_read_as_a_one():
    """"Enter your email to" clipped just past the t's stem, read "email 1": the stem rises over
    the band with the crossbar's left arm at the band's top and nothing right of it, where a whole
    t has its crossbar's right arm and its hook. A whole "t" and a whole "1" (its flag at its top)
    are not found."""
    img, boxes = render_with_boxes(PAGE, ("email", "at", "one"), height=400, width=900,
                                   before=clip_at(("email", 17, 0.5)))
    assert_truncation_reads(img, boxes, (("email", "Enter your email 1", ["text-truncation"]),
                                         ("at", "Enter your email at", []),
                                         ("one", "Enter your code 1", [])))


def test_a_copyright_holders_name_cut_between_letters():
    """"© 2024, Amazon" clipped between its o and n: after a copyright notice's mark and year the
    holder's name is the line's one word, and "Amazo" begins a word without being one. The notice
    drawn whole, and one whose holder's name is no word's start, are not found."""
    img, boxes = render_with_boxes(PAGE, ("copy", "copyw", "copyq"), height=400, width=900,
                                   before=clip_at(("copy", 13, 0.0)))
    assert_truncation_reads(img, boxes, (("copy", "© 2024, Amazo", ["text-truncation"]),
                                         ("copyw", "© 2024, Amazon", []),
                                         ("copyq", "© 2024 Netflix", [])))


def test_a_cut_y_read_as_a_closing_bracket():
    """A footer link "Privacy" clipped through its y, read "Privac)": a closing bracket glued to a
    word's start that is no word, nothing opened before it, is the left half of the cut letter,
    even in a line of one word. The end of a parenthesis whose line wrapped ("supported browsers)")
    closes whole words and is not found."""
    img, boxes = render_with_boxes(PAGE, ("privacy", "paren"), height=400, width=900,
                                   before=clip_at(("privacy", 6, 0.7)))
    assert_truncation_reads(img, boxes, (("privacy", "Privac)", ["text-truncation"]),
                                         ("paren", "supported browsers)", [])))


LONE = """<!doctype html><html><head><meta charset="utf-8"><style>
body { margin: 0; background: #f2f2f2; color: #444; font: 20px 'Liberation Sans', sans-serif; }
div { position: absolute; left: 40px; white-space: nowrap; }
.clip { display: inline-block; overflow: hidden; vertical-align: bottom; }
</style></head><body>
<div style="top: 30px"><span id="cut" class="clip">Easy to integrate, available in many languages</span></div>
<div style="top: 90px"><span id="whole">Easy to integrate, available in</span></div>
<div style="top: 150px"><span id="italian">Pane, vino, olio e sale e i</span></div>
</body></html>"""


def test_a_lone_i_after_english_words_is_a_cut_word():
    """"available in" clipped after its i: English writes its lone I as a capital, so a small "i"
    after English words is a word's first letter, not a word (the letters that stand alone in the
    languages written in Latin letters, e, i, o, u, y, do so in other languages). The line drawn
    whole, and a lone "i" after words that are not English (Italian's "and"), are not found."""
    img, boxes = render_with_boxes(LONE, ("cut", "whole", "italian"), height=220, width=900,
                                   before=clip_at(("cut", 30, 0.0)))
    assert_truncation_reads(img, boxes, (("cut", "Easy to integrate, available i", ["text-truncation"]),
                                         ("whole", "Easy to integrate, available in", []),
                                         ("italian", "Pane, vino, olio e sale e i", [])))
