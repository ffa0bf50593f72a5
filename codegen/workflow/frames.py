"""Key frames: one full-resolution frame per step, taken in a single forward decoding pass.

Seeking lands on the previous keyframe anyway, so the frames are gathered in time order while the
video is decoded once from the earliest key-frame time; only the frame before the current one is
held, so memory does not grow with the video's length.
"""
from __future__ import annotations

from pathlib import Path
from typing import Iterator

import cv2
import numpy as np

from vision.video.decode import iter_frames

BOX_RGB = (230, 32, 64)
THUMB_WIDTH = 480


def iter_key_frames(video: str | Path, times: dict, *, max_side: int | None = None) -> Iterator[tuple[object, float, np.ndarray]]:
    """Yield (key, frame_seconds, RGB frame) for each requested time: the last frame shown at or
    before that time (the first frame when the time comes before it, the last when after the end).
    Keys are any sortable labels; `max_side` shrinks frames in the decoder (for model prompts)."""
    if not times:
        return
    order = sorted(times.items(), key=lambda kv: (kv[1], kv[0]))
    start = max(0.0, order[0][1] - 1.0)
    end = order[-1][1] + 0.25
    pos = 0
    prev: tuple[float, np.ndarray] | None = None
    for t, frame in iter_frames(video, start=start, end=end, max_side=max_side):
        while pos < len(order) and t > order[pos][1] + 1e-3:
            pt, pf = prev if prev is not None else (t, frame)
            yield order[pos][0], pt, pf
            pos += 1
        if pos >= len(order):
            return
        prev = (t, frame)
    while pos < len(order) and prev is not None:
        yield order[pos][0], prev[0], prev[1]
        pos += 1


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
        ty = y0 - pad - 4 if y0 - pad - th - base - 6 >= 0 else min(h - 1, y1 + pad + th + 4)
        tx = max(0, min(w - tw - 6, x0 - pad))
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
