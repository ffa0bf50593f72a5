"""The vision half of a local checkpoint: the project's encoder and its preprocessing.

`vision.encoder.load` builds the encoder from the checkpoint folder's own weights;
`vision.encoder.prepare_images` / `prepare_video` resize to the family's budget (read from the
folder's preprocessor_config.json) and pack pixels in the layout the encoder takes.
"""
from __future__ import annotations

from pathlib import Path

import numpy as np
import torch


class Preprocess:
    """Images and video frames to (pixel_values, grid_thw) at one checkpoint's budget."""

    def __init__(self, family: str, folder: Path):
        from vision.resize import budget_from_checkpoint

        self.family = family
        self.budget = budget_from_checkpoint(folder, family)

    def images(self, images: list[np.ndarray]) -> tuple[torch.Tensor, torch.Tensor]:
        from vision.encoder import prepare_images

        return prepare_images(self.family, images, budget=self.budget)

    def video(self, frames: list[np.ndarray]) -> tuple[torch.Tensor, torch.Tensor]:
        """One grid row per Qwen frame pair (t = pairs) or per Kimi chunk of up to 4 frames."""
        from vision.encoder import prepare_video

        return prepare_video(self.family, frames, budget=self.budget)


def load_vision(folder: Path, family: str, device: torch.device,
                dtype: torch.dtype) -> tuple[torch.nn.Module, Preprocess]:
    from vision.encoder import load

    encoder = load(folder, dtype=dtype, device=device)
    if getattr(encoder, "family", family) != family:
        raise ValueError(f"{folder}: the encoder reads family {encoder.family!r}, the model {family!r}")
    return encoder, Preprocess(family, folder)
