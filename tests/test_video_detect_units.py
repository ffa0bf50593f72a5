"""Fast checks of the detector's parts on synthetic frames (no browser, no video)."""
from __future__ import annotations

import numpy as np
import pytest

from vision.video.cursor import CursorTracker, _draw, match_in, templates
from vision.video.scroll import vertical_shift


def _page(h: int = 360, w: int = 640, seed: int = 0) -> np.ndarray:
    """A text-like page: dark word blocks of random widths on light rows."""
    rng = np.random.default_rng(seed)
    img = np.full((h * 3, w), 235, np.uint8)
    for y in range(10, h * 3 - 12, 22):
        x = 20
        while x < w - 60:
            ww = int(rng.integers(15, 60))
            img[y:y + 9, x:x + ww] = int(rng.integers(20, 90))
            x += ww + int(rng.integers(6, 14))
    return img


@pytest.mark.parametrize("shift", [7, 23, 64, 150])
def test_vertical_shift_measures_scroll(shift):
    page = _page()
    a, b = page[100:460], page[100 + shift:460 + shift]
    got = vertical_shift(a, b)
    assert got is not None and abs(-got - shift) <= 1


def test_vertical_shift_rejects_blank_and_new_page():
    page = _page()
    assert vertical_shift(page[:360], np.full((360, 640), 235, np.uint8)) is None
    assert vertical_shift(page[:360], _page(seed=3)[:360]) is None


@pytest.mark.parametrize("kind,scale", [("arrow", 1.0), ("hand", 1.5), ("ibeam", 1.25)])
def test_pointer_found_at_its_hotspot(kind, scale):
    page = _page(h=300, w=500)[:300]
    img, mask, hot = _draw(kind, scale)
    x0, y0 = 211, 97
    frame = page.copy()
    th, tw = img.shape
    region = frame[y0:y0 + th, x0:x0 + tw].astype(np.float32)
    frame[y0:y0 + th, x0:x0 + tw] = np.where(mask > 0, img, region).astype(np.uint8)
    hit = match_in(frame, (x0 - 30, y0 - 30, x0 + tw + 30, y0 + th + 30), templates())
    assert hit is not None and hit.kind == kind
    assert abs(hit.x - (x0 + hot[0])) <= 2 and abs(hit.y - (y0 + hot[1])) <= 2


def test_tracker_follows_a_moving_pointer():
    page = _page(h=300, w=500)[:300]
    img, mask, _ = _draw("arrow", 1.0)
    th, tw = img.shape
    tr = CursorTracker()
    last = None
    for x in (100, 130, 170, 220):
        frame = page.copy()
        region = frame[120:120 + th, x:x + tw].astype(np.float32)
        frame[120:120 + th, x:x + tw] = np.where(mask > 0, img, region).astype(np.uint8)
        hit, moved = tr.update(frame, [(x - 5, 115, tw + 10, th + 10)])
        assert hit is not None and abs(hit.box[0] - x) <= 2
        if last is not None:
            assert moved
        last = hit
