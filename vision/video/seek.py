"""Frames at chosen times without decoding the whole video.

For each requested time the decoder seeks to the keyframe before it and decodes forward to the
frame shown at that time; times close together share one forward run. Frames are converted to
pixels only when they are kept, and only the frame before the current one is held, so cost
follows the number of times asked for rather than the video's length, and memory stays flat.
"""
from __future__ import annotations

from pathlib import Path
from typing import Iterator

import numpy as np

from vision.video.decode import VideoError, apply_rotation, display_rotation, open_video

SEEK_GAP_S = 2.0   # a later time this far ahead is reached by seeking rather than decoding through
NEAR_S = 1.0       # closer than this to the next time every frame is decoded; farther, only reference frames


def _to_rgb(frame, rot: int, size: tuple[int, int] | None) -> np.ndarray:
    if size is not None:
        arr = frame.to_ndarray(format="rgb24", width=size[0], height=size[1])
    else:
        arr = frame.to_ndarray(format="rgb24")
    return apply_rotation(arr, rot)


def _set_skip(ctx, far: bool) -> None:
    """Far from the next wanted time, let the decoder skip frames nothing else refers to (most
    B-frames of a screen recording): they are never kept, and skipping them is much cheaper."""
    want = "NONREF" if far else "DEFAULT"
    try:
        if str(ctx.skip_frame).rsplit(".", 1)[-1] != want:
            ctx.skip_frame = want
    except (AttributeError, TypeError, ValueError):
        pass


def _worth_seeking(gap: float, t: float, keyframes: list[float]) -> bool:
    """Seek only when the next time lies beyond the keyframe spacing seen so far: a seek lands on
    the keyframe before the target, which must not be behind where decoding already is."""
    if gap <= SEEK_GAP_S:
        return False
    spans = [b - a for a, b in zip(keyframes, keyframes[1:])]
    spacing = max(spans) if spans else (t - keyframes[-1] if keyframes else 0.0)
    return gap > spacing


def iter_key_frames(video: str | Path, times: dict, *, max_side: int | None = None) -> Iterator[tuple[object, float, np.ndarray]]:
    """Yield (key, frame_seconds, RGB frame) for each requested time, in time order: the last frame
    shown at or before that time (the first frame when the time comes before it, the last frame
    when after the end). Keys are any labels; `max_side` shrinks frames (for model prompts)."""
    if not times:
        return
    import av

    order = sorted(times.items(), key=lambda kv: (kv[1], str(kv[0])))
    container = open_video(video)
    try:
        stream = container.streams.video[0]
        stream.thread_type = "AUTO"
        rot = display_rotation(stream)
        tb = stream.time_base
        cw, ch = stream.codec_context.width, stream.codec_context.height
        size = None
        if max_side and max(cw, ch) > max_side:
            sc = max_side / max(cw, ch)
            size = (max(2, int(round(cw * sc / 2)) * 2), max(2, int(round(ch * sc / 2)) * 2))
        ctx = stream.codec_context
        t0 = None if stream.start_time is None else float(stream.start_time * tb)
        pos = 0
        last = None   # (t, frame) most recently decoded, for times past the end
        keyframes: list[float] = []
        while pos < len(order):
            target = order[pos][1]
            if t0 is not None and target > SEEK_GAP_S:
                try:
                    container.seek(int((target + t0) / tb), stream=stream, backward=True)
                except av.error.FFmpegError:
                    pass  # unseekable input: decode forward from where we are
            _set_skip(ctx, False)
            prev = None
            emitted = 0
            ended = True
            try:
                for frame in container.decode(stream):
                    if frame.pts is None:
                        continue
                    if t0 is None:
                        t0 = float(frame.pts * tb)
                    t = float(frame.pts * tb) - t0
                    while pos < len(order) and t > order[pos][1] + 1e-3:
                        pt, pf = prev if prev is not None else (t, frame)
                        yield order[pos][0], pt, _to_rgb(pf, rot, size)
                        pos += 1
                        emitted += 1
                    prev = last = (t, frame)
                    if pos < len(order):
                        _set_skip(ctx, order[pos][1] - t > NEAR_S)
                    if frame.key_frame and (not keyframes or t > keyframes[-1]):
                        keyframes.append(t)
                    if pos >= len(order):
                        ended = False
                        break
                    if emitted and _worth_seeking(order[pos][1] - t, t, keyframes):
                        ended = False
                        break
            except (av.error.InvalidDataError, av.error.FFmpegError) as exc:
                raise VideoError(f"{video}: corrupt video data ({str(exc).splitlines()[0]})") from None
            if ended:
                if last is None:
                    raise VideoError(f"{video}: no frames could be decoded")
                while pos < len(order):
                    yield order[pos][0], last[0], _to_rgb(last[1], rot, size)
                    pos += 1
    finally:
        container.close()
