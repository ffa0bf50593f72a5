"""One painted colour out of a shape whose pixels mix several: a control's frame or fill drawn
over glyphs of another colour joins their ink in any colour-distance mask, yet every pixel of the
control is its paint blended with the ground under it (anti-aliasing mixes only those two)."""
from __future__ import annotations

import cv2
import numpy as np

from .pixels import mode_color


def paint_colour(pixels: np.ndarray, ground) -> tuple[int, int, int]:
    """The most frequent colour among a shape's strongest pixels (those at least 80% as far from
    the ground as the farthest): the paint itself, not its anti-aliased edge."""
    flat = pixels.reshape(-1, 3).astype(np.int16)
    d = np.abs(flat - np.asarray(ground, np.int16)).max(axis=1)
    strong = flat[d >= 0.8 * d.max()] if len(d) else flat
    return mode_color(strong.astype(np.uint8), step=16)[0]


def blend_of(pixels: np.ndarray, ground, paint, tol: float = 40.0) -> np.ndarray:
    """Where a pixel is the paint mixed with the ground in some proportion, within `tol` (the
    largest channel difference from the nearest such mix)."""
    g = np.asarray(ground, np.float32)
    v = np.asarray(paint, np.float32) - g
    p = pixels.astype(np.float32) - g
    k = np.clip((p @ v) / max(float(v @ v), 1.0), 0.0, 1.0)
    return np.abs(p - k[..., None] * v).max(axis=-1) <= tol


def largest_piece(mask: np.ndarray) -> np.ndarray:
    """The largest 8-connected piece of a boolean mask (all False when it has none)."""
    n, lab, stats, _ = cv2.connectedComponentsWithStats(mask.astype(np.uint8), connectivity=8)
    if n < 2:
        return np.zeros_like(mask, bool)
    return lab == 1 + int(np.argmax(stats[1:, cv2.CC_STAT_AREA]))
