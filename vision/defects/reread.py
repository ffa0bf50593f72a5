"""A second look at ink the OCR pass left unread.

The text detector sometimes drops a whole area when glyphs of two lines are drawn over each other
(its score map turns into one blob it then rejects), which hides exactly the collisions
text-overlap looks for. Clusters of glyph-like ink outside every line read are read again as
crops, where the detector sees them without the rest of the page.
"""
from __future__ import annotations

import cv2
import numpy as np

from vision.ocr import TextLine, read_lines

from .issue import overlap_min
from .pixels import uncovered

MAX_REGIONS = 4  # crops read per screenshot


def _regions(ink: np.ndarray, lines) -> list[tuple[int, int, int, int]]:
    free = uncovered(ink, [ln.box for ln in lines], pad=3)
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
    return [b for _, b in sorted(found, reverse=True)[:MAX_REGIONS]]


def unread_lines(img: np.ndarray, lines, ink: np.ndarray, min_score: float) -> list[TextLine]:
    """Lines read in crops around glyph-like ink that no line of `lines` covers."""
    H, W = img.shape[:2]
    out: list[TextLine] = []
    for x, y, w, h in _regions(ink, lines):
        pad = 10
        x0, y0, x1, y1 = max(0, x - pad), max(0, y - pad), min(W, x + w + pad), min(H, y + h + pad)
        for ln in read_lines(img[y0:y1, x0:x1], min_score=min_score):
            bx, by, bw, bh = ln.box
            box = (int(bx + x0), int(by + y0), int(bw), int(bh))
            if any(overlap_min(box, old.box) > 0.5 for old in list(lines) + out):
                continue
            if sum(ch.isalnum() for ch in ln.text) < 2:
                continue  # one sign read out of an icon or a logo is no evidence of text
            out.append(TextLine(ln.text, box, ln.conf))
    return out
