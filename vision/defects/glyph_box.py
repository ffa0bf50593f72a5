"""Where a text line's glyphs are, as opposed to whatever else its OCR box takes in.

A line's ink box (pixels.text_info) is every pixel of its OCR box unlike the ground measured
around it. Two things besides glyphs end up in it: a rule crossing the box (the border of the
button or field the label sits in, an underline, the ends of a rounded border's arcs, a divider
standing beside the text), which the OCR box cuts off at an arbitrary x or y;
the ground itself, where the ring around the box fell on a neighbour (a picture below the line,
a gradient dithered over several colours). Edge positions measured from such an ink box are those of the box, not
of the text, which matters to detectors that compare edges to a few pixels.
"""
from __future__ import annotations

import cv2
import numpy as np

from .pixels import TextInfo, distance, mode_color, rule_rows

TRUSTED_GROUND = 0.45  # share of the ring around the box the ground must hold to be the line's own
SOLID = 0.9            # share of its bounding box a solid block (an icon's edge) fills; a glyph's strokes far less
EDGE_COLS = 2          # columns at each end of an OCR box: the padding the recogniser leaves, ground


def _ground(crop: np.ndarray, t: TextInfo):
    """The line's ground: the colour measured around it when it holds most of that ring, else the
    colour of the box's own end columns (padding round the glyphs) at the end where it is most
    uniform (a gradient drifts from one end to the other), binned coarsely so that a dithered
    gradient is one colour."""
    if t.bg_share >= TRUSTED_GROUND or crop.shape[1] <= 4 * EDGE_COLS:
        return t.bg
    bg, share = max((mode_color(end, step=16) for end in (crop[:, :EDGE_COLS], crop[:, -EDGE_COLS:])),
                    key=lambda m: m[1])
    return bg if share >= 0.5 else t.bg


def _without_cut_marks(ink: np.ndarray) -> np.ndarray:
    """The ink without marks the box cuts (they touch its side) that stay out of the rows dense
    with letters: the ends of a rounded border's arcs, a neighbour's descenders. A glyph the box
    cuts still reaches into the letters' band. Nor a solid block the box cuts that runs past the
    letters' band both above and below (the edge of an icon or a picture before the line): a glyph
    is strokes, not a filled rectangle, and only a bracket or a bar spans both ascenders and
    descenders, in a thin stroke."""
    prof = ink.sum(axis=1)
    if prof.max() <= 0:
        return ink
    band = np.nonzero(prof >= 0.35 * prof.max())[0]
    b0, b1 = int(band[0]), int(band[-1])
    n, lab, st, _ = cv2.connectedComponentsWithStats(ink.astype(np.uint8), connectivity=8)
    H, W = ink.shape
    out = ink.copy()
    for i in range(1, n):
        x, y, w, h, _ = (int(v) for v in st[i])
        cut = x == 0 or y == 0 or x + w == W or y + h == H
        block = (x == 0 or x + w == W) and y < b0 and y + h - 1 > b1 and st[i, 4] >= SOLID * w * h
        if cut and (y + h - 1 < b0 or y > b1) or block:
            out[lab == i] = False
    return out


def glyph_box(img: np.ndarray, t: TextInfo) -> tuple[int, int, int, int]:
    """The extent of the line's glyphs in screenshot pixels: its ink against its own ground,
    without rule rows. The line's ink box when nothing is left."""
    H, W = img.shape[:2]
    x, y, w, h = t.box
    x0, y0, x1, y1 = max(0, x), max(0, y), min(W, x + w), min(H, y + h)
    crop = img[y0:y1, x0:x1]
    if crop.size == 0:
        return t.ink_box
    bg = _ground(crop, t)
    d = distance(crop, bg)
    top = float(d.max())
    if top < 12:
        return t.ink_box
    ink = d >= max(10.0, 0.35 * top)
    ink[rule_rows(ink, max(8, ink.shape[1] // 2))] = False
    # a vertical rule the box crosses (a divider between a date and its title, a field's side):
    # a thin run of columns inked down nearly the whole box, padding rows included, which a glyph
    # is not (a "|" is; it divides too)
    if ink.shape[0] >= 8:
        tall = np.concatenate([[0], (ink.mean(axis=0) >= 0.85).astype(np.int8), [0]])
        edges = np.flatnonzero(np.diff(tall))
        for a, b in zip(edges[::2], edges[1::2]):
            if b - a <= 3:
                ink[:, a:b] = False
    ink = _without_cut_marks(ink)
    rows, cols = np.nonzero(ink.any(axis=1))[0], np.nonzero(ink.any(axis=0))[0]
    if not len(rows):
        return t.ink_box
    return x0 + int(cols[0]), y0 + int(rows[0]), int(cols[-1] - cols[0] + 1), int(rows[-1] - rows[0] + 1)
