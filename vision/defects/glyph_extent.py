"""A second font-size witness: the full height of each word's ink against the letters it holds.

The dense band (x-height) that `pixels.font_px` reads is 5-7 px for 10-13 px text; the renderer
snaps it to whole pixels, so 10 px and 12.5 px text can both show a 6 px band. A word's whole
ink, ascenders to descenders, spans about 0.93 em: 9-10 px at 10 px, 12 px at 13 px, far less
ambiguous. Which lines it spans depends on the letters, and the recogniser says which letters.
"""
from __future__ import annotations

import numpy as np

from .pixels import TextInfo, word_boxes

X_HEIGHT = 0.53   # lowercase without ascenders (sans-serif UI fonts: 0.50-0.55 em)
CAP = 0.72        # capitals, digits, ascenders (Arial/Helvetica 0.72, DejaVu 0.73-0.76)
DESCENDER = 0.21  # g j p q y
# letters reaching about cap height; t and the dots of i and j reach less high or as high, so
# taking them as cap-high can only make the estimate smaller (the side of reporting small text)
TALL = set("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789bdfhklitj!?'\"&%#*()[]{}|/\\@$")
LOW = set("gjpqy,;()[]{}|/\\@$Q_")
PLAIN = set("acemnorsuvwxz.:-+=~") | TALL | LOW
# for a whole line, only letters whose extent is sure in every sans-serif UI font: capitals,
# digits and ascenders reach the cap height or above, these descend a full descender
ASCENDING = set("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789bdfhkl")
DESCENDING = set("gjpqy")


def word_em(word: str) -> float | None:
    """How many em a word's ink spans, top to bottom; None when the word has a letter whose
    extent varies between fonts or scripts (accents, symbols) or only letters that sit between
    baseline and x-height (their 5-7 px height is what is in doubt)."""
    if not word or any(ch not in PLAIN for ch in word) or not any(ch in TALL or ch in LOW for ch in word):
        return None
    top = CAP if any(ch in TALL for ch in word) else X_HEIGHT
    bottom = DESCENDER if any(ch in LOW for ch in word) else 0.0
    return top + bottom


def extent_px(img: np.ndarray, t: TextInfo) -> float | None:
    """Font size from the words' ink heights over the em they span (total over total: the tallest
    words weigh most, their pixel rounding matters least); None unless the ink splits into the words
    the recogniser read (`aligned`), so each height belongs to a known word."""
    words = word_boxes(img, t)
    names = t.text.split()
    if not aligned(words, names):
        return None
    px = em = 0.0
    for (_, _, top, bottom, _), name in zip(words, names):
        e = word_em(name)
        if e is not None:
            px += bottom - top
            em += e
    return px / em if em else None


def aligned(words: list[tuple[int, int, int, int, int]], names: list[str]) -> bool:
    """Whether the ink's words are the recogniser's, one for one: as many, and each about as wide
    as its letters make it (within a factor of four of the line's width per letter). An icon
    beside the text can make up the count while two read words share one ink word, and the icon's
    height would then size the second word."""
    if not words or len(words) != len(names):
        return False
    per = sum(wd[1] - wd[0] for wd in words) / max(1, sum(len(n) for n in names))
    return all((wd[1] - wd[0]) <= 4 * per * len(n) and (len(n) < 2 or (wd[1] - wd[0]) >= per * len(n) / 4)
               for wd, n in zip(words, names))


def line_extent_px(t: TextInfo) -> float | None:
    """Font size from the whole line's ink height, top of its tallest letter to the foot of its
    deepest, over the em those letters span; None without a capital, digit or ascender.

    It needs no split into words, so it also sizes lines whose word gaps the ink does not show
    (tight spacing, a large dense band making the gap threshold too wide). The line's ink box
    takes in the faint edges of pale letters that a word's strong-ink threshold drops. Only
    letters sure to reach the cap height or a full descender are counted (a t, a comma or a
    bracket reach less or vary by font): anything else in the line (an icon, an underline, an
    accent) can only make the ink taller, the estimate larger.
    """
    em = text_em(t.text)
    return t.ink_box[3] / em if em else None


def text_em(text: str) -> float | None:
    """How many em a run of text's ink spans at least, counting only the letters sure to reach
    the cap height or a full descender; None without a capital, digit or ascender."""
    if not any(ch in ASCENDING for ch in text):
        return None
    return CAP + (DESCENDER if any(ch in DESCENDING for ch in text) else 0.0)
