"""blank-area: a wholly blank screen, or a large empty hole with content close around it.

A hole is looked for as a maximal empty rectangle on a grid of 8 px cells (a cell is empty when
nothing is drawn in it: its pixels vary by a few levels at most, so a smooth gradient still
counts). Natural whitespace is told apart from a missing block by what bounds the rectangle:

- content close on at least three sides (a gap where something should be, not a margin or a
  band between sections, which runs to the screen's edges; at most one side on an edge);
- large in both directions: gutters between columns and the space beside a short line are thin;
- the background showing through, not the inside of a picture or a panel: on at least one
  bounded side the ground between the neighbouring content is the hole's colour, and the empty
  region it belongs to is not itself a filled rectangle (nor mostly one, on a picture's shading,
  whose marks and captions take a share out of it: see `PICTURE_FILL`);
- not one of a mirrored pair: a centred layout leaves the same whitespace on both sides, and a
  block centred in a band the same whitespace above and below it (see `_vertical_twin`).

Large both ways is a quarter of the screen's short side, and 128 px at least (see `MIN_HOLE`). A
shorter gap, down to an eighth (96 px at least), counts only where a stack of blocks says it should
be filled: the blocks above and below it lie within its width, in line with each other (see
`_stack_gap`), and bound it even where it runs into a margin; a paragraph gone from between a
heading and its buttons leaves such a gap, the space under a column that ends does not.
A gap as tall as a hole between two blocks of a ragged text column (in line at their start, each
ending at its own length) counts as a stack's too, where it runs into a margin: such a column flows a
line or two apart, while a centred composition, in line at both ends, spaces its groups by design.

A hole with content close along all four sides (shut in, no margin or band) counts from three
quarters of that height, and on a screen taller than a laptop's from 152 px whatever the screen's
size (see `_enclosed`); on the page's own flat ground, which runs on past two of its sides between
the blocks around it (a card gone from a column of cards), from the least hole size, 128 px (see
`_open_shut_in`).

A band's end column left empty (a two-column hero whose picture or form is gone) is bounded on
fewer sides: the band's straight edges above and below, the other column's block beside it facing
its middle, and the screen's edge beyond. It counts on a CSS ground only, one colour or a linear
gradient (a faint mark on it allowed), not on a picture (see `_column_hole`). With one straight
edge only (the next section's heading below instead), the hole must be the band's whole half,
across the screen's centre line, beside a block centred on it.

An empty rectangle of its own (a frame's inside) is a hole when it is one pane of a card split by a
thin rule, the hole's ground running on beyond the rule around the other pane's content (a card
with nothing in one half; see `_split_pane`).

A frame's inside is also a hole when it is one card of a row left empty: a sibling card beside it,
past a gutter, on the same ground, of its width and level with it at the top, holds content (see
`_filled_sibling`).
Or it is a slot of a row of like tiles: the tiles one pitch (its width and a gutter) to its left and
to its right look alike, unlike it, and hold content (a picture tile gone from a row; see `_tile_slot`);
the row may run past the screen's bottom edge, which then closes the slot's fourth side.

A gap from an eighth of the short side, bounded closely on two sides only, is a hole where the
columns of a row beside it start level at one pitch with one start missing inside it (a column gone
from a row of link lists; see `_pitch_slot`); its mirror is then another column, no twin.
A gap from an eighth of the short side also counts as a stack's when the column beside it breaks in
line with it, above and below, around a block level with it, the blocks above and below each two
cells with a gutter between them: an item gone from a grid of items (see `_grid_slot`).

The space under a block in a band, beside a neighbour running down the band, is a hole when the
block's column was centred on the band and lost its last block: its top stays off the band's edge and
the neighbour's top, while the space under it exceeds the space over it by a block's height (see
`_lost_centre`).

A rectangle that runs into a side margin is judged again cut back to the column of the content above
and below it, when the next column beside it bounds it on its ground, or when it is a band's end column
whose straight edges end at the page's container: the margin beyond is then the band's end, as the
screen's edge is for a band that spans the screen (see `_off_margin`).

Cut back so, the space under a column whose lines centre on it, beside a block (a picture) and above
a band's straight edge, is a hole too: the column lost its last block (see `_centred_over`).

The space under a column that ends is no hole: open on one side, with the column's lines above it
running on past it there and a band's straight edge below (see `_column_end`); nor is it where it runs
into the screen's side margin instead, unless the lines above centre on it (see `_column_end_at_edge`).

A side bounded only by a fade (a hero's dark overlay easing into its picture, a CSS gradient whose cells
vary a little more than a flat colour's) is bounded by nothing (see `_fade`).

A hole with no neighbour on its ground (tinted cards all around it) is no picture's inside when its
ground runs on past one side in two gutters between blocks (see `_gutters`).

A panel of its own colour flush in a fill at one corner and beside a picture on a third side is the
fill's panel, though its ground runs on through its fourth side (see `_set_in_fill`); and the space
beside a block centred on the screen, open on its far side, is the centring's (see
`_beside_screen_centre`), whatever stands on the block's other side.

The largest such rectangle is reported (it holds the missing block and the gaps around it), a tile
slot before any other: its neighbours show what is missing.
"""
from __future__ import annotations

import cv2
import numpy as np

from ..issue import Issue
from .bands import _lost_centre, _off_margin
from .grid import CELL, MIN_GAP, MIN_HOLE, _cells, _maximal_rects
from .ground import _css_ground
from .hole import _hole
from .screen import blank_screen
from .stacks import _enclosed, _grid_slot, _open_shut_in, _pitch_slot, _stack_gap

__all__ = ["detect", "_cells", "_css_ground"]

MIN_AREA = 0.04  # of the screen


def detect(img: np.ndarray) -> list[Issue]:
    H, W = img.shape[:2]
    blank = blank_screen(img)
    if blank is not None:
        return [blank]
    empty, means = _cells(img)
    h, w = empty.shape
    if h < 6 or w < 6:
        return []
    # large both ways: a quarter of the screen's short side (gutters and the space beside a short
    # line are thinner), and 4% of the screen; a gap in a stack (see `_stack_gap`) from an eighth of
    # the short side, several times a paragraph's or a button row's spacing at any screen size
    short = max(MIN_HOLE, int(round(min(H, W) / 4 / CELL)))
    gap = max(MIN_GAP, int(round(min(H, W) / 8 / CELL)))
    rects = _maximal_rects(empty, short, gap, MIN_AREA * h * w)
    if not rects:
        return []
    full = ~empty
    _, lab, stats, _ = cv2.connectedComponentsWithStats(empty.astype(np.uint8), connectivity=4)
    holes = []
    for r in rects + [t for t in (_off_margin(empty, means, r) for r in rects) if t is not None]:
        if r[2] - r[0] < short or (r[2] - r[0]) * (r[3] - r[1]) < MIN_AREA * h * w:
            continue
        flow = _stack_gap(empty, means, r, ragged=True)
        stack = flow or (r[3] - r[1] < short and (_stack_gap(empty, means, r) or _grid_slot(empty, r)))
        slot = _pitch_slot(empty, r)
        centre = _lost_centre(empty, means, r)
        if r[3] - r[1] >= short or stack or slot or centre or _enclosed(empty, r, short) \
                or _open_shut_in(empty, means, lab, stats, r):
            kind = _hole(r, empty, means, full, lab, stats, stack, slot, centre, flow)
            if kind:
                holes.append((kind == 2, r))
    if not holes:
        return []
    # the largest one: a page missing a block has one hole; the rest overlap it or are weaker. A
    # gap in a stack goes after the taller holes, which a wide band of slack would otherwise outsize
    _, (x0, y0, x1, y1) = max(holes, key=lambda t: (t[0], t[1][3] - t[1][1] >= short,
                                                    (t[1][2] - t[1][0]) * (t[1][3] - t[1][1])))
    box = [int(x0 * CELL), int(y0 * CELL), int((x1 - x0) * CELL), int((y1 - y0) * CELL)]
    return [Issue("blank-area", box, "warning", f"Large empty area ({box[2]}x{box[3]} px) with content around it",
                  "visual", "Check for an element hidden with visibility:hidden/opacity:0, a failed "
                            "content load, or a fixed height reserving space",
                  score=(x1 - x0) * (y1 - y0) / (w * h))]
