"""Decode screen recordings with PyAV.

One pass, threaded decoding, timestamps from the stream (variable frame rates stay correct),
rotation metadata applied, frames optionally downscaled or greyscale for analysis so that memory
stays flat in the video's length.
"""
from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path
from typing import Iterator

import numpy as np


class VideoError(ValueError):
    """The input cannot be used as a video; the message is one line for the user."""


@dataclass
class VideoInfo:
    path: str
    width: int          # display width, after rotation
    height: int         # display height, after rotation
    fps: float          # average frame rate
    duration: float     # seconds
    frames: int         # frame count when the container knows it, else an estimate
    rotation: int       # degrees clockwise applied to decoded frames
    codec: str


def open_video(path: str | Path):
    import av

    p = Path(path)
    if not p.exists():
        raise VideoError(f"{p}: no such file")
    if p.is_dir():
        raise VideoError(f"{p}: is a folder, not a video")
    if p.stat().st_size == 0:
        raise VideoError(f"{p}: empty file")
    try:
        container = av.open(str(p))
    except (av.error.InvalidDataError, av.error.FFmpegError, OSError, UnicodeDecodeError) as exc:
        raise VideoError(f"{p}: not a readable video ({str(exc).splitlines()[0] if str(exc) else type(exc).__name__})") from None
    if not container.streams.video:
        container.close()
        raise VideoError(f"{p}: has no video stream (audio only?)")
    return container


def display_rotation(stream) -> int:
    """Clockwise degrees to rotate decoded frames so they display upright."""
    rot = 0
    try:
        side = getattr(stream, "side_data", None)
        if side is not None:
            for key in ("DISPLAYMATRIX", "display_matrix"):
                if key in side:
                    rot = -int(round(float(side[key])))
                    break
    except Exception:
        rot = 0
    if not rot:
        try:
            rot = int(stream.metadata.get("rotate", 0))
        except (TypeError, ValueError):
            rot = 0
    return rot % 360


def probe(path: str | Path) -> VideoInfo:
    container = open_video(path)
    try:
        s = container.streams.video[0]
        rot = display_rotation(s)
        w, h = s.codec_context.width, s.codec_context.height
        if rot in (90, 270):
            w, h = h, w
        fps = float(s.average_rate) if s.average_rate else (float(s.guessed_rate) if s.guessed_rate else 0.0)
        if s.duration is not None and s.time_base is not None:
            duration = float(s.duration * s.time_base)
        elif container.duration is not None:
            duration = container.duration / 1_000_000
        else:
            duration = 0.0
        frames = int(s.frames) if s.frames else int(round(duration * fps))
        return VideoInfo(str(path), int(w), int(h), fps, duration, frames, rot, s.codec_context.name)
    finally:
        container.close()


def apply_rotation(arr: np.ndarray, rot: int) -> np.ndarray:
    if rot == 90:
        return np.ascontiguousarray(np.rot90(arr, k=-1))
    if rot == 180:
        return np.ascontiguousarray(arr[::-1, ::-1])
    if rot == 270:
        return np.ascontiguousarray(np.rot90(arr, k=1))
    return arr


def timed_frames(container, stream) -> Iterator[tuple[float, object]]:
    """Decoded frames with their display time in seconds from the stream's start; corrupt data
    mid-stream becomes a one-line `VideoError`."""
    import av

    tb = stream.time_base or Fraction(1, 1000)
    t0 = None
    try:
        for frame in container.decode(stream):
            if frame.pts is None:
                continue
            t = float(frame.pts * tb)
            if t0 is None:
                t0 = float(stream.start_time * tb) if stream.start_time is not None else t
            yield t - t0, frame
    except (av.error.InvalidDataError, av.error.FFmpegError) as exc:
        raise VideoError(f"{container.name}: corrupt video data ({str(exc).splitlines()[0]})") from None


def iter_frames(
    path: str | Path,
    *,
    fps: float | None = None,
    max_side: int | None = None,
    gray: bool = False,
    start: float = 0.0,
    end: float | None = None,
) -> Iterator[tuple[float, np.ndarray]]:
    """Yield (seconds, frame) in display order.

    `fps` keeps at most that many frames a second (by timestamp, so variable rates work);
    `max_side` downsizes in the decoder's scaler (cheap) for a low-resolution proxy;
    `gray` gives (H, W) uint8 instead of (H, W, 3) RGB.
    """
    container = open_video(path)
    try:
        stream = container.streams.video[0]
        stream.thread_type = "AUTO"
        rot = display_rotation(stream)
        cw, ch = stream.codec_context.width, stream.codec_context.height
        scale = 1.0
        if max_side and max(cw, ch) > max_side:
            scale = max_side / max(cw, ch)
        ow, oh = max(2, int(round(cw * scale / 2)) * 2), max(2, int(round(ch * scale / 2)) * 2)
        fmt = "gray" if gray else "rgb24"
        step = 1.0 / fps if fps else 0.0
        next_t = start
        for t, frame in timed_frames(container, stream):
            if t < start - 1e-6:
                continue
            if end is not None and t > end + 1e-6:
                break
            if step and t + 1e-6 < next_t:
                continue
            if step:
                next_t = max(next_t + step, t + step * 0.5)
            if scale != 1.0 or gray:
                arr = frame.to_ndarray(format=fmt, width=ow, height=oh)
            else:
                arr = frame.to_ndarray(format=fmt)
            yield t, apply_rotation(arr, rot)
    finally:
        container.close()
