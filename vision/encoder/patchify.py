"""RGB arrays -> the packed (pixel_values, grid_thw) each family's encoder takes, without torchvision.

Steps: resize to the family's budget (`vision.resize`), pad (Kimi: black, bottom/right, to a
multiple of 28), scale to [0, 1] and normalise (Kimi: mean/std 0.5; Qwen: CLIP's), cut into
14x14 patches:
- Kimi: rows (L, 3, 14, 14), row-major per frame; grid row (t, h, w) per image or video chunk
  of up to 4 frames.
- Qwen: rows (L, 1176) = (3, 2 frames, 14, 14), ordered by 2x2 merge unit; a still image is its
  frame twice; a video is frame pairs (an odd count repeats the last frame).
"""
from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import torch

from vision.resize import KIMI, PATCH, QWEN, Budget, Sizing, resize_rgb, sizing, video_groups

KIMI_MEAN = (0.5, 0.5, 0.5)
KIMI_STD = (0.5, 0.5, 0.5)
CLIP_MEAN = (0.48145466, 0.4578275, 0.40821073)
CLIP_STD = (0.26862954, 0.26130258, 0.27577711)


def _check_rgb(img: np.ndarray, what: str) -> np.ndarray:
    if not isinstance(img, np.ndarray) or img.ndim != 3 or img.shape[2] != 3 or img.dtype != np.uint8:
        shape = getattr(img, "shape", type(img).__name__)
        raise ValueError(f"{what}: expected an (H, W, 3) uint8 RGB array, got {shape}")
    return img


def _fit(rgb: np.ndarray, size: Sizing) -> np.ndarray:
    """Resize, then pad bottom/right with black to the padded size: (H', W', 3) uint8."""
    out = resize_rgb(rgb, size.width, size.height)
    if (size.padded_height, size.padded_width) != out.shape[:2]:
        canvas = np.zeros((size.padded_height, size.padded_width, 3), np.uint8)
        canvas[: out.shape[0], : out.shape[1]] = out
        out = canvas
    return out


def _normalise(frames: np.ndarray, family: str) -> np.ndarray:
    """(T, H, W, 3) uint8 -> (T, 3, H, W) float32, rescaled by 1/255 then normalised."""
    mean, std = (KIMI_MEAN, KIMI_STD) if family == KIMI else (CLIP_MEAN, CLIP_STD)
    x = frames.astype(np.float32) * np.float32(1 / 255)
    x = (x - np.asarray(mean, np.float32)) / np.asarray(std, np.float32)
    return np.ascontiguousarray(x.transpose(0, 3, 1, 2))


def _kimi_rows(x: np.ndarray) -> np.ndarray:
    """(t, 3, H, W) -> (t*gh*gw, 3, 14, 14), frame-major then row-major."""
    t, c, h, w = x.shape
    gh, gw = h // PATCH, w // PATCH
    x = x.reshape(t, c, gh, PATCH, gw, PATCH).transpose(0, 2, 4, 1, 3, 5)
    return x.reshape(t * gh * gw, c, PATCH, PATCH)


def _qwen_rows(x: np.ndarray) -> np.ndarray:
    """(2g, 3, H, W) -> (g*gh*gw, 1176): per frame pair, merge units in raster order, each unit's
    2x2 patches in raster order, each row laid out (channel, frame, 14, 14)."""
    t2, c, h, w = x.shape
    g, gh, gw = t2 // 2, h // PATCH, w // PATCH
    x = x.reshape(g, 2, c, gh // 2, 2, PATCH, gw // 2, 2, PATCH)
    x = x.transpose(0, 3, 6, 4, 7, 2, 1, 5, 8)  # (g, gh/2, gw/2, dy, dx, c, frame, 14, 14)
    return x.reshape(g * gh * gw, c * 2 * PATCH * PATCH)


def _check_family(family: str) -> None:
    if family not in (KIMI, QWEN):
        raise ValueError(f"unknown encoder family {family!r}; expected {KIMI} or {QWEN}")


def prepare_images(family: str, images: Sequence[np.ndarray],
                   budget: Budget | None = None) -> tuple[torch.Tensor, torch.Tensor]:
    """Pack RGB images for `family`'s encoder: (pixel_values, grid_thw) with t = 1 per image."""
    _check_family(family)
    if not images:
        raise ValueError("no images to encode")
    rows, grid = [], []
    for i, img in enumerate(images):
        img = _check_rgb(img, f"image {i}")
        size = sizing(family, img.shape[1], img.shape[0], budget)
        x = _normalise(_fit(img, size)[None], family)  # (1, 3, H, W)
        if family == KIMI:
            rows.append(_kimi_rows(x))
        else:
            rows.append(_qwen_rows(np.concatenate([x, x])))
        grid.append((1, *size.grid))
    return torch.from_numpy(np.concatenate(rows)), torch.tensor(grid, dtype=torch.long)


def prepare_video(family: str, frames: Sequence[np.ndarray],
                  budget: Budget | None = None) -> tuple[torch.Tensor, torch.Tensor]:
    """Pack a video's sampled frames (all the same size): Qwen frame pairs, one grid row of
    t = pairs; Kimi chunks of up to 4 frames, one grid row per chunk (its own attention
    segment, mean over its frames)."""
    _check_family(family)
    if not frames:
        raise ValueError("a video needs at least one frame")
    first = _check_rgb(frames[0], "frame 0")
    for i, f in enumerate(frames):
        if _check_rgb(f, f"frame {i}").shape != first.shape:
            raise ValueError(f"frame {i} is {f.shape[1]}x{f.shape[0]}, frame 0 {first.shape[1]}x{first.shape[0]}")
    size = sizing(family, first.shape[1], first.shape[0], budget, video_frames=len(frames))
    x = _normalise(np.stack([_fit(f, size) for f in frames]), family)  # (T, 3, H, W)
    groups = video_groups(family, len(frames))
    gh, gw = size.grid
    if family == QWEN:
        if x.shape[0] % 2:
            x = np.concatenate([x, x[-1:]])
        grid = [(len(groups), gh, gw)]
        return torch.from_numpy(np.ascontiguousarray(_qwen_rows(x))), torch.tensor(grid, dtype=torch.long)
    rows, grid, start = [], [], 0
    for n in groups:
        rows.append(_kimi_rows(x[start:start + n]))
        grid.append((n, gh, gw))
        start += n
    return torch.from_numpy(np.concatenate(rows)), torch.tensor(grid, dtype=torch.long)
