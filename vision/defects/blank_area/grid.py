"""blank-area: the empty-region map (a grid of CELL px cells, empty where nothing is drawn), its
maximal empty rectangles, and what lies beyond each side of one (content, a straight edge, the
screen's edge, the hole's own ground)."""
from __future__ import annotations

import cv2
import numpy as np

CELL = 8
FLAT = 6  # largest variation (levels) inside an empty cell, and the step between two flat cells
REACH = 20  # cells (160 px): how far beyond a side content is looked for
NEAR = 8  # cells: content on average this close beyond a side, along most of it, bounds the hole there
SIDE_COVER = 0.5  # share of a side's length with content within REACH beyond it
# cells (128 px, 96 px): the least size of a hole, and of a gap in a stack, on any screen. Type keeps
# its CSS size on a phone, so the space beside a short line or a heading's last word is as large
# there as on a desktop (two or three heading lines), while a quarter of a phone's width is smaller
MIN_HOLE, MIN_GAP = 16, 12
EDGE = 3  # cells: a side this close to the screen's edge is on it (a margin)
DIVIDER = 0.85  # share of a side along which a band's edge runs straight
TWIN = 0.8  # share of a mirrored twin that is empty: the same whitespace on the other side
GAP = 12  # cells (96 px): the widest gap between a block's paragraphs


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


def _spread(lab: np.ndarray, stats: np.ndarray, r) -> int:
    """The sides past which the hole's empty region runs on REACH cells at least."""
    x0, y0, x1, y1 = r
    cx, cy, cw, ch, _ = (int(v) for v in stats[lab[y0, x0]])
    return (x0 - cx >= REACH) + (cx + cw - x1 >= REACH) + (y0 - cy >= REACH) + (cy + ch - y1 >= REACH)
