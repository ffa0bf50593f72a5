"""small-text the page's OCR did not find: rows of tiny ink read again enlarged."""
from __future__ import annotations

import cv2
import numpy as np

from ..glyph_extent import CAP, text_em
from .ink_masks import ink_mask
from ..issue import Issue
from ..pixels import mode_color, uncovered
from .issue import MIN_FONT_PX, _issue_text
from .text import _cut_by_edge

UNREAD_MAX = 6    # candidates read per screenshot (one recognition batch)
UNREAD_ZOOM = 3.0


def detect_unread_text(img: np.ndarray, text_boxes, mask: np.ndarray | None = None) -> list[Issue]:
    """Text too small for the OCR detector (7-8 px fonts): rows of tiny ink marks outside every
    line read, confirmed by the recogniser reading words in the enlarged crop.

    The recogniser is the witness: icons, rules and picture texture do not read as words.
    """
    from vision.ocr import read_boxes

    H, W = img.shape[:2]
    whole = ink_mask(img) if mask is None else mask
    ink = uncovered(whole, text_boxes, pad=2)
    joined = cv2.dilate(ink, np.ones((1, 5), np.uint8))
    n, _, stats, _ = cv2.connectedComponentsWithStats(joined, connectivity=8)
    cands = []
    for i in range(1, n):
        x, y, w, h, _ = (int(v) for v in stats[i])
        if not (4 <= h <= 9 and w >= 24 and w >= 4 * h) or x < 2 or y < 2 or x + w > W - 2 or y + h > H - 2:
            continue
        fill = ink[y:y + h, x:x + w].mean()
        if not 0.15 <= fill <= 0.7:
            continue  # a rule or a bar is solid, a hairline frame is empty
        if whole[y - 1, x:x + w].any() or whole[y + h, x:x + w].any():
            continue  # the rest of a read line's glyphs, cut off by its box: not a line of its own
        if _cut_by_edge(img, (x, y, w, h), mode_color(img[y:y + h, x:x + w])[0]):
            continue  # the tops of a line a surface's edge cuts: their height is no font size
        cands.append((w, (x - 2, y - 2, w + 4, h + 4)))
    cands = [b for _, b in sorted(cands, reverse=True)[:UNREAD_MAX]]
    out = []
    for box, (text, score) in zip(cands, read_boxes(img, cands, zoom=UNREAD_ZOOM)):
        text = (text or "").strip()
        if score < 0.7 or sum(ch.isalnum() for ch in text) < 3:
            continue
        # the ink's height over the em the letters read span (a cap height at least: errs towards larger)
        px = (box[3] - 4) / (text_em(text) or CAP)
        if px < MIN_FONT_PX - 0.5:
            out.append(_issue_text(box, text, px))
    return out
