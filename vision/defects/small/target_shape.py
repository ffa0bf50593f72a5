"""small-target: the shape tests and the finding for a small control."""
from __future__ import annotations

import numpy as np

from ..issue import Issue
from ..pixels import distance, mode_color

MIN_TARGET_PX = 24


def _square(comp: np.ndarray, area: int) -> tuple[bool, bool]:
    """(filled, outlined) for a small shape: a solid square, or a closed frame whose inside is
    mostly empty (a control's outline holds its mark apart; a pictogram's strokes, a picture's
    hills or an envelope's flap, run into its frame, so much of its inside is the same shape).

    Closed: each side drawn over half its length at least (rounded corners take the rest); three
    sides of a box open on the fourth are the anti-aliased rim of a stroke of something larger (the
    arm of a plus on a tile), not a frame. A control's sign is a glyph of a couple of strokes
    across the inside, about two inside-lengths of ink whatever the control's size: in an 11 px
    frame that is over a fifth of its 7 px inside, so the bound on the inside's ink is the larger
    of a fifth of it and two of its lengths."""
    h, w = comp.shape
    filled = area / (w * h) >= 0.85
    edge = np.concatenate([comp[0], comp[-1], comp[:, 0], comp[:, -1]])
    sides = min(comp[0].mean(), comp[-1].mean(), comp[:, 0].mean(), comp[:, -1].mean())
    inside = comp[2:-2, 2:-2]
    room = max(0.2 * inside.size, 2 * max(inside.shape, default=0))
    return filled, bool(edge.mean() >= 0.8 and sides >= 0.5 and inside.sum() < room)


def _written_on(inside: np.ndarray) -> bool:
    """Whether the mark on a filled square is writing (a character or a word on a tag: "hot",
    "new"): it covers over a third of the inside, where a control's sign (x, +, a chevron, a
    question mark) is a few thin strokes on the fill."""
    if inside.size == 0:
        return False
    fill, _ = mode_color(inside)
    return bool((distance(inside, fill) >= 40).mean() >= 0.35)


def _target_issue(box: list[int]) -> Issue:
    w, h = box[2], box[3]
    return Issue("small-target", box, "warning",
                 f"Control-like element is {w}x{h} px; touch and click targets should be at least 24x24 px",
                 "visual", "Give the control `min-width: 24px; min-height: 24px` (or padding) "
                           "or keep 24 px of free space around it", score=float(MIN_TARGET_PX - min(w, h)))


def _sized(w: int, h: int) -> bool:
    return 9 <= w < MIN_TARGET_PX and 9 <= h < MIN_TARGET_PX and 0.6 <= w / h <= 1.6


def _longest_run(v: np.ndarray) -> float:
    """The longest unbroken run of set pixels in a row or column, as a share of its length."""
    best = run = 0
    for on in v:
        run = run + 1 if on else 0
        best = max(best, run)
    return best / max(1, len(v))


def _trimmed(comp: np.ndarray, x: int, y: int) -> tuple[int, int, np.ndarray]:
    """A shape without the stray pixels at its sides (a glyph's anti-aliased edge touching a frame
    drawn over it): up to two sparse outer rows and columns dropped on each side."""
    for _ in range(2):
        h, w = comp.shape
        if h < 3 or w < 3:
            break
        top, bottom = comp[0].mean() < 0.3, comp[-1].mean() < 0.3
        left, right = comp[:, 0].mean() < 0.3, comp[:, -1].mean() < 0.3
        comp = comp[int(top):h - int(bottom), int(left):w - int(right)]
        x, y = x + int(left), y + int(top)
    return x, y, comp
