"""Reading an encoder's tensors from a checkpoint folder through an explicit key map.

A checkpoint holds the whole vision-language model; only the vision tower and projector are
read here, and only from the shards that hold them (a Kimi K2.5 checkpoint is ~600 GB, its
vision part under 1 GB). Every key under the family's vision prefixes must be used exactly
once and every parameter found, else `CheckpointError` names the keys.
"""
from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

import torch
from safetensors import safe_open

from vision.encoder.config import KIMI, CheckpointError, EncoderConfig

# Checkpoint keys under these prefixes belong to the encoder; everything else (the language
# model, lm_head) is skipped without being read.
VISION_PREFIXES = {
    KIMI: ("vision_tower.", "mm_projector.", "model.vision_tower.", "model.mm_projector."),
    "qwen2_5_vl": ("visual.", "model.visual."),
}


def _kimi_map(cfg: EncoderConfig) -> dict[str, tuple[str, ...]]:
    """Our parameter name -> accepted checkpoint names (hub layout first, then the names
    transformers' save_pretrained writes for the groups it does not convert back)."""
    m: dict[str, tuple[str, ...]] = {}
    for p in ("weight", "bias"):
        m[f"patch_embed.{p}"] = (
            f"vision_tower.patch_embed.proj.{p}",
            f"vision_tower.encoder.patch_embed.proj.{p}",
        )
        m[f"final_norm.{p}"] = (f"vision_tower.encoder.final_layernorm.{p}",)
        m[f"projector.norm.{p}"] = (f"mm_projector.pre_norm.{p}", f"model.mm_projector.pre_norm.{p}")
        m[f"projector.fc0.{p}"] = (f"mm_projector.proj.0.{p}",)
        m[f"projector.fc1.{p}"] = (f"mm_projector.proj.2.{p}",)
        for i in range(cfg.num_layers):
            hub = f"vision_tower.encoder.blocks.{i}"
            for ours, theirs in (
                ("norm0", "norm0"),
                ("norm1", "norm1"),
                ("attn.qkv", "wqkv"),
                ("attn.out", "wo"),
                ("mlp.fc0", "mlp.fc0"),
                ("mlp.fc1", "mlp.fc1"),
            ):
                m[f"blocks.{i}.{ours}.{p}"] = (f"{hub}.{theirs}.{p}",)
    m["pos_emb"] = ("vision_tower.patch_embed.pos_emb.weight",)
    return m


def _qwen_map(cfg: EncoderConfig) -> dict[str, tuple[str, ...]]:
    """Our parameter name -> accepted checkpoint names (hub `visual.*`, or `model.visual.*`)."""
    names = ["patch_embed.weight", "merger.norm.weight"]
    names += [f"merger.fc{j}.{p}" for j in (0, 1) for p in ("weight", "bias")]
    for i in range(cfg.num_layers):
        names += [f"blocks.{i}.norm1.weight", f"blocks.{i}.norm2.weight"]
        for lin in ("attn.qkv", "attn.out", "mlp.gate", "mlp.up", "mlp.down"):
            names += [f"blocks.{i}.{lin}.weight", f"blocks.{i}.{lin}.bias"]
    rename = {
        "patch_embed.weight": "patch_embed.proj.weight",
        "merger.norm.weight": "merger.ln_q.weight",
        ".attn.out.": ".attn.proj.",
        ".mlp.gate.": ".mlp.gate_proj.",
        ".mlp.up.": ".mlp.up_proj.",
        ".mlp.down.": ".mlp.down_proj.",
        "merger.fc0.": "merger.mlp.0.",
        "merger.fc1.": "merger.mlp.2.",
    }
    m = {}
    for name in names:
        hub = name
        for a, b in rename.items():
            hub = hub.replace(a, b)
        m[name] = (f"visual.{hub}", f"model.visual.{hub}")
    return m


def key_map(cfg: EncoderConfig) -> dict[str, tuple[str, ...]]:
    """The explicit map for the checkpoint's family."""
    return _kimi_map(cfg) if cfg.family == KIMI else _qwen_map(cfg)


def _shards(folder: Path) -> dict[str, Path]:
    """Checkpoint key -> the safetensors file holding it (sharded index, or one file)."""
    index = folder / "model.safetensors.index.json"
    if index.is_file():
        try:
            weight_map = json.loads(index.read_text())["weight_map"]
        except (OSError, ValueError, KeyError) as exc:
            raise CheckpointError(f"{index}: unreadable ({exc})") from None
        return {k: folder / v for k, v in weight_map.items()}
    files = sorted(folder.glob("*.safetensors"))
    if not files:
        raise CheckpointError(f"{folder}: no model.safetensors or model.safetensors.index.json")
    where: dict[str, Path] = {}
    for f in files:
        with safe_open(str(f), "pt") as h:
            for k in h.keys():
                where[k] = f
    return where


def _fail(kind: str, keys: Iterable[str]) -> None:
    keys = sorted(keys)
    shown = ", ".join(keys[:8]) + (f" (+{len(keys) - 8} more)" if len(keys) > 8 else "")
    raise CheckpointError(f"checkpoint has {kind} encoder keys: {shown}")


def load_state(folder: str | Path, cfg: EncoderConfig, shapes: dict[str, torch.Size]) -> dict[str, torch.Tensor]:
    """Read the encoder's tensors, keyed by our parameter names, checked against `shapes`."""
    folder = Path(folder)
    where = _shards(folder)
    prefixes = VISION_PREFIXES[cfg.family]
    present = {k for k in where if k.startswith(prefixes)}
    chosen: dict[str, str] = {}
    missing = []
    for ours, candidates in key_map(cfg).items():
        found = [c for c in candidates if c in present]
        if not found:
            missing.append(f"{ours} (as {candidates[0]})")
        elif len(found) > 1:
            raise CheckpointError(f"checkpoint holds {ours} twice: {', '.join(found)}")
        else:
            chosen[ours] = found[0]
    if missing:
        _fail("missing", missing)
    unexpected = present - set(chosen.values())
    if unexpected:
        _fail("unexpected", unexpected)
    by_file: dict[Path, list[str]] = {}
    for ours, key in chosen.items():
        by_file.setdefault(where[key], []).append(ours)
    state: dict[str, torch.Tensor] = {}
    for path, names in by_file.items():
        if not path.is_file():
            raise CheckpointError(f"{path}: shard named in the index is missing")
        with safe_open(str(path), "pt") as h:
            for ours in names:
                t = h.get_tensor(chosen[ours])
                if ours in shapes and t.shape != shapes[ours]:
                    raise CheckpointError(
                        f"{chosen[ours]}: shape {tuple(t.shape)}, config.json implies {tuple(shapes[ours])}"
                    )
                state[ours] = t
    return state
