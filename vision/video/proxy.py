"""A cheap analysis stream: the luma plane of each decoded frame plus a small grey proxy.

Screen recordings are mostly still, so the work per frame must be tiny: the decoder's own luma
plane is used in place (no colour conversion, no copy), rotated if the stream says so, and
shrunk with area averaging to `max_side` pixels for change analysis. Decoding runs in a thread
of its own, ahead of the analysis; the shrinking in the analysis's thread, which balances the
two on two cores. Most of a recording repeats the previous picture, or changes it in a few rows
(a pointer, a caret): the frame is compared with the previous one band by band (not as a whole
first, so a changed frame is read once), and only the bands that changed are shrunk again
(comparing costs a tenth of shrinking; with a whole reduction factor each proxy row depends on
its own source rows only, so the result is exactly that of shrinking the whole frame). Each proxy frame carries
the decoded frame itself, so a caller can keep the few it needs and make full-resolution colour
from them later (`ProxyFrame.rgb`) without decoding the video a second time.
"""
from __future__ import annotations

import os
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


def decoder_threads() -> int:
    """Threads for the decoder: all cores but one, at least one. The analysis, the naming
    worker and the shrinking keep about one core busy, and a decoder sharing cores with them
    spends more CPU on its own threads' hand-offs than it gains: on two cores, one decoding
    thread costs 4-11% less CPU than libavcodec's automatic three for the same frames."""
    try:
        cores = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        cores = os.cpu_count() or 1
    return max(1, cores - 1)


def _decoded(path: str | Path, fps: float | None) -> Iterator[tuple[float, object, np.ndarray, int]]:
    """(time, decoded frame, its luma plane in display orientation, rotation) at most `fps` a second."""
    container = open_video(path)
    try:
        stream = container.streams.video[0]
        stream.thread_type = "AUTO"
        stream.codec_context.thread_count = decoder_threads()
        rot = display_rotation(stream)
        step = 1.0 / fps if fps else 0.0
        next_t = -1.0
        for t, frame in timed_frames(container, stream):
            if step and t + 1e-6 < next_t:
                continue
            next_t = max(next_t + step, t + step * 0.5) if step else 0.0
            yield t, frame, apply_rotation(_luma(frame), rot), rot
    finally:
        container.close()


def _shrunk(decoded: Iterator[tuple[float, object, np.ndarray, int]], max_side: int) -> Iterator[ProxyFrame]:
    """Proxy frames of decoded frames, in order (each proxy is made from the previous one)."""
    prev: ProxyFrame | None = None
    for t, frame, luma, rot in decoded:
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


def shrink_changed(luma: np.ndarray, prev_luma: np.ndarray, prev_small: np.ndarray,
                   size: tuple[int, int]) -> np.ndarray:
    """`luma` area-averaged to `size`, given the previous frame and its proxy: the previous proxy
    itself when nothing changed, else a copy with the changed bands shrunk again. With a factor
    that is not a whole number (source pixels straddle proxy pixels) the whole frame is shrunk."""
    h, w = luma.shape
    k = h // size[1]
    if k < 2 or h != k * size[1] or w != k * size[0]:
        if cv2.norm(luma, prev_luma, cv2.NORM_INF) == 0:
            return prev_small
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

    Decoding runs in a thread of its own, up to `ahead` frames ahead of the caller, and the
    shrinking in the caller's: both release the GIL, so decoding overlaps the shrinking and the
    caller's analysis (with `ahead=0`, all in the caller's thread). Errors (`VideoError`) reach
    the caller where the frame would have."""
    if ahead <= 0:
        yield from _shrunk(_decoded(path, fps), max_side)
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
            for item in _decoded(path, fps):
                if not put(item):
                    return
            put(_END)
        except BaseException as exc:  # handed to the caller
            put(exc)

    def received() -> Iterator[tuple[float, object, np.ndarray, int]]:
        while True:
            item = q.get()
            if item is _END:
                return
            if isinstance(item, BaseException):
                raise item
            yield item

    worker = threading.Thread(target=produce, name="v2c-proxy", daemon=True)
    worker.start()
    try:
        yield from _shrunk(received(), max_side)
    finally:
        stop.set()
        worker.join()
