"""Image loading with the guards a user-facing tool needs.

Every mockup goes through `load_image`, so odd files (EXIF rotation, alpha, 16-bit, CMYK,
animated GIFs, truncated data) become one clean RGB array or one clear `ImageError`.
"""
from __future__ import annotations

import io
from pathlib import Path

import numpy as np
from PIL import Image, ImageOps, UnidentifiedImageError

MAX_PIXELS = 50_000_000
MAX_SIDE = 20_000

Image.MAX_IMAGE_PIXELS = None  # our own guard below gives a clearer message than PIL's bomb check


class ImageError(ValueError):
    """The input cannot be used as an image; the message is one line for the user."""


def _open(source: str | Path | bytes) -> Image.Image:
    if isinstance(source, (bytes, bytearray)):
        if not source:
            raise ImageError("empty image data")
        data = io.BytesIO(source)
        name = "image data"
    else:
        path = Path(source)
        if not path.exists():
            raise ImageError(f"{path}: no such file")
        if path.is_dir():
            raise ImageError(f"{path}: is a folder, not an image")
        if path.stat().st_size == 0:
            raise ImageError(f"{path}: empty file")
        data = path
        name = str(path)
    try:
        img = Image.open(data)
    except UnidentifiedImageError:
        raise ImageError(f"{name}: not an image (or an unsupported format)") from None
    except OSError as exc:
        raise ImageError(f"{name}: unreadable image ({exc})") from None
    return img


def check_size(width: int, height: int, name: str = "image") -> None:
    """Refuse what would exhaust memory; 3840x2160 and 1920x16000 full pages pass."""
    if width < 1 or height < 1:
        raise ImageError(f"{name}: has no pixels ({width}x{height})")
    if width * height > MAX_PIXELS or max(width, height) > MAX_SIDE:
        raise ImageError(
            f"{name}: {width}x{height} is {width * height / 1e6:.1f} megapixels; "
            f"the limit is {MAX_PIXELS / 1e6:.0f} megapixels and {MAX_SIDE} px a side"
        )


def to_rgb(img: Image.Image) -> Image.Image:
    """Any PIL mode to 8-bit RGB: alpha composited over white, 16-bit scaled, CMYK converted."""
    if img.mode in ("I;16", "I;16B", "I;16L", "I"):
        arr = np.asarray(img, dtype=np.float64)
        peak = 65535.0 if arr.max() > 255 else 255.0
        img = Image.fromarray(np.clip(arr / peak * 255.0 + 0.5, 0, 255).astype(np.uint8), "L")
    elif img.mode == "F":
        arr = np.asarray(img, dtype=np.float64)
        hi = max(float(arr.max()), 1e-9)
        img = Image.fromarray(np.clip(arr / (hi if hi > 1.0 else 1.0) * 255.0, 0, 255).astype(np.uint8), "L")
    if img.mode == "P":
        img = img.convert("RGBA" if "transparency" in img.info else "RGB")
    if img.mode in ("LA", "PA"):
        img = img.convert("RGBA")
    if img.mode == "RGBA" or img.mode == "RGBa":
        background = Image.new("RGBA", img.size, (255, 255, 255, 255))
        img = Image.alpha_composite(background, img.convert("RGBA"))
    if img.mode != "RGB":
        img = img.convert("RGB")
    return img


def load_image(source: str | Path | bytes, name: str | None = None) -> np.ndarray:
    """Decode an image file (or bytes) to an (H, W, 3) uint8 RGB array.

    PNG, JPEG, WebP, BMP, GIF (first frame), TIFF; EXIF orientation applied.
    Raises `ImageError` with a one-line message for anything unusable.
    """
    label = name or (str(source) if not isinstance(source, (bytes, bytearray)) else "image data")
    img = _open(source)
    check_size(img.width, img.height, label)
    try:
        if getattr(img, "n_frames", 1) > 1:
            img.seek(0)
        img.load()
        img = ImageOps.exif_transpose(img) or img
        img = to_rgb(img)
    except ImageError:
        raise
    except (OSError, SyntaxError, ValueError) as exc:
        raise ImageError(f"{label}: corrupt or truncated image ({str(exc).splitlines()[0] if str(exc) else type(exc).__name__})") from None
    arr = np.asarray(img, dtype=np.uint8)
    if arr.ndim != 3 or arr.shape[2] != 3:
        raise ImageError(f"{label}: could not be converted to RGB")
    return np.ascontiguousarray(arr)
