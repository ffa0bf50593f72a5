"""Sample a video's frames for a vision-language model.

A model sees a video as a handful of frames, not all of them: decode at a target rate (2 fps by
default, what Qwen2.5-VL and Kimi K2.5 were trained with), lower the rate when the video is long
so the count stays within a frame budget, drop frames where nothing changed (screen recordings
sit still for long stretches), then group the frames the way each family's encoder consumes
them: Qwen2.5-VL pairs (temporal patch of 2), Kimi K2.5 chunks of up to 4 frames.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np

from vision.video.decode import VideoError, VideoInfo, iter_frames, probe

FAMILIES = ("qwen2_5_vl", "kimi_k25")
GROUP_SIZE = {"qwen2_5_vl": 2, "kimi_k25": 4}


@dataclass
class SampledVideo:
    """Frames (RGB uint8) with their timestamps in seconds, in display order."""

    frames: list[np.ndarray]
    timestamps: list[float]
    info: VideoInfo
    rate: float                      # the sampling rate actually used, frames per second
    dropped: int = 0                 # frames dropped by the change filter


@dataclass
class FrameGroup:
    """One unit of the encoder's time axis: a Qwen pair or a Kimi chunk."""

    frames: list[np.ndarray]
    timestamps: list[float]
    padded: int = 0                  # frames repeated at the end to fill the group

    @property
    def start(self) -> float:
        return self.timestamps[0]


def _thumb(frame: np.ndarray, side: int = 160) -> np.ndarray:
    """Small grey proxy for change detection: cheap and blind to sub-pixel codec noise."""
    grey = frame if frame.ndim == 2 else frame.mean(axis=2)
    h, w = grey.shape
    step = max(1, int(np.ceil(max(h, w) / side)))
    hh, ww = (h // step) * step, (w // step) * step
    if hh == 0 or ww == 0:
        return grey.astype(np.float32)
    return grey[:hh, :ww].reshape(hh // step, step, ww // step, step).mean(axis=(1, 3)).astype(np.float32)


def changed_fraction(a: np.ndarray, b: np.ndarray, tolerance: float = 8.0) -> float:
    """Share of thumbnail cells whose grey level moved by more than `tolerance` (0..255)."""
    ta, tb = _thumb(a), _thumb(b)
    if ta.shape != tb.shape:
        return 1.0
    return float((np.abs(ta - tb) > tolerance).mean())


def sample_video(
    path: str | Path,
    *,
    fps: float = 2.0,
    max_frames: int = 64,
    min_frames: int = 1,
    max_side: int | None = 1280,
    min_change: float = 0.0005,
) -> SampledVideo:
    """Decode `path` at `fps` (lowered to fit `max_frames`), keeping frames that changed.

    `min_change` is the share of a 160-px grey thumbnail that must differ from the last kept
    frame for a frame to be kept (0 keeps every sampled frame); the first frame is always kept,
    and the last sampled frame is kept when it differs at all, so the end state is never lost.
    `max_side` bounds the decoded size (the model's own resizing comes later, on fewer pixels).
    """
    if fps <= 0:
        raise VideoError(f"{path}: sampling rate must be positive, got {fps}")
    if max_frames < 1:
        raise VideoError(f"{path}: frame budget must be at least 1, got {max_frames}")
    info = probe(path)
    rate = fps
    if info.duration > 0 and info.duration * fps > max_frames:
        rate = max_frames / info.duration
    frames: list[np.ndarray] = []
    stamps: list[float] = []
    sampled = 0
    last: tuple[float, np.ndarray] | None = None
    for t, frame in iter_frames(path, fps=rate, max_side=max_side):
        sampled += 1
        if not frames or min_change <= 0 or changed_fraction(frames[-1], frame) >= min_change:
            frames.append(frame)
            stamps.append(round(t, 6))
            last = None
        else:
            last = (t, frame)
    if last is not None and changed_fraction(frames[-1], last[1]) > 0:
        frames.append(last[1])
        stamps.append(round(last[0], 6))
    if not frames:
        raise VideoError(f"{path}: no frames could be decoded")
    frames, stamps = frames[:max_frames], stamps[:max_frames]
    if len(frames) < min_frames and sampled > len(frames) and min_change > 0:
        return sample_video(path, fps=fps, max_frames=max_frames, min_frames=min_frames,
                            max_side=max_side, min_change=0.0)
    return SampledVideo(frames, stamps, info, rate, dropped=sampled - len(frames))


def group_frames(family: str, frames: list[np.ndarray], timestamps: list[float]) -> list[FrameGroup]:
    """Cut frames into the family's groups: Qwen pairs, Kimi chunks of up to 4.

    Qwen's Conv3d needs every pair full, so an odd last frame is repeated; Kimi's last chunk
    may be shorter (its encoder averages over the frames a chunk has).
    """
    if family not in GROUP_SIZE:
        raise ValueError(f"unknown model family {family!r} (expected one of {', '.join(FAMILIES)})")
    if len(frames) != len(timestamps):
        raise ValueError(f"{len(frames)} frames but {len(timestamps)} timestamps")
    if not frames:
        raise ValueError("a video needs at least one frame")
    size = GROUP_SIZE[family]
    groups = []
    for i in range(0, len(frames), size):
        fr, ts = list(frames[i:i + size]), list(timestamps[i:i + size])
        pad = 0
        if family == "qwen2_5_vl" and len(fr) < size:
            pad = size - len(fr)
            fr += [fr[-1]] * pad
            ts += [ts[-1]] * pad
        groups.append(FrameGroup(fr, ts, padded=pad))
    return groups
