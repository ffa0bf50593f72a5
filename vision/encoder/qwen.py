"""Qwen2.5-VL's vision tower and patch merger (transformers `qwen2_5_vl`), for packed input.

Shapes: L patch rows in total, U = L / 4 merge units (2x2 patches), D hidden, H heads of hd,
E = out_hidden_size (the LM width). Input rows are (L, 1176) = (3 channels, 2 frames, 14, 14),
ordered by 2x2 merge unit as transformers' processor writes them; a grid row (t, h, w) is an
image (t = 1) or a video of t frame pairs. Output is (U, E) in transformers' order.

Token order inside the tower is ours: all that matters is which tokens attend together, since
every other step works per token. Each frame's merge units are laid out window by window, the
full 112-px windows first and the partial edge windows after them grouped by size, so that a
windowed layer is a few batched attention calls per frame and a full-attention layer one call
per frame. The merger's output is put back in transformers' order at the end.
"""
from __future__ import annotations

from functools import lru_cache

import torch
import torch.nn.functional as F
from torch import nn

from vision.encoder.attention import attend_runs, plan_runs
from vision.encoder.config import EncoderConfig
from vision.encoder.rotary import halves_to_pairs, qwen_angles, rotate_qk, rotation


@lru_cache(maxsize=64)
def frame_layout(gh: int, gw: int, k: int) -> tuple[torch.Tensor, tuple[int, ...]]:
    """Order of one frame's (gh x gw) merge units, windows of k x k units, full windows first.

    Returns (unit order as raster indices, tokens per window in that order)."""
    r = torch.arange(gh).repeat_interleave(gw)
    c = torch.arange(gw).repeat(gh)
    nwc = -(-gw // k)
    win = (r // k) * nwc + (c // k)
    win_h = torch.clamp(gh - (r // k) * k, max=k)
    win_w = torch.clamp(gw - (c // k) * k, max=k)
    size = win_h * win_w  # units in this unit's window
    key = (k * k - size) * (gh * gw * k * k) + win * (k * k) + (r % k) * k + (c % k)
    order = torch.argsort(key)
    sizes = size[order]
    wins = win[order]
    starts = torch.ones_like(wins, dtype=torch.bool)
    starts[1:] = wins[1:] != wins[:-1]
    lengths = tuple(int(s) * 4 for s in sizes[starts].tolist())
    return order, lengths


class RMSNorm(nn.Module):
    """x * rsqrt(mean(x^2) + eps) * weight, in three passes over x (one fused norm reduction,
    two multiplies) instead of the seven of the textbook form."""

    def __init__(self, dim: int, eps: float = 1e-6) -> None:
        super().__init__()
        self.weight = nn.Parameter(torch.ones(dim))
        self.eps = eps

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        ms = torch.linalg.vector_norm(x, dim=-1, keepdim=True, dtype=torch.float32).square_().div_(x.shape[-1])
        return x.mul(ms.add_(self.eps).rsqrt_().to(x.dtype)).mul_(self.weight)


class QwenAttention(nn.Module):
    """Fused qkv, 2D rotary on q and k, attention per window or per frame, output projection."""

    def __init__(self, cfg: EncoderConfig) -> None:
        super().__init__()
        self.heads, self.hd = cfg.num_heads, cfg.head_dim
        self.qkv = nn.Linear(cfg.hidden_size, 3 * cfg.hidden_size)  # q/k rows in pair layout
        self.out = nn.Linear(cfg.hidden_size, cfg.hidden_size)  # hub `attn.proj`

    def add_to(self, residual: torch.Tensor, x: torch.Tensor, rot: torch.Tensor, runs) -> None:
        """residual += out(attention(x)), one segment run at a time, in place."""
        qkv = self.qkv(x).view(x.shape[0], 3, self.heads, self.hd)  # (L, 3, H, hd)
        qk = rotate_qk(qkv, rot)  # (2, H, L, hd)
        v = qkv[:, 2].transpose(0, 1)  # (H, L, hd), a view
        for rows, a in attend_runs(qk[0], qk[1], v, runs):  # a: (rows, D)
            residual[rows].addmm_(a, self.out.weight.t())
        residual.add_(self.out.bias)


class QwenMLP(nn.Module):
    """SwiGLU with gate and up fused into one GEMM: (L, D) -> (L, 2I) -> silu(g) * u -> (L, D);
    holds the weights, QwenBlock applies them so that down's GEMM accumulates into the residual."""

    def __init__(self, cfg: EncoderConfig) -> None:
        super().__init__()
        self.inter = cfg.intermediate_size
        self.gate_up = nn.Linear(cfg.hidden_size, 2 * cfg.intermediate_size)
        self.down = nn.Linear(cfg.intermediate_size, cfg.hidden_size)


class QwenBlock(nn.Module):
    """Pre-RMSNorm block, updating x in place: residual adds fused into the output GEMMs."""

    def __init__(self, cfg: EncoderConfig) -> None:
        super().__init__()
        self.norm1 = RMSNorm(cfg.hidden_size, eps=1e-6)
        self.attn = QwenAttention(cfg)
        self.norm2 = RMSNorm(cfg.hidden_size, eps=1e-6)
        self.mlp = QwenMLP(cfg)

    def forward(self, x: torch.Tensor, rot: torch.Tensor, runs) -> torch.Tensor:
        self.attn.add_to(x, self.norm1(x), rot, runs)
        gu = self.mlp.gate_up(self.norm2(x))  # (L, 2I)
        g, u = gu[:, : self.mlp.inter], gu[:, self.mlp.inter:]
        g = F.silu(g, inplace=True).mul_(u)
        return x.addmm_(g, self.mlp.down.weight.t()).add_(self.mlp.down.bias)


class QwenMerger(nn.Module):
    """RMSNorm per patch, concatenate each 2x2 unit (4D), Linear -> GELU (erf) -> Linear to E."""

    def __init__(self, cfg: EncoderConfig) -> None:
        super().__init__()
        wide = cfg.hidden_size * cfg.merge_unit
        self.wide = wide
        self.norm = RMSNorm(cfg.hidden_size, eps=1e-6)
        self.fc0 = nn.Linear(wide, wide)
        self.fc1 = nn.Linear(wide, cfg.lm_hidden_size)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        x = self.norm(x).view(-1, self.wide)  # (U, 4D)
        return self.fc1(F.gelu(self.fc0(x)))


class QwenEncoder(nn.Module):
    family = "qwen2_5_vl"

    def __init__(self, cfg: EncoderConfig) -> None:
        super().__init__()
        if cfg.merge_size != 2:
            raise ValueError("Qwen2.5-VL merges 2x2 patches")
        self.config = cfg
        self.merge_size = cfg.merge_size
        self.lm_hidden_size = cfg.lm_hidden_size
        self.window_units = cfg.window_size // cfg.patch_size // cfg.merge_size
        self.row_size = 3 * cfg.temporal_patch_size * cfg.patch_size**2  # 1176
        self.patch_embed = nn.Linear(self.row_size, cfg.hidden_size, bias=False)  # the Conv3d as a GEMM
        self.blocks = nn.ModuleList(QwenBlock(cfg) for _ in range(cfg.num_layers))
        self.merger = QwenMerger(cfg)
        self.full_blocks = frozenset(cfg.fullatt_blocks)

    def reset_buffers(self) -> None:
        """No fixed tables to rebuild (kept for the loader's meta-device path)."""

    def checkpoint_shapes(self) -> dict[str, torch.Size]:
        """Parameter shapes as stored in a checkpoint (Conv3d patch embed, separate gate/up)."""
        cfg, shapes = self.config, {}
        p, t = cfg.patch_size, cfg.temporal_patch_size
        shapes["patch_embed.weight"] = torch.Size((cfg.hidden_size, 3, t, p, p))
        for k, v in self.state_dict().items():
            if ".mlp.gate_up." in k:
                half = torch.Size((v.shape[0] // 2, *v.shape[1:]))
                shapes[k.replace("gate_up", "gate")] = half
                shapes[k.replace("gate_up", "up")] = half
            elif k != "patch_embed.weight":
                shapes[k] = v.shape
        return shapes

    def load_checkpoint_state(self, state: dict[str, torch.Tensor]) -> None:
        """Load tensors keyed by our names in checkpoint layout: flatten the Conv3d, fuse gate/up,
        and reorder q/k rows into rotary pairs."""
        s = dict(state)
        s["patch_embed.weight"] = s["patch_embed.weight"].flatten(1)
        d, h = self.config.hidden_size, self.config.num_heads
        for i in range(self.config.num_layers):
            b = f"blocks.{i}"
            for p in ("weight", "bias"):
                s[f"{b}.mlp.gate_up.{p}"] = torch.cat([s.pop(f"{b}.mlp.gate.{p}"), s.pop(f"{b}.mlp.up.{p}")])
                qkv = s[f"{b}.attn.qkv.{p}"]
                s[f"{b}.attn.qkv.{p}"] = torch.cat(
                    [halves_to_pairs(qkv[:d], h), halves_to_pairs(qkv[d:2 * d], h), qkv[2 * d:]]
                )
        self.load_state_dict(s, strict=True)

    def _layout(self, grid: list[tuple[int, int, int]]):
        """Unit order, rotation table and attention runs (windowed, full) for the packed grid."""
        orders, rows, cols, win_lengths, frame_lengths = [], [], [], [], []
        offset = 0
        for t, h, w in grid:
            gh, gw = h // 2, w // 2
            order, lengths = frame_layout(gh, gw, self.window_units)
            for _ in range(t):
                orders.append(order + offset)
                win_lengths.extend(lengths)
                frame_lengths.append(h * w)
                offset += gh * gw
            r, c = order // gw, order % gw
            # patch row/col for the 4 patches of each unit, (dy, dx) in raster order
            pr = (2 * r[:, None] + torch.tensor([0, 0, 1, 1])).flatten()
            pc = (2 * c[:, None] + torch.tensor([0, 1, 0, 1])).flatten()
            rows.append(pr.repeat(t))
            cols.append(pc.repeat(t))
        order = torch.cat(orders)
        angles = qwen_angles(torch.cat(rows), torch.cat(cols), self.config.head_dim, self.config.rope_theta)
        return order, rotation(angles), plan_runs(win_lengths), plan_runs(frame_lengths)

    def forward(self, pixel_values: torch.Tensor, grid_thw: torch.Tensor) -> torch.Tensor:
        """pixel_values (L, 1176), grid_thw (n, 3) in patches -> features (L / 4, E)."""
        grid = [tuple(int(v) for v in row) for row in grid_thw.tolist()]
        total = sum(t * h * w for t, h, w in grid)
        if pixel_values.shape[0] != total:
            raise ValueError(f"pixel_values has {pixel_values.shape[0]} rows, grid_thw implies {total}")
        if any(h % 2 or w % 2 for _, h, w in grid):
            raise ValueError("grid_thw heights and widths must be even")
        order, rot, window_runs, full_runs = self._layout(grid)
        device, dtype = pixel_values.device, self.patch_embed.weight.dtype
        order, rot = order.to(device), rot.to(device)
        units = pixel_values.reshape(total // 4, 4, self.row_size)
        x = self.patch_embed(units[order].reshape(total, self.row_size).to(dtype))  # (L, D), our order
        for i, block in enumerate(self.blocks):
            x = block(x, rot, full_runs if i in self.full_blocks else window_runs)
        merged = self.merger(x)  # (U, E), our order
        out = torch.empty_like(merged)
        out[order] = merged
        return out

    def tokens_per_item(self, grid_thw: torch.Tensor) -> list[int]:
        """LM tokens each grid row yields (t * h * w / 4)."""
        return [int(t) * int(h) * int(w) // 4 for t, h, w in grid_thw.tolist()]

