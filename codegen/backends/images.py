"""Pictures and recordings made ready for a chat request: resized to a pixel budget, encoded
as data URLs, videos thinned to a frame budget. Servers bill and truncate by image tokens, so
the budget is what keeps a 4K mockup from blowing a context window."""
from __future__ import annotations

import base64
import io
import math

import numpy as np
from PIL import Image

DEFAULT_MAX_PIXELS = 1920 * 1200
MIN_SIDE = 28  # the smallest side vision towers on 14-px patches with 2x2 merging accept
MAX_PNG_BYTES = 3_000_000


def fit_to_budget(img: np.ndarray, max_pixels: int = DEFAULT_MAX_PIXELS) -> np.ndarray:
    """Shrink (never enlarge, except up to MIN_SIDE) keeping the aspect ratio."""
    img = np.asarray(img)
    if img.ndim == 2:
        img = np.stack([img] * 3, axis=-1)
    img = img[..., :3].astype(np.uint8, copy=False)
    h, w = img.shape[:2]
    scale = min(1.0, math.sqrt(max_pixels / float(w * h)))
    scale = max(scale, MIN_SIDE / float(min(w, h)))
    if abs(scale - 1.0) < 1e-6:
        return img
    nw, nh = max(MIN_SIDE, int(round(w * scale))), max(MIN_SIDE, int(round(h * scale)))
    return np.asarray(Image.fromarray(img).resize((nw, nh), Image.LANCZOS))


def encode_image(img: np.ndarray) -> tuple[str, bytes]:
    """PNG keeps UI text sharp; a photo-heavy picture whose PNG is too large goes as JPEG."""
    pil = Image.fromarray(np.asarray(img, dtype=np.uint8))
    buf = io.BytesIO()
    pil.save(buf, format="PNG", compress_level=3)
    if buf.tell() <= MAX_PNG_BYTES:
        return "image/png", buf.getvalue()
    buf = io.BytesIO()
    pil.save(buf, format="JPEG", quality=90)
    return "image/jpeg", buf.getvalue()


def data_url(img: np.ndarray, max_pixels: int = DEFAULT_MAX_PIXELS) -> str:
    mime, data = encode_image(fit_to_budget(img, max_pixels))
    return f"data:{mime};base64,{base64.b64encode(data).decode('ascii')}"


def sample_frames(frames: list, timestamps: list[float] | None, max_frames: int) -> list[tuple[float | None, np.ndarray]]:
    """At most `max_frames` frames, evenly spread, first and last kept."""
    n = len(frames)
    ts = list(timestamps) if timestamps is not None and len(timestamps) == n else [None] * n
    if n <= max_frames:
        idx = list(range(n))
    elif max_frames <= 1:
        idx = [0]
    else:
        idx = sorted({int(round(i * (n - 1) / (max_frames - 1))) for i in range(max_frames)})
    return [(ts[i], frames[i]) for i in idx]
