"""Image loading: formats, orientation, colour modes, the size guard and bad files."""
from __future__ import annotations

import io

import numpy as np
import pytest
from PIL import Image

from vision.load import MAX_PIXELS, ImageError, check_size, load_image


def _bytes(img: Image.Image, fmt: str, **kw) -> bytes:
    buf = io.BytesIO()
    img.save(buf, format=fmt, **kw)
    return buf.getvalue()


def _grad(w=60, h=40) -> Image.Image:
    arr = np.zeros((h, w, 3), np.uint8)
    arr[..., 0] = np.linspace(0, 255, w)[None, :]
    arr[..., 1] = 128
    arr[:10, :10] = (255, 0, 0)
    return Image.fromarray(arr)


@pytest.mark.parametrize("fmt", ["PNG", "JPEG", "WEBP", "BMP", "GIF", "TIFF"])
def test_formats_load_as_rgb(fmt):
    arr = load_image(_bytes(_grad(), fmt))
    assert arr.shape == (40, 60, 3) and arr.dtype == np.uint8
    assert arr[2, 2, 0] > 200 and arr[2, 2, 1] < 80  # the red corner survives every codec


def test_exif_orientation_is_applied():
    img = _grad(60, 40)
    exif = Image.Exif()
    exif[0x0112] = 6  # rotate 90 CW on display
    arr = load_image(_bytes(img, "JPEG", exif=exif))
    assert arr.shape == (60, 40, 3)
    assert arr[2, -3, 0] > 200  # red corner moved from top-left to top-right


def test_alpha_is_composited_over_white():
    img = Image.new("RGBA", (20, 20), (0, 0, 0, 0))
    img.putpixel((5, 5), (0, 0, 255, 255))
    arr = load_image(_bytes(img, "PNG"))
    assert tuple(arr[0, 0]) == (255, 255, 255)
    assert tuple(arr[5, 5]) == (0, 0, 255)


def test_16bit_and_cmyk_are_converted():
    g16 = Image.fromarray((np.linspace(0, 65535, 100).reshape(10, 10)).astype(np.uint16))
    arr = load_image(_bytes(g16, "PNG"))
    assert arr.shape == (10, 10, 3) and arr[-1, -1, 0] >= 250 and arr[0, 0, 0] <= 5
    cmyk = Image.new("CMYK", (10, 10), (0, 255, 255, 0))  # red in CMYK
    arr = load_image(_bytes(cmyk, "JPEG"))
    assert arr[5, 5, 0] > 200 and arr[5, 5, 1] < 60


def test_first_frame_of_animated_gif():
    frames = [Image.new("RGB", (10, 10), c) for c in [(255, 0, 0), (0, 255, 0)]]
    buf = io.BytesIO()
    frames[0].save(buf, format="GIF", save_all=True, append_images=frames[1:])
    arr = load_image(buf.getvalue())
    assert arr[5, 5, 0] > 200 and arr[5, 5, 1] < 60


def test_size_guard_accepts_4k_and_tall_pages_and_rejects_more():
    check_size(3840, 2160)
    check_size(1920, 16000)
    with pytest.raises(ImageError, match="megapixels"):
        check_size(8000, 8000)
    assert 8000 * 8000 > MAX_PIXELS


@pytest.mark.parametrize("data, msg", [
    (b"", "empty"),
    (b"this is plainly not an image\n", "not an image"),
])
def test_bad_bytes(data, msg):
    with pytest.raises(ImageError, match=msg):
        load_image(data)


def test_truncated_png_and_jpeg(tmp_path):
    for fmt in ("PNG", "JPEG"):
        data = _bytes(Image.fromarray(np.random.default_rng(0).integers(0, 255, (200, 200, 3), np.uint8)), fmt)
        p = tmp_path / f"cut.{fmt.lower()}"
        p.write_bytes(data[: len(data) // 3])
        with pytest.raises(ImageError) as exc:
            load_image(p)
        assert "\n" not in str(exc.value)


def test_missing_file_and_folder(tmp_path):
    with pytest.raises(ImageError, match="no such file"):
        load_image(tmp_path / "nope.png")
    with pytest.raises(ImageError, match="folder"):
        load_image(tmp_path)
