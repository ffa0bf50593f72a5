"""blank-area: a frame's inside that is a hole after all: one pane of a split card, a card of a row
left empty, a slot of a row of like tiles, a hole among tinted cards; and a panel set into a fill,
which is no hole though its ground leaks out of it."""
from __future__ import annotations

import numpy as np

from .grid import FLAT, GAP, NEAR, REACH, SIDE_COVER, _divider, _outward, _runs

SIB_REACH = 2 * REACH  # cells: how far past a frame its sibling card's content is looked for
SIB_GROUND = 0.3  # share of a sibling's cells on the frame's ground (its padding between its lines)
SIB_FILL = 0.8  # share of its frame a hole fills to be that card's whole inside
SIB_LINES = 1 / 3  # share of the frame's rows with content in the sibling: a card's text, not a picture's mark
TILE_GUTTER = 8  # cells (64 px): the widest gutter between the tiles of a row
FILL_SHARE = 0.9  # share of the cells beyond a panel's edges on the fill it is set in
FLUSH = 1  # cells: a side's edge this close to the hole on average is the hole's own edge
FILL_DEPTH = 4  # cells (32 px) beyond a flush edge in which the fill around a panel is read
SKIP = 2  # cells: the edge between two flat colours marks the cells on both sides of it, and one more
TILE_ALIKE = 0.9  # share of cells of the two tiles beside a slot that are alike (pictures of one template)


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


def _set_in_fill(empty: np.ndarray, means: np.ndarray, r, reach) -> bool:
    """The hole is a panel of its own colour set into a fill at one of its corners, beside a block: three
    of its sides are straight edges flush with it (no gap, no ground between it and what bounds it);
    beyond two that meet at a corner lies one fill of another colour, which runs on around that
    corner, and beyond the third another block (a picture). A block hidden inside a band shows the
    band's own ground, the fill itself; a patch of another colour flush inside the fill is a panel
    painted on it (a container's background beside a picture that does not fill it), however its
    ground runs on through its fourth side. A card's pane hidden leaves the card's ground with the fill
    beyond three of its sides (the card's end), or beyond two and the card's ground again past a rule
    on the third (a split card): neither is such a panel, the card's other pane holds content."""
    flush = [_divider(sd) and float(np.median(sd[1][sd[0]])) <= FLUSH for sd in reach]
    if sum(flush) != 3:
        return False
    x0, y0, x1, y1 = r
    hole = means[y0:y1, x0:x1].reshape(-1, means.shape[-1]).mean(axis=0)
    out = [np.s_[max(0, x0 - SKIP - FILL_DEPTH):max(0, x0 - SKIP)], np.s_[x1 + SKIP:x1 + SKIP + FILL_DEPTH],
           np.s_[max(0, y0 - SKIP - FILL_DEPTH):max(0, y0 - SKIP)], np.s_[y1 + SKIP:y1 + SKIP + FILL_DEPTH]]
    beyond = [means[y0:y1, out[0]], means[y0:y1, out[1]], means[out[2], x0:x1], means[out[3], x0:x1]]

    def on(p: np.ndarray, fill: np.ndarray) -> bool:
        return p.size > 0 and (np.abs(p - fill).max(axis=-1) <= FLAT).mean() >= FILL_SHARE

    for k1 in (0, 1):
        for k2 in (2, 3):
            if not (flush[k1] and flush[k2]):
                continue
            parts = [beyond[k1], beyond[k2], means[out[k2], out[k1]]]  # beside, beyond, around the corner
            if any(p.size == 0 for p in parts):
                continue
            fill = np.median(np.concatenate([p.reshape(-1, p.shape[-1]) for p in parts]), axis=0)
            if np.abs(fill - hole).max() <= 2 * FLAT:
                continue  # the hole's own ground beyond: the band's ground showing through
            # beyond the third side a block: not the fill nor the hole's ground (past a thin strip of
            # the fill, a band's padding, or a rule), on half its cells at least
            third = beyond[next(k for k in range(4) if flush[k] and k not in (k1, k2))]
            ground = (np.abs(third - fill).max(axis=-1) <= FLAT) | (np.abs(third - hole).max(axis=-1) <= FLAT)
            if all(on(p, fill) for p in parts) and third.size > 0 and ground.mean() < 0.5:
                return True
    return False
