"""Kimi K2.5's MoonViT vision tower and projector (transformers `kimi_k25`), for packed input.

Shapes: L patches in total, D = hidden size, H heads of hd = D / H, M merged tokens, E = LM width.
Input rows are (L, 3, 14, 14) patches, row-major per frame; a grid row (t, h, w) is one image
(t = 1) or one video chunk of t <= 4 frames that attends as one segment. Output is (M, E):
(h/2)*(w/2) tokens per grid row, in grid order, equal to transformers'
`get_image_features(...).pooler_output` concatenated.
"""
from __future__ import annotations

import torch
import torch.nn.functional as F
from torch import nn

from vision.encoder.attention import attend_runs, plan_runs
from vision.encoder.config import EncoderConfig
from vision.encoder.rotary import kimi_angles, rotate_qk, rotation


class KimiAttention(nn.Module):
    """Fused qkv, 2D rotary on q and k, attention per image / chunk, output projection."""

    def __init__(self, cfg: EncoderConfig) -> None:
        super().__init__()
        self.heads, self.hd = cfg.num_heads, cfg.head_dim
        self.qkv = nn.Linear(cfg.hidden_size, 3 * cfg.hidden_size)  # hub `wqkv`, q/k in pair layout
        self.out = nn.Linear(cfg.hidden_size, cfg.hidden_size)  # hub `wo`

    def add_to(self, residual: torch.Tensor, x: torch.Tensor, rot: torch.Tensor, runs) -> None:
        """residual += out(attention(x)), one segment run at a time, in place."""
        qkv = self.qkv(x).view(x.shape[0], 3, self.heads, self.hd)  # (L, 3, H, hd)
        qk = rotate_qk(qkv, rot)  # (2, H, L, hd)
        v = qkv[:, 2].transpose(0, 1)  # (H, L, hd), a view
        for rows, a in attend_runs(qk[0], qk[1], v, runs):  # a: (rows, D)
            residual[rows].addmm_(a, self.out.weight.t())
        residual.add_(self.out.bias)


class KimiMLP(nn.Module):
    """fc0 -> GELU (tanh) -> fc1; holds the weights, KimiBlock applies them so that fc1's GEMM
    accumulates straight into the residual."""

    def __init__(self, cfg: EncoderConfig) -> None:
        super().__init__()
        self.fc0 = nn.Linear(cfg.hidden_size, cfg.intermediate_size)
        self.fc1 = nn.Linear(cfg.intermediate_size, cfg.hidden_size)


class KimiBlock(nn.Module):
    """Pre-norm block, updating x in place: the residual adds are fused into the output GEMMs."""

    def __init__(self, cfg: EncoderConfig) -> None:
        super().__init__()
        self.norm0 = nn.LayerNorm(cfg.hidden_size, eps=1e-5)
        self.attn = KimiAttention(cfg)
        self.norm1 = nn.LayerNorm(cfg.hidden_size, eps=1e-5)
        self.mlp = KimiMLP(cfg)

    def forward(self, x: torch.Tensor, rot: torch.Tensor, runs) -> torch.Tensor:
        self.attn.add_to(x, self.norm0(x), rot, runs)
        h = F.gelu(self.mlp.fc0(self.norm1(x)), approximate="tanh")  # (L, I)
        return x.addmm_(h, self.mlp.fc1.weight.t()).add_(self.mlp.fc1.bias)


class KimiProjector(nn.Module):
    """LayerNorm per patch, concatenate each 2x2 group (4D), Linear -> GELU (erf) -> Linear to E."""

    def __init__(self, cfg: EncoderConfig) -> None:
        super().__init__()
        wide = cfg.hidden_size * cfg.merge_unit
        self.norm = nn.LayerNorm(cfg.hidden_size, eps=cfg.projector_eps)
        self.fc0 = nn.Linear(wide, wide)
        self.fc1 = nn.Linear(wide, cfg.lm_hidden_size)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        x = self.norm(x).flatten(1)  # (M, 4, D) -> (M, 4D)
        return self.fc1(F.gelu(self.fc0(x)))


def time_table(frames: int, dim: int) -> torch.Tensor:
    """Fixed sin/cos embedding per frame index: (frames, D) = [sin(t*w), cos(t*w)]."""
    omega = 1.0 / 10000 ** (torch.arange(dim // 2, dtype=torch.float32) / (dim / 2.0))
    phase = torch.arange(frames, dtype=torch.float32)[:, None] * omega
    return torch.cat([phase.sin(), phase.cos()], dim=1)


class KimiEncoder(nn.Module):
    family = "kimi_k25"

    def __init__(self, cfg: EncoderConfig) -> None:
        super().__init__()
        self.config = cfg
        self.merge_size = cfg.merge_size
        self.lm_hidden_size = cfg.lm_hidden_size
        self.patch_size = cfg.patch_size
        d = cfg.hidden_size
        self.patch_embed = nn.Linear(3 * cfg.patch_size**2, d)  # the Conv2d(3, D, 14, stride 14) as a GEMM
        self.pos_emb = nn.Parameter(torch.zeros(cfg.pos_emb_height, cfg.pos_emb_width, d))
        self.register_buffer("time_emb", time_table(cfg.pos_emb_time, d), persistent=False)
        self.blocks = nn.ModuleList(KimiBlock(cfg) for _ in range(cfg.num_layers))
        self.final_norm = nn.LayerNorm(d, eps=1e-5)
        self.projector = KimiProjector(cfg)

    def reset_buffers(self) -> None:
        """Recompute the fixed (non-checkpoint) tables after building on the meta device."""
        self.time_emb = time_table(self.config.pos_emb_time, self.config.hidden_size)

    def checkpoint_shapes(self) -> dict[str, torch.Size]:
        """Parameter shapes as stored in a checkpoint (the patch embed is a Conv2d there)."""
        shapes = {k: v.shape for k, v in self.state_dict().items()}
        p = self.patch_size
        shapes["patch_embed.weight"] = torch.Size((self.config.hidden_size, 3, p, p))
        return shapes

    def load_checkpoint_state(self, state: dict[str, torch.Tensor]) -> None:
        """Load tensors keyed by our names in checkpoint layout (see weights.key_map)."""
        state = dict(state)
        state["patch_embed.weight"] = state["patch_embed.weight"].flatten(1)
        self.load_state_dict(state, strict=True)

    def _positions(self, grid: list[tuple[int, int, int]], device) -> torch.Tensor:
        """Learned 2D table resized bicubically per (h, w), plus the time table for chunks."""
        parts = []
        table = self.pos_emb.float().permute(2, 0, 1)[None]  # (1, D, 64, 64)
        for t, h, w in grid:
            if (h, w) == tuple(self.pos_emb.shape[:2]):
                pos = self.pos_emb.float().flatten(0, 1)
            else:
                pos = F.interpolate(table, size=(h, w), mode="bicubic", align_corners=False)[0]
                pos = pos.flatten(1).t()  # (h*w, D)
            if t > 1:
                if t > self.time_emb.shape[0]:
                    raise ValueError(f"video chunk of {t} frames; the checkpoint allows {self.time_emb.shape[0]}")
                pos = (pos[None] + self.time_emb[:t, None, :]).flatten(0, 1)  # (t*h*w, D)
            parts.append(pos)
        return torch.cat(parts).to(device)

    def _rotation(self, grid: list[tuple[int, int, int]], device) -> torch.Tensor:
        rows, cols = [], []
        for t, h, w in grid:
            r = torch.arange(h).repeat_interleave(w)
            c = torch.arange(w).repeat(h)
            rows.append(r.repeat(t))
            cols.append(c.repeat(t))
        angles = kimi_angles(torch.cat(rows), torch.cat(cols), self.config.head_dim, self.config.rope_theta)
        return rotation(angles).to(device)

    def _merge(self, x: torch.Tensor, grid: list[tuple[int, int, int]]) -> torch.Tensor:
        """(L, D) -> (M, 4, D): 2x2 groups per frame, averaged over a chunk's frames."""
        m = self.merge_size
        out, start = [], 0
        for t, h, w in grid:
            seg = x[start:start + t * h * w].view(t, h // m, m, w // m, m, -1)
            seg = seg.permute(0, 1, 3, 2, 4, 5)  # (t, h/2, w/2, 2, 2, D)
            seg = seg[0] if t == 1 else seg.mean(0)
            out.append(seg.reshape(-1, m * m, x.shape[-1]))
            start += t * h * w
        return torch.cat(out)

    def forward(self, pixel_values: torch.Tensor, grid_thw: torch.Tensor) -> torch.Tensor:
        """pixel_values (L, 3, 14, 14), grid_thw (n, 3) in patches -> features (M, E)."""
        grid = [tuple(int(v) for v in row) for row in grid_thw.tolist()]
        total = sum(t * h * w for t, h, w in grid)
        if pixel_values.shape[0] != total:
            raise ValueError(f"pixel_values has {pixel_values.shape[0]} patches, grid_thw implies {total}")
        if any(h % self.merge_size or w % self.merge_size for _, h, w in grid):
            raise ValueError("grid_thw heights and widths must be even")
        dtype = self.patch_embed.weight.dtype
        x = self.patch_embed(pixel_values.reshape(total, -1).to(dtype))  # (L, D)
        x = x + self._positions(grid, x.device).to(dtype)
        rot = self._rotation(grid, x.device)
        runs = plan_runs([t * h * w for t, h, w in grid])  # one attention segment per image / chunk
        for block in self.blocks:
            x = block(x, rot, runs)
        x = self.final_norm(x)
        return self.projector(self._merge(x, grid))

    def tokens_per_item(self, grid_thw: torch.Tensor) -> list[int]:
        """LM tokens each grid row yields (a chunk's frames are averaged into one set)."""
        u = self.merge_size**2
        return [int(h) * int(w) // u for _, h, w in grid_thw.tolist()]

