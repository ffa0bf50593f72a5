"""The MoonViT-style vision encoder: one readable native-resolution ViT on 14x14 patches with
two checkpoint families, Kimi K2.5 (MoonViT) and Qwen2.5-VL, weight-compatible with their
public checkpoints and checked against transformers.

- `load(folder)`: the encoder module for a checkpoint folder (family from config.json).
- `prepare_images(family, images)` / `prepare_video(family, frames)`: packed pixel values and
  grid for `forward`, resized to the family's budget (see `vision.resize` for sizes and
  `num_tokens`).
"""
from vision.encoder.config import KIMI, QWEN, CheckpointError, EncoderConfig, read_config
from vision.encoder.loader import load
from vision.encoder.patchify import prepare_images, prepare_video

__all__ = ["KIMI", "QWEN", "CheckpointError", "EncoderConfig", "load", "prepare_images", "prepare_video",
           "read_config"]
