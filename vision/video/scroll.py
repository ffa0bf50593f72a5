"""Vertical content shifts between two frames.

A scroll moves nearly everything by the same amount; a page load or a redraw does not. Pages are
full of repeating rows (lines of text, list items) that fool a single correlation peak, so every
vertical offset is tried on a 4x-reduced copy, the best one is refined at proxy resolution with
a sub-pixel parabola fit, and it counts as a scroll only when aligning the frames by it explains
most of the change.
"""
from __future__ import annotations

import cv2
import numpy as np


def _mad(a: np.ndarray, b: np.ndarray) -> float:
    """Mean absolute difference of two same-sized images (one pass, no temporaries)."""
    return cv2.norm(a, b, cv2.NORM_L1) / max(1, a.size)


def _err(a: np.ndarray, b: np.ndarray, s: int) -> float:
    """Mean absolute difference when b shows a's content moved up by s rows."""
    h = a.shape[0]
    if s >= 0:
        return _mad(a[s:], b[:h - s])
    return _mad(a[:h + s], b[-s:])


def vertical_shift(prev: np.ndarray, cur: np.ndarray, prior: float = 0.0, min_gain: float = 0.5,
                   max_frac: float = 0.6) -> float | None:
    """Content shift in pixels of these images (negative: content moved up, i.e. scrolled down), or None.

    `prior` is the shift expected (the previous frame's: scrolling is smooth); among offsets that
    align about equally well, the one nearest to it wins.
    """
    # exact sums on 8-bit images (cv2 accumulates in double); the 4x-reduced copies are float
    a, b = (prev, cur) if prev.dtype == np.uint8 and cur.dtype == np.uint8 else \
        (prev.astype(np.float32), cur.astype(np.float32))
    h, w = a.shape
    if h < 16:
        return None
    if float(cv2.meanStdDev(a)[1][0, 0]) < 8.0 or float(cv2.meanStdDev(b)[1][0, 0]) < 8.0:
        return None  # a blank frame (a page loading) shows no content that could have moved
    a4 = cv2.resize(a.astype(np.float32), (max(1, w // 4), max(1, h // 4)), interpolation=cv2.INTER_AREA)
    b4 = cv2.resize(b.astype(np.float32), (max(1, w // 4), max(1, h // 4)), interpolation=cv2.INTER_AREA)
    e0 = _mad(a4, b4)
    if e0 <= 0.05:
        return None
    lim = int(a4.shape[0] * max_frac)
    errs = {s: _err(a4, b4, s) for s in range(-lim, lim + 1) if s != 0}
    if min(errs.values()) > e0 * 0.8:  # lenient here: fractional shifts blur on the coarse copy
        return None
    # a few best coarse offsets (local minima), each refined at full proxy resolution
    minima = sorted((e, s) for s, e in errs.items()
                    if e <= errs.get(s - 1, np.inf) and e <= errs.get(s + 1, np.inf))[:8]
    fine: dict[int, float] = {}
    for _, s4 in minima:
        for s in range(4 * s4 - 4, 4 * s4 + 5):
            if s != 0 and abs(s) < h * max_frac + 4 and s not in fine:
                fine[s] = _err(a, b, s)
    if not fine:
        return None
    top = min(fine.values())
    # repeating rows can align almost equally well at several offsets: scrolling is smooth, so
    # among near-equals take the one nearest the previous frame's shift
    near = [s for s, e in fine.items() if e <= top * 1.15 + 0.05 and
            e <= fine.get(s - 1, np.inf) and e <= fine.get(s + 1, np.inf)]
    s = min(near, key=lambda s: (abs(s + prior), fine[s])) if prior else min(fine, key=fine.get)
    if fine[s] > _err(a, b, 0) * (1 - min_gain):
        return None
    # the same rows of the new frame, unshifted, must have been clearly worse: otherwise the
    # "match" is only empty background lining up with empty background (a new page, not a scroll)
    rows = slice(0, h - s) if s > 0 else slice(-s, h)
    if fine[s] > _mad(a[rows], b[rows]) * (1 - min_gain):
        return None
    sub = 0.0
    if s - 1 in fine and s + 1 in fine:
        l, c, r = fine[s - 1], fine[s], fine[s + 1]
        den = l - 2 * c + r
        if den > 1e-6:
            sub = max(-0.5, min(0.5, 0.5 * (l - r) / den))
    return -(s + sub)
