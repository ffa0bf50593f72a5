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


def _with_pointer(page: np.ndarray, kind: str, scale: float, x0: int, y0: int,
                  body: float | None = None, border: float | None = None) -> np.ndarray:
    """`page` with one pointer pasted at (x0, y0); `body`/`border` redraw it in other greys."""
    img, mask, _ = _draw(kind, scale)
    if body is not None:
        img = np.where(img > 128, body, border).astype(np.float32)
    frame = page.copy()
    th, tw = img.shape
    region = frame[y0:y0 + th, x0:x0 + tw].astype(np.float32)
    frame[y0:y0 + th, x0:x0 + tw] = np.where(mask > 0, img, region).astype(np.uint8)
    return frame


def test_correlation_is_opencvs_masked_correlation():
    """The three plain correlations give OpenCV's masked TM_CCOEFF_NORMED wherever the place is
    not flat, and the same best placement."""
    import cv2
    from vision.video.cursor import _correlate

    rng = np.random.default_rng(5)
    page = _page(h=200, w=300)[:200].astype(np.int16) + rng.integers(-3, 4, (200, 300))
    frame = _with_pointer(np.clip(page, 0, 255).astype(np.uint8), "hand", 1.25, 120, 60)
    win = frame[30:150, 80:230].astype(np.float32)
    centred = win - np.float32(win.mean())
    for t in templates((1.0, 1.25)):
        ours = _correlate(centred, centred * centred, t)
        theirs = cv2.matchTemplate(win, t.img, cv2.TM_CCOEFF_NORMED, mask=t.mask)
        seen = ours > -1
        assert seen.mean() > 0.5
        assert np.abs(ours - theirs)[seen].max() < 1e-3
        assert cv2.minMaxLoc(ours)[3] == cv2.minMaxLoc(theirs)[3]


def test_faint_pointer_shape_is_not_a_pointer():
    """A pointer-shaped pattern a few grey levels deep (a codec's ghost of where the pointer was)
    correlates perfectly, but is flat: not taken; the real pointer beside it is."""
    page = np.full((200, 300), 232, np.uint8)
    frame = _with_pointer(page, "arrow", 1.0, 40, 60, body=234.0, border=229.0)
    img, _, hot = _draw("arrow", 1.0)
    th, tw = img.shape
    assert match_in(frame, (20, 40, 40 + tw + 20, 60 + th + 20), templates((1.0,))) is None
    frame = _with_pointer(frame, "arrow", 1.0, 200, 60)
    hit = match_in(frame, (20, 40, 260, 60 + th + 20), templates((1.0,)))
    assert hit is not None and (hit.x, hit.y) == (200 + hot[0], 60 + hot[1])


def test_pointer_stays_put_while_the_page_scrolls_past_a_pointer_like_mark():
    """A wheel scroll moves the page's own marks under a still pointer; an arrow-shaped icon in
    the scrolled content matches the pointer's shape perfectly, but the pointer stays where it
    was, and the scroll is still measured."""
    import cv2

    from vision.video.change import FrameAnalyzer
    from vision.video.proxy import ProxyFrame

    rng = np.random.default_rng(1)
    w, h = 1280, 720
    column = np.full((h * 3, 480), 235, np.uint8)
    for y0 in range(0, h * 3 - 400, 480):
        column[y0:y0 + 300, 20:460] = 200  # panels with lines, too wide to be the pointer
        for y in range(y0 + 20, y0 + 280, 36):
            column[y:y + 10, 40:40 + int(rng.integers(380, 400))] = int(rng.integers(30, 90))
        column[:] = _with_pointer(column, "arrow", 1.0, 230, y0 + 375)  # an icon in the page
    hot = _draw("arrow", 1.0)[2]
    an = FrameAnalyzer()
    for i, (offset, x) in enumerate([(0, 950), (0, 970), (0, 1000)] + [(o, 1000) for o in range(25, 400, 25)]):
        frame = np.full((h, w), 225, np.uint8)
        frame[:, 400:880] = column[offset:offset + h]
        frame = _with_pointer(frame, "arrow", 1.0, x, 300)
        small = cv2.resize(frame, (640, 360), interpolation=cv2.INTER_AREA)
        fi = an.feed(ProxyFrame(i / 15, frame, small, 0.5, None, 0))
        if i >= 1:
            assert fi.cursor is not None and abs(fi.cursor[0] - (x + hot[0])) <= 2 and abs(fi.cursor[1] - (300 + hot[1])) <= 2
        if offset:
            assert fi.scroll is not None and abs(fi.scroll + 25) < 0.5


def test_naming_worker_runs_nicer_than_the_pass(monkeypatch):
    """The early naming worker takes what the decoder and the analysis leave: its thread runs
    `NAMING_NICE` nicer (up to the limit, 19), the caller's own priority is unchanged;
    V2C_NAMING_NICE=0 leaves it at the caller's."""
    import os
    import sys
    import threading

    from vision.video.detect import NAMING_NICE, _Early, _Reader

    if not sys.platform.startswith("linux"):
        pytest.skip("niceness is per thread on Linux only")

    def nice() -> int:
        return os.getpriority(os.PRIO_PROCESS, threading.get_native_id())

    def worker_nice() -> int:
        early = _Early(640, 360, _Reader())
        try:
            return early.pool.submit(nice).result()
        finally:
            early.close()

    own = nice()
    monkeypatch.delenv("V2C_NAMING_NICE", raising=False)
    assert worker_nice() == min(19, own + NAMING_NICE)
    monkeypatch.setenv("V2C_NAMING_NICE", "0")
    assert worker_nice() == own
    assert nice() == own
