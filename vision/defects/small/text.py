"""small-text: lines whose glyphs say a font under 12 px."""
from __future__ import annotations

import dataclasses

import numpy as np

from ..glyph_extent import extent_px, line_extent_px
from ..issue import Issue
from ..own_rows import own_rows
from ..pixels import TextInfo, distance, font_px, mode_color, rule_rows, strong_ink
from .issue import MIN_FONT_PX, _cjk, _issue_text
from .words import _small_words

TRUSTED = 0.6     # a line read with this score or more is sized by its letters
DOUBTFUL = 0.4    # a line read with less is too likely no text at all (a picture's texture, an icon)


def _cut_off(img: np.ndarray, t: TextInfo) -> bool:
    """Glyphs cut by another surface drawn over them (a banner, a sticky footer): the row right
    under (or over) the line's ink is all one colour other than the line's background; or by the
    screen's own edge. Their ink ends mid-letter, so its height says nothing about the font size."""
    H = img.shape[0]
    x, y, w, h = t.ink_box
    if y <= 1 or y + h >= H - 1:
        return True  # cut by the screen's own edge (the last row holds only the cut strokes' pale ends)
    return _cut_by_edge(img, (x, y, w, h), t.bg)


def _cut_by_edge(img: np.ndarray, box: tuple[int, int, int, int], bg) -> bool:
    """The row right under (or over) the ink is all one colour other than its ground: the edge of a
    surface drawn over the glyphs (a sticky footer's border), which leaves only their tops."""
    H = img.shape[0]
    x, y, w, h = box
    # the ground between the glyphs: a line on a band of its own colour (a code box, a tinted
    # bar) whose ring fell partly outside the band has its ground, not the ring's, under the ink
    ground, _ = mode_color(img[y:y + h, x:x + w])
    for r in (y + h, y - 1):
        if not 0 <= r < H:
            continue
        row = img[r, x:x + w]
        colour = np.median(row, axis=0)
        if len(row) >= 8 and (distance(row, bg) > 10).mean() >= 0.95 \
                and distance(row, colour).max() < 12 and distance(np.array([[colour]]), ground)[0, 0] > 10:
            return True
    return False


def _size(t: TextInfo, img: np.ndarray | None = None) -> float:
    """The font size the dense band gives. Where the text read spans under half of the line's
    ink at that size (a script the recogniser does not know reads as a few stops and digits), the
    read letters say nothing of the unread glyphs' case: the band is taken as an x-height, the
    larger reading, unless it already is one. So it is where a capitals reading has letters
    rising well above the band (`_rises_above_band`)."""
    px = font_px(t)
    n = len(t.text.strip())
    alnum = sum(ch.isalnum() for ch in t.text.strip())
    span = px * (0.5 * alnum + 0.28 * (n - alnum))  # Latin UI fonts' advance per letter and per stop
    if not _cjk(t.text) and (span < 0.5 * t.ink_box[2] or (img is not None and _rises_above_band(img, t))):
        return max(px, t.x_height / 0.53)
    return px


def _without_underline(img: np.ndarray, t: TextInfo) -> TextInfo:
    """The line with an underline at the foot of its ink box left out of its ink height: a link's
    underline sits a pixel or two under the baseline and would size its letters a pixel or two
    taller, which at 9-11 px is the difference between small text and not."""
    x, y, w, h = t.ink_box
    ink = strong_ink(distance(img[y:y + h, x:x + w], t.bg))
    under = rule_rows(ink, max(8, w // 2))
    rows = np.flatnonzero(ink.any(axis=1) & ~under)
    if not under[-1:].any() or not len(rows):
        return t
    bottom = int(rows[-1]) + 1
    return dataclasses.replace(t, ink_box=(x, y, w, bottom), ink_height=bottom)


def _rises_above_band(img: np.ndarray, t: TextInfo) -> bool:
    """Ink standing well above the line's dense band: the band is an x-height with capitals or
    ascenders over it, whatever the reading says. Lowercase letters shaped like small capitals
    (Cyrillic "онконг", Latin "owns") read as capitals ("OHKOH"); a line truly in capitals fills
    its band up to its top, bar an accent or a dollar sign's stub of a pixel or so."""
    x, y, w, h = t.ink_box
    ink = strong_ink(distance(img[y:y + h, x:x + w], t.bg))
    prof = ink.sum(axis=1)
    if not len(prof) or prof.max() <= 0:
        return False
    band_top = int(np.flatnonzero(prof >= 0.35 * prof.max())[0])
    return band_top >= max(2, 0.2 * t.x_height)


def detect_text(infos: list[TextInfo], img: np.ndarray | None = None) -> list[Issue]:
    """Lines whose x-height (or cap height) says under 12 px, unless the full height of their
    words' ink, read against the letters they hold, says 12 px or more; and smaller words in a
    line of normal text."""
    out = []
    for t in infos:
        if sum(ch.isalnum() for ch in t.text) < 2:
            continue  # punctuation alone has no x-height to measure a font size by
        if img is not None and _cut_off(img, t) and _cut_off(img, own_rows(img, t)):
            # only an edge right at the line's own rows cuts its glyphs: one parted from them by
            # blank rows is the border of the button or field the label sits in, which the box took in
            continue
        if img is not None:
            # a descender or underline of the line above in its box sizes nothing; a cut thinner than
            # the line's dense band is no line of its own (hollow boxes drawn for missing glyphs
            # leave only their top and bottom strokes once their sides count as a surface's edge)
            own = own_rows(img, t)
            t = own if own.ink_box[3] >= min(t.ink_box[3], t.x_height) else t
        if t.conf < TRUSTED:
            # a reading in doubt (a script the recogniser does not know reads as a few stops and
            # digits) says nothing of the letters, but its ink still shows words to compare
            if img is not None and t.conf >= DOUBTFUL:
                out += _small_words(img, t, read=False)
            continue
        px = _size(t, img)
        # a whole-pixel x-height is in doubt by a pixel; the words' full ink height can clear it
        if px < MIN_FONT_PX - 0.5 and (img is None or (extent_px(img, t) or 0.0) < MIN_FONT_PX - 0.5):
            out.append(_issue_text(t.box, t.text, px))
            continue
        if img is None:
            continue
        # the dense band can be a cap height read as an x-height (digits, capitals, a short line
        # of ascenders), making small text look large: the line's whole ink height is the witness
        line = line_extent_px(_without_underline(img, t))
        words = extent_px(img, t)
        if line is not None and line < MIN_FONT_PX - 1.0 and (words or 0.0) < MIN_FONT_PX - 0.5:
            out.append(_issue_text(t.box, t.text, line))
        elif line is not None and line < MIN_FONT_PX - 0.5 and words is not None and words < MIN_FONT_PX - 1.0:
            # the words' own ink over the em their known letters span, the sharper witness, says
            # clearly under 12 px, and the whole line's ink does not say 12 px either (8 rows of
            # capitals and ascenders): a band that a line of tall letters fills to their top is no
            # x-height, and says nothing against them
            out.append(_issue_text(t.box, t.text, words))
        else:
            out += _small_words(img, t)
    return out
