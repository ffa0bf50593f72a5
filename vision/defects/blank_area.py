"""blank-area: a wholly blank screen, or a large empty hole with content all around it."""
from __future__ import annotations

import cv2
import numpy as np

from .issue import Issue
from .pixels import mode_color, ring

CELL = 8


def _cells(img: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Per CELLxCELL cell: empty (almost no variation: nothing drawn) and its mean colour."""
    H, W = img.shape[:2]
    h, w = H // CELL, W // CELL
    a = img[:h * CELL, :w * CELL].astype(np.int16).reshape(h, CELL, w, CELL, 3)
    rng = (a.max(axis=(1, 3)) - a.min(axis=(1, 3))).max(axis=-1)
    return rng <= 6, a.mean(axis=(1, 3))


def detect(img: np.ndarray) -> list[Issue]:
    H, W = img.shape[:2]
    if int(np.ptp(img.reshape(-1, 3), axis=0).max()) <= 8:
        return [Issue("blank-area", [0, 0, W, H], "error", "The screen is blank: nothing is drawn",
                      "visual", "Check that the page's content loads (scripts, data requests, CSS that hides "
                                "the body) and that nothing covers it", score=2.0)]
    empty, means = _cells(img)
    h, w = empty.shape
    if h < 6 or w < 6:
        return []
    k = max(3, int(round(40 / CELL)))
    # outside the screen counts as content, so margins narrower than the kernel erode away
    core = cv2.erode(empty.astype(np.uint8), np.ones((k, k), np.uint8), borderType=cv2.BORDER_CONSTANT, borderValue=0)
    n, lab, stats, _ = cv2.connectedComponentsWithStats(core, connectivity=4)
    out = []
    min_cells = 0.04 * W * H / (CELL * CELL)
    for i in range(1, n):
        x, y, cw, ch, _ = (int(v) for v in stats[i])
        if (cw + k) * (ch + k) < min_cells:
            continue
        # grow back by the erosion, inside the empty cells (on the component's neighbourhood only)
        ya, yb, xa, xb = max(0, y - k), min(h, y + ch + k), max(0, x - k), min(w, x + cw + k)
        comp = cv2.dilate((lab[ya:yb, xa:xb] == i).astype(np.uint8), np.ones((k, k), np.uint8)) & empty[ya:yb, xa:xb]
        ys, xs = np.nonzero(comp)
        x0, x1, y0, y1 = xs.min() + xa, xs.max() + 1 + xa, ys.min() + ya, ys.max() + 1 + ya
        bw, bh = x1 - x0, y1 - y0
        if bw * bh < min_cells or bw * CELL < 96 or bh * CELL < 64:
            continue
        if (~empty[y:y + ch, x:x + cw]).mean() > 0.02:
            continue  # empty space around content (a panel's margins), not one hole
        e = k // 2
        if (x <= e) + (y <= e) + (x + cw >= w - e) + (y + ch >= h - e) >= 2:
            continue  # its wide core runs between screen edges: a margin, a band, not a hole
        r = k // 2  # the box is the core grown back by the erosion radius (not into thin margins)
        x0, x1, y0, y1 = max(x0, x - r), min(x1, x + cw + r), max(y0, y - r), min(y1, y + ch + r)
        bw, bh = x1 - x0, y1 - y0
        if comp[y0 - ya:y1 - ya, x0 - xa:x1 - xa].mean() < 0.7:
            continue
        cm = means[y0:y1, x0:x1][comp[y0 - ya:y1 - ya, x0 - xa:x1 - xa].astype(bool)]
        if np.ptp(cm, axis=0).max() > 6:
            continue  # a smooth gradient (a picture, a shaded panel), not bare background
        around, _ = mode_color(ring(img, [x0 * CELL, y0 * CELL, bw * CELL, bh * CELL], pad=4, width=12))
        if np.abs(cm.mean(axis=0) - np.asarray(around)).max() > 12:
            continue  # a solid block of its own colour (a bar, a field), not the background showing through
        full = ~empty
        # content on all four sides: a gap where something should be
        left = full[y0:y1, max(0, x0 - 30):x0].any(axis=1).mean()
        right = full[y0:y1, x1:x1 + 30].any(axis=1).mean()
        up = full[max(0, y0 - 30):y0, x0:x1].any(axis=0).mean()
        down = full[y1:y1 + 30, x0:x1].any(axis=0).mean()
        if sorted([left, right, up, down])[1] < 0.5:
            continue  # content on at least three sides
        box = [int(x0 * CELL), int(y0 * CELL), int(bw * CELL), int(bh * CELL)]
        out.append(Issue("blank-area", box, "warning",
                         f"Large empty area ({box[2]}x{box[3]} px) surrounded by content",
                         "visual", "Check for an element hidden with visibility:hidden/opacity:0, a failed "
                                   "content load, or a fixed height reserving space", score=bw * bh / (w * h)))
    return out
