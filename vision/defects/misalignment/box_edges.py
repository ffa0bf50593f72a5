"""misalignment: the painted edges of flat boxes (a button's fill, an input's or a card's inside)
and of thin rules, as members of a stack."""
from __future__ import annotations

import numpy as np

from ..pixels import FlatBox
from .member import _Item


def _joined(boxes: list[FlatBox]) -> list[FlatBox]:
    """Boxes side by side with the same top and bottom, a divider's width apart, are one element
    (a button with an icon compartment, a segmented control)."""
    boxes = sorted(boxes, key=lambda b: b.box[0])
    out: list[FlatBox] = []
    for b in boxes:
        for i, a in enumerate(out):
            ax, ay, aw, ah = a.box
            bx, by, bw, bh = b.box
            if abs(ay - by) <= 1 and abs(ah - bh) <= 2 and 0 <= bx - (ax + aw) <= 4:
                out[i] = FlatBox((ax, min(ay, by), bx + bw - ax, max(ay + ah, by + bh) - min(ay, by)), a.left, b.right)
                break
        else:
            out.append(b)
    return out


def _outer_left(img: np.ndarray, x: int, y: int, h: int) -> float:
    """The painted left edge of a box whose flat inside starts at x: the pixel before x is the
    fill's own edge pixel, and one more when a thin border (unlike both its sides) lies there."""
    if x < 3:
        return float(x - 1)
    rows = img[y + h // 4: y + h - h // 4 + 1, x - 3:x].astype(np.int16)
    d1 = np.abs(rows[:, 1] - rows[:, 2]).max(axis=-1)   # x-2 against x-1
    d2 = np.abs(rows[:, 0] - rows[:, 1]).max(axis=-1)   # x-3 against x-2
    border = float(np.mean((d1 > 10) & (d2 > 10))) > 0.5
    return float(x - 2 if border else x - 1)


def _box_items(boxes: list[FlatBox], img: np.ndarray) -> list[_Item]:
    out = []
    for b in _joined(boxes):
        x, y, w, h = b.box
        # the flat region stops one pixel inside the painted edge (two inside a thin border)
        left = _outer_left(img, x, y, h) if b.left else None
        W = img.shape[1]  # the right edge: the left one's rule on the mirrored picture
        right = W - 1 - _outer_left(img[:, ::-1], W - x - w, y, h) if b.right else None
        centre = x + w / 2 if b.left and b.right else None
        out.append(_Item((x - 1, y - 1, w + 2, h + 2), left, centre, 0.0, "", right=right))
    return out


def _stroke(img: np.ndarray, r: tuple[int, int, int, int]) -> bool:
    """A thin line drawn on the ground: its colour stands apart from the rows just above and below
    it, on the same side of both (darker or lighter, or another hue). A step from one shade to the
    next (a gradient's band, a soft shadow's edge) has its colour between theirs: the edge of a
    shape, whose ends say nothing of where a separator was placed."""
    x, y, w, h = r
    if y < 1 or y + h >= img.shape[0]:
        return True
    above, mid, below = (np.median(img[a:b, x:x + w].reshape(-1, 3), axis=0)
                         for a, b in ((y - 1, y), (y, y + h), (y + h, y + h + 1)))

    def d(p: np.ndarray, q: np.ndarray) -> float:
        return float(np.abs(p - q).max())

    return d(above, mid) + d(mid, below) > d(above, below) + 4
