"""Reading the public checkpoints' config.json spellings, and the key maps at full size
(built on the meta device: no memory, no weights)."""
from __future__ import annotations

import pytest
import torch

from vision.encoder.config import KIMI, QWEN, CheckpointError, parse_config
from vision.encoder.loader import build
from vision.encoder.weights import key_map

# vision settings as the hub's Kimi K2.5 and Qwen2.5-VL-7B-Instruct config.json files spell them
KIMI_HUB = {
    "model_type": "kimi_k25",
    "text_config": {"model_type": "kimi_k2", "hidden_size": 7168},
    "vision_config": {"vt_hidden_size": 1152, "vt_num_hidden_layers": 27, "vt_num_attention_heads": 16,
                      "vt_intermediate_size": 4304, "mm_hidden_size": 1152, "text_hidden_size": 7168,
                      "patch_size": 14, "merge_kernel_size": [2, 2], "merge_type": "sd2_tpool",
                      "init_pos_emb_height": 64, "init_pos_emb_width": 64, "init_pos_emb_time": 4,
                      "pos_emb_type": "divided_fixed", "mm_projector_type": "patchmerger",
                      "projector_hidden_act": "gelu", "projector_ln_eps": 1e-05},
}
QWEN_HUB = {
    "model_type": "qwen2_5_vl", "hidden_size": 3584,
    "vision_config": {"depth": 32, "hidden_act": "silu", "hidden_size": 1280, "intermediate_size": 3420,
                      "num_heads": 16, "in_chans": 3, "out_hidden_size": 3584, "patch_size": 14,
                      "spatial_merge_size": 2, "spatial_patch_size": 14, "window_size": 112,
                      "fullatt_block_indexes": [7, 15, 23, 31], "tokens_per_second": 2, "temporal_patch_size": 2},
}


def test_hub_spellings():
    k = parse_config(KIMI_HUB)
    assert (k.family, k.hidden_size, k.num_heads, k.num_layers, k.intermediate_size, k.lm_hidden_size) == (
        KIMI, 1152, 16, 27, 4304, 7168)
    assert (k.head_dim, k.pos_emb_height, k.pos_emb_time, k.merge_size) == (72, 64, 4, 2)
    q = parse_config(QWEN_HUB)
    assert (q.family, q.hidden_size, q.num_heads, q.num_layers, q.lm_hidden_size, q.fullatt_blocks) == (
        QWEN, 1280, 16, 32, 3584, (7, 15, 23, 31))
    assert (q.head_dim, q.temporal_patch_size, q.window_size) == (80, 2, 112)


@pytest.mark.parametrize("raw,n_keys", [(KIMI_HUB, 10 + 1 + 27 * 12), (QWEN_HUB, 1 + 5 + 32 * 12)])
def test_key_map_covers_every_parameter_at_full_size(raw, n_keys):
    cfg = parse_config(raw)
    with torch.device("meta"):
        model = build(cfg)
    shapes = model.checkpoint_shapes()
    names = key_map(cfg)
    assert set(names) == set(shapes) and len(names) == n_keys
    if cfg.family == KIMI:
        assert shapes["patch_embed.weight"] == (1152, 3, 14, 14)
        assert shapes["pos_emb"] == (64, 64, 1152)
        assert shapes["projector.fc1.weight"] == (7168, 4608)
        assert names["blocks.26.attn.qkv.weight"] == ("vision_tower.encoder.blocks.26.wqkv.weight",)
    else:
        assert shapes["patch_embed.weight"] == (1280, 3, 2, 14, 14)
        assert shapes["blocks.0.mlp.gate.weight"] == (3420, 1280)
        assert shapes["merger.fc1.weight"] == (3584, 5120)
        assert names["merger.fc0.bias"][0] == "visual.merger.mlp.0.bias"


def test_configs_that_are_not_these_towers():
    with pytest.raises(CheckpointError, match="hidden_act"):
        parse_config({**QWEN_HUB, "vision_config": {**QWEN_HUB["vision_config"], "hidden_act": "quick_gelu"}})
    with pytest.raises(CheckpointError, match="vt_hidden_size / hidden_size"):
        parse_config({"model_type": "kimi_k25", "text_config": {"hidden_size": 8}, "vision_config": {}})
    with pytest.raises(CheckpointError, match="qwen2_vl"):
        parse_config({"model_type": "qwen2_vl"})
