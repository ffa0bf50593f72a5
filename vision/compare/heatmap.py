"""Pictures for people: a per-cell difference heat-map and a side-by-side comparison."""
from __future__ import annotations

from functools import lru_cache

import cv2
import numpy as np
from PIL import Image, ImageDraw, ImageFont

from .visual import FULL_DE, cell_delta_e, cell_size, fit_to

DIM = 0.45
LABEL_HEIGHT = 36
GAP = 12
PERCEPTIBLE_DE = 2.0


def heatmap(mockup: np.ndarray, render: np.ndarray) -> np.ndarray:
    """Mockup-sized RGB picture: the dimmed mockup with each cell tinted by how much it differs.

    Differences are CIEDE2000 between cell mean colours (text included): up to 2 (barely
    perceptible) -> no tint, 20 or more -> full red; blue-green-yellow-red in between (JET map).
    """
    h, w = mockup.shape[:2]
    cell = cell_size(w)
    de, _ = cell_delta_e(mockup, fit_to(render, (w, h)), cell)
    level = np.clip((de - PERCEPTIBLE_DE) / (FULL_DE - PERCEPTIBLE_DE), 0.0, 1.0)
    colours = cv2.applyColorMap((level * 255).astype(np.uint8), cv2.COLORMAP_JET)[:, :, ::-1]
    big = np.repeat(np.repeat(colours, cell, axis=0), cell, axis=1)[:h, :w].astype(np.float32)
    alpha = np.repeat(np.repeat(np.sqrt(level) * 0.85, cell, axis=0), cell, axis=1)[:h, :w, None]
    base = mockup.astype(np.float32) * DIM + 255 * (1 - DIM) * 0.15
    return np.clip(base * (1 - alpha) + big * alpha, 0, 255).astype(np.uint8)


@lru_cache(maxsize=4)
def _font(size: int) -> ImageFont.ImageFont:
    for path in ("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
                 "/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf"):
        try:
            return ImageFont.truetype(path, size)
        except OSError:
            continue
    return ImageFont.load_default()


def side_by_side(mockup: np.ndarray, render: np.ndarray, heat: np.ndarray | None = None,
                 labels: bool = True, max_width: int | None = None) -> np.ndarray:
    """Mockup | render (scaled to the mockup's width) [| heat-map], top-aligned, optionally labelled.

    `max_width` shrinks the whole picture to at most that many pixels wide.
    """
    w = mockup.shape[1]
    panels = [("mockup", mockup), ("render", fit_to(render, (w, max(1, round(render.shape[0] * w / render.shape[1])))))]
    if heat is not None:
        panels.append(("difference", heat))
    top = LABEL_HEIGHT if labels else 0
    height = max(p.shape[0] for _, p in panels) + top
    width = sum(p.shape[1] for _, p in panels) + GAP * (len(panels) - 1)
    canvas = np.full((height, width, 3), 235, np.uint8)
    x = 0
    for _, p in panels:
        canvas[top:top + p.shape[0], x:x + p.shape[1]] = p
        x += p.shape[1] + GAP
    if labels:
        img = Image.fromarray(canvas)
        draw = ImageDraw.Draw(img)
        x = 0
        for name, p in panels:
            draw.rectangle([x, 0, x + p.shape[1] - 1, top - 1], fill=(40, 44, 52))
            draw.text((x + 10, 8), name, fill=(255, 255, 255), font=_font(18))
            x += p.shape[1] + GAP
        canvas = np.asarray(img)
    if max_width and canvas.shape[1] > max_width:
        s = max_width / canvas.shape[1]
        canvas = cv2.resize(canvas, (max_width, max(1, round(canvas.shape[0] * s))), interpolation=cv2.INTER_AREA)
    return canvas
