"""A second look at ink the OCR pass left unread.

The text detector sometimes drops a whole area when glyphs of two lines are drawn over each other
(its score map turns into one blob it then rejects), which hides exactly the collisions
text-overlap looks for. Clusters of glyph-like ink outside every line read (a doubtful reading of a
sign or two over a wide box reads none of it) are cut into bands at
blank rows and each band is read by the recogniser alone. The detector is not run again: a thin
crop is enlarged until its short side is 736 px (about 25 times for one line), which costs more
than the whole page's OCR, and where two lines collide the band holds both, which is the evidence
text-overlap weighs (`text_overlap._two_baselines`).
"""
from __future__ import annotations

from difflib import SequenceMatcher

import cv2
import numpy as np

from vision.ocr import TextLine, read_boxes

from .issue import overlap_min
from .pixels import RELIABLE, uncovered

MAX_REGIONS = 4  # clusters read per screenshot
MIN_BAND = 5     # rows: a thinner band is a rule or a speck, not a line of glyphs


def _accounts(ln) -> bool:
    """Whether a line read accounts for the ink in its box: it is trusted, or what it reads spans
    its box but for less than two box heights (letters advance about 0.5 em and a line's box is
    about 1.4 em tall, so a letter spans about 0.36 box heights). A doubtful reading of one or two
    signs over a wide box (an 'o' for a whole run of colliding glyphs) leaves words' worth of
    ink unread; one sign read in a small square box (a glyph of a QR code) does not."""
    x, y, w, h = ln.box
    return ln.conf >= RELIABLE or w - len(ln.text.strip()) * 0.36 * h < 2 * h


def _read_in(band: tuple[int, int, int, int], box: tuple[int, int, int, int], old) -> bool:
    """Whether a line read before lies in the crop read: over half of one box in the other, and
    its middle within the band's rows. The crop's margin reaches into the lines set close above
    and below, whose middles lie outside the band."""
    middle = old[1] + old[3] / 2
    return overlap_min(box, old) > 0.5 and band[1] <= middle <= band[1] + band[3]


def _read_before(text: str, box: tuple[int, int, int, int], kept) -> bool:
    """The crop read part of a line read before that it overlaps ("μTorre" or "HTorre" of "μTorrent Web"): a
    large line's ascenders and descenders reach past its box, and their slivers joined with a
    picture beside it make a cluster whose crop takes in the line's first letters again. Two
    lines' glyphs drawn over each other do not read as one of them."""
    key = text.lower().replace(" ", "")
    return sum(ch.isalnum() for ch in key) >= 3 and any(
        overlap_min(box, old.box) > 0 and _within(key, old.text.lower().replace(" ", "")) for old in kept)


def _within(part: str, whole: str) -> bool:
    """`part` found in `whole` but for about one letter in five (a μ read as H): some stretch of
    `whole` as long as `part` matches it that closely."""
    n = len(part)
    return any(SequenceMatcher(None, part, whole[i:i + n], autojunk=False).ratio() >= 0.8
               for i in range(max(1, len(whole) - n + 1)))


def _regions(ink: np.ndarray, kept) -> tuple[np.ndarray, list[tuple[int, int, int, int]]]:
    """The ink no line of `kept` (those that account for their ink) covers, and the boxes of its
    glyph-like clusters (largest first)."""
    free = uncovered(ink, [ln.box for ln in kept], pad=3)
    grouped = cv2.dilate(free, np.ones((3, 9), np.uint8))
    n, lab, stats, _ = cv2.connectedComponentsWithStats(grouped, connectivity=8)
    found = []
    for i in range(1, n):
        x, y, w, h, _ = (int(v) for v in stats[i])
        if not (12 <= h <= 120 and w >= 40 and w >= 1.5 * h):
            continue
        part = free[y:y + h, x:x + w] & (lab[y:y + h, x:x + w] == i)
        fill = float(part.mean())
        if not 0.08 <= fill <= 0.6:
            continue  # a solid bar or a thin frame, not lines of glyphs
        pieces = cv2.connectedComponents(part.astype(np.uint8), connectivity=8)[0] - 1
        if pieces < 4:
            continue  # letters come apart into many small pieces; an icon or a rule does not
        found.append((w * h, (x, y, w, h)))
    return free, [b for _, b in sorted(found, reverse=True)[:MAX_REGIONS]]


def bands(free: np.ndarray, box: tuple[int, int, int, int]) -> list[tuple[int, int, int, int]]:
    """The cluster's ink cut at rows with no ink: one (x, y, w, h) box per band, tight to its ink.

    Lines set apart leave blank rows between them; lines drawn over each other do not, so they
    stay in one band."""
    x, y, w, h = box
    m = free[y:y + h, x:x + w] > 0
    edges = np.flatnonzero(np.diff(np.concatenate([[0], m.any(axis=1).astype(np.int8), [0]])))
    out = []
    for a, b in zip(edges[::2], edges[1::2]):
        if b - a < MIN_BAND:
            continue
        cols = np.flatnonzero(m[a:b].any(axis=0))
        out.append((x + int(cols[0]), y + int(a), int(cols[-1] - cols[0] + 1), int(b - a)))
    return out


def unread_lines(img: np.ndarray, lines, ink: np.ndarray, min_score: float) -> list[TextLine]:
    """Lines read in bands of glyph-like ink that no line of `lines` covers."""
    H, W = img.shape[:2]
    kept = [ln for ln in lines if _accounts(ln)]
    free, regions = _regions(ink, kept)
    found = [band for region in regions for band in bands(free, region)]
    boxes = []
    for bx, by, bw, bh in found:
        p = max(2, round(0.25 * bh))  # the margin the recogniser is trained with
        x0, y0, x1, y1 = max(0, bx - p), max(0, by - p), min(W, bx + bw + p), min(H, by + bh + p)
        boxes.append((x0, y0, x1 - x0, y1 - y0))
    out: list[TextLine] = []
    for band, box, (text, score) in zip(found, boxes, read_boxes(img, boxes)):
        text = (text or "").strip()
        if not text or score < min_score:
            continue
        if any(_read_in(band, box, old.box) for old in kept + out):
            continue
        if score < RELIABLE and any(_read_in(band, box, old.box) for old in lines):
            continue  # ink read in doubt once already: a second reading as doubtful adds nothing
        if sum(ch.isalnum() for ch in text) < 2:
            continue  # one sign read out of an icon or a logo is no evidence of text
        if _read_before(text, box, kept):
            continue
        out.append(TextLine(text, box, float(score)))
    return out
