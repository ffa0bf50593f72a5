"""One configuration record for both encoder families, read from a checkpoint's config.json.

Hub checkpoints and folders written by transformers spell the same settings differently
(Kimi's hub config says `vt_hidden_size`, transformers says `hidden_size`); this module is the
only place that knows both spellings.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

KIMI = "kimi_k25"
QWEN = "qwen2_5_vl"
FAMILIES = (KIMI, QWEN)


class CheckpointError(ValueError):
    """The checkpoint folder cannot be used; the message is one line naming what is wrong."""


@dataclass(frozen=True)
class EncoderConfig:
    """Everything the encoder's shape depends on, for either family."""

    family: str
    hidden_size: int
    num_heads: int
    num_layers: int
    intermediate_size: int
    lm_hidden_size: int
    patch_size: int = 14
    merge_size: int = 2
    rope_theta: float = 10000.0
    # Kimi K2.5 (MoonViT)
    pos_emb_height: int = 64
    pos_emb_width: int = 64
    pos_emb_time: int = 4
    projector_eps: float = 1e-5
    # Qwen2.5-VL
    temporal_patch_size: int = 1
    window_size: int = 112
    fullatt_blocks: tuple[int, ...] = ()

    @property
    def head_dim(self) -> int:
        return self.hidden_size // self.num_heads

    @property
    def merge_unit(self) -> int:
        """Patches merged into one LM token (2x2)."""
        return self.merge_size * self.merge_size


def _first(d: dict, *names: str, default=None):
    for name in names:
        if name in d and d[name] is not None:
            return d[name]
    if default is not None:
        return default
    raise CheckpointError(f"config.json: vision settings lack {' / '.join(names)}")


def _rope_theta(vision: dict) -> float:
    params = vision.get("rope_parameters") or {}
    return float(params.get("rope_theta", vision.get("rope_theta", 10000.0)))


def _lm_hidden(raw: dict) -> int:
    text = raw.get("text_config") or {}
    if isinstance(text, dict) and text.get("hidden_size"):
        return int(text["hidden_size"])
    if raw.get("hidden_size"):
        return int(raw["hidden_size"])
    raise CheckpointError("config.json: no language-model hidden_size (text_config.hidden_size)")


def _kimi(raw: dict) -> EncoderConfig:
    v = raw.get("vision_config") or {}
    merge = _first(v, "merge_kernel_size", default=[2, 2])
    if isinstance(merge, int):
        merge = [merge, merge]
    if merge[0] != merge[1]:
        raise CheckpointError(f"config.json: merge_kernel_size {merge} is not square")
    hidden = int(_first(v, "vt_hidden_size", "hidden_size"))
    text = raw.get("text_config") or {}
    lm = text.get("hidden_size") if isinstance(text, dict) else None
    lm = int(lm or _first(v, "text_hidden_size"))
    return EncoderConfig(
        family=KIMI,
        hidden_size=hidden,
        num_heads=int(_first(v, "vt_num_attention_heads", "num_attention_heads")),
        num_layers=int(_first(v, "vt_num_hidden_layers", "num_hidden_layers")),
        intermediate_size=int(_first(v, "vt_intermediate_size", "intermediate_size")),
        lm_hidden_size=lm,
        patch_size=int(_first(v, "patch_size", default=14)),
        merge_size=int(merge[0]),
        rope_theta=_rope_theta(v),
        pos_emb_height=int(_first(v, "init_pos_emb_height", "pos_emb_height", default=64)),
        pos_emb_width=int(_first(v, "init_pos_emb_width", "pos_emb_width", default=64)),
        pos_emb_time=int(_first(v, "init_pos_emb_time", "pos_emb_time", default=4)),
        projector_eps=float(
            _first(raw, "projection_layer_norm_eps", "projector_ln_eps", default=v.get("projector_ln_eps", 1e-5))
        ),
    )


def _qwen(raw: dict) -> EncoderConfig:
    v = raw.get("vision_config") or {}
    out = int(_first(v, "out_hidden_size", default=_lm_hidden(raw)))
    return EncoderConfig(
        family=QWEN,
        hidden_size=int(_first(v, "hidden_size", "embed_dim")),
        num_heads=int(_first(v, "num_heads", "num_attention_heads")),
        num_layers=int(_first(v, "depth", "num_hidden_layers")),
        intermediate_size=int(_first(v, "intermediate_size")),
        lm_hidden_size=out,
        patch_size=int(_first(v, "patch_size", "spatial_patch_size", default=14)),
        merge_size=int(_first(v, "spatial_merge_size", default=2)),
        rope_theta=_rope_theta(v),
        temporal_patch_size=int(_first(v, "temporal_patch_size", default=2)),
        window_size=int(_first(v, "window_size", default=112)),
        fullatt_blocks=tuple(int(i) for i in _first(v, "fullatt_block_indexes", default=[])),
    )


def read_config(folder: str | Path) -> EncoderConfig:
    """Parse `folder/config.json` into an EncoderConfig; the family comes from `model_type`."""
    path = Path(folder) / "config.json"
    if not path.is_file():
        raise CheckpointError(f"{folder}: no config.json")
    try:
        raw = json.loads(path.read_text())
    except (OSError, json.JSONDecodeError) as exc:
        raise CheckpointError(f"{path}: unreadable ({exc})") from None
    return parse_config(raw, where=str(path))


# The activation each family's vision blocks use; a config naming another is not these towers.
BLOCK_ACT = {KIMI: "gelu_pytorch_tanh", QWEN: "silu"}


def parse_config(raw: dict, where: str = "config.json") -> EncoderConfig:
    """Build the EncoderConfig from an already-parsed config.json dict."""
    family = raw.get("model_type")
    act = (raw.get("vision_config") or {}).get("hidden_act")
    if family in BLOCK_ACT and act not in (None, BLOCK_ACT[family]):
        raise CheckpointError(f"{where}: vision hidden_act {act!r}; {family} towers use {BLOCK_ACT[family]}")
    if family == KIMI:
        cfg = _kimi(raw)
    elif family == QWEN:
        cfg = _qwen(raw)
    else:
        raise CheckpointError(f"{where}: model_type {family!r} is not one of {', '.join(FAMILIES)}")
    if cfg.hidden_size % cfg.num_heads:
        raise CheckpointError(f"{where}: hidden size {cfg.hidden_size} is not divisible by {cfg.num_heads} heads")
    if cfg.head_dim % 4:
        raise CheckpointError(f"{where}: head dim {cfg.head_dim} must be a multiple of 4 for 2D rotary")
    return cfg
