"""Colour helpers: dominant background, text colour, distances, CSS strings."""
from __future__ import annotations

import cv2
import numpy as np

RGB = tuple[int, int, int]


def quantize(pixels: np.ndarray, step: int = 8) -> np.ndarray:
    """Pack RGB pixels into one int per colour after dropping low bits (cheap histogramming)."""
    q = (pixels.reshape(-1, 3).astype(np.int32) // step)
    return (q[:, 0] << 16) | (q[:, 1] << 8) | q[:, 2]


def dominant_color(pixels: np.ndarray, step: int = 8, sample: int = 200_000) -> tuple[RGB, float]:
    """Most frequent colour of an RGB array (mean of its quantisation bin) and its share."""
    flat = pixels.reshape(-1, 3)
    if len(flat) == 0:
        return (255, 255, 255), 0.0
    if len(flat) > sample:
        idx = np.linspace(0, len(flat) - 1, sample).astype(np.int64)
        flat = flat[idx]
    keys = quantize(flat, step)
    vals, counts = np.unique(keys, return_counts=True)
    k = vals[np.argmax(counts)]
    sel = flat[keys == k]
    color = tuple(int(round(c)) for c in sel.mean(axis=0))
    return color, float(counts.max() / len(flat))


def color_distance(img: np.ndarray, color: RGB) -> np.ndarray:
    """Per-pixel max channel difference (uint8) from a colour: fast, good enough to separate ink.
    OpenCV's saturating absdiff avoids the int16 copy and numpy's slow reduce over 3 channels."""
    if img.dtype != np.uint8 or img.ndim != 3 or img.shape[2] != 3:
        return np.abs(img.astype(np.int16) - np.asarray(color, dtype=np.int16)).max(axis=-1)
    if img.size == 0:
        return np.zeros(img.shape[:2], np.uint8)
    r, g, b = (float(c) for c in color)
    d = cv2.absdiff(img, (r, g, b, 0.0))
    return np.maximum(np.maximum(d[..., 0], d[..., 1]), d[..., 2])


def luminance(color: RGB) -> float:
    """WCAG relative luminance."""
    c = np.asarray(color, dtype=np.float64) / 255.0
    c = np.where(c <= 0.04045, c / 12.92, ((c + 0.055) / 1.055) ** 2.4)
    return float(0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2])


def contrast_ratio(a: RGB, b: RGB) -> float:
    la, lb = luminance(a), luminance(b)
    hi, lo = max(la, lb), min(la, lb)
    return (hi + 0.05) / (lo + 0.05)


def text_color(crop: np.ndarray, bg: RGB) -> RGB:
    """The ink colour of a text crop: the median of the pixels farthest from the background.

    Anti-aliased edges blend ink and background, so only the most distant pixels are taken.
    """
    flat = crop.reshape(-1, 3)
    if len(flat) == 0:
        return (0, 0, 0)
    d = np.abs(flat.astype(np.int16) - np.asarray(bg, dtype=np.int16)).sum(axis=1)
    cut = np.percentile(d, 92)
    sel = flat[d >= max(cut, 1)]
    if len(sel) == 0:
        sel = flat
    return tuple(int(v) for v in np.median(sel, axis=0))


def css_color(c: RGB) -> str:
    return "#%02x%02x%02x" % tuple(int(max(0, min(255, v))) for v in c)


def is_dark(c: RGB) -> bool:
    return luminance(c) < 0.25
