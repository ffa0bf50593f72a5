"""A line's own rows: its ink box without a neighbouring line's glyphs that the OCR box took in.

A recogniser's box for one line of tightly set text often reaches a few pixels into the next
(or previous) line: the tops of its capitals and ascenders, cut by the box's edge. Such ink is
set apart from the line's own glyphs by rows with no ink across the whole line (the leading).
Two lines drawn over each other never leave such rows: the lower line's capitals and ascenders
start above the upper one's baseline, so some glyph always spans the rows between them.
"""
from __future__ import annotations

from dataclasses import replace

import numpy as np

from .pixels import TextInfo, distance, strong_ink

LEADING = 2  # rows with no ink across the whole line that part two lines (one is anti-aliasing's seam)


def own_rows(img: np.ndarray, t: TextInfo) -> TextInfo:
    """The line with its ink box cut to the tallest run of inked rows (runs parted by at least
    LEADING rows with no strong ink anywhere across the line, leaving out columns inked all the
    way down the box: the edge of a card or a panel the box reaches, which no line of glyphs
    fills); the line as it is when its ink forms one run."""
    x, y, w, h = t.ink_box
    crop = img[y:y + h, x:x + w]
    if crop.size == 0:
        return t
    ink = strong_ink(distance(crop, t.bg))
    side = ink.all(axis=0)  # inked from the box's top to its bottom: a surface's edge beside the text
    if side.all():
        return t
    inked = ink[:, ~side].any(axis=1)
    rows = np.flatnonzero(inked)
    if len(rows) < 2:
        return t
    cuts = np.flatnonzero(np.diff(rows) > LEADING)
    if not len(cuts):
        return t
    starts = np.concatenate([[rows[0]], rows[cuts + 1]])
    ends = np.concatenate([rows[cuts], [rows[-1]]]) + 1
    k = int(np.argmax(ends - starts))
    top, bottom = int(starts[k]), int(ends[k])
    return replace(t, ink_box=(x, y + top, w, bottom - top))
