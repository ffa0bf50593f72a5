"""Image sizes and token counts for each encoder family's budget, and the resize itself.

Both families cut images into 14x14 patches and merge 2x2 patches into one LM token, so every
side ends up a multiple of 28; they differ in how the size is chosen:
- Kimi K2.5 (`navit_resize`): shrink (never enlarge) so that (W/14)*(H/14) stays within the
  patch limit (16384 for images, 4096 per video frame) and no side exceeds 512 patches, then
  pad the bottom and right edges to a multiple of 28.
- Qwen2.5-VL (`smart_resize`): round each side to a multiple of 28, then scale down to
  max_pixels or up to min_pixels (from the checkpoint's preprocessor_config.json).
No torch here: the OpenAI-compatible backend needs token counts without the model stack.
"""
from __future__ import annotations

import json
import math
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from PIL import Image

KIMI = "kimi_k25"
QWEN = "qwen2_5_vl"
PATCH = 14
MERGE = 2
FACTOR = PATCH * MERGE  # 28

KIMI_IMAGE_PATCHES = 16384
KIMI_FRAME_PATCHES = 4096
KIMI_SIDE_PATCHES = 512
KIMI_CHUNK_FRAMES = 4

QWEN_MIN_PIXELS = 3136  # 56 * 56
QWEN_MAX_PIXELS = 12845056  # 16384 * 28 * 28, the checkpoints' preprocessor_config.json
QWEN_VIDEO_MIN_PIXELS = 128 * FACTOR * FACTOR
QWEN_VIDEO_MAX_PIXELS = 768 * FACTOR * FACTOR
QWEN_VIDEO_TOTAL_PIXELS = 24576 * FACTOR * FACTOR  # qwen-vl-utils' budget for a whole video
QWEN_MAX_RATIO = 200


class SizeError(ValueError):
    """The image cannot be sized for the family (empty, or too elongated); one-line message."""


@dataclass(frozen=True)
class Budget:
    """Resizing limits for one family; defaults are the public checkpoints' values."""

    family: str
    max_patches: int = KIMI_IMAGE_PATCHES  # Kimi, per image
    frame_patches: int = KIMI_FRAME_PATCHES  # Kimi, per video frame
    side_patches: int = KIMI_SIDE_PATCHES  # Kimi
    min_pixels: int = QWEN_MIN_PIXELS  # Qwen, images
    max_pixels: int = QWEN_MAX_PIXELS  # Qwen, images


@dataclass(frozen=True)
class Sizing:
    """Where an image of (width, height) ends up: resized, then padded (Kimi only), in pixels."""

    width: int
    height: int
    padded_width: int
    padded_height: int

    @property
    def grid(self) -> tuple[int, int]:
        """(rows, columns) of 14-px patches."""
        return self.padded_height // PATCH, self.padded_width // PATCH

    @property
    def tokens(self) -> int:
        """LM tokens for one image (or one video chunk / frame pair)."""
        gh, gw = self.grid
        return (gh // MERGE) * (gw // MERGE)


def _check(width: int, height: int) -> None:
    if width < 1 or height < 1:
        raise SizeError(f"image of {width}x{height} has no pixels")


def kimi_sizing(width: int, height: int, max_patches: int = KIMI_IMAGE_PATCHES,
                side_patches: int = KIMI_SIDE_PATCHES) -> Sizing:
    """transformers' `navit_resize` for Kimi K2.5 (the hub processor's rule)."""
    _check(width, height)
    patches = max(1, height // PATCH) * max(1, width // PATCH)
    limit = side_patches * PATCH
    scale = min(1.0, math.sqrt(max_patches / patches), limit / height, limit / width)
    new_h = min(max(1, int(height * scale)), limit)
    new_w = min(max(1, int(width * scale)), limit)
    return Sizing(new_w, new_h, -(-new_w // FACTOR) * FACTOR, -(-new_h // FACTOR) * FACTOR)


def qwen_sizing(width: int, height: int, min_pixels: int = QWEN_MIN_PIXELS,
                max_pixels: int = QWEN_MAX_PIXELS) -> Sizing:
    """Qwen2-VL's `smart_resize` (factor 28), as its image processor applies it."""
    _check(width, height)
    if max(height, width) / min(height, width) > QWEN_MAX_RATIO:
        raise SizeError(f"image of {width}x{height} is more elongated than {QWEN_MAX_RATIO}:1")
    h = round(height / FACTOR) * FACTOR
    w = round(width / FACTOR) * FACTOR
    if h * w > max_pixels:
        beta = math.sqrt(height * width / max_pixels)
        h = max(FACTOR, math.floor(height / beta / FACTOR) * FACTOR)
        w = max(FACTOR, math.floor(width / beta / FACTOR) * FACTOR)
    elif h * w < min_pixels:
        beta = math.sqrt(min_pixels / (height * width))
        h = math.ceil(height * beta / FACTOR) * FACTOR
        w = math.ceil(width * beta / FACTOR) * FACTOR
    return Sizing(w, h, w, h)


def qwen_video_pixels(frames: int) -> tuple[int, float]:
    """(min, max) pixels per frame for a video of `frames` frames (qwen-vl-utils' rule: the
    whole video shares a total budget, each frame within 128..768 tokens' worth)."""
    per_frame = QWEN_VIDEO_TOTAL_PIXELS / max(1, frames) * 2
    return QWEN_VIDEO_MIN_PIXELS, max(min(QWEN_VIDEO_MAX_PIXELS, per_frame), int(QWEN_VIDEO_MIN_PIXELS * 1.05))


def sizing(family: str, width: int, height: int, budget: Budget | None = None, *,
           video_frames: int = 0) -> Sizing:
    """The size an image (or, with video_frames > 0, each frame of a video) is encoded at."""
    budget = budget or Budget(family)
    if family == KIMI:
        limit = budget.frame_patches if video_frames else budget.max_patches
        return kimi_sizing(width, height, limit, budget.side_patches)
    if family == QWEN:
        if video_frames:
            return qwen_sizing(width, height, *qwen_video_pixels(video_frames))
        return qwen_sizing(width, height, budget.min_pixels, budget.max_pixels)
    raise ValueError(f"unknown encoder family {family!r}; expected {KIMI} or {QWEN}")


def num_tokens(family: str, width: int, height: int, budget: Budget | None = None) -> int:
    """LM placeholder tokens for one image of width x height, as the checkpoint's processor counts."""
    return sizing(family, width, height, budget).tokens


def video_groups(family: str, frames: int) -> list[int]:
    """Frames per encoder item: Qwen pairs (an odd count repeats its last frame), Kimi chunks
    of up to 4 with a shorter last one."""
    if frames < 1:
        raise SizeError("a video needs at least one frame")
    if family == QWEN:
        return [2] * ((frames + 1) // 2)
    if family == KIMI:
        return [min(KIMI_CHUNK_FRAMES, frames - s) for s in range(0, frames, KIMI_CHUNK_FRAMES)]
    raise ValueError(f"unknown encoder family {family!r}; expected {KIMI} or {QWEN}")


def video_tokens(family: str, width: int, height: int, frames: int) -> int:
    """LM tokens for a video of `frames` sampled frames of width x height."""
    per_item = sizing(family, width, height, video_frames=frames).tokens
    return per_item * len(video_groups(family, frames))


def budget_from_checkpoint(folder: str | Path, family: str) -> Budget:
    """Read resizing limits from `folder/preprocessor_config.json` when present (both the hub's
    and transformers' spellings); defaults otherwise."""
    path = Path(folder) / "preprocessor_config.json"
    raw: dict = {}
    if path.is_file():
        try:
            raw = json.loads(path.read_text())
        except (OSError, json.JSONDecodeError):
            raw = {}
    raw = {**raw, **(raw.get("media_proc_cfg") or {})}
    size = raw.get("size") or {}
    if family == QWEN:
        return Budget(family,
                      min_pixels=int(raw.get("min_pixels") or size.get("shortest_edge") or QWEN_MIN_PIXELS),
                      max_pixels=int(raw.get("max_pixels") or size.get("longest_edge") or QWEN_MAX_PIXELS))
    return Budget(family,
                  max_patches=int(raw.get("in_patch_limit") or raw.get("max_patches") or KIMI_IMAGE_PATCHES),
                  frame_patches=int(raw.get("in_patch_limit_each_frame") or KIMI_FRAME_PATCHES),
                  side_patches=int(raw.get("patch_limit_on_one_side") or size.get("max_height")
                                   or KIMI_SIDE_PATCHES))


def resize_rgb(rgb: np.ndarray, width: int, height: int) -> np.ndarray:
    """Bicubic resize of an (H, W, 3) uint8 image (PIL, antialiased when shrinking, as the
    processors' PIL path does); returns the input unchanged when the size already matches."""
    if rgb.shape[1] == width and rgb.shape[0] == height:
        return rgb
    return np.asarray(Image.fromarray(rgb).resize((width, height), Image.Resampling.BICUBIC))
