"""element-overlap: an opaque box drawn over part of a text line, slicing its glyphs."""
from __future__ import annotations

import numpy as np

from .issue import Issue, union
from .pixels import TextInfo, distance

MIN_RUN = 6  # the covering box must be at least this wide
REACH = 2.5  # how far past the line's ink the box may start, in x-heights
GAP = 0.7  # a word space, in x-heights: the farthest a box drawn over whole words starts from the ink
PADDING = 8  # a button is taller than the line it holds by its padding above and below, in px


def _cover_edge(img: np.ndarray, t: TextInfo, direction: int) -> list[int] | None:
    """Look past one end of the line for a solid box that starts right where the ink stops."""
    H, W = img.shape[:2]
    x, y, w, h = t.ink_box
    y0, y1 = y, y + h
    if y0 - 3 < 0 or y1 + 3 > H:
        return None
    end = x + w - 1 if direction > 0 else x
    # the box edge is 1-3 px past the last ink column, or further when what it left of the text
    # is too small a piece for the recogniser to have read it into the line: the piece of the glyph
    # it cuts (the stem and arch of an n left of an m) and a word space, or a letter or two of a
    # word the line was read from ("Alrea|dy have an account?" read "have an account?")
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
        return _measure(img, t, e, direction, c)
    return None


def _measure(img: np.ndarray, t: TextInfo, e: int, direction: int, c: np.ndarray, inset: int = 0) -> list[int]:
    """The box whose edge is column `e`: its height down the column `inset` in from the edge, its
    width along the row that runs furthest in its colour (a label drawn on the box, as on a button,
    stops a middle row), of its middle row and the rows `inset` in from its top and bottom (a
    rounded corner's blend leaves the edge column short of the box's top and bottom rows)."""
    H = img.shape[0]
    y0, h = t.ink_box[1], t.ink_box[3]
    colu = distance(img[y0::-1, e + direction * inset], c) <= 24
    cold = distance(img[y0:, e + direction * inset], c) <= 24
    top = y0 - (int(np.argmin(colu)) if not colu.all() else y0 + 1) + 1
    bot = y0 + (int(np.argmin(cold)) if not cold.all() else H - y0)
    rows = {y0 + h // 2, top + max(2, inset), bot - 1 - max(2, inset)}
    bw = max(_run(img, r, e, direction, c) for r in rows if top <= r < bot)
    bx = e if direction > 0 else e - bw + 1
    return [bx, top, bw, bot - top]


def _at_word_gap(img: np.ndarray, t: TextInfo, direction: int) -> list[int] | None:
    """A button-shaped box that starts a word space past the line's end, where its next word would
    stand: an element laid over the line's last words (or first ones), cutting no glyph.

    A control set beside text in a row is spaced from it by a margin wider than a word space, or it
    would read as part of the sentence; what a layout sets a word space from text is inline (a
    badge, a tag, a count), and that is no taller than the line. A box reaching above and below the
    line, taller than its ink by a button's padding, wider than tall and yet no wider than a few of its heights
    (no bar, field or panel), clear of the screen's edges (a band along them is the page's frame),
    set at a word space, is a box drawn over the text. A word space is 0.25-0.3 em, about 0.6 of an
    x-height; a separator bar or an icon square is no button.
    The line must stand clear at its other end, the recogniser's box starting on the line's own
    ground: a line boxed in at both ends is a cell in a row of blocks (a toolbar, a segmented
    control), whose neighbours are set as tightly as its words."""
    H, W = img.shape[:2]
    x, y, w, h = t.ink_box
    far = min(max(t.box[0] if direction > 0 else t.box[0] + t.box[2] - 1, 0), W - 1)
    if distance(img[y:y + h, far], t.bg).max() >= 40:
        return None
    end = x + w - 1 if direction > 0 else x
    for off in range(1, int(GAP * t.x_height) + 2):
        e = end + direction * off
        cols = range(e, e + direction * MIN_RUN, direction)
        if min(cols) < 1 or max(cols) >= W - 1:
            return None
        strip = img[y:y + h, min(cols):max(cols) + 1]
        c = np.median(strip.reshape(-1, 3), axis=0)
        if distance(np.array([[c]]), t.bg)[0, 0] < 40 or distance(strip, c).max() > 24:
            continue
        box = _measure(img, t, e, direction, c, inset=MIN_RUN - 1)
        bx, by, bw, bh = box
        inside = bx > 0 and by > 0 and bx + bw < W and by + bh < H
        if inside and by < y and by + bh > y + h and bh >= h + PADDING and 1.2 * bh <= bw <= 6 * bh:
            return box
        return None
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
            box = _cover_edge(img, t, d) or _at_word_gap(img, t, d)
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
