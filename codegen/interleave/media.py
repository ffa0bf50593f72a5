"""Pictures to encoder inputs and features, per checkpoint family.

An image is one grid row; a Qwen2.5-VL video is one row of frame pairs (t = frames / 2); a Kimi
K2.5 video is one row per chunk of up to 4 frames, each chunk its own placeholder run with its
start time. Every row becomes one run of placeholders of (t *) h * w / 4 tokens, so the
encoder's packed output splits back into runs by those counts.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import torch

from codegen.interleave.positions import Grid
from codegen.interleave.prompt import MediaSlot, PromptError
from vision.video.sample import group_frames

MERGE = 4   # 2x2 spatial merge in both families


@dataclass
class PreparedMedia:
    """One image or video ready for the encoder: packed pixels, grid rows, prompt slot, grid."""

    kind: str
    pixel_values: torch.Tensor
    grid_thw: torch.Tensor          # (rows, 3) in patches
    slot: MediaSlot
    grid: Grid                      # for M-RoPE (Qwen); Kimi ignores it


def row_tokens(family: str, grid_thw: torch.Tensor) -> list[int]:
    """Placeholder count of each grid row: Kimi averages a chunk over time, Qwen keeps t."""
    g = grid_thw.tolist()
    if family == "kimi_k25":
        return [h * w // MERGE for _, h, w in g]
    return [t * h * w // MERGE for t, h, w in g]


def _rgb(arr, what: str) -> np.ndarray:
    if hasattr(arr, "convert") and hasattr(arr, "size"):       # a PIL image
        arr = np.asarray(arr.convert("RGB"))
    if not isinstance(arr, np.ndarray) or arr.ndim != 3 or arr.shape[2] != 3 or arr.dtype != np.uint8:
        raise PromptError(f"{what}: expected an RGB uint8 array (H, W, 3), got "
                          f"{getattr(arr, 'shape', type(arr).__name__)}")
    return np.ascontiguousarray(arr)


def _image_array(part: dict, index: int) -> np.ndarray:
    img = part.get("image")
    if isinstance(img, (str, bytes)) or hasattr(img, "read_bytes"):
        from vision.load import load_image
        return load_image(img)
    return _rgb(img, f"image part {index}")


def prepare_part(family: str, part: dict, index: int, preprocess) -> PreparedMedia:
    """Preprocess one content part with `preprocess` (the encoder family's image/video functions)."""
    if part["type"] == "image":
        pixel_values, grid_thw = preprocess.images([_image_array(part, index)])
        slot = MediaSlot("image", row_tokens(family, grid_thw))
        t, h, w = grid_thw[0].tolist()
        return PreparedMedia("image", pixel_values, grid_thw, slot, Grid(t, h, w))
    frames = part.get("frames")
    if not isinstance(frames, (list, tuple)) or not frames:
        raise PromptError(f"video part {index}: needs a non-empty list of frames")
    frames = [_rgb(f, f"video part {index}, frame {k}") for k, f in enumerate(frames)]
    if any(f.shape != frames[0].shape for f in frames):
        raise PromptError(f"video part {index}: frames must all be the same size")
    stamps = part.get("timestamps")
    if stamps is None:
        stamps = [i / 2.0 for i in range(len(frames))]       # the 2 fps the families train with
    if len(stamps) != len(frames):
        raise PromptError(f"video part {index}: {len(frames)} frames but {len(stamps)} timestamps")
    stamps = [float(s) for s in stamps]
    groups = group_frames(family, frames, stamps)
    pixel_values, grid_thw = preprocess.video(frames)
    if family == "kimi_k25" and grid_thw.shape[0] != len(groups):
        raise RuntimeError(f"video preprocessing made {grid_thw.shape[0]} chunks, expected {len(groups)}")
    runs = row_tokens(family, grid_thw)
    slot = MediaSlot("video", runs, [g.start for g in groups])
    t, h, w = (int(grid_thw[:, 0].sum()), *grid_thw[0, 1:].tolist())
    return PreparedMedia("video", pixel_values, grid_thw, slot, Grid(t, h, w, _seconds_per_pair(stamps)))


def _seconds_per_pair(stamps: list[float]) -> float:
    """Seconds covered by one temporal step (two frames) at the video's mean sampling interval."""
    if len(stamps) < 2:
        return 1.0
    return 2.0 * (stamps[-1] - stamps[0]) / (len(stamps) - 1)


@torch.inference_mode()
def encode_media(encoder: torch.nn.Module, family: str, items: list[PreparedMedia],
                 device: torch.device, dtype: torch.dtype) -> list[torch.Tensor]:
    """Features for every placeholder run, in prompt order (images and videos packed apart)."""
    out: dict[tuple[int, int], torch.Tensor] = {}
    for kind in ("image", "video"):
        chosen = [(i, m) for i, m in enumerate(items) if m.kind == kind]
        if not chosen:
            continue
        pixels = torch.cat([m.pixel_values for _, m in chosen]).to(device, dtype)
        grid = torch.cat([m.grid_thw for _, m in chosen]).to(device)
        feats = encoder(pixels, grid)
        sizes = row_tokens(family, grid.cpu())
        if feats.shape[0] != sum(sizes):
            raise RuntimeError(f"encoder returned {feats.shape[0]} features for {sum(sizes)} placeholders")
        parts = list(torch.split(feats, sizes))
        for i, m in chosen:
            for r in range(m.grid_thw.shape[0]):
                out[(i, r)] = parts.pop(0)
    return [out[key] for key in sorted(out)]
