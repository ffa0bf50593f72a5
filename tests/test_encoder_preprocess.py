"""Resizing budgets, token counts and the packed layouts of both encoder families."""
from __future__ import annotations

import json

import numpy as np
import pytest
import torch

from vision.encoder.config import EncoderConfig
from vision.encoder.loader import build
from vision.encoder.patchify import prepare_images, prepare_video
from vision.resize import (KIMI, QWEN, Budget, SizeError, budget_from_checkpoint, num_tokens, sizing,
                           video_groups, video_tokens)


def _img(w: int, h: int, seed: int = 0) -> np.ndarray:
    return np.random.default_rng(seed).integers(0, 256, (h, w, 3), dtype=np.uint8)


@pytest.mark.parametrize("w,h,qwen,kimi", [
    (1280, 800, 1334, 1334),  # 812x1288 -> 29x46 tokens; Kimi keeps 1280x800, pads to 1288x812
    (1920, 1080, 2691, 2691),  # 1092x1932 -> 39x69 tokens, under both budgets
    (3840, 2160, 10549, 4214),  # the notes: Qwen 3836x2156; Kimi 2392x1345 padded to 2408x1372
])
def test_token_counts(w, h, qwen, kimi):
    assert num_tokens(QWEN, w, h) == qwen
    assert num_tokens(KIMI, w, h) == kimi


def test_4k_sizes_match_the_processors():
    q = sizing(QWEN, 3840, 2160)
    assert (q.width, q.height, q.grid) == (3836, 2156, (154, 274))
    k = sizing(KIMI, 3840, 2160)
    assert (k.width, k.height, k.padded_width, k.padded_height, k.grid) == (2392, 1345, 2408, 1372, (98, 172))
    # at most 512 patches a side for a long page, whatever the area
    long = sizing(KIMI, 1000, 20000)
    assert long.height <= 512 * 14 and long.grid[0] <= 512


def test_video_budgets():
    assert video_tokens(QWEN, 1920, 1080, 20) == 7200  # 20 frames at 1008x560, in 10 pairs
    assert sizing(QWEN, 1920, 1080, video_frames=20).width == 1008
    assert video_tokens(KIMI, 1920, 1080, 20) == 5160  # 4096 patches a frame -> 5 chunks of 1032
    assert video_groups(KIMI, 10) == [4, 4, 2]
    assert video_groups(QWEN, 5) == [2, 2, 2]


@pytest.mark.parametrize("budget", [None, Budget(QWEN, max_pixels=60000), Budget(QWEN, min_pixels=200000)])
def test_qwen_pixels_equal_transformers_pil_processor(budget):
    from transformers.models.qwen2_vl.image_processing_pil_qwen2_vl import Qwen2VLImageProcessorPil

    b = budget or Budget(QWEN)
    proc = Qwen2VLImageProcessorPil(min_pixels=b.min_pixels, max_pixels=b.max_pixels)
    imgs = [_img(150, 100, 1), _img(300, 57, 2), _img(333, 421, 3)]
    ref = proc(images=imgs, return_tensors="pt")
    pv, grid = prepare_images(QWEN, imgs, budget)
    assert grid.tolist() == ref["image_grid_thw"].tolist()
    assert pv.shape == ref["pixel_values"].shape
    assert (pv - ref["pixel_values"]).abs().max().item() < 1e-5


def test_kimi_layout_normalisation_and_padding():
    img = _img(30, 20, 4)  # pads to 56 x 28: grid 2 x 4
    pv, grid = prepare_images(KIMI, [img])
    assert grid.tolist() == [[1, 2, 4]] and pv.shape == (8, 3, 14, 14)
    expected = img.astype(np.float32) / 255 * 2 - 1
    # patch (row 1, col 0) holds pixels [14:20, 0:14] then black padding (-1)
    patch = pv[4].numpy().transpose(1, 2, 0)
    assert np.allclose(patch[:6], expected[14:20, 0:14], atol=1e-6)
    assert np.all(patch[6:] == -1)
    assert np.allclose(pv[1].numpy().transpose(1, 2, 0)[:, :14], expected[0:14, 14:28], atol=1e-6)
    assert np.all(pv[2].numpy()[:, :, 2:] == -1)  # image columns end at 30, inside patch column 2
    assert np.all(pv[3].numpy() == -1)


def test_videos_pack_in_pairs_and_chunks():
    frames = [_img(392, 280, s) for s in range(5)]  # already a size both video budgets keep
    pv, grid = prepare_video(QWEN, frames)
    assert grid.tolist() == [[3, 20, 28]] and pv.shape == (3 * 560, 1176)
    rows = pv.view(3, 560, 3, 2, 14, 14)
    for i, f in enumerate(frames):
        still, _ = prepare_images(QWEN, [f])
        assert torch.equal(rows[i // 2, :, :, i % 2], still.view(560, 3, 2, 14, 14)[:, :, 0])
    assert torch.equal(rows[2, :, :, 1], rows[2, :, :, 0])  # the odd frame out is repeated
    pv, grid = prepare_video(KIMI, frames + frames[:1])
    assert grid.tolist() == [[4, 20, 28], [2, 20, 28]]
    one, _ = prepare_images(KIMI, [frames[4]])
    assert torch.equal(pv[4 * 560:5 * 560], one)


def test_budget_read_from_preprocessor_config(tmp_path):
    (tmp_path / "preprocessor_config.json").write_text(json.dumps({"min_pixels": 1000, "max_pixels": 50000}))
    assert budget_from_checkpoint(tmp_path, QWEN) == Budget(QWEN, min_pixels=1000, max_pixels=50000)
    (tmp_path / "preprocessor_config.json").write_text(json.dumps(
        {"media_proc_cfg": {"in_patch_limit": 4096, "patch_limit_on_one_side": 256}}))
    b = budget_from_checkpoint(tmp_path, KIMI)
    assert (b.max_patches, b.side_patches) == (4096, 256)
    (tmp_path / "preprocessor_config.json").write_text(json.dumps({"size": {"shortest_edge": 3136,
                                                                            "longest_edge": 1003520}}))
    assert budget_from_checkpoint(tmp_path, QWEN).max_pixels == 1003520
    assert budget_from_checkpoint(tmp_path / "none", KIMI) == Budget(KIMI)


def test_bad_inputs_give_clear_errors():
    with pytest.raises(ValueError, match=r"\(H, W, 3\) uint8"):
        prepare_images(KIMI, [np.zeros((10, 10), np.uint8)])
    with pytest.raises(SizeError, match="elongated"):
        num_tokens(QWEN, 10000, 20)
    with pytest.raises(ValueError, match="unknown encoder family"):
        num_tokens("llava", 100, 100)
    with pytest.raises(ValueError, match="frame 1"):
        prepare_video(KIMI, [_img(50, 50), _img(60, 50)])


@pytest.mark.parametrize("family", [KIMI, QWEN])
def test_prepared_images_give_num_tokens_features(family):
    cfg = EncoderConfig(family=family, hidden_size=32, num_heads=2, num_layers=1, intermediate_size=64,
                        lm_hidden_size=16, pos_emb_height=8, pos_emb_width=8,
                        temporal_patch_size=2 if family == QWEN else 1, fullatt_blocks=(0,))
    torch.manual_seed(0)
    enc = build(cfg).eval()
    imgs = [_img(200, 120, 5), _img(90, 300, 6)]
    pv, grid = prepare_images(family, imgs)
    with torch.no_grad():
        out = enc(pv, grid)
    assert out.shape == (sum(num_tokens(family, i.shape[1], i.shape[0]) for i in imgs), 16)
    assert enc.tokens_per_item(grid) == [num_tokens(family, i.shape[1], i.shape[0]) for i in imgs]
