"""small-target (control-like boxes under 24x24 px)."""
from __future__ import annotations

import cv2
import numpy as np

from .ink_masks import target_mask
from ..issue import Issue, overlap_min
from ..pixels import TextInfo, distance, line_colour
from .issue import _cjk
from .target_over_lines import _over_lines
from .target_shape import _sized, _square, _target_issue, _written_on


def _is_glyph(img: np.ndarray, box: list[int], comp: np.ndarray, filled: bool, lines: list[TextInfo]) -> bool:
    """Whether a small square shape is a letter of a text line rather than a control beside it.

    The recogniser often reads a small button next to a line (`×`, `+`, `›`) into that line, so
    lying inside a line's box is not enough: a filled square carrying a mark, a shape in a colour
    far from the line's ink, or a square outline closed on all four sides (outside CJK text, whose
    glyphs can be boxes) is no letter.
    """
    x, y, w, h = box
    for t in lines:
        if overlap_min(box, list(t.box)) <= 0.5 or t.box[2] <= 2.5 * w:
            continue
        if filled:
            return False
        # the shape's paint where its strokes fully cover pixels (a thin frame's anti-aliased edges
        # are most of its pixels, lighter than the ink of the line it may belong to)
        pix = img[y:y + h, x:x + w][comp].reshape(-1, 1, 3)
        colour = line_colour(pix, distance(pix, t.bg))
        if distance(np.array([[colour]]), t.fg)[0, 0] > 60:
            return False
        sides = [comp[0].mean(), comp[-1].mean(), comp[:, 0].mean(), comp[:, -1].mean()]
        return _cjk(t.text) or min(sides) < 0.75
    return False


def _labelled(box: list[int], lines: list[TextInfo]) -> bool:
    """Whether a line of text starts just right of a small square, on its row: a checkbox or a
    radio button and its label, which is part of the control's hit box (clicking it toggles the
    box), so the target is the label's size, not the square's."""
    x, y, w, h = box
    size = max(w, h)
    for t in lines:
        lx, ly, lw, lh = t.ink_box
        if t.conf < 0.5 or sum(ch.isalnum() for ch in t.text) < 2 or lh > 3 * size:
            continue
        if 0 <= lx - (x + w) <= 2.5 * size and abs((ly + lh / 2) - (y + h / 2)) <= h / 2:
            return True
    return False


def detect_targets(img: np.ndarray, lines: list[TextInfo]) -> list[Issue]:
    """Small square-ish boxes, filled or outlined, standing alone or drawn over a text line: icon
    buttons, checkboxes, close marks. Found in `target_mask`, not the shared `ink_mask`, whose
    tile means join a control near a surface's edge to the surface."""
    H, W = img.shape[:2]
    mask = target_mask(img)
    n, lab, stats, _ = cv2.connectedComponentsWithStats(mask, connectivity=8)
    out = []
    for i in range(1, n):
        x, y, w, h, area = (int(v) for v in stats[i])
        if not _sized(w, h) or x < 4 or y < 4 or x + w > W - 4 or y + h > H - 4:
            continue
        comp = lab[y:y + h, x:x + w] == i
        filled, outlined = _square(comp, area)
        if not (filled or outlined):
            continue
        # standing alone: nothing else within a few pixels around it
        pad = 5
        y0, y1, x0, x1 = max(0, y - pad), min(H, y + h + pad), max(0, x - pad), min(W, x + w + pad)
        around = mask[y0:y1, x0:x1].copy()
        around[y - y0:y - y0 + h, x - x0:x - x0 + w] = 0
        if around.mean() > 0.02:
            continue
        inside = img[y + 2:y + h - 2, x + 2:x + w - 2]
        if filled and inside.size and distance(inside, np.median(inside.reshape(-1, 3), axis=0)).max() < 40:
            continue  # a plain swatch, no mark on it: not a control
        if filled and _written_on(inside):
            continue  # a badge with a word or a character on it (a "hot" or "new" tag): a label
        box = [x, y, w, h]
        if _is_glyph(img, box, comp, filled, lines) or _labelled(box, lines):
            continue
        out.append(_target_issue(box))
    return out + _over_lines(img, lines, [i.bbox for i in out])
