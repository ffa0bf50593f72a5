"""text-truncation, the room a line's container leaves it: text cut by its box's edge fills the box,
so a line well short of the right side of the closed box it sits in (a field, a button) was not cut."""
from __future__ import annotations

from dataclasses import replace

import numpy as np

from ..pixels import TextInfo, distance, mode_color

FRAME_SHARE = 0.85  # share of a row or column of the line's box inked where it is a frame's side (a field's border)


def room_after(img: np.ndarray, t: TextInfo) -> bool:
    """The line stops well short of the right side of the field or button it sits in: text cut by
    its box's edge fills the box (an ellipsis there is the text's own, like a placeholder's
    "Search for ...")."""
    if t.ink_box[2] >= t.box[2] - 1:
        # "ink" from side to side of the box: the box took in the field itself (white on a coloured
        # bar), so the field was measured as ink; measure the text against the field's colour
        t = _against_inside(img, t) or t
    r = _box_room(img, t)
    if r is None and (framed := _inside_frame(img, t)) is not None:
        r = _box_room(img, framed)
    return r is not None and r[1] > r[0] + 2 * t.x_height


def in_closed_box(img: np.ndarray, t: TextInfo) -> bool:
    """The line sits in a closed box whose four sides show (a field, a button)."""
    return _box_room(img, t) is not None


def _edge_after(d: np.ndarray, tol: float) -> int | None:
    """Index of the first line of `d` (lines along axis 0) that is not background, if that line is
    an edge crossing the whole band (a border or the side of a filled box); None when the first
    thing met is anything else, or nothing is met."""
    hit = (d > tol).mean(axis=1)
    first = np.nonzero(hit > 0)[0]
    if not len(first):
        return None
    k = int(first[0])
    return k if hit[k:k + 3].max() >= 0.85 else None


def _box_room(img: np.ndarray, t: TextInfo) -> tuple[int, int] | None:
    """(left padding, room on the right) of the closed box the line sits in, a field or a button
    whose four sides show; None when no such box surrounds it closely."""
    x, y, w, h = t.ink_box
    H, W = img.shape[:2]
    xh = max(t.x_height, 4)
    tol = 24
    if x < 4 or x + w + 4 >= W:
        return None
    # from two pixels off the ink on (a faint anti-aliased column may lie just outside the box)
    right = _edge_after(distance(img[y:y + h, x + w + 2:min(W, x + w + 80 * xh)], t.bg).T, tol)
    left = _edge_after(distance(img[y:y + h, max(0, x - 6 * xh):x - 2][:, ::-1], t.bg).T, tol)
    if right is None or left is None:
        return None
    right, left = right + 2, left + 2
    x0, x1 = x - left, x + w + right  # the inside, between the sides
    up = _edge_after(distance(img[max(0, y - 2 * h):y, x0:x1][::-1], t.bg), tol)
    down = _edge_after(distance(img[y + h:min(H, y + 3 * h), x0:x1], t.bg), tol)
    if up is None or down is None:
        return None
    return left, right


def _against_inside(img: np.ndarray, t: TextInfo) -> TextInfo | None:
    """The line measured against the most common colour inside its box."""
    x, y, w, h = t.box
    x, y, w, h = x + 3, y + 3, w - 6, h - 6  # off the field's own edge, which the box follows
    if w < 4 or h < 4:
        return None
    crop = img[y:y + h, x:x + w]
    bg, share = mode_color(crop)
    if share < 0.4 or distance(np.array([[bg]]), t.bg)[0, 0] <= 24:
        return None
    d = np.where(distance(crop, t.bg) > 24, distance(crop, bg), 0)  # the colour outside is no ink either
    ink = d >= max(24.0, 0.35 * float(d.max()))
    rows, cols = np.nonzero(ink.any(axis=1))[0], np.nonzero(ink.any(axis=0))[0]
    if len(rows) == 0:
        return None
    prof = ink.sum(axis=1)
    dense = np.nonzero(prof >= 0.35 * prof.max())[0]
    box = (x + int(cols[0]), y + int(rows[0]), int(cols[-1] - cols[0] + 1), int(rows[-1] - rows[0] + 1))
    return replace(t, ink_box=box, bg=bg, bg_share=share, x_height=int(dense[-1] - dense[0] + 1))


def _inside_frame(img: np.ndarray, t: TextInfo) -> TextInfo | None:
    """The line with its ink box cut to the glyphs inside the frame it took in: the recogniser's box
    may start on a field's left border and span its height, so the border's sides and the top and
    bottom rows (inked across the box) are the field, not the text; None when no such side shows."""
    x, y, w, h = t.ink_box
    ink = distance(img[y:y + h, x:x + w], t.bg) > 24
    if not ink.size:
        return None
    rows, cols = ink.mean(axis=1) >= FRAME_SHARE, ink.mean(axis=0) >= FRAME_SHARE
    r0, r1, c0, c1 = 0, h, 0, w
    while r0 < r1 and rows[r0]:
        r0 += 1
    while r1 > r0 and rows[r1 - 1]:
        r1 -= 1
    while c0 < c1 and cols[c0]:
        c0 += 1
    while c1 > c0 and cols[c1 - 1]:
        c1 -= 1
    if c0 == 0 and c1 == w:
        return None  # no side of a frame at either end
    inner = ink[r0:r1, c0:c1]
    ys, xs = np.nonzero(inner.any(axis=1))[0], np.nonzero(inner.any(axis=0))[0]
    if not len(ys):
        return None
    box = (x + c0 + int(xs[0]), y + r0 + int(ys[0]), int(xs[-1] - xs[0] + 1), int(ys[-1] - ys[0] + 1))
    return replace(t, ink_box=box)
