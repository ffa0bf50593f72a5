"""small-text inside a line: words set in a much smaller font than the line's others."""
from __future__ import annotations

import dataclasses

import numpy as np

from ..glyph_extent import ASCENDING, DESCENDING, text_em
from ..issue import Issue
from ..pixels import TextInfo, distance, strong_ink, word_boxes
from .issue import MIN_FONT_PX, _cjk, _issue_text

PALE_SHARE = 0.15  # ink threshold (share of the strongest ink) for a line whose words are mostly paler


def _text_under(t: TextInfo, words: list[tuple[int, int, int, int, int]], i: int, j: int) -> str:
    """The recogniser's text of ink words i..j-1: its own words when they line up with the ink's,
    else the slice of the line's text under those columns."""
    names = t.text.split()
    if len(names) == len(words):
        return " ".join(names[i:j])
    lw, n = max(1, t.ink_box[2]), len(t.text)
    return t.text[int(n * words[i][0] / lw):int(np.ceil(n * words[j - 1][1] / lw))].strip()


def _ink_shows(img: np.ndarray, t: TextInfo, wd: tuple[int, int, int, int, int], name: str) -> bool:
    """Whether a word's ink reaches above its dense band (and below it) where its letters claim an
    ascender (a descender): both by at least a sixth of the word's height."""
    x, y, w, h = t.ink_box
    d = distance(img[y:y + h, x + wd[0]:x + wd[1]], t.bg)
    if d.size == 0:
        return False
    prof = strong_ink(d).sum(axis=1).astype(np.float64)
    inked = np.nonzero(prof > 0)[0]
    if not len(inked):
        return False
    dense = np.nonzero(prof >= 0.35 * prof.max())[0]
    margin = max(2.0, (wd[3] - wd[2]) / 6)
    up = not any(ch in ASCENDING for ch in name) or dense[0] - inked[0] >= margin
    down = not any(ch in DESCENDING for ch in name) or inked[-1] - dense[-1] >= margin
    return bool(up and down)


def _small_words(img: np.ndarray, t: TextInfo, read: bool = True) -> list[Issue]:
    """Words set in a much smaller font inside a line of normal text (a tiny link, a shrunk
    span): the line as a whole measures normal, so each word's own height is compared.

    A word's size is taken as the larger of its dense band read as an x-height and its whole ink
    height (a capital word's dense band is its cap height, which only errs towards larger), so
    a run is flagged only when it is small by both and clearly smaller than the line's other words,
    by its dense band and by its whole ink (the dense band of spaced-out capitals can be a
    crossbar's few rows). CJK glyphs have no x-height: they fill about 0.88 em, so their ink
    height alone gives their size; Latin words in a CJK line keep the Latin measure.
    `read` off: the recogniser's letters are in doubt, so only the ink is compared.
    """
    share = 0.4
    words = word_boxes(img, t)
    if sum(b - a for a, b, *_ in words) < 0.5 * t.ink_box[2]:
        # most of the line is paler than its strongest words (grey text around a few dark ones):
        # measured against the strongest, the pale words vanish and leave nothing to compare with
        share = PALE_SHARE
        words = word_boxes(img, t, share=share)
    # the gap between words scales with the line's dense band, which digits or capitals can make a
    # cap height: split again by the words' own band, or a small word after a space is kept
    # joined to the word before it
    band = int(np.median([wd[4] for wd in words])) if words else 0
    if 3 <= band < t.x_height:
        words = word_boxes(img, dataclasses.replace(t, x_height=band), share=share)
    if len(words) < 2:
        return []
    names = [_text_under(t, words, k, k + 1) for k in range(len(words))]
    sizes = [(wd[3] - wd[2]) / 0.88 if _cjk(name) else max(wd[4] / 0.53, (wd[3] - wd[2]) / 1.1)
             for wd, name in zip(words, names)]
    # a 10 px word's x-height band rounds to 6 px, which reads as 11.3 px: its whole ink over the
    # em its letters span is the sharper measure where its letters are known. Where the
    # recogniser's words do not line up with the ink's, a slice of the line's text by columns can
    # give a word its neighbours' letters: the em is kept only where the ink shows the ascender
    # and descender those letters claim
    aligned = len(t.text.split()) == len(words)
    ems = [None if not read or _cjk(name) or not (aligned or _ink_shows(img, t, wd, name)) else text_em(name)
           for wd, name in zip(words, names)]
    sure = [(wd[3] - wd[2]) / em if em else None for wd, em in zip(words, ems)]
    # a word is measured only with a band of 3 rows and 5 rows of ink: a mark under that (an arrow,
    # a dash, a bullet beside a link) is no word to flag, nor one to compare the others with
    measured = [wd[4] >= 3 and wd[3] - wd[2] >= 5 for wd in words]
    small = [(px < MIN_FONT_PX - 0.5 or (s is not None and s < MIN_FONT_PX - 1)) and m
             for px, s, m in zip(sizes, sure, measured)]
    out = []
    i = 0
    while i < len(words):
        if not small[i]:
            i += 1
            continue
        j = i
        while j < len(words) and small[j]:
            j += 1
        others = [k for k in range(len(words)) if (k < i or k >= j) and measured[k]]
        run, rest = words[i:j], [words[k] for k in others]
        # one word to compare with is a weaker witness than several: it must be far larger
        lone = len(rest) == 1 and len(_text_under(t, words, others[0], others[0] + 1).strip()) >= 3
        ref = float(np.median([wd[4] for wd in rest])) if len(rest) >= 2 or lone else 0.0
        ref_ink = float(np.median([wd[3] - wd[2] for wd in rest])) if len(rest) >= 2 or lone else 0.0
        keep = 0.6 if lone else 0.7
        x0, x1 = run[0][0], run[-1][1]
        xh = max(wd[4] for wd in run)
        ink = max(wd[3] - wd[2] for wd in run)
        text = _text_under(t, words, i, j)
        by_band = xh <= keep * ref and ink <= (keep if lone else 0.85) * ref_ink and ref / 0.53 >= MIN_FONT_PX
        # by the whole ink over the em: the run's letters and its neighbours' all known; a lone
        # neighbour, as by the band, must be far larger
        run_sure = [s for s in sure[i:j] if s is not None]
        rest_sure = [sure[k] for k in others if sure[k] is not None]
        by_em = len(run_sure) == j - i and (len(rest_sure) >= 2 or (lone and len(rest_sure) == 1)) \
            and max(run_sure) < MIN_FONT_PX - 1 and float(np.median(rest_sure)) >= MIN_FONT_PX \
            and max(run_sure) <= (0.7 if lone else 0.85) * float(np.median(rest_sure))
        if x1 - x0 >= 4 * xh and (by_band or by_em) and sum(ch.isalnum() for ch in text) >= 2:
            top, bottom = min(wd[2] for wd in run), max(wd[3] for wd in run)
            box = [t.ink_box[0] + x0 - 1, t.ink_box[1] + top - 1, x1 - x0 + 2, bottom - top + 2]
            out.append(_issue_text(box, text, max(run_sure) if by_em and not by_band else max(sizes[i:j])))
        i = j
    return out
