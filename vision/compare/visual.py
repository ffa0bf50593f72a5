"""What is not text: the `visual` and `ssim` scores, and the cell grid the heat-map shares.

Text is painted out first (each text box filled with the median colour of the ring around it),
so that these scores judge bars, cards, buttons, images and backgrounds, not glyphs.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

import cv2
import numpy as np

from .blocks import TextBlock, _ring
from .colorspace import deltaE_ciede2000, rgb2lab

BASE_CELL = 16
BASE_WIDTH = 1280
COUNT_DE = 5.0
FULL_DE = 20.0
# SSIM is computed on greyscale images downscaled (area averaging) to at most this many pixels:
# a 1920x8000 page would otherwise take seconds, and structure at 1/2-1/3 scale is the same.
SSIM_MAX_PIXELS = 2_000_000
PAINT_PAD = 2


def cell_size(width: int) -> int:
    """16-px cells, scaled with the width past 1280 px (24 px at 1920, 48 px at 3840)."""
    return max(BASE_CELL, int(round(BASE_CELL * width / BASE_WIDTH)))


def paint_text_out(img: np.ndarray, blocks: Sequence[TextBlock]) -> np.ndarray:
    """A copy of `img` with every text box (grown by 2 px) filled with its surrounding colour."""
    out = img.copy()
    h, w = img.shape[:2]
    for b in blocks:
        x, y, bw, bh = b.box
        x0, y0 = max(0, int(np.floor(x)) - PAINT_PAD), max(0, int(np.floor(y)) - PAINT_PAD)
        x1, y1 = min(w, int(np.ceil(x + bw)) + PAINT_PAD), min(h, int(np.ceil(y + bh)) + PAINT_PAD)
        if x1 <= x0 or y1 <= y0:
            continue
        ring = _ring(img, x0, y0, x1, y1, 2)
        if not len(ring):
            continue
        out[y0:y1, x0:x1] = np.median(ring, axis=0).astype(img.dtype)
    return out


def fit_to(img: np.ndarray, size: tuple[int, int]) -> np.ndarray:
    """`img` resized to (w, h) (area averaging when shrinking)."""
    w, h = size
    if img.shape[1] == w and img.shape[0] == h:
        return img
    shrink = img.shape[1] * img.shape[0] > w * h
    return cv2.resize(img, (w, h), interpolation=cv2.INTER_AREA if shrink else cv2.INTER_LINEAR)


def cell_means(img: np.ndarray, cell: int) -> np.ndarray:
    """Mean RGB (0..1) of each cell x cell block; partial edge cells are averaged as they are."""
    h, w = img.shape[:2]
    nh, nw = -(-h // cell), -(-w // cell)
    fh, fw = h // cell, w // cell
    out = np.empty((nh, nw, 3), np.float32)
    if fh and fw:  # whole cells: area resampling by an integer factor is exactly the cell mean
        full = np.ascontiguousarray(img[:fh * cell, :fw * cell])
        out[:fh, :fw] = cv2.resize(full, (fw, fh), interpolation=cv2.INTER_AREA)  # rounded to 1/255
    for r in range(nh):
        rows = img[r * cell:(r + 1) * cell]
        cols = range(fw, nw) if r < fh else range(nw)
        for c in cols:
            out[r, c] = rows[:, c * cell:(c + 1) * cell].reshape(-1, 3).mean(axis=0)
    return out / 255.0


def dominant_color(img: np.ndarray) -> np.ndarray:
    """The most common colour (RGB 0..1) of an image, from a subsample quantised to 32 levels."""
    step = max(1, int(np.sqrt(img.shape[0] * img.shape[1] / 250_000)))
    pix = img[::step, ::step].reshape(-1, 3)
    q = (pix >> 3).astype(np.int32)
    key = (q[:, 0] << 10) | (q[:, 1] << 5) | q[:, 2]
    mode = np.bincount(key).argmax()
    return pix[key == mode].mean(axis=0) / 255.0


def cell_delta_e(mockup: np.ndarray, render_fit: np.ndarray, cell: int) -> np.ndarray:
    """Per-cell CIEDE2000 between two same-size images (the heat-map's colours)."""
    return deltaE_ciede2000(rgb2lab(cell_means(mockup, cell)), rgb2lab(cell_means(render_fit, cell)))


@dataclass
class Side:
    """What `visual` and `ssim` need of one image with its text painted out."""

    lab: np.ndarray   # cell mean colours in CIELAB, (rows, cols, 3)
    bg: np.ndarray    # the image's dominant colour in CIELAB, (1, 1, 3)
    gray: np.ndarray  # greyscale, downscaled past SSIM_MAX_PIXELS


def ssim_size(w: int, h: int) -> tuple[int, int]:
    """(w, h) of the greyscale images SSIM is computed on."""
    scale = min(1.0, float(np.sqrt(SSIM_MAX_PIXELS / max(1, h * w))))
    if scale >= 1.0:
        return w, h
    return max(7, int(round(w * scale))), max(7, int(round(h * scale)))


def prepare(clean: np.ndarray, cell: int, gray_size: tuple[int, int]) -> Side:
    """The Side of an image at the mockup's size (cell grid and SSIM size are the mockup's)."""
    gray = cv2.cvtColor(clean, cv2.COLOR_RGB2GRAY)
    if gray.shape[::-1] != tuple(gray_size):
        gray = cv2.resize(gray, gray_size, interpolation=cv2.INTER_AREA)
    return Side(rgb2lab(cell_means(clean, cell)), rgb2lab(dominant_color(clean)[None, None, :]), gray)


def visual_from(m: Side, r: Side) -> float:
    """Mean over counted cells of max(0, 1 - dE/20); 1 when no cell counts."""
    counted = (deltaE_ciede2000(m.lab, m.bg) > COUNT_DE) | (deltaE_ciede2000(r.lab, r.bg) > COUNT_DE)
    if not counted.any():
        return 1.0
    de = deltaE_ciede2000(m.lab[counted], r.lab[counted])
    return float(np.clip(1.0 - de / FULL_DE, 0.0, 1.0).mean())


def ssim_from(m: Side, r: Side) -> float:
    """Greyscale SSIM in [0, 1] (mean absolute difference for images under 7 px a side)."""
    if min(m.gray.shape) < 7:
        return float(1.0 - np.abs(m.gray.astype(np.float32) - r.gray).mean() / 255.0)
    return float(np.clip(ssim_gray(m.gray, r.gray), 0.0, 1.0))


def ssim_gray(x: np.ndarray, y: np.ndarray, win: int = 7) -> float:
    """Mean SSIM of two 8-bit greyscale images, as skimage's structural_similarity computes it
    by default (7x7 uniform window, sample covariance, K1=0.01, K2=0.03, borders cropped),
    with OpenCV box filters: several times faster on full-page screenshots."""
    x = x.astype(np.float32)
    y = y.astype(np.float32)

    def mean(a: np.ndarray) -> np.ndarray:
        return cv2.blur(a, (win, win), borderType=cv2.BORDER_REFLECT)

    ux, uy = mean(x), mean(y)
    cov_norm = win * win / (win * win - 1.0)
    vx = cov_norm * (mean(x * x) - ux * ux)
    vy = cov_norm * (mean(y * y) - uy * uy)
    vxy = cov_norm * (mean(x * y) - ux * uy)
    c1, c2 = (0.01 * 255) ** 2, (0.03 * 255) ** 2
    s = ((2 * ux * uy + c1) * (2 * vxy + c2)) / ((ux * ux + uy * uy + c1) * (vx + vy + c2))
    pad = (win - 1) // 2
    return float(s[pad:-pad, pad:-pad].mean())
