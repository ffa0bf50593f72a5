"""Vertical content shifts between two frames, by phase correlation.

A scroll moves nearly everything by the same amount; a page load or a redraw does not. Phase
correlation gives the dominant shift with sub-pixel precision; the shift counts as a scroll only
when aligning the frames by it explains most of the change.
"""
from __future__ import annotations

import cv2
import numpy as np

_WINDOWS: dict[tuple[int, int], np.ndarray] = {}


def _window(shape: tuple[int, int]) -> np.ndarray:
    w = _WINDOWS.get(shape)
    if w is None:
        w = cv2.createHanningWindow((shape[1], shape[0]), cv2.CV_32F)
        _WINDOWS[shape] = w
    return w


def vertical_shift(prev: np.ndarray, cur: np.ndarray, min_gain: float = 0.5) -> float | None:
    """Content shift in pixels (negative: content moved up, i.e. scrolled down), or None."""
    a, b = prev.astype(np.float32), cur.astype(np.float32)
    (dx, dy), resp = cv2.phaseCorrelate(a, b, _window(a.shape))
    if resp < 0.1 or abs(dx) > 0.75 or abs(dy) < 0.75:
        return None
    k = int(round(dy))
    h = a.shape[0]
    if abs(k) >= h // 2:
        return None
    if k > 0:
        before = np.abs(a[k:] - b[k:]).mean()
        after = np.abs(a[:h - k] - b[k:]).mean()
    else:
        before = np.abs(a[:h + k] - b[:h + k]).mean()
        after = np.abs(a[-k:] - b[:h + k]).mean()
    if before <= 0 or after > before * (1 - min_gain):
        return None
    return float(dy)
