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
MAX_WIDTH = 3000
PERCEPTIBLE_DE = 2.0


def heatmap(mockup: np.ndarray, render: np.ndarray) -> np.ndarray:
    """Mockup-sized RGB picture: the dimmed mockup with each cell tinted by how much it differs.

    Differences are CIEDE2000 between cell mean colours (text included): up to 2 (barely
    perceptible) -> no tint, 20 or more -> full red; blue-green-yellow-red in between (JET map).
    """
    h, w = mockup.shape[:2]
    cell = cell_size(w)
    de = cell_delta_e(mockup, fit_to(render, (w, h)), cell)
    level = np.clip((de - PERCEPTIBLE_DE) / (FULL_DE - PERCEPTIBLE_DE), 0.0, 1.0)
    colours = cv2.applyColorMap((level * 255).astype(np.uint8), cv2.COLORMAP_JET)[:, :, ::-1]
    gh, gw = level.shape
    big = cv2.resize(np.ascontiguousarray(colours), (gw * cell, gh * cell), interpolation=cv2.INTER_NEAREST)[:h, :w]
    alpha = cv2.resize((np.sqrt(level) * 0.85).astype(np.float32), (gw * cell, gh * cell),
                       interpolation=cv2.INTER_NEAREST)[:h, :w]
    base = cv2.convertScaleAbs(mockup, alpha=DIM, beta=255 * (1 - DIM) * 0.15)
    return cv2.blendLinear(base, np.ascontiguousarray(big), np.ascontiguousarray(1.0 - alpha),
                           np.ascontiguousarray(alpha))


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
                 labels: bool = True, max_width: int | None = MAX_WIDTH) -> np.ndarray:
    """Mockup | render (at the mockup's width) [| heat-map], top-aligned, optionally labelled.

    The whole picture is at most `max_width` px wide (None: full size); panels are shrunk before
    they are put together, so a tall 1920-px page stays cheap.
    """
    w = mockup.shape[1]
    panels = [("mockup", mockup), ("render", render)]
    if heat is not None:
        panels.append(("difference", heat))
    total = w * len(panels) + GAP * (len(panels) - 1)
    scale = min(1.0, (max_width - GAP * (len(panels) - 1)) / (w * len(panels))) if max_width else 1.0
    pw = max(1, round(w * scale))
    panels = [(name, fit_to(p, (pw, max(1, round(p.shape[0] * pw / p.shape[1]))))) for name, p in panels]
    top = LABEL_HEIGHT if labels else 0
    height = max(p.shape[0] for _, p in panels) + top
    width = pw * len(panels) + GAP * (len(panels) - 1) if scale < 1.0 else total
    canvas = np.full((height, width, 3), 235, np.uint8)
    for k, (_, p) in enumerate(panels):
        x = k * (pw + GAP)
        canvas[top:top + p.shape[0], x:x + p.shape[1]] = p
    if labels:
        strip = Image.fromarray(np.ascontiguousarray(canvas[:top]))
        draw = ImageDraw.Draw(strip)
        for k, (name, p) in enumerate(panels):
            x = k * (pw + GAP)
            draw.rectangle([x, 0, x + p.shape[1] - 1, top - 1], fill=(40, 44, 52))
            draw.text((x + 10, 8), name, fill=(255, 255, 255), font=_font(18))
        canvas[:top] = np.asarray(strip)
    return canvas
