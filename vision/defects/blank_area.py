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
running on past it there and a band's straight edge below (see `_column_end`).

A hole with no neighbour on its ground (tinted cards all around it) is no picture's inside when its
ground runs on past one side in two gutters between blocks (see `_gutters`).

The largest such rectangle is reported (it holds the missing block and the gaps around it), a tile
slot before any other: its neighbours show what is missing.
"""
from __future__ import annotations

import cv2
import numpy as np

from .issue import Issue

CELL = 8
FLAT = 6  # largest variation (levels) inside an empty cell, and the step between two flat cells
REACH = 20  # cells (160 px): how far beyond a side content is looked for
NEAR = 8  # cells: content on average this close beyond a side, along most of it, bounds the hole there
SIDE_COVER = 0.5  # share of a side's length with content within REACH beyond it
MIN_AREA = 0.04  # of the screen
# cells (128 px, 96 px): the least size of a hole, and of a gap in a stack, on any screen. Type keeps
# its CSS size on a phone, so the space beside a short line or a heading's last word is as large
# there as on a desktop (two or three heading lines), while a quarter of a phone's width is smaller
MIN_HOLE, MIN_GAP = 16, 12
EDGE = 3  # cells: a side this close to the screen's edge is on it (a margin)
FRAME_FILL = 0.93  # an empty region filling this much of its own box is a picture's or a frame's inside
# the same on a picture's shading (no CSS ground): the picture's mark (an icon, a caption, a play button)
# and the text set over it take a larger share out of its inside than a frame's border corners do
PICTURE_FILL = 0.85
DIVIDER = 0.85  # share of a side along which a band's edge runs straight
TWIN = 0.8  # share of a mirrored twin that is empty: the same whitespace on the other side
ENCLOSED = 0.75  # of a hole's least height, for one with content close on all four sides
# cells (152 px): the most a shut-in hole need be tall on any screen: three quarters of a quarter of a
# laptop's 800 px. The space between blocks in a page's flow is set in CSS pixels and does not grow
# with the screen, unlike a band's or a margin's whitespace, which open holes are told from
SHUT_IN = 19
GAP = 12  # cells (96 px): the widest gap between a block's paragraphs
SIB_REACH = 2 * REACH  # cells: how far past a frame its sibling card's content is looked for
SIB_GROUND = 0.3  # share of a sibling's cells on the frame's ground (its padding between its lines)
SIB_FILL = 0.8  # share of its frame a hole fills to be that card's whole inside
SIB_LINES = 1 / 3  # share of the frame's rows with content in the sibling: a card's text, not a picture's mark
TILE_GUTTER = 8  # cells (64 px): the widest gutter between the tiles of a row
TILE_ALIKE = 0.9  # share of cells of the two tiles beside a slot that are alike (pictures of one template)
PITCH_TOL = 2  # cells: how far a column's start may stray from its row's pitch (rounding to the grid)
PITCH_JOIN = 3  # cells (24 px): gaps within a column's lines (words, an icon before a link) joined
GRID_ROWS = 3  # cells: the rows of a grid's cells next to a gap in which their gutter is looked for
GRADIENT = 2  # levels: a line of cells across a linear gradient varies this much at most (dithering)


def _cells(img: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Per CELLxCELL cell: empty (nothing drawn: a flat or smooth colour) and its mean colour."""
    H, W = img.shape[:2]
    h, w = H // CELL, W // CELL
    a = np.ascontiguousarray(img[:h * CELL, :w * CELL])
    k = np.ones((CELL, CELL), np.uint8)
    hi = cv2.dilate(a, k, anchor=(0, 0))[::CELL, ::CELL].astype(np.int16)
    lo = cv2.erode(a, k, anchor=(0, 0))[::CELL, ::CELL]
    empty = (hi - lo).max(axis=-1) <= FLAT
    means = cv2.resize(a.astype(np.float32), (w, h), interpolation=cv2.INTER_AREA)
    # two flat colours meeting on the grid's lines: an edge (a panel's side), not empty
    dx = np.abs(np.diff(means, axis=1)).max(axis=-1) > FLAT
    dy = np.abs(np.diff(means, axis=0)).max(axis=-1) > FLAT
    edge = np.zeros_like(empty)
    edge[:, :-1] |= dx
    edge[:, 1:] |= dx
    edge[:-1] |= dy
    edge[1:] |= dy
    return empty & ~edge, means


def _maximal_rects(empty: np.ndarray, min_w: int, min_h: int, min_area: float) -> list[tuple[int, int, int, int]]:
    """Every maximal all-empty rectangle (x0, y0, x1, y1 in cells) at least this large.

    Row by row, the empty run lengths ending at the row form a histogram whose largest rectangles
    come off a stack; one that the row below could extend is not maximal and is left for later."""
    h, w = empty.shape
    heights = np.zeros(w + 1, np.int64)
    full = ~empty
    out = []
    for i in range(h):
        heights[:w] = np.where(empty[i], heights[:w] + 1, 0)
        if heights[:w].max() < min_h:
            continue
        below = np.concatenate([[0], np.cumsum(full[i + 1])]) if i + 1 < h else None
        stack: list[tuple[int, int]] = []  # (first column, height)
        for j, hj in enumerate(heights.tolist()):
            start = j
            while stack and stack[-1][1] >= hj:
                s, hh = stack.pop()
                if hh > hj and j - s >= min_w and hh >= min_h and (j - s) * hh >= min_area \
                        and (below is None or below[j] > below[s]):
                    out.append((s, i - hh + 1, j, i + 1))
                start = s
            if hj > 0 and (not stack or stack[-1][1] < hj):
                stack.append((start, hj))
    return out


def _side_reach(empty: np.ndarray, r) -> list[tuple[np.ndarray, np.ndarray] | None]:
    """Per side (left, right, top, bottom): along it, whether content lies within REACH beyond it and how
    far; None for a side on the screen's edge (what lies in the last few pixels before it bounds nothing)."""
    x0, y0, x1, y1 = r
    h, w = empty.shape
    full = ~empty
    # a side with nothing drawn beyond it up to the screen's edge faces a margin, however wide (a
    # rectangle cut back from one to its column's width; see `_off_margin`)
    on_edge = [x0 <= EDGE or empty[y0:y1, :x0].all(), x1 >= w - EDGE or empty[y0:y1, x1:].all(),
               y0 <= EDGE or empty[:y0, x0:x1].all(), y1 >= h - EDGE or empty[y1:, x0:x1].all()]
    strips = [full[y0:y1, max(0, x0 - REACH):x0][:, ::-1], full[y0:y1, x1:x1 + REACH],
              full[max(0, y0 - REACH):y0, x0:x1].T[:, ::-1], full[y1:y1 + REACH, x0:x1].T]
    out: list[tuple[np.ndarray, np.ndarray] | None] = []
    for f, edge in zip(strips, on_edge):
        if edge:
            out.append(None)
            continue
        hit = f.any(axis=1)
        out.append((hit, np.where(hit, f.argmax(axis=1), REACH)))
    return out


def _on_ground(empty: np.ndarray, means: np.ndarray, r, k: int) -> bool:
    """Whether the ground beyond side k, between the content there, is the hole's colour (beyond a
    picture's edge or a panel's, the colour changes)."""
    x0, y0, x1, y1 = r
    sl, inner = [(np.s_[y0:y1, max(0, x0 - REACH):x0], np.s_[y0:y1, x0]),
                 (np.s_[y0:y1, x1:x1 + REACH], np.s_[y0:y1, x1 - 1]),
                 (np.s_[max(0, y0 - REACH):y0, x0:x1], np.s_[y0, x0:x1]),
                 (np.s_[y1:y1 + REACH, x0:x1], np.s_[y1 - 1, x0:x1])][k]
    m, e = means[sl], empty[sl]
    if k >= 2:
        m, e = m.transpose(1, 0, 2), e.T
    same = e & (np.abs(m - means[inner][:, None, :]).max(axis=-1) <= 2 * FLAT)
    return bool(same.sum() >= 0.5 * e.sum() and same.any())


def _bounded(sd) -> bool:
    """Content within REACH beyond most of the side, NEAR on average."""
    return sd is not None and sd[0].mean() >= SIDE_COVER and sd[1].mean() <= NEAR


def _divider(sd) -> bool:
    """Content in one straight edge along nearly the whole side: a line or a section's edge, not text."""
    if sd is None or sd[0].mean() < DIVIDER:
        return False
    _, counts = np.unique(sd[1][sd[0]], return_counts=True)
    return counts.max() >= DIVIDER * len(sd[0]) and np.median(sd[1][sd[0]]) <= NEAR


def _facing_block(sd) -> tuple[int, int] | None:
    """The rows (from, to, along the side) of a block of content close beside the side (its lines
    joined across paragraph gaps) that spans most of the side's middle third; None if none does."""
    rows = np.flatnonzero(sd[0] & (sd[1] <= NEAR))
    if not len(rows):
        return None
    n = len(sd[0])
    lo, hi = n // 3, n - n // 3
    s, e = _middle_block(rows, n)
    return (s, e) if min(e, hi) - max(s, lo) >= 0.5 * (hi - lo) else None


def _middle_block(rows: np.ndarray, n: int) -> tuple[int, int]:
    """Of the blocks the rows make (joined across gaps up to GAP), the one spanning most of the middle
    third of n rows, as (from, to)."""
    cuts = np.flatnonzero(np.diff(rows) > GAP)
    blocks = zip(np.r_[rows[0], rows[cuts + 1]].tolist(), (np.r_[rows[cuts], rows[-1]] + 1).tolist())
    return max(blocks, key=lambda b: min(b[1], n - n // 3) - max(b[0], n // 3))


def _centred_beside(sd) -> bool:
    """The content beside the side (within REACH, its lines joined across paragraph gaps) is one
    block that ends inside the side's span at both ends and centres on it, as a band's columns
    centre on one another: the space above or below a longer block has the block run off one end."""
    rows = np.flatnonzero(sd[0])
    n = len(sd[0])
    if not len(rows):
        return False
    s, e = _middle_block(rows, n)
    return s > 0 and e < n and abs((s + e) / 2 - n / 2) <= n / 6


def _css_ground(means: np.ndarray) -> bool:
    """One colour, or a linear gradient: along one direction nine lines of cells in ten are one colour,
    and across them the colour changes by more than a picture's faint shading does (a stretched
    picture with streaks can be as even along one direction)."""
    if np.ptp(means.reshape(-1, means.shape[-1]), axis=0).max() <= FLAT / 2:
        return True
    for a in (0, 1):
        profile = means.mean(axis=a)
        if np.percentile(np.ptp(means, axis=a).max(axis=-1), 90) <= GRADIENT \
                and np.abs(profile[-1] - profile[0]).max() >= 2 * FLAT:
            return True
        if _faint_ramp(means, a):
            return True
    return False


def _faint_ramp(means: np.ndarray, a: int) -> bool:
    """A gentle linear gradient with a faint mark on it (a placeholder's outline, a watermark): nine
    cells in ten on their line's colour, the lines' colours on a straight ramp from one end to the
    other, changing by more than a flat colour's noise. A picture's vignette is flat in the middle
    and falls off at its edge, off the ramp."""
    profile = np.median(means, axis=a)
    off = np.abs(means - np.expand_dims(profile, a)).max(axis=-1)
    ramp = profile[0] + (profile[-1] - profile[0]) * np.linspace(0.0, 1.0, len(profile))[:, None]
    return bool((off <= GRADIENT).mean() >= 0.9 and np.abs(profile - ramp).max() <= GRADIENT
                and np.abs(profile[-1] - profile[0]).max() >= FLAT)


def _column_hole(empty: np.ndarray, means: np.ndarray, r, reach) -> tuple[int, int] | None:
    """An end column of a band left empty: straight edges (the band's) close above and below along the
    whole hole, a block of content beside it facing its middle, and the screen's edge (or more
    content) on the far side.

    A column is a good part of the screen's width (a quarter at least; a margin is narrower). A
    band's columns sit side by side and centre on one another, so the block beside faces the
    hole's middle even when the band's padding leaves the hole's top and bottom bare; the space
    above or below a block has the block at one of its ends instead, and the space beside a block
    under a heading that runs across it is a single column's whitespace. Only on a CSS ground (one
    colour, or a linear gradient: one colour along one direction): a hole shows the band's
    background, while a picture behind a hero, whose texture varies both ways, shows much the
    same emptiness beside its text by design. Returns the rows (from, to) of the block beside, or
    None."""
    x0, y0, x1, y1 = r
    if x1 - x0 < empty.shape[1] / 4:
        return None  # a margin beside the content, not a column of the band
    both = _divider(reach[2]) and _divider(reach[3])
    # one straight edge only, the other end open but for the next section's content on part of it (a
    # heading running across the whole hole there heads one column, whose whitespace this is): the
    # hole must be the band's whole half, across the screen's centre line, beside a centred block
    half = any(_divider(reach[a]) and reach[b] is not None and not _bounded(reach[b]) for a, b in ((2, 3), (3, 2))) \
        and x0 < empty.shape[1] / 2 < x1
    if not (both or half):
        return None
    if not _css_ground(means[y0:y1, x0:x1]):
        return None
    for k, far in ((0, 1), (1, 0)):
        if reach[k] is None or not (reach[far] is None or _bounded(reach[far])):
            continue
        block = _facing_block(reach[k])
        if block and (both or _centred_beside(reach[k])) and _on_ground(empty, means, r, k):
            return y0 + block[0], y0 + block[1]
    return None


def _outward(a: np.ndarray, r, k: int) -> np.ndarray:
    """The cells of `a` beyond side k of r, one row per position along the side, nearest first."""
    x0, y0, x1, y1 = r
    if k == 0:
        return a[y0:y1, :x0][:, ::-1]
    if k == 1:
        return a[y0:y1, x1:]
    if k == 2:
        return a[:y0, x0:x1][::-1].swapaxes(0, 1)
    return a[y1:, x0:x1].swapaxes(0, 1)


def _split_pane(empty: np.ndarray, means: np.ndarray, r, k: int, sd) -> bool:
    """Side k is a thin rule with the hole's own ground right beyond it: one pane of a card split
    in two, the other pane holding content (a picture's or a panel's edge has another colour beyond)."""
    if not _divider(sd):
        return False
    d = int(np.median(sd[1][sd[0]]))
    e, m = _outward(empty, r, k), _outward(means, r, k)
    if d > 1 or e.shape[1] < d + 3:
        return False
    x0, y0, x1, y1 = r
    ground = means[y0:y1, x0:x1].reshape(-1, means.shape[-1]).mean(axis=0)
    same = e[:, d + 1:d + 3] & (np.abs(m[:, d + 1:d + 3] - ground).max(axis=-1) <= FLAT)
    content = (~e[:, d + 1:REACH]).any(axis=1)
    return bool(same.mean() >= 0.5 and content.mean() >= SIDE_COVER)


def _filled_sibling(empty: np.ndarray, means: np.ndarray, r, frame) -> bool:
    """The hole fills a frame (a card's inside) with a sibling of the same ground and width beside it,
    past a gutter of another colour, that is level with it at the top and holds content along a good
    part of the frame's height: one card of a row left empty (a picture or a lone panel has no such
    sibling, and a wide panel beside a narrow one is no card of its row)."""
    fx, fy, fw, fh = frame
    x0, y0, x1, y1 = r
    if (x1 - x0) * (y1 - y0) < SIB_FILL * fw * fh:
        return False
    colour = means[y0:y1, x0:x1].reshape(-1, means.shape[-1]).mean(axis=0)
    # the sibling's ground shows between its lines; lines set close leave few blank cells, yet a cell
    # of a line's thin strokes averages to about the ground's colour still. Its content is ink that
    # changes a cell's colour (a picture's faint grain does not)
    same = np.abs(means[fy:fy + fh] - colour).max(axis=-1) <= FLAT
    ink = ~empty[fy:fy + fh] & ~same
    w = empty.shape[1]
    for cols in (np.arange(fx + fw, w), np.arange(fx - 1, -1, -1)):
        share = same[:, cols].mean(axis=0) if len(cols) >= 4 else np.zeros(0)
        gutter = np.flatnonzero(share[:SIB_REACH] < SIB_GROUND)
        if not len(gutter) or gutter[0] > 1:
            continue  # no gutter of another colour between the frame (its thin border) and its sibling
        start = gutter[0] + np.flatnonzero(share[gutter[0]:SIB_REACH] >= SIB_GROUND)
        if not len(start):
            continue
        s = int(start[0])
        sib = cols[s:s + fw]
        end = share[s + (3 * fw) // 4:s + (5 * fw) // 4 + 1]
        if len(cols) > s + (5 * fw) // 4 and not (end < SIB_GROUND).any():
            continue  # the sibling is not of the frame's width (the screen's edge may end it)
        if same[:, sib].mean() >= SIB_GROUND and ink[:, sib].any(axis=1).mean() >= SIB_LINES \
                and _same_top(empty, means, colour, fy, sib):
            return True
    return False


def _same_top(empty: np.ndarray, means: np.ndarray, colour: np.ndarray, top: int, cols: np.ndarray) -> bool:
    """The sibling's ground starts within two cells of the frame's top, under a row of another colour:
    cards in a row are level at the top (a tile of a picture grid beside a column of panels starts
    anywhere)."""
    rows = np.arange(max(0, top - 3), min(empty.shape[0], top + 3))
    share = (np.abs(means[rows][:, cols] - colour).max(axis=-1) <= FLAT).mean(axis=1)
    return bool(any(share[i] >= 0.5 > share[i - 1] for i in range(1, len(rows))))


def _tile_slot(empty: np.ndarray, means: np.ndarray, r, frame) -> bool:
    """The hole fills a frame that is one slot of a row of like tiles: at one pitch (the frame's width
    and a gutter) to its left and to its right lie two tiles alike cell by cell, of another colour
    than the hole (beyond a flat colour's noise: a card's light ground beside light grey pictures) and with content along a good part of its height. Tiles of a row share a template
    (a picture over a caption band) and a pitch; a panel or a picture of its own between two blocks
    has neighbours of other widths or looks, whose cells one pitch away do not match."""
    fx, fy, fw, fh = frame
    x0, y0, x1, y1 = r
    if (x1 - x0) * (y1 - y0) < SIB_FILL * fw * fh:
        return False
    colour = means[y0:y1, x0:x1].reshape(-1, means.shape[-1]).mean(axis=0)
    rows = slice(fy, fy + fh)
    full = ~empty[rows]
    for pitch in range(fw + 1, fw + 1 + TILE_GUTTER):
        if fx - pitch < 0 or fx + pitch + fw > empty.shape[1]:
            return False
        left, right = np.s_[fx - pitch:fx - pitch + fw], np.s_[fx + pitch:fx + pitch + fw]
        alike = np.abs(means[rows, left] - means[rows, right]).max(axis=-1) <= 2 * FLAT
        if alike.mean() >= TILE_ALIKE and all(
                (np.abs(means[rows, t] - colour).max(axis=-1) > FLAT).mean() >= SIDE_COVER
                and full[:, t].any(axis=1).mean() >= SIB_LINES for t in (left, right)):
            return True
    return False


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


def _bounded_sides(empty: np.ndarray, means: np.ndarray, r, reach, stack: bool = False) -> tuple[int, int, int]:
    """Sides bounded by content beyond them, those of them on the hole's own ground, and sides on the
    screen's edge. A gap in a stack is bounded above and below by its blocks, however narrow they
    are beside the margin it runs into."""
    near = ground = 0
    for k, sd in enumerate(reach):
        if not (_bounded(sd) or (stack and k >= 2)):
            continue
        near += 1
        ground += _on_ground(empty, means, r, k)
    return near, ground, sum(sd is None for sd in reach)


def _runs(band: np.ndarray, join: int = 2) -> list[tuple[int, int]]:
    """Runs (from, to) of content cells along a line, joined across gaps of up to `join` cells
    (the space between words)."""
    cols = np.flatnonzero(band)
    if not len(cols):
        return []
    cuts = np.flatnonzero(np.diff(cols) > join + 1)
    return list(zip(np.r_[cols[0], cols[cuts + 1]].tolist(), (np.r_[cols[cuts], cols[-1]] + 1).tolist()))


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


def _hole(r, empty, means, full, lab, stats, stack: bool = False, slot: bool = False, centre: bool = False,
          flow: bool = False) -> int:
    """0 for no hole, 1 for a hole, 2 for a slot of a row of like tiles (the surest: its neighbours
    show what is missing)."""
    x0, y0, x1, y1 = r
    h, w = empty.shape
    reach = _side_reach(empty, r)
    near, ground, edges = _bounded_sides(empty, means, r, reach, stack)
    if edges > 1:
        return False  # a margin or a band between sections
    column = _column_hole(empty, means, r, reach) if near < 3 else None
    if near < 3 and not column and not slot and not centre:
        return False  # space beside one block
    # the block beside a column, or over a centred column's lost block, stands on the hole's ground
    ground += column is not None or centre
    cx, cy, cw, ch, area = (int(v) for v in stats[lab[y0, x0]])
    spread = _spread(lab, stats, r)
    # a slot of a row of tiles is shut in: the tiles beside it, the row's edges above and below (or the
    # screen's bottom edge, which cuts a row off)
    tile = near == 4 - (y1 >= h - EDGE) and _tile_slot(empty, means, r, (cx, cy, cw, ch))
    if ground < 1 and spread < 2 and not tile and not _gutters(lab, r):
        # no neighbour on the hole's ground, and its ground confined around it: the inside of a
        # picture or a panel of its own colour, which its edges bound (a hole among tinted cards
        # has no ground beside it either, but its ground runs on between the cards)
        return False
    fill = FRAME_FILL if _css_ground(means[y0:y1, x0:x1]) else PICTURE_FILL
    if area >= fill * cw * ch and not column \
            and not any(_split_pane(empty, means, r, k, sd) for k, sd in enumerate(reach)) \
            and not _filled_sibling(empty, means, r, (cx, cy, cw, ch)) and not tile:
        return False  # the inside of a picture, a frame or a bare panel: its own rectangle
    # a centred layout leaves the same whitespace on both sides: a mirrored twin is design. Judged
    # where the twin does not overlap the hole itself (empty by construction), and for a column at
    # the height of the block beside it: a centred block has whitespace on its other side there,
    # the first of two columns has itself. A slot of a row of columns mirrors another column of the row.
    # A gap in a text column is bounded by the column's own blocks above and below: the whitespace
    # across the screen from it (a narrow second column's side) mirrors no centred block.
    mx0, mx1 = w - x1, w - x0
    overlap = max(0, min(x1, mx1) - max(x0, mx0))
    twin = np.r_[mx0:min(mx1, x0), max(mx0, x1):mx1] if overlap else np.r_[mx0:mx1]
    ty0, ty1 = column or (y0, y1)
    if not (slot or centre or flow) and overlap < 0.5 * (x1 - x0) and empty[ty0:ty1, twin].mean() > TWIN and np.abs(
            means[ty0:ty1, twin].mean(axis=(0, 1)) - means[y0:y1, x0:x1].mean(axis=(0, 1))).max() <= FLAT:
        return False
    if _vertical_twin(empty, r, reach):
        return False
    if not (stack or slot or centre or tile or column) and _column_end(empty, r, reach):
        return False
    return 2 if tile else 1


def _spread(lab: np.ndarray, stats: np.ndarray, r) -> int:
    """The sides past which the hole's empty region runs on REACH cells at least."""
    x0, y0, x1, y1 = r
    cx, cy, cw, ch, _ = (int(v) for v in stats[lab[y0, x0]])
    return (x0 - cx >= REACH) + (cx + cw - x1 >= REACH) + (y0 - cy >= REACH) + (cy + ch - y1 >= REACH)


def _open_shut_in(empty: np.ndarray, means: np.ndarray, lab: np.ndarray, stats: np.ndarray, r) -> bool:
    """A hole of the least size (MIN_HOLE tall) shut in on all four sides, on the page's own flat
    ground: a CSS colour, which runs on past two of its sides at least (between the columns and cards
    around it). A card gone from a column of cards leaves the page's ground between its neighbours;
    the space under a short text in a panel of fixed height is the panel's own ground, which ends at
    the panel's edge, and a picture's inside between blocks has its shading."""
    x0, y0, x1, y1 = r
    return y1 - y0 >= MIN_HOLE and _css_ground(means[y0:y1, x0:x1]) and _spread(lab, stats, r) >= 2 \
        and _enclosed(empty, r, 0)


def _column_end(empty: np.ndarray, r, reach) -> bool:
    """The space under a column that ends: one side open (no content close beyond it, no screen's
    edge), the lines above (text, not a band's straight edge) running on past the hole towards that
    side, a band's straight edge below. The band is as tall as its tallest column (a picture beside
    the text), so a shorter column leaves space under its last lines down to the band's edge; that
    space is bounded there by the lines, the neighbour and the edge, but its open side shows the
    same column going on bare under the lines. A block gone from a band leaves its column's edges
    (the band's top edge, a rule) or other blocks around it instead."""
    x0, y0, x1, y1 = r
    if not _divider(reach[3]) or not _bounded(reach[2]) or _divider(reach[2]):
        return False
    full = ~empty
    above = full[max(0, y0 - NEAR):y0].any(axis=0)
    for k, past in ((0, above[max(0, x0 - NEAR):x0]), (1, above[x1:x1 + NEAR])):
        if reach[k] is not None and not _bounded(reach[k]) and len(past) and past.mean() >= SIDE_COVER:
            return True
    return False


def _gutters(lab: np.ndarray, r) -> bool:
    """The hole's ground runs on beyond one of its sides in two gutters at least, between blocks: along
    the side, channels of the hole's empty region run straight out NEAR cells, each no wider than a
    gutter between tiles, and between two of them lies a block larger than a paragraph's gap that the
    ground does not enter (a rounded corner aside). A hole among tinted cards shows the page's ground,
    which runs on between the cards past it; a picture's or a panel's inside ends at its own edge, and
    where its ground shows on beyond a side it does so around a mark or between letters, which
    the ground enters between their lines."""
    own = lab == lab[r[1], r[0]]
    for k in range(4):
        o = _outward(own, r, k)[:, :NEAR]
        if o.shape[1] < NEAR:
            continue
        runs = _runs(o.all(axis=1), 0)
        block = o.mean(axis=1) <= 0.25
        if len(runs) >= 2 and all(e - s <= TILE_GUTTER for s, e in runs) \
                and all(b[0] - a[1] > GAP and block[a[1]:b[0]].all() for a, b in zip(runs, runs[1:])):
            return True
    return False


def _slack(full: np.ndarray, start: int, step: int) -> int | None:
    """From row `start` (content), past the block (its rows joined across gaps up to GAP), the
    number of empty rows up to a band's straight edge; None if no such edge ends them."""
    n = len(full)
    rows = full.any(axis=1)
    i, last = start, start
    while 0 <= i < n and abs(i - last) <= GAP:
        if rows[i]:
            last = i
        i += step
    i = last + step
    run = 0
    while 0 <= i < n and not rows[i]:
        run += 1
        i += step
    if not (0 <= i < n) or full[i].mean() < DIVIDER:
        return None
    return run


def _vertical_twin(empty: np.ndarray, r, reach) -> bool:
    """The hole lies between a band's straight edge and a block, and past the block the same
    whitespace runs on to the band's other edge: a block centred in a band (a hero's text beside a
    taller picture) leaves the same space above and below it by design."""
    x0, y0, x1, y1 = r
    full = ~empty[:, x0:x1]
    hh = y1 - y0
    for k, start, step in ((2, y1, 1), (3, y0 - 1, -1)):
        edge, other = reach[k], reach[5 - k]
        if not _divider(edge) or other is None or _divider(other) or not _bounded(other):
            continue
        run = _slack(full, start + step * int(np.median(other[1][other[0]])), step)
        if run is not None and TWIN * hh <= run <= hh / TWIN:
            return True
    return False


def _lost_centre(empty: np.ndarray, means: np.ndarray, r) -> bool:
    """The space under a block in a band, beside a neighbour that runs down the band beside both: the
    block's column is centred on the band (its top neither on the band's edge nor level with the
    neighbour's), yet the space under it is larger than the space over it by a block's height at least:
    a centred column that lost its last block (a button under its lines) keeps its top where it was.
    The band's top edge runs on past the neighbour (a column of the band, not the band's own side, as
    a card's border is); the space lies under the whole of the block's last line, with nothing close
    on its far side (the space beside a button of the column is no such space). On a CSS ground only
    (a picture's own empty part is no band's)."""
    x0, y0, x1, y1 = r
    reach = _side_reach(empty, r)
    if not _divider(reach[3]) or reach[2] is None or not reach[2][0].any():
        return False
    full = ~empty
    cols = full[:, x0:x1]
    d = int(np.median(reach[2][1][reach[2][0]]))
    if d > NEAR:
        return False
    block = y0 - 1 - d
    edges = np.flatnonzero(cols[:block].mean(axis=1) >= DIVIDER)
    if not len(edges):
        return False  # no band's edge above
    edge = int(edges[-1])
    top = edge + 1 + int(np.argmax(cols[edge + 1:block + 1].any(axis=1)))  # the block's first row
    over = top - edge - 1
    if over < 2:
        return False  # a column set on the band's top edge
    if y1 - y0 - over < GAP / 2:
        return False
    for k, col, past in ((0, x0 - 1, np.s_[max(0, x0 - 1 - GAP):x0 - 1]), (1, x1, np.s_[x1 + 1:x1 + 1 + GAP])):
        if not _divider(reach[k]) or not 0 <= col < empty.shape[1] or full[edge, past].mean() < DIVIDER:
            continue  # no neighbour's straight side, or it is the band's own side (a card's border)
        beyond = np.s_[x1:x1 + GAP] if k == 0 else np.s_[max(0, x0 - GAP):x0]
        if _bounded(reach[1 - k]) or full[block, beyond].any():
            continue  # the space beside a block of the column (a button), or under part of its lines
        beside = full[edge + 1:y1, col]
        first = int(np.argmax(beside)) if beside.any() else len(beside)
        if beside[first:].mean() >= DIVIDER and abs(edge + 1 + first - top) >= 2 \
                and _css_ground(means[y0:y1, x0:x1]):
            return True
    return False


def _off_margin(empty: np.ndarray, means: np.ndarray, r) -> tuple[int, int, int, int] | None:
    """The part of a rectangle that runs into a side margin, cut back to the column of the content
    above and below it (their ends within NEAR of its top and bottom): a block gone from a column
    leaves a hole as wide as the column, and the page's margin beside it is whitespace by design,
    which only blurs how closely the column's blocks bound the hole. Its far side must then be
    bounded by content on its own ground (the next column of a row or grid): beside a sidebar's
    panel, a shorter column's whitespace is design. Or the cut rectangle is a band's end column
    (see `_column_hole`): a page set in a centred container ends its bands' rules at the
    container's side, and the margin beyond, where nothing is drawn, stands for the screen's edge.
    Or the cut rectangle is the space under a centred column's lines (see `_centred_over`), bounded
    on its far side by any block (a picture), down to a band's straight edge: a column set centred
    beside a picture is a hero's call to action, whose last block (its buttons) it lost; a column that
    simply ends is set from its start.
    None if it reaches no margin, the content there runs to the margin too, or none holds."""
    x0, y0, x1, y1 = r
    h, w = empty.shape
    full = ~empty
    band = full[max(0, y0 - NEAR):y0, x0:x1].any(axis=0) | full[y1:y1 + NEAR, x0:x1].any(axis=0)
    cols = np.flatnonzero(band)
    if not len(cols):
        return None
    a, b = x0 + int(cols[0]), x0 + int(cols[-1]) + 1
    a, b = (a if x0 <= EDGE else x0), (b if x1 >= w - EDGE else x1)
    if (a, b) == (x0, x1) or a <= EDGE or b >= w - EDGE:
        return None
    t = (a, y0, b, y1)
    far = 1 if a > x0 else 0
    sd = _side_reach(empty, t)[far]
    if _bounded(sd) and _on_ground(empty, means, t, far):
        return t
    if _bounded(sd) and _centred_over(empty, t) and _divider(_side_reach(empty, t)[3]):
        return t
    return t if _column_hole(empty, means, t, _side_reach(empty, t)) else None


def _centred_over(empty: np.ndarray, r) -> bool:
    """The block just above the rectangle (its last lines, within NEAR) lies inside it and centres on
    it, a cell either way: the lines of a column set centred (a hero's heading, its figures and its
    buttons) centre on the column. A column that ends, beside a sidebar's panel, is set from its start."""
    x0, y0, x1, y1 = r
    band = (~empty)[max(0, y0 - NEAR):y0].any(axis=0)
    runs = [(s, e) for s, e in _runs(band) if e > x0 and s < x1]
    if not runs or runs[0][0] <= x0 or runs[-1][1] >= x1:
        return False
    return abs(runs[0][0] + runs[-1][1] - x0 - x1) <= 2


def detect(img: np.ndarray) -> list[Issue]:
    H, W = img.shape[:2]
    spread = max(hi - lo for lo, hi, _, _ in (cv2.minMaxLoc(c) for c in cv2.split(np.ascontiguousarray(img))))
    if spread <= 8:
        return [Issue("blank-area", [0, 0, W, H], "error", "The screen is blank: nothing is drawn",
                      "visual", "Check that the page's content loads (scripts, data requests, CSS that hides "
                                "the body) and that nothing covers it", score=2.0)]
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
