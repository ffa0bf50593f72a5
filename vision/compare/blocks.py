"""Text blocks, the unit of the fidelity scores: text, box and text colour.

Blocks come from OCR of a picture (colour estimated from the pixels) or from a rendered
page's DOM (colour as the browser computed it).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable, Sequence

import numpy as np


# The ring around a box is its background when at least this share of the box is within this
# RGB distance of it.
RING_MATCH = 24.0
RING_SHARE = 0.25


@dataclass
class TextBlock:
    """One line (or piece of a line) of text; `box` is (x, y, w, h) in image pixels."""

    text: str
    box: tuple[float, float, float, float]
    color: tuple[int, int, int] | None = None

    @property
    def area(self) -> float:
        return float(max(0.0, self.box[2]) * max(0.0, self.box[3]))


def _ring(img: np.ndarray, x0: int, y0: int, x1: int, y1: int, pad: int) -> np.ndarray:
    """Pixels of the band `pad` px wide around the box (inside the image), as (N, 3)."""
    h, w = img.shape[:2]
    ox0, oy0, ox1, oy1 = max(0, x0 - pad), max(0, y0 - pad), min(w, x1 + pad), min(h, y1 + pad)
    parts = [img[oy0:y0, ox0:ox1], img[y1:oy1, ox0:ox1], img[y0:y1, ox0:x0], img[y0:y1, x1:ox1]]
    pix = [p.reshape(-1, 3) for p in parts if p.size]
    return np.concatenate(pix) if pix else np.empty((0, 3), img.dtype)


def _box_background(crop: np.ndarray, ring: np.ndarray) -> np.ndarray:
    """The background behind a text box: the ring's median colour when the box shows it, else
    the box's most common colour (a box at a band's edge has another band in its ring)."""
    bg = np.median(ring.astype(np.float32), axis=0) if len(ring) else None
    if bg is not None and (np.sqrt(((crop - bg) ** 2).sum(axis=1)) <= RING_MATCH).mean() >= RING_SHARE:
        return bg
    q = (crop.astype(np.int32) >> 4)
    key = (q[:, 0] << 8) | (q[:, 1] << 4) | q[:, 2]
    mode = np.bincount(key).argmax()
    return crop[key == mode].mean(axis=0)


def text_color(img: np.ndarray, box: Sequence[float]) -> tuple[int, int, int] | None:
    """The text colour inside `box`: the colour farthest from the local background.

    Anti-aliasing blends glyph edges into the background, so the glyph cores are the pixels
    farthest from it: take the median of the farthest few percent.
    """
    h, w = img.shape[:2]
    x, y, bw, bh = box
    x0, y0 = int(max(0, np.floor(x))), int(max(0, np.floor(y)))
    x1, y1 = int(min(w, np.ceil(x + bw))), int(min(h, np.ceil(y + bh)))
    if x1 <= x0 or y1 <= y0:
        return None
    crop = img[y0:y1, x0:x1].reshape(-1, 3).astype(np.float32)
    bg = _box_background(crop, _ring(img, x0, y0, x1, y1, 2))
    d = np.sqrt(((crop - bg) ** 2).sum(axis=1))
    far = crop[d >= 0.85 * np.percentile(d, 97)]
    if not len(far):
        far = crop
    return tuple(int(round(v)) for v in np.median(far, axis=0))


def blocks_from_ocr(lines: Iterable, image: np.ndarray) -> list[TextBlock]:
    """TextBlocks from OCR lines (anything with `.text` and `.box`), colours read from `image`."""
    out = []
    for ln in lines:
        text = (ln.text or "").strip()
        if not text:
            continue
        box = tuple(float(v) for v in ln.box)
        out.append(TextBlock(text, box, text_color(image, box)))
    return out


_NUM = re.compile(r"[-+]?\d*\.?\d+(?:e[-+]?\d+)?", re.I)


def parse_css_color(value: str | None) -> tuple[int, int, int] | None:
    """'rgb(r, g, b)' / 'rgba(r, g, b, a)' / '#rrggbb' -> (r, g, b); transparent or unknown -> None.

    Translucent text is blended over white: the page behind it is unknown here, and most
    pages are light.
    """
    if not value:
        return None
    v = value.strip().lower()
    if v.startswith("#") and len(v) in (4, 7):
        hx = v[1:] if len(v) == 7 else "".join(c * 2 for c in v[1:])
        try:
            return tuple(int(hx[i:i + 2], 16) for i in (0, 2, 4))  # type: ignore[return-value]
        except ValueError:
            return None
    if not v.startswith("rgb"):
        return None
    nums = [float(n) for n in _NUM.findall(v)]
    if len(nums) < 3:
        return None
    rgb = np.clip(np.array(nums[:3]), 0, 255)
    alpha = 1.0
    if len(nums) >= 4:
        alpha = nums[3] / 100 if "%" in v.split(",")[-1] or nums[3] > 1 else nums[3]
    if alpha <= 0:
        return None
    rgb = rgb * alpha + 255 * (1 - alpha)
    return tuple(int(round(c)) for c in rgb)  # type: ignore[return-value]


def blocks_from_dom(text_boxes: Iterable[dict]) -> list[TextBlock]:
    """TextBlocks from a render's DOM text boxes (dicts with text, x, y, w, h, color)."""
    out = []
    for tb in text_boxes:
        text = str(tb.get("text") or "").strip()
        w, h = float(tb.get("w", 0) or 0), float(tb.get("h", 0) or 0)
        if not text or w <= 0 or h <= 0:
            continue
        out.append(TextBlock(text, (float(tb.get("x", 0)), float(tb.get("y", 0)), w, h),
                             parse_css_color(tb.get("color"))))
    return out
