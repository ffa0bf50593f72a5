"""blank-area: gaps in stacks and rows of blocks (a block gone from a column, a column gone from a
row, an item gone from a grid) and holes shut in on all four sides."""
from __future__ import annotations

import numpy as np

from .grid import MIN_HOLE, NEAR, REACH, _bounded, _runs, _side_reach, _spread
from .ground import _css_ground

ENCLOSED = 0.75  # of a hole's least height, for one with content close on all four sides
# cells (152 px): the most a shut-in hole need be tall on any screen: three quarters of a quarter of a
# laptop's 800 px. The space between blocks in a page's flow is set in CSS pixels and does not grow
# with the screen, unlike a band's or a margin's whitespace, which open holes are told from
SHUT_IN = 19
PITCH_TOL = 2  # cells: how far a column's start may stray from its row's pitch (rounding to the grid)
PITCH_JOIN = 3  # cells (24 px): gaps within a column's lines (words, an icon before a link) joined
GRID_ROWS = 3  # cells: the rows of a grid's cells next to a gap in which their gutter is looked for


def _pitch_slot(empty: np.ndarray, r) -> bool:
    """Across the hole's rows, the blocks beside it start at one pitch, with one start missing inside the
    hole: a row of columns (a footer's or a directory's link lists, cards) with one column gone. The
    columns start level, below the hole's top, as a row's headings do. Three blocks at least, on both
    sides of the hole, so that the pitch is measured apart from the gap (a centred layout's two
    blocks with whitespace between them fit any pitch)."""
    x0, y0, x1, y1 = r
    band = ~empty[y0:y1]
    blocks = _runs(band.any(axis=0), PITCH_JOIN)
    tops = [int(np.argmax(band[:, s:e].any(axis=1))) for s, e in blocks]
    if len(blocks) < 3 or min(tops) < 1 or max(tops) - min(tops) > PITCH_TOL:
        return False  # columns of a row start level, under the hole's top (not blocks running on from above)
    starts = [s for s, _ in blocks]
    left, right = [s for s in starts if s < x0], [s for s in starts if s >= x1]
    if not left or not right:
        return False
    a, b = left[-1], right[0]
    steps = np.diff(left).tolist() + np.diff(right).tolist()
    pitch = float(np.median(steps)) if steps else 0.0
    return bool(steps and pitch > 0 and all(abs(d - pitch) <= PITCH_TOL for d in steps)
                and abs(b - a - 2 * pitch) <= PITCH_TOL and x0 <= a + pitch < x1)


def _grid_slot(empty: np.ndarray, r) -> bool:
    """The column beside the hole has the same row breaks around it but a block inside it: its block
    above ends where the hole's column's block above does, its block below starts where that one's
    does, and between them it holds a block within the hole's rows. A grid's cell gone (an item of a
    list whose items line up with the next column's); the space under a column that ends has no
    block below it in line, and a paragraph beside a picture no breaks in line with the picture's."""
    x0, y0, x1, y1 = r
    full = ~empty
    own = _runs(full[:, x0:x1].any(axis=1))
    above = [e for s, e in own if e <= y0 + PITCH_TOL]
    below = [s for s, e in own if s >= y1 - PITCH_TOL]
    if not above or not below:
        return False
    a, b = above[-1], below[0]
    for cols, across in ((np.s_[max(0, x0 - REACH):x0], np.s_[max(0, x0 - REACH):x1]),
                         (np.s_[x1:x1 + REACH], np.s_[x0:x1 + REACH])):
        # the blocks above and below are two cells each, a gutter between them, not one band across
        if any(len(_runs(full[rows, across].any(axis=0))) < 2
               for rows in (np.s_[max(0, a - GRID_ROWS):a], np.s_[b:b + GRID_ROWS])):
            continue
        side = _runs(full[:, cols].any(axis=1))
        for i in range(1, len(side) - 1):
            (_, pe), (s, e), (ns, _) = side[i - 1:i + 2]
            if s >= y0 and e <= y1 and abs(pe - a) <= PITCH_TOL and abs(ns - b) <= PITCH_TOL:
                return True
    return False


def _stack_gap(empty: np.ndarray, means: np.ndarray, r, ragged: bool = False) -> bool:
    """A gap in a stack of blocks: content close above and below that lies within the gap's width
    (a band's edge or a wider block runs past its ends), the two blocks aligned on one line (left
    edges, right edges or centres: the same column), on a CSS ground. A stack whose member is gone
    keeps its neighbours in line around the gap; the space beside a short line or under a column
    that ends has content on one end only, or content sticking out past it.

    `ragged` (for a gap as tall as a hole): the blocks in line at one end only, each ending at its
    own length at the other, as a text column's heading, paragraph, button and link do. Such a
    column flows, its blocks a line or two apart, so a hole's height between two of them is a block
    gone; a centred composition (a row of pictures over a row of store links on a landing page) is
    in line at both ends and spaces its groups as widely as it likes."""
    x0, y0, x1, y1 = r
    h = empty.shape[0]
    if y0 < NEAR or y1 + NEAR > h:
        return False
    full = ~empty
    ends = []
    for band in (full[y0 - NEAR:y0].any(axis=0), full[y1:y1 + NEAR].any(axis=0)):
        runs = [(s, e) for s, e in _runs(band) if e > x0 and s < x1]
        if not runs or runs[0][0] < x0 or runs[-1][1] > x1:
            return False
        ends.append((runs[0][0], runs[-1][1]))
    (a0, a1), (b0, b1) = ends
    if ragged:
        aligned = (abs(a0 - b0) <= 1) != (abs(a1 - b1) <= 1)
    else:
        aligned = abs(a0 - b0) <= 1 or abs(a1 - b1) <= 1 or abs(a0 + a1 - b0 - b1) <= 2
    return aligned and _css_ground(means[y0:y1, x0:x1])


def _enclosed(empty: np.ndarray, r, short: int) -> bool:
    """A hole a little shorter than `short` with content close along most of all four sides: shut in
    on every side, it is no margin, band or space beside a short line (each open on one side), so
    three quarters of the size is enough (the space beside a short line is shorter still), and never
    more than SHUT_IN: with no side open, only the spacing of the blocks around it, in CSS pixels,
    is there to tell it from."""
    return r[3] - r[1] >= min(ENCLOSED * short, SHUT_IN) and all(_bounded(sd) for sd in _side_reach(empty, r))


def _open_shut_in(empty: np.ndarray, means: np.ndarray, lab: np.ndarray, stats: np.ndarray, r) -> bool:
    """A hole of the least size (MIN_HOLE tall) shut in on all four sides, on the page's own flat
    ground: a CSS colour, which runs on past two of its sides at least (between the columns and cards
    around it). A card gone from a column of cards leaves the page's ground between its neighbours;
    the space under a short text in a panel of fixed height is the panel's own ground, which ends at
    the panel's edge, and a picture's inside between blocks has its shading."""
    x0, y0, x1, y1 = r
    return y1 - y0 >= MIN_HOLE and _css_ground(means[y0:y1, x0:x1]) and _spread(lab, stats, r) >= 2 \
        and _enclosed(empty, r, 0)
