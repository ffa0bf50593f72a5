"""Our encoders against transformers' vision tower + projector, on tiny random checkpoints
saved to temporary folders in the public layouts (float32, 1e-5)."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import torch
from safetensors.torch import load_file, save_file

from vision.encoder import CheckpointError, load

ATOL = 1e-5


def _tiny_kimi(folder: Path):
    from transformers import Kimi_K25Config, Kimi_K25ForConditionalGeneration

    cfg = Kimi_K25Config(
        text_config=dict(model_type="deepseek_v3", vocab_size=256, hidden_size=48, intermediate_size=96,
                         moe_intermediate_size=16, num_hidden_layers=1, num_attention_heads=2,
                         num_key_value_heads=2, q_lora_rank=16, kv_lora_rank=16, qk_rope_head_dim=8,
                         qk_nope_head_dim=8, v_head_dim=8, n_routed_experts=2, num_experts_per_tok=1,
                         first_k_dense_replace=1, n_group=1, topk_group=1),
        vision_config=dict(num_hidden_layers=2, hidden_size=64, intermediate_size=128, num_attention_heads=4,
                           pos_emb_height=8, pos_emb_width=8),
        projection_hidden_size=64,
    )
    torch.manual_seed(0)
    Kimi_K25ForConditionalGeneration(cfg).save_pretrained(str(folder))
    return Kimi_K25ForConditionalGeneration.from_pretrained(
        str(folder), dtype=torch.float32, attn_implementation="sdpa").eval()


def _tiny_qwen(folder: Path):
    from transformers import Qwen2_5_VLConfig, Qwen2_5_VLForConditionalGeneration

    cfg = Qwen2_5_VLConfig(
        text_config=dict(vocab_size=256, hidden_size=64, intermediate_size=128, num_hidden_layers=1,
                         num_attention_heads=4, num_key_value_heads=2, bos_token_id=None, eos_token_id=None,
                         rope_parameters={"rope_type": "default", "rope_theta": 1e4, "mrope_section": [2, 3, 3]}),
        vision_config=dict(depth=4, hidden_size=32, num_heads=4, intermediate_size=64, out_hidden_size=64,
                           window_size=112, fullatt_block_indexes=[1, 3]),
        image_token_id=200, video_token_id=203, vision_start_token_id=201, vision_end_token_id=202,
    )
    torch.manual_seed(1)
    Qwen2_5_VLForConditionalGeneration(cfg).save_pretrained(str(folder))
    return Qwen2_5_VLForConditionalGeneration.from_pretrained(
        str(folder), dtype=torch.float32, attn_implementation="sdpa").eval()


@pytest.fixture(scope="module")
def kimi(tmp_path_factory):
    folder = tmp_path_factory.mktemp("kimi")
    return _tiny_kimi(folder), load(folder), folder


@pytest.fixture(scope="module")
def qwen(tmp_path_factory):
    folder = tmp_path_factory.mktemp("qwen")
    return _tiny_qwen(folder), load(folder), folder


def _pixels(grid: list[list[int]], row: tuple[int, ...], seed: int = 0) -> tuple[torch.Tensor, torch.Tensor]:
    g = torch.tensor(grid)
    gen = torch.Generator().manual_seed(seed)
    return torch.randn(int(g.prod(-1).sum()), *row, generator=gen), g


def _ref_images(ref, pv, grid) -> torch.Tensor:
    with torch.no_grad():
        return torch.cat(ref.model.get_image_features(pv, grid).pooler_output)


def _ref_video(ref, pv, grid) -> torch.Tensor:
    with torch.no_grad():
        return torch.cat(ref.model.get_video_features(pv, grid).pooler_output)


def _close(a: torch.Tensor, b: torch.Tensor) -> None:
    assert a.shape == b.shape
    assert (a - b).abs().max().item() < ATOL


KIMI_ROW = (3, 14, 14)
QWEN_ROW = (1176,)


def test_module_carries_its_settings(kimi, qwen):
    assert (kimi[1].family, kimi[1].merge_size, kimi[1].lm_hidden_size) == ("kimi_k25", 2, 48)
    assert (qwen[1].family, qwen[1].merge_size, qwen[1].lm_hidden_size) == ("qwen2_5_vl", 2, 64)
    assert kimi[1].tokens_per_item(torch.tensor([[1, 6, 8], [4, 4, 4]])) == [12, 4]
    assert qwen[1].tokens_per_item(torch.tensor([[1, 6, 8], [2, 4, 4]])) == [12, 8]


def test_kimi_one_image(kimi):
    ref, enc, _ = kimi
    pv, grid = _pixels([[1, 10, 12]], KIMI_ROW)
    _close(enc(pv, grid), _ref_images(ref, pv, grid))


def test_kimi_packed_images_equal_each_alone(kimi):
    ref, enc, _ = kimi
    grids = [[1, 10, 12], [1, 8, 8], [1, 4, 6], [1, 4, 6], [1, 14, 2]]  # 8x8 = the table's own size
    pv, grid = _pixels(grids, KIMI_ROW, seed=1)
    packed = enc(pv, grid)
    _close(packed, _ref_images(ref, pv, grid))
    start = out = 0
    for g in grids:
        n, m = g[1] * g[2], g[1] * g[2] // 4
        alone = enc(pv[start:start + n], torch.tensor([g]))
        _close(packed[out:out + m], alone)
        start, out = start + n, out + m


def test_kimi_video_chunks_with_short_last_chunk(kimi):
    ref, enc, _ = kimi
    pv, grid = _pixels([[4, 6, 8], [4, 6, 8], [2, 6, 8]], KIMI_ROW, seed=2)
    _close(enc(pv, grid), _ref_video(ref, pv, grid))


def test_qwen_one_image(qwen):
    ref, enc, _ = qwen
    pv, grid = _pixels([[1, 16, 16]], QWEN_ROW)
    _close(enc(pv, grid), _ref_images(ref, pv, grid))


def test_qwen_partial_windows_and_packing(qwen):
    ref, enc, _ = qwen
    # 20x26 patches = 10x13 merge units: windows of 4x4 units leave partial rows and columns
    grids = [[1, 20, 26], [1, 4, 6], [1, 18, 10], [1, 16, 16], [1, 4, 6]]
    pv, grid = _pixels(grids, QWEN_ROW, seed=3)
    packed = enc(pv, grid)
    _close(packed, _ref_images(ref, pv, grid))
    start = out = 0
    for g in grids:
        n = g[1] * g[2]
        _close(packed[out:out + n // 4], enc(pv[start:start + n], torch.tensor([g])))
        start, out = start + n, out + n // 4


def test_qwen_video_frame_pairs(qwen):
    ref, enc, _ = qwen
    pv, grid = _pixels([[3, 10, 18], [2, 8, 8]], QWEN_ROW, seed=4)
    _close(enc(pv, grid), _ref_video(ref, pv, grid))


def test_forward_rejects_a_grid_that_does_not_match(kimi, qwen):
    pv, _ = _pixels([[1, 4, 4]], KIMI_ROW)
    with pytest.raises(ValueError, match="grid_thw implies 20"):
        kimi[1](pv, torch.tensor([[1, 4, 5]]))
    pv, _ = _pixels([[1, 4, 6]], QWEN_ROW)
    with pytest.raises(ValueError, match="even"):
        qwen[1](pv[:18], torch.tensor([[1, 3, 6]]))


def _hub_layout(src: Path, dst: Path) -> None:
    """Rewrite a save_pretrained Kimi folder into the hub's key names, in two shards + index."""
    shutil.copytree(src, dst)
    tensors = load_file(str(dst / "model.safetensors"))
    (dst / "model.safetensors").unlink()
    renames = {"vision_tower.encoder.patch_embed.": "vision_tower.patch_embed.",
               "model.mm_projector.pre_norm.": "mm_projector.pre_norm."}
    hub = {}
    for k, v in tensors.items():
        for a, b in renames.items():
            if k.startswith(a):
                k = b + k[len(a):]
        hub[k] = v.contiguous()
    keys = sorted(hub)
    shards = {"model-00001-of-00002.safetensors": keys[::2], "model-00002-of-00002.safetensors": keys[1::2]}
    weight_map = {}
    for name, ks in shards.items():
        save_file({k: hub[k] for k in ks}, str(dst / name), metadata={"format": "pt"})
        weight_map.update({k: name for k in ks})
    (dst / "model.safetensors.index.json").write_text(json.dumps({"metadata": {}, "weight_map": weight_map}))


def test_kimi_hub_layout_sharded(kimi, tmp_path):
    from transformers import Kimi_K25ForConditionalGeneration

    ref, enc, folder = kimi
    hub = tmp_path / "hub"
    _hub_layout(folder, hub)
    ours = load(hub)
    pv, grid = _pixels([[1, 6, 10], [2, 4, 4]], KIMI_ROW, seed=5)
    _close(ours(pv, grid), enc(pv, grid))
    # transformers reads the same hub-named folder into the same model: the names are the hub's
    theirs = Kimi_K25ForConditionalGeneration.from_pretrained(str(hub), dtype=torch.float32,
                                                              attn_implementation="sdpa").eval()
    _close(_ref_images(theirs, pv, grid), ours(pv, grid))


def _edit(src: Path, dst: Path, drop: str | None = None, add: str | None = None) -> None:
    shutil.copytree(src, dst)
    tensors = load_file(str(dst / "model.safetensors"))
    if drop:
        tensors.pop(drop)
    if add:
        tensors[add] = torch.zeros(3)
    save_file(tensors, str(dst / "model.safetensors"), metadata={"format": "pt"})


def test_missing_and_unexpected_keys_are_named(kimi, qwen, tmp_path):
    _edit(kimi[2], tmp_path / "a", drop="vision_tower.encoder.blocks.1.wo.weight")
    with pytest.raises(CheckpointError, match=r"missing.*vision_tower\.encoder\.blocks\.1\.wo\.weight"):
        load(tmp_path / "a")
    _edit(qwen[2], tmp_path / "b", add="visual.blocks.9.attn.qkv.weight")
    with pytest.raises(CheckpointError, match=r"unexpected.*visual\.blocks\.9\.attn\.qkv\.weight"):
        load(tmp_path / "b")


def test_unusable_folders_give_one_line_errors(kimi, tmp_path):
    with pytest.raises(CheckpointError, match="not a folder"):
        load(tmp_path / "nothing")
    (tmp_path / "empty").mkdir()
    with pytest.raises(CheckpointError, match="no config.json"):
        load(tmp_path / "empty")
    shutil.copytree(kimi[2], tmp_path / "llama")
    cfg = json.loads((tmp_path / "llama" / "config.json").read_text())
    (tmp_path / "llama" / "config.json").write_text(json.dumps({**cfg, "model_type": "llama"}))
    with pytest.raises(CheckpointError, match="model_type 'llama'"):
        load(tmp_path / "llama")
    shutil.copytree(kimi[2], tmp_path / "wide")
    cfg["vision_config"]["hidden_size"] = 128
    (tmp_path / "wide" / "config.json").write_text(json.dumps(cfg))
    with pytest.raises(CheckpointError, match="shape"):
        load(tmp_path / "wide")
