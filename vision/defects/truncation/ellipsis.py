"""text-truncation, reading an ellipsis: one read at the end of a line, three dots on the baseline the
recogniser missed, one inside a line that ran on past a truncated element (before the sentence's
stop, or between spaces in the element's own paint), and the ellipsis that closes a quotation
(copy's own)."""
from __future__ import annotations

import re

import cv2
import numpy as np

from ..pixels import TextInfo, distance
from .ink import line_ink, painted_apart

ELLIPSES = ("…", "...", "．．．", "。。。", "..")
# an ellipsis inside a line: the OCR line ran on past a truncated element into the text after it
# (a sentence's own stop or comma may follow the truncated element: "at Shaun…. Building"). An
# element cut at a word space shows its ellipsis after the space: only with the sentence's stop
# right after it ("Twitter …. At the"), as a spaced ellipsis in prose ("wait ... what") has none
# An "&" joins two words: nothing written ends on one, so an ellipsis right after it is a cut
# element's too ("Media &… , Publishing"; a "+" may end a name, "C++…"). So does a "/" with the
# sentence's stop after the ellipsis ("HTTP/… , HTTP/2"; a path's "src/…" in prose has none). The
# stop may be read a space off the ellipsis: a clipped inline box keeps the width it was given,
# wider than what it shows, and prose never sets a space before its comma
MID_ELLIPSIS = re.compile(r"(?:[^\W_]|&)(?:(\.{2,3}|…)[.,;:]?|\s(\.{3}|…)\s?[.,;:])\s+\S"
                          r"|/(\.{3}|…)\s?[.,;:]\s+\S")
# shortest line (in x-heights) whose unread ellipsis is looked for: one short word ("Word …"), its
# baseline given by the whole line's band
# an ellipsis set between spaces inside a line: prose writes one so ("wait ... what"), and so does
# a browser after an element clipped at a word space
SPACED_MID = re.compile(r"[^\W_]\s(\.{3}|…)\s+[^\W_]")
MIN_DOTS_LINE = 2.5
MIN_DOTTED_TEXT = 3  # characters read before an unread ellipsis: one short word ("One …")


def dots_end(img: np.ndarray, t: TextInfo) -> int | None:
    """The line's ink ends in three small dots on the baseline, evenly spaced: an ellipsis the
    recogniser did not read (it often drops it, reads it as one full stop, or leaves it out of the
    line's box when a space precedes it). Returns the x just past the dots, or None."""
    x, y, w, h = t.ink_box
    W = img.shape[1]
    if t.x_height < 5 or w < MIN_DOTS_LINE * t.x_height:
        return None
    x0, x1 = max(x, x + w - 4 * t.x_height), min(W, x + w + 3 * t.x_height)
    crop = img[y:y + h, x0:x1]
    top = float(distance(np.array([[t.fg]]), t.bg)[0, 0])
    ink = (distance(crop, t.bg) >= max(24.0, 0.4 * top)).astype(np.uint8)
    n, _, stats, _ = cv2.connectedComponentsWithStats(ink, connectivity=8)
    comps = sorted((tuple(int(v) for v in stats[i]) for i in range(1, n)), key=lambda c: c[0])
    if len(comps) < 4:
        return None
    dots, rest = comps[-3:], comps[:-3]
    size = max(2, 0.45 * t.x_height)
    if any(c[2] > size or c[3] > size or c[2] * 2.5 < c[3] or c[3] * 2.5 < c[2] for c in dots):
        return None
    if dots[0][0] > w + 2 * t.x_height + (x - x0):
        return None  # a gap wider than a space: dots of something else
    bottoms = [c[1] + c[3] for c in dots]
    base = max(c[1] + c[3] for c in rest)  # the glyphs' lowest ink: baseline or descenders
    body = [c for c in rest if c[3] >= 0.8 * t.x_height]
    if not body or max(bottoms) - min(bottoms) > 1:
        return None
    band = _band_bottom(img, t)
    baselines = {int(np.median([c[1] + c[3] for c in body]))} | ({band} if band is not None else set())
    if all(abs(bottoms[0] - b) > 2 for b in baselines) or base < min(baselines) - 1:
        return None
    gaps = [dots[1][0] - dots[0][0], dots[2][0] - dots[1][0]]
    if abs(gaps[0] - gaps[1]) > 1 or min(gaps) < max(dots[0][2], 2) + 1 or max(gaps) > 0.9 * t.x_height + 2:
        return None
    end = x0 + dots[2][0] + dots[2][2]
    # an ellipsis ends the text: glyphs going on past the dots make them something else's (the
    # corners of a pill or the points in a name beside a short word)
    after = distance(img[y:y + h, end:min(W, end + t.x_height)], t.bg)
    return end if not after.size or float(after.max()) < max(24.0, 0.4 * top) else None


def _band_bottom(img: np.ndarray, t: TextInfo) -> int | None:
    """The baseline as the last row of the whole line's x-height band (the rows most glyphs
    cross), in the line's ink box; None when the line's ink cannot be measured. The few glyphs
    just before an ellipsis may not show it: a question mark's hook ends above it ("Solutions? W…")."""
    m = line_ink(img, t, 0)
    return None if m is None else m[2] + 1


def quoted_ellipsis(img: np.ndarray, t: TextInfo) -> bool:
    """The ellipsis read last closes a quotation the line opened ("change its HTML to 'Next
    Step...'"): a quote mark opens a word before it, and the ink goes on past the dots in one narrow
    mark hanging from the line's top, the closing quote the recogniser dropped. A truncated
    element's ellipsis is the last glyph it draws, so it quotes copy that has its own ellipsis."""
    text = t.text.rstrip()
    if not re.search(r"(?:^|\s)['\"‘“]\w", text):
        return False
    m = line_ink(img, t, 0)
    if m is None:
        return False
    d, b0, b1 = m
    cols = np.nonzero((d >= 0.4).any(axis=0))[0]
    gaps = np.nonzero(np.diff(cols) > 1)[0]
    if not len(gaps):
        return False
    start = int(cols[gaps[-1] + 1])  # the last glyph, apart from the dots by a column of ground
    rows = np.nonzero((d[:, start:] >= 0.4).any(axis=1))[0]
    return d.shape[1] - start <= 0.6 * t.x_height and int(rows[-1]) <= (b0 + b1) / 2


def painted_ellipsis(img: np.ndarray, t: TextInfo) -> int | None:
    """Where an ellipsis set between spaces inside the line ("The French ... has over") is painted
    as the word before it and apart from the word after it (see `painted_apart`): the ellipsis a
    browser draws at the end of a clipped element set apart from its sentence (a bold name, a link),
    in the element's own paint, the sentence going on in its own. Prose's own ellipsis takes the
    paint of the sentence around it. Returns the index just past the dots, or None."""
    text = t.text.rstrip()
    for m in SPACED_MID.finditer(text):
        k = len(text[:m.start(1)].split())  # the dots' word
        if m.start() >= 3 and painted_apart(img, t, k) and not painted_apart(img, t, k - 1):
            return m.end(1)
    return None
