"""Key frames: one full-resolution frame per step, with the target boxed, and thumbnails."""
from __future__ import annotations

import cv2
import numpy as np


BOX_RGB = (230, 32, 64)
THUMB_WIDTH = 480


def draw_target(frame: np.ndarray, bbox: list[int] | None, label: str | None = None) -> np.ndarray:
    """A copy of the frame with the step's target boxed (and numbered), so a reader sees what was hit."""
    out = np.ascontiguousarray(frame.copy())
    if bbox is None:
        return out
    h, w = out.shape[:2]
    x, y, bw, bh = (int(v) for v in bbox)
    x0, y0 = max(0, min(w - 1, x)), max(0, min(h - 1, y))
    x1, y1 = max(0, min(w - 1, x + max(1, bw))), max(0, min(h - 1, y + max(1, bh)))
    thick = max(2, int(round(max(w, h) / 500)))
    pad = thick + 2
    cv2.rectangle(out, (max(0, x0 - pad), max(0, y0 - pad)), (min(w - 1, x1 + pad), min(h - 1, y1 + pad)),
                  BOX_RGB, thick, cv2.LINE_AA)
    if label:
        scale = max(0.5, max(w, h) / 2400)
        (tw, th), base = cv2.getTextSize(label, cv2.FONT_HERSHEY_SIMPLEX, scale, max(1, thick // 2))
        # the tag goes left of the box (a field's label usually sits above it), else above, else below
        if x0 - pad - tw - 10 >= 0:
            tx, ty = x0 - pad - tw - 10, min(h - 1 - base, max(th + 4, y0 - pad + th + 4))
        else:
            tx = max(0, min(w - tw - 6, x0 - pad))
            ty = y0 - pad - 4 if y0 - pad - th - base - 6 >= 0 else min(h - 1 - base, y1 + pad + th + 4)
        cv2.rectangle(out, (tx, ty - th - 4), (tx + tw + 6, ty + base), BOX_RGB, -1)
        cv2.putText(out, label, (tx + 3, ty - 2), cv2.FONT_HERSHEY_SIMPLEX, scale, (255, 255, 255),
                    max(1, thick // 2), cv2.LINE_AA)
    return out


def thumbnail(frame: np.ndarray, width: int = THUMB_WIDTH) -> np.ndarray:
    """A smaller copy for the Markdown guide (area averaging keeps text and box edges legible)."""
    h, w = frame.shape[:2]
    if w <= width:
        return frame
    nh = max(1, int(round(h * width / w)))
    return cv2.resize(frame, (width, nh), interpolation=cv2.INTER_AREA)
