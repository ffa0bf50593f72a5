"""A cheap analysis stream: the luma plane of each decoded frame plus a small grey proxy.

Screen recordings are mostly still, so the work per frame must be tiny: the decoder's own luma
plane is used in place (no colour conversion, no copy), rotated if the stream says so, and
shrunk with area averaging to `max_side` pixels for change analysis, in a thread of its own that
runs ahead of the analysis. Most of a recording repeats the previous picture, or changes it in a
few rows (a pointer, a caret): the frame is compared with the previous one band by band, and only
the bands that changed are shrunk again (comparing costs a tenth of shrinking; with a whole
reduction factor each proxy row depends on its own source rows only, so the result is exactly
that of shrinking the whole frame). Each proxy frame carries
the decoded frame itself, so a caller can keep the few it needs and make full-resolution colour
from them later (`ProxyFrame.rgb`) without decoding the video a second time.
"""
from __future__ import annotations

import queue
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

import cv2
import numpy as np

from vision.video.decode import apply_rotation, display_rotation, open_video, timed_frames

AHEAD = 4   # proxy frames decoded ahead of the analysis (each holds one decoded frame)
BAND = 16   # proxy rows compared and shrunk together


@dataclass
class ProxyFrame:
    t: float
    luma: np.ndarray     # (H, W) uint8, full resolution, display orientation
    small: np.ndarray    # (h, w) uint8 proxy for change analysis
    scale: float         # small = luma * scale
    frame: object = None  # the decoded frame (PyAV), for colour later; holds the luma's memory
    rot: int = 0          # clockwise degrees applied for display

    def rgb(self) -> np.ndarray:
        """The full-resolution colour frame, display orientation."""
        return apply_rotation(self.frame.to_ndarray(format="rgb24"), self.rot)


def _luma(frame) -> np.ndarray:
    """The Y plane as an array without colour conversion or copy: a view of the frame's own
    buffer, valid while the frame object lives (the decoder never reuses a buffer still referenced)."""
    if frame.format.name in ("yuv420p", "yuvj420p", "yuv422p", "yuv444p", "nv12", "yuvj422p", "yuvj444p"):
        plane = frame.planes[0]
        return np.frombuffer(plane, np.uint8).reshape(frame.height, plane.line_size)[:, :frame.width]
    return frame.to_ndarray(format="gray")


def _proxies(path: str | Path, max_side: int, fps: float | None) -> Iterator[ProxyFrame]:
    container = open_video(path)
    try:
        stream = container.streams.video[0]
        stream.thread_type = "AUTO"
        rot = display_rotation(stream)
        step = 1.0 / fps if fps else 0.0
        next_t = -1.0
        prev: ProxyFrame | None = None
        for t, frame in timed_frames(container, stream):
            if step and t + 1e-6 < next_t:
                continue
            next_t = max(next_t + step, t + step * 0.5) if step else 0.0
            luma = apply_rotation(_luma(frame), rot)
            h, w = luma.shape
            scale = min(1.0, max_side / max(h, w))
            size = (max(2, int(round(w * scale))), max(2, int(round(h * scale))))
            if scale >= 1.0:
                small = luma
            elif prev is not None and prev.luma.shape == luma.shape:
                small = shrink_changed(luma, prev.luma, prev.small, size)
            else:
                small = cv2.resize(luma, size, interpolation=cv2.INTER_AREA)
            prev = ProxyFrame(t, luma, small, scale, frame, rot)
            yield prev
    finally:
        container.close()


def shrink_changed(luma: np.ndarray, prev_luma: np.ndarray, prev_small: np.ndarray,
                   size: tuple[int, int]) -> np.ndarray:
    """`luma` area-averaged to `size`, given the previous frame and its proxy: the previous proxy
    itself when nothing changed, else a copy with the changed bands shrunk again. With a factor
    that is not a whole number (source pixels straddle proxy pixels) the whole frame is shrunk."""
    if cv2.norm(luma, prev_luma, cv2.NORM_INF) == 0:
        return prev_small
    h, w = luma.shape
    k = h // size[1]
    if k < 2 or h != k * size[1] or w != k * size[0]:
        return cv2.resize(luma, size, interpolation=cv2.INTER_AREA)
    rows = BAND * k
    small = prev_small
    for y in range(0, h, rows):
        if cv2.norm(luma[y:y + rows], prev_luma[y:y + rows], cv2.NORM_INF) == 0:
            continue
        if small is prev_small:
            small = prev_small.copy()
        band = luma[y:y + rows]
        small[y // k:y // k + band.shape[0] // k] = cv2.resize(band, (size[0], band.shape[0] // k),
                                                               interpolation=cv2.INTER_AREA)
    return small


_END = object()


def iter_proxy(path: str | Path, *, max_side: int = 640, fps: float | None = 15.0,
               ahead: int = AHEAD) -> Iterator[ProxyFrame]:
    """Yield proxy frames at most `fps` a second (by timestamp, so variable rates work).

    Decoding and shrinking run in a thread of their own, up to `ahead` frames ahead of the
    caller: both release the GIL, so they overlap the caller's analysis (with `ahead=0`, all in
    the caller's thread). Errors (`VideoError`) reach the caller where the frame would have."""
    if ahead <= 0:
        yield from _proxies(path, max_side, fps)
        return
    q: queue.Queue = queue.Queue(maxsize=ahead)
    stop = threading.Event()

    def put(item) -> bool:
        while not stop.is_set():
            try:
                q.put(item, timeout=0.1)
                return True
            except queue.Full:
                continue
        return False

    def produce() -> None:
        try:
            for pf in _proxies(path, max_side, fps):
                if not put(pf):
                    return
            put(_END)
        except BaseException as exc:  # handed to the caller
            put(exc)

    worker = threading.Thread(target=produce, name="v2c-proxy", daemon=True)
    worker.start()
    try:
        while True:
            item = q.get()
            if item is _END:
                return
            if isinstance(item, BaseException):
                raise item
            yield item
    finally:
        stop.set()
        worker.join()
