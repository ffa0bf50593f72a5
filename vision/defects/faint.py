"""Lines of text too faint for the page's OCR, read again with their contrast stretched.

The text detector finds lines by their contrast: at about 1.5:1 (a #d7d7d7 line on white, 40
levels off its ground) it sees nothing, so the lines that fail WCAG worst are the ones never read
and never measured. Their ink still shows in the pixels: strokes a few levels off a flat ground,
in rows of many small pieces, where no line was read. Each such cluster is stretched (its ground
to white, its strongest ink to black, the contrast a recogniser is trained on) and read by the
recogniser alone; the reading is the witness that the marks are letters (a picture's texture,
a shadow or a faint rule do not read as words). The line is then measured on the screenshot as
it is, like any other.
"""
from __future__ import annotations

import cv2
import numpy as np

from vision.ocr import TextLine, read_boxes

from .small.ink_masks import ground_map
from .pixels import distance, mode_color, ring, uncovered

MAX_CANDIDATES = 4  # clusters read per screenshot (one recognition batch)
FAINT = 8           # levels off the ground: anti-aliasing noise stays under it, faint strokes do not
STRONG = 64         # a cluster with ink this far off its ground the page's OCR sees: not faint


def _faint_mask(img: np.ndarray, text_boxes) -> np.ndarray:
    """Pixels more than FAINT levels off their tile's ground, outside every line read."""
    d = cv2.absdiff(np.ascontiguousarray(img), ground_map(img))
    off = cv2.max(cv2.max(d[..., 0], d[..., 1]), d[..., 2]) > FAINT
    return uncovered(off.astype(np.uint8), text_boxes, pad=3)


def _candidates(img: np.ndarray, mask: np.ndarray) -> list[tuple[tuple[int, int, int, int], tuple, float]]:
    """Clusters shaped like a line of glyphs on a flat ground, all of them faint: (box, ground,
    strongest distance). A line of letters is wider than tall, comes apart into many small pieces
    and covers a part of its box; its ground, the colour round the cluster, is one flat colour
    (a photo's or a gradient's is not), and its ink nowhere reaches STRONG."""
    H, W = img.shape[:2]
    joined = cv2.dilate(mask, np.ones((3, 7), np.uint8))
    n, lab, stats, _ = cv2.connectedComponentsWithStats(joined, connectivity=8)
    xs, ys, ws, hs = stats[:, 0], stats[:, 1], stats[:, 2], stats[:, 3]
    shaped = (hs >= 8) & (hs <= 48) & (ws >= 3 * hs) & (ws <= 0.6 * W) & (xs >= 3) & (ys >= 3) \
        & (xs + ws <= W - 3) & (ys + hs <= H - 3)
    out = []
    for i in np.flatnonzero(shaped[1:]) + 1:
        x, y, w, h, _ = (int(v) for v in stats[i])
        part = mask[y:y + h, x:x + w] & (lab[y:y + h, x:x + w] == i)
        if not 0.08 <= part.mean() <= 0.6:
            continue
        if cv2.connectedComponents(part, connectivity=8)[0] - 1 < 4:
            continue  # letters come apart into many pieces; a rule, a frame or a shadow does not
        ground, share = mode_color(ring(img, (x, y, w, h), pad=0, width=3))
        if share < 0.8:
            continue  # no flat ground: a picture's texture or a gradient
        top = float(distance(img[y:y + h, x:x + w], ground).max())
        if FAINT < top < STRONG:
            out.append(((x, y, w, h), ground, top))
    out.sort(key=lambda c: -c[0][2] * c[0][3])
    return out[:MAX_CANDIDATES]


def faint_lines(img: np.ndarray, text_boxes) -> list[TextLine]:
    """Lines read in faint clusters no line of `text_boxes` covers, with the recogniser's score."""
    H, W = img.shape[:2]
    cands = _candidates(img, _faint_mask(img, text_boxes))
    if not cands:
        return []
    stretched = img.copy()
    boxes = []
    for (x, y, w, h), ground, top in cands:
        p = max(2, round(0.25 * h))  # the margin the recogniser is trained with
        x0, y0, x1, y1 = max(0, x - p), max(0, y - p), min(W, x + w + p), min(H, y + h + p)
        d = distance(img[y0:y1, x0:x1], ground).astype(np.float32)
        grey = np.clip(255.0 - d * (255.0 / top), 0, 255).astype(np.uint8)
        stretched[y0:y1, x0:x1] = grey[..., None]
        boxes.append((x0, y0, x1 - x0, y1 - y0))
    out = []
    for box, (text, score) in zip(boxes, read_boxes(stretched, boxes)):
        text = (text or "").strip()
        if text:
            out.append(TextLine(text, box, float(score)))
    return out
