"""small-target: small controls drawn over a text line, whose ink joins the glyphs'."""
from __future__ import annotations

import cv2
import numpy as np

from .ink_masks import _far
from ..issue import Issue, overlap_min
from ..paint import blend_of, largest_piece, paint_colour
from ..pixels import TextInfo, distance
from .target_shape import MIN_TARGET_PX, _longest_run, _sized, _square, _target_issue, _trimmed, _written_on


def _shade(colour, t: TextInfo) -> bool:
    """Whether a colour is the line's own ink mixed with its ground (an anti-aliased glyph edge)."""
    return bool(blend_of(np.array([[colour]], np.float32), t.bg, t.fg, tol=16.0)[0, 0])


def _in_word(crop: np.ndarray, lab: np.ndarray, stats: np.ndarray, i: int, paint, t: TextInfo) -> bool:
    """Whether a shape has letters of its own colour right beside it on its row: a round letter
    (o, 0, D) of a word in a link's colour, not a control drawn over the line (whose paint
    differs from the glyphs it covers). A shape painted in no shade of the line's ink on its
    ground takes no neighbour in such a shade for a letter of its own colour: that is the
    anti-aliased edge of the line's own glyphs (a blue control over a blue link's text)."""
    x, y, w, h, _ = (int(v) for v in stats[i])
    gap = max(2, int(0.35 * h))
    own_shade = _shade(paint, t)
    for j in range(1, len(stats)):
        jx, jy, jw, jh, _ = (int(v) for v in stats[j])
        if j == i or jh < 0.4 * h or min(y + h, jy + jh) - max(y, jy) < 0.5 * min(h, jh):
            continue
        if max(jx - (x + w), x - (jx + jw)) > gap:
            continue
        colour = np.median(crop[jy:jy + jh, jx:jx + jw][lab[jy:jy + jh, jx:jx + jw] == j], axis=0)
        if not own_shade and _shade(colour, t):
            continue
        if distance(np.array([[colour]]), paint)[0, 0] <= 40:
            return True
    return False


def _over_lines(img: np.ndarray, lines: list[TextInfo], found: list[list[int]]) -> list[Issue]:
    """Small controls drawn over a text line: their ink joins the glyphs', so they never stand
    alone; in a colour far from both the line's ink and its background they come apart from the
    glyphs, and a closed square frame or a solid square with a mark in that colour is no letter."""
    H, W = img.shape[:2]
    out = []
    for t in lines:
        x, y, w, h = t.box
        x0, y0, x1, y1 = max(0, x - 3), max(0, y - 3), min(W, x + w + 3), min(H, y + h + 3)
        crop = img[y0:y1, x0:x1]
        if crop.size == 0:
            continue
        crop = np.ascontiguousarray(crop)
        other = (_far(crop, np.full_like(crop, t.fg), 60) & _far(crop, np.full_like(crop, t.bg), 60)).astype(np.uint8)
        n, lab, stats, _ = cv2.connectedComponentsWithStats(other, connectivity=8)
        for i in range(1, n):
            cx, cy, cw, ch, _ = (int(v) for v in stats[i])
            if not (9 <= cw <= 3 * MIN_TARGET_PX and 9 <= ch <= 3 * MIN_TARGET_PX):
                continue
            comp = lab[cy:cy + ch, cx:cx + cw] == i
            # glyphs of a third colour (a link, a grey word in a white line) touching the control
            # join it here: keep only the pixels that blend the control's own paint with the ground
            pix = crop[cy:cy + ch, cx:cx + cw]
            paint = paint_colour(pix[comp], t.bg)
            comp = largest_piece(comp & blend_of(pix, t.bg, paint))
            ys, xs = np.nonzero(comp)
            if not len(ys) or _in_word(crop, lab, stats, i, paint, t):
                continue
            comp = comp[ys.min():ys.max() + 1, xs.min():xs.max() + 1]
            cx, cy, comp = _trimmed(comp, cx + int(xs.min()), cy + int(ys.min()))
            ch, cw = comp.shape
            box = [x0 + cx, y0 + cy, cw, ch]
            if not _sized(cw, ch) or any(overlap_min(box, b) > 0.5 for b in found):
                continue
            filled, _ = _square(comp, int(comp.sum()))
            # the frame's rounded, anti-aliased corners blend with the background below the colour
            # test: each side is judged on its own, about two thirds of it drawn in one unbroken
            # stroke (the serifs of an H, a letter of another colour, leave a gap in the middle)
            sides = [_longest_run(v) for v in (comp[0], comp[-1], comp[:, 0], comp[:, -1])]
            outlined = min(sides) >= 0.6 and comp[2:-2, 2:-2].mean() < 0.2
            inside = crop[cy + 2:cy + ch - 2, cx + 2:cx + cw - 2]
            if outlined or (filled and inside.size and
                            distance(inside, np.median(inside.reshape(-1, 3), axis=0)).max() >= 40):
                found.append(box)
                out.append(_target_issue(box))
        out += _solid_in_ink(crop, t, x0, y0, found)
    return out


def _solid_in_ink(crop: np.ndarray, t: TextInfo, x0: int, y0: int, found: list[list[int]]) -> list[Issue]:
    """A solid square in the line's own ink colour with a mark on it: a filled button painted
    like the text (or the very shape that lent the line its measured ink colour). Glyph strokes
    never fill a square; a heading's square full stop carries no mark."""
    ink = (~_far(crop, np.full_like(crop, t.fg), 60) & _far(crop, np.full_like(crop, t.bg), 60)).astype(np.uint8)
    n, lab, stats, _ = cv2.connectedComponentsWithStats(ink, connectivity=8)
    out = []
    for i in range(1, n):
        cx, cy, cw, ch, area = (int(v) for v in stats[i])
        box = [x0 + cx, y0 + cy, cw, ch]
        if not _sized(cw, ch) or any(overlap_min(box, b) > 0.5 for b in found):
            continue
        filled, _ = _square(lab[cy:cy + ch, cx:cx + cw] == i, area)
        inside = crop[cy + 2:cy + ch - 2, cx + 2:cx + cw - 2]
        if filled and inside.size and distance(inside, np.median(inside.reshape(-1, 3), axis=0)).max() >= 40 \
                and not _written_on(inside):
            found.append(box)
            out.append(_target_issue(box))
    return out
