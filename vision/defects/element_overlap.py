"""element-overlap: an opaque box drawn over part of a text line, slicing its glyphs."""
from __future__ import annotations

import numpy as np

from .issue import Issue, union
from .pixels import TextInfo, distance

MIN_RUN = 6  # the covering box must be at least this wide
REACH = 1.6  # how far past the line's ink the box may start, in x-heights


def _cover_edge(img: np.ndarray, t: TextInfo, direction: int) -> list[int] | None:
    """Look past one end of the line for a solid box that starts right where the ink stops."""
    H, W = img.shape[:2]
    x, y, w, h = t.ink_box
    y0, y1 = y, y + h
    if y0 - 3 < 0 or y1 + 3 > H:
        return None
    end = x + w - 1 if direction > 0 else x
    # the box edge is 1-3 px past the last ink column, or further when the glyph it cuts is too
    # small a piece for the recogniser to have read it into the line: that piece (up to about an
    # x-height wide, the stem and arch of an n left of an m) and a word space
    for off in range(1, max(4, int(REACH * t.x_height) + 1)):
        e = end + direction * off
        cols = range(e, e + direction * MIN_RUN, direction)
        if min(cols) < 0 or max(cols) >= W:
            return None
        strip = img[y0:y1, min(cols):max(cols) + 1]
        c = np.median(strip.reshape(-1, 3), axis=0)
        if distance(np.array([[c]]), t.bg)[0, 0] < 40 or distance(strip, c).max() > 24:
            continue
        # the ink must touch the edge: a glyph cut, not a gap before a neighbouring button
        if distance(img[y0:y1, e - direction:e - direction + 1], t.bg).max() < 60:
            return None
        # past the line's own edge, what touches the box must be a piece of a glyph in the text's
        # colour, not a rounded button's or a round picture's edge blended with the background
        if off > 3:
            gap = img[y0:y1, min(e - direction, end + direction):max(e - direction, end + direction) + 1]
            to_fg = distance(gap, t.fg)
            glyph = (to_fg < 0.5 * distance(np.array([[t.fg]]), t.bg)[0, 0]) & (to_fg < distance(gap, c))
            if not glyph.any():
                return None
        # measure the box: its height down the edge column, its width along the row that runs
        # furthest in its colour (a label drawn on the box, as on a button, stops a middle row)
        colu = distance(img[y0::-1, e], c) <= 24
        cold = distance(img[y0:, e], c) <= 24
        top = y0 - (int(np.argmin(colu)) if not colu.all() else y0 + 1) + 1
        bot = y0 + (int(np.argmin(cold)) if not cold.all() else H - y0)
        bw = max(_run(img, r, e, direction, c) for r in {y0 + h // 2, top + 2, bot - 3} if top <= r < bot)
        bx = e if direction > 0 else e - bw + 1
        return [bx, top, bw, bot - top]
    return None


def _run(img: np.ndarray, row: int, e: int, direction: int, c: np.ndarray) -> int:
    """How far row `row` runs from column `e` in the box's colour (to the right, or the left)."""
    line = img[row, e::direction] if direction > 0 else img[row, e::-1]
    same = distance(line, c) <= 24
    return int(np.argmin(same)) if not same.all() else len(same)


def _colour(img: np.ndarray, box: list[int]) -> np.ndarray:
    """The covering box's colour: the median of its pixels."""
    return np.median(img[box[1]:box[1] + box[3], box[0]:box[0] + box[2]].reshape(-1, 3), axis=0)


def _text_height(img: np.ndarray, t: TextInfo, box: list[int], c: np.ndarray) -> int:
    """The height of the line's ink beside the box, leaving out the box's own colour: where the
    recogniser's box reached over the covering box, the line's ink box spans the covering box's
    height, and the two would look alike in height."""
    x, y, w, h = t.ink_box
    a, b = (x, min(x + w, box[0])) if box[0] > x else (max(x, box[0] + box[2]), x + w)
    if b - a < 2:
        return h
    region = img[y:y + h, a:b]
    ink = (distance(region, t.bg) >= 40) & (distance(region, c) > 24)
    # the covering box reaches into the line's ink box (the search found its edge past the last
    # ink column the box left): its columns and their blended edge are no letters
    covered = np.flatnonzero((distance(region, c) <= 24).mean(axis=0) > 0.8)
    for k in covered:
        ink[:, max(0, k - 2):k + 3] = False
    rows = np.flatnonzero(ink.any(axis=1))
    return int(rows[-1] - rows[0] + 1) if len(rows) else h


def _ground_both_sides(img: np.ndarray, t: TextInfo, c: np.ndarray, direction: int) -> bool:
    """The box's colour also lies just past the line's other end, beyond its own ground: the line
    sits on a button or a chip drawn on that colour (a pink button on a navy panel), and the
    "box" is the panel around the button, not an element laid over the text."""
    H, W = img.shape[:2]
    x, y, w, h = t.ink_box
    row = y + h // 2
    reach = max(8, int(4 * t.x_height))
    if direction > 0:
        line = img[row, max(0, x - reach):x][::-1]
    else:
        line = img[row, x + w:min(W, x + w + reach)]
    off = np.flatnonzero(distance(line, t.bg) >= 40)
    if not len(off):
        return False
    run = line[off[0] + 2:off[0] + 6]  # past a rounded corner's blended pixels
    return len(run) == 4 and bool((distance(run, c) <= 24).all())


def detect(img: np.ndarray, infos: list[TextInfo]) -> list[Issue]:
    out = []
    for t in infos:
        if t.ink_box[3] < 7 or t.bg_share < 0.4:
            continue
        for d in (1, -1):
            box = _cover_edge(img, t, d)
            if box is None or box[3] > 5 * t.ink_box[3]:
                continue  # no box, or a panel / background region rather than an element on top
            c = _colour(img, box)
            if box[3] < t.ink_box[3] + 4 and (box[2] < 2 * box[3] or box[3] < _text_height(img, t, box, c) + 4):
                # no taller than the line's ink box: a box that took the ink box's rows is wider
                # than tall, as a bar or a badge is, and taller than the letters beside it; an
                # icon set after the text is a square
                continue
            if _ground_both_sides(img, t, c, d):
                continue
            out.append(Issue("element-overlap", union(box, t.box), "error",
                             f"A box covers part of the text \"{t.text[:40]}\"",
                             "visual", "Move the covering element (check position:absolute/fixed, negative margins "
                                       "and z-index) or reserve space for it", score=1.0))
            break
    return out
