"""text-truncation: a line ending in an upright stroke thinner than its word's other stems.

One face draws the upright stems of a word (l, i, n, m, b, d, h, u) at one weight. A container's
edge that cuts through the last stem ("mobi|l" of "mobile") leaves it thinner than its siblings and
cut square: its last column at full strength through the whole x-height band, ground right after. A
whole stem keeps its full weight however it falls on the pixel grid (anti-aliasing spreads it over
one more column, it does not thin it), so a stem at half the weight of the word's others is the
part of one a clip kept. A single cut stroke is what `glyphs.sliced_end` (two strokes or more) leaves out.
A clip that keeps only a stem's first, anti-aliased column leaves a faint column standing apart from
the glyph before it (`faint_last_stem`).
"""
from __future__ import annotations

import numpy as np

from ..ink_words import ink_words

UPRIGHT = 0.85  # share of the band's rows a column crosses at half strength or more to be a stem's
THIN = 0.5  # most a cut stem weighs against the word's other stems (whole ones: 0.7 or more)
MIN_WEIGHT = 2.0  # lightest stems (in pixels of full ink across) of which half can be told apart
FAINT_STEM = 0.2  # ink a column of a stem's rim shows at the least down the band


def _stems(band: np.ndarray) -> list[tuple[int, int]]:
    """Runs of columns inked at half strength or more down most of the band: upright strokes."""
    up = (band >= 0.5).mean(axis=0) >= UPRIGHT
    edges = np.diff(np.concatenate([[0], up.astype(np.int8), [0]]))
    return [(int(a), int(b)) for a, b in zip(np.nonzero(edges == 1)[0], np.nonzero(edges == -1)[0])]


def _weight(band: np.ndarray, a: int, b: int) -> float:
    """A stem's weight: its ink summed across its columns and one either side (the anti-aliased
    edges), median over the band's rows."""
    part = band[:, max(0, a - 1):min(band.shape[1], b + 1)]
    return float(np.median(np.clip(part, 0, 1).sum(axis=1)))


def _word_band(word: np.ndarray, b0: int, b1: int) -> tuple[int, int]:
    """The x-height band of the last word alone (the rows most of its ink columns cross), the
    line's (b0, b1) when it cannot be told. A line's band is measured over all its words, and one
    with many capitals and ascenders ("VK for mob") gives the capitals' height, over which the
    small letters' stems, no taller than the x-height, do not count as stems."""
    prof = (word >= 0.4).sum(axis=1)
    if not prof.any():
        return b0, b1
    rows = np.nonzero(prof >= 0.35 * prof.max())[0]
    return int(rows[0]), int(rows[-1])


def thin_last_stem(d: np.ndarray, b0: int, b1: int, x_height: int) -> bool:
    """The line's ink `d` (0 ground, 1 text colour; its x-height band rows b0..b1) ends in a stem cut
    square at half the weight of its last word's other stems or less (at least two of them). The
    band is the last word's own (see `_word_band`); the cut column is at full strength down four
    fifths of it or more, as the band takes in the half-strength top and bottom rows of the small
    letters' arcs, where a bowl cut through its side ("mob|ile") shows its arcs' edges too."""
    words = ink_words(d, x_height)
    start = words[-1][0] if words else 0
    b0, b1 = _word_band(d[:, start:], b0, b1)
    if b1 - b0 < 4:
        return False
    band = d[b0:b1 + 1]
    stems = _stems(band)
    if len(stems) < 3 or stems[-1][1] != d.shape[1] or float((band[:, -1] >= 0.8).mean()) < 0.8:
        return False
    own = [s for s in stems[:-1] if s[0] >= start]
    if len(own) < 2:
        return False
    ref = float(np.median([_weight(band, a, b) for a, b in own]))
    a, _ = stems[-1]
    last = float(np.median(np.clip(band[:, a:], 0, 1).sum(axis=1)))
    return ref >= MIN_WEIGHT and last <= THIN * ref



def faint_last_stem(d: np.ndarray, b0: int, b1: int, x_height: int) -> bool:
    """The line's ink `d` (ground after it) ends in a column inked faintly (under half strength)
    down half its last word's band or more, to the baseline, with ground between it and the glyph
    before it there, in a word whose heaviest stem weighs two pixels or more (no hairline face): the rim of a stem whose
    body a container's edge cut off ("Me|n" keeps the n's arch and the first anti-aliased column
    of its right stem). A whole glyph's faint edge is the rim of a stroke, so stronger ink lies
    right beside it; a stroke of its own at a fraction of its word's weight is no glyph of that
    face. A separate mark (a divider after a label) stands a word space away, outside the last
    word."""
    words = ink_words(d, x_height)
    if not words:
        return False
    start, end = words[-1]
    b0, b1 = _word_band(d[:, start:], b0, b1)
    if b1 - b0 < 4 or end < start + 3:
        return False
    band = d[b0:b1 + 1]
    last, before = band[:, end], band[:, end - 1]
    apart = (last >= FAINT_STEM) & (before < 0.15)
    if int(apart.sum()) < max(4, 0.5 * len(last)) or not apart[-2:].any() \
            or float(np.median(last[apart])) >= 0.5:
        return False
    own = [s for s in _stems(band[:, :end]) if s[0] >= start]
    return len(own) >= 2 and max(_weight(band, a, b) for a, b in own) >= MIN_WEIGHT
