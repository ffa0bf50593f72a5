"""The frames held back during the one decoding pass: the right ones, and memory flat in length."""
from __future__ import annotations

import numpy as np

from vision.video.change import FrameInfo
from vision.video.events import TYPE_GAP
from vision.video.keep import FrameKeeper
from vision.video.proxy import ProxyFrame


class _Frame:
    """Stands in for a decoded frame: its colour is its index."""

    def __init__(self, i: int) -> None:
        self.i = i

    def to_ndarray(self, format: str) -> np.ndarray:
        assert format == "rgb24"
        return np.full((4, 6, 3), self.i % 251, np.uint8)


def _info(t: float, moved: bool = False, change: int = 0) -> FrameInfo:
    box = (10, 10, 20, 8) if change else None
    return FrameInfo(t, (50, 50), "arrow", moved, change, change / 1000, box, None)


def _feed(keeper: FrameKeeper, n: int, period: int = 30) -> None:
    """n frames at 15 fps: every `period` frames the pointer moves for 5 frames, then the page
    changes for 2 (a click)."""
    for i in range(n):
        k = i % period
        fi = _info(i / 15, moved=10 <= k < 15, change=40 if k in (17, 18) else 0)
        pf = ProxyFrame(fi.t, np.zeros((4, 6), np.uint8), np.zeros((2, 3), np.uint8), 0.5, _Frame(i), 0)
        keeper.feed(pf, fi)


def _clicks(infos: list[FrameInfo]) -> list[float]:
    """Needs like the detector's: the frame before each change, and the one before the pointer set off."""
    out = []
    for a, b in zip(infos, infos[1:]):
        if b.change and not a.change:
            out.append(a.t)
        if b.moved and not a.moved:
            out.append(a.t)
    return out


def test_kept_frames_are_the_ones_asked_for():
    keeper = FrameKeeper(_clicks)
    _feed(keeper, 300)
    try:
        for i in range(300):
            k = i % 30
            if k in (9, 16):  # before the pointer set off, before the change
                assert keeper.has(i / 15), i
                assert int(keeper.get(i / 15)[0, 0, 0]) == i % 251
        # quiet frames in the middle of a still stretch are let go
        assert not keeper.has(3 / 15) and not keeper.has(25 / 15)
    finally:
        keeper.close()


def test_memory_flat_in_length():
    peaks = []
    for n in (600, 3000):
        keeper = FrameKeeper(_clicks)
        _feed(keeper, n)
        held = sum(1 for e in keeper.entries.values() if e.path is None)
        peaks.append((keeper.peak_held, held))
        assert keeper.spilled > 0  # settled frames went to disk
        keeper.close()
    assert peaks[0] == peaks[1], peaks
    assert peaks[1][0] <= 30


def test_let_go_frames_are_reported_missing():
    keeper = FrameKeeper(lambda infos: [])
    _feed(keeper, 120)
    try:
        assert not keeper.has(1.0)
        assert keeper.get(1.0) is None
        keeper.put(1.0, np.zeros((4, 6, 3), np.uint8))
        assert keeper.has(1.0) and keeper.reread == 1
    finally:
        keeper.close()


def test_frame_after_a_pause_is_held_for_a_late_decision():
    """A variable-rate recording sends no frames while the screen is still: the page changing
    before and after a pause looks like one stretch of activity frame by frame, but the frame
    after the pause starts a new burst, which the detector may name (asking for that frame)
    only once it knows whether typing goes on (`TYPE_GAP` later)."""
    start = 2.8
    times = [i / 15 for i in range(30)] + [start + i / 15 for i in range(35)]

    def late(infos: list[FrameInfo]) -> list[float]:
        return [start] if infos[-1].t >= start + TYPE_GAP else []

    keeper = FrameKeeper(late)
    try:
        for i, t in enumerate(times):
            fi = _info(t, change=40)
            keeper.feed(ProxyFrame(t, np.zeros((4, 6), np.uint8), np.zeros((2, 3), np.uint8), 0.5, _Frame(i), 0), fi)
        assert keeper.has(start) and int(keeper.get(start)[0, 0, 0]) == 30
        assert not keeper.has(start + 10 / 15)  # the middle of the burst is let go
    finally:
        keeper.close()
