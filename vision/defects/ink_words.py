"""A text line's ink cut into words at the gaps between them, and what a word's ink ends in.

The truncation signs look at where a line's ink stops. A line's OCR text does not always say where
that is: a clipped label may be followed by an icon the recogniser read as a mark (or not at all),
a sliver of a cut letter may be left unread after the last word, and a clipped element inside a
sentence is followed by the rest of the sentence. Cutting the ink into words at gaps as wide as a
word space shows each word's own end.
"""
from __future__ import annotations

import numpy as np

from .pixels import TextInfo, distance

FAINT = 0.15   # ink strength (0 background, 1 text colour) below which a pixel is background
STRONG = 0.8   # full strength: a stroke cut straight, not the anti-aliased edge of a glyph
# two strokes cut on one column have ground between them (a counter, the gap under an arm): where
# the column stays this strong between two full-strength runs, they are one stroke (or a textured
# surface's edge) whose strength wobbles about STRONG
JOINED = 0.45


def ink_strength(img: np.ndarray, t: TextInfo) -> np.ndarray | None:
    """The line's ink box as ink strength, or None when text and ground are too close to tell."""
    x, y, w, h = t.ink_box
    top = float(distance(np.array([[t.fg]]), t.bg)[0, 0])
    if top < 40 or w < 1 or h < 1:
        return None
    return distance(img[y:y + h, x:x + w], t.bg) / top


def ink_words(d: np.ndarray, x_height: int) -> list[tuple[int, int]]:
    """First and last column of each word of ink: runs of columns apart by a gap of at least a
    word space (about 0.4 x-height; letters sit one or two pixels apart)."""
    cols = np.nonzero((d >= FAINT).any(axis=0))[0]
    if not len(cols):
        return []
    gap = max(3, int(round(0.4 * x_height)))
    breaks = np.nonzero(np.diff(cols) > gap)[0]
    starts = np.concatenate([[cols[0]], cols[breaks + 1]])
    ends = np.concatenate([cols[breaks], [cols[-1]]])
    return [(int(a), int(b)) for a, b in zip(starts, ends)]


def is_tofu(d: np.ndarray, word: tuple[int, int], x_height: int) -> bool:
    """The word is a hollow box (the glyph a browser draws for a character its fonts lack, often an
    icon font's): four inked sides, nothing inside, at least an x-height tall."""
    a, b = word
    g = d[:, a:b + 1] >= 0.3
    rows = np.nonzero(g.any(axis=1))[0]
    if g.shape[1] < 3 or not len(rows) or rows[-1] - rows[0] + 1 < max(4, 0.8 * x_height):
        return False
    g = g[rows[0]:rows[-1] + 1]
    sides = min(g[:, 0].mean(), g[:, -1].mean(), g[0].mean(), g[-1].mean())
    return bool(sides >= 0.8 and not g[1:-1, 1:-1].any())


def strong_runs(d: np.ndarray, col: int, rules: np.ndarray) -> list[tuple[int, int]]:
    """The runs of full-strength ink down one column, leaving out runs inside rule rows (an
    underline or a border is no glyph's stroke); runs with no ground between them are one."""
    strong = d[:, col] >= STRONG
    edges = np.diff(np.concatenate([[0], strong.astype(np.int8), [0]]))
    runs: list[tuple[int, int]] = []
    for a, b in zip(np.nonzero(edges == 1)[0], np.nonzero(edges == -1)[0]):
        if runs and d[runs[-1][1]:a, col].min() >= JOINED:
            runs[-1] = (runs[-1][0], int(b))  # no ground between: one stroke whose strength wobbles
        else:
            runs.append((int(a), int(b)))
    return [(a, b) for a, b in runs if not rules[a:b].all()]
