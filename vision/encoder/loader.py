"""`load(folder)`: the encoder for a checkpoint folder, its family read from config.json."""
from __future__ import annotations

from pathlib import Path

import torch
from torch import nn

from vision.encoder.config import KIMI, CheckpointError, read_config
from vision.encoder.weights import load_state


def build(cfg) -> nn.Module:
    """An encoder with uninitialised weights for `cfg` (its family decides the class)."""
    if cfg.family == KIMI:
        from vision.encoder.kimi import KimiEncoder

        return KimiEncoder(cfg)
    from vision.encoder.qwen import QwenEncoder

    return QwenEncoder(cfg)


def load(folder: str | Path, dtype: torch.dtype = torch.float32, device: str | torch.device = "cpu") -> nn.Module:
    """Read config.json and the encoder's safetensors from `folder`; returns the module in eval mode.

    The module's `forward(pixel_values, grid_thw)` takes transformers' packed layout for the
    family and returns (tokens, LM width) features in transformers' order. It carries
    `config`, `family`, `merge_size`, `lm_hidden_size` and `tokens_per_item(grid_thw)`.
    Raises CheckpointError (one line) for a folder it cannot use."""
    folder = Path(folder)
    if not folder.is_dir():
        raise CheckpointError(f"{folder}: not a folder")
    cfg = read_config(folder)
    with torch.device("meta"):
        model = build(cfg)
    state = load_state(folder, cfg, model.checkpoint_shapes())
    model = model.to_empty(device="cpu")
    model.load_checkpoint_state({k: v.float() for k, v in state.items()})
    model.reset_buffers()
    return model.to(device=device, dtype=dtype).eval().requires_grad_(False)
