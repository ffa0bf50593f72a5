"""2D rotary position embedding, applied as a complex multiply on adjacent pairs of a head.

Both families rotate hd/2 pairs by angles built from the same hd/4 frequencies; they differ in
which axis each pair follows. MoonViT's pairs alternate width and height per frequency
(w0, h0, w1, h1, ...). Qwen2.5-VL rotates the two halves of a head (rotate-half) with all
height angles first, then all width angles; its q/k weight rows are reordered into pairs once
at load time (`halves_to_pairs`), so a single rotation routine serves both.
"""
from __future__ import annotations

import torch


def frequencies(head_dim: int, theta: float) -> torch.Tensor:
    """The hd/4 inverse frequencies theta^(-4k/hd), float32."""
    k = torch.arange(0, head_dim // 4, dtype=torch.float32)
    return 1.0 / (theta ** (4.0 * k / head_dim))


def kimi_angles(hpos: torch.Tensor, wpos: torch.Tensor, head_dim: int, theta: float) -> torch.Tensor:
    """(N,) row and column -> (N, hd/2) angles, interleaved width/height per frequency."""
    f = frequencies(head_dim, theta)
    w = wpos.float()[:, None] * f  # (N, hd/4)
    h = hpos.float()[:, None] * f
    return torch.stack([w, h], dim=-1).flatten(1)  # (N, hd/2): w0 h0 w1 h1 ...


def qwen_angles(hpos: torch.Tensor, wpos: torch.Tensor, head_dim: int, theta: float) -> torch.Tensor:
    """(N,) row and column -> (N, hd/2) angles, all height frequencies then all width ones."""
    f = frequencies(head_dim, theta)
    return torch.cat([hpos.float()[:, None] * f, wpos.float()[:, None] * f], dim=-1)


def rotation(angles: torch.Tensor) -> torch.Tensor:
    """(N, hd/2) angles -> complex64 (N, 1, 1, hd/2), broadcast over (q|k, heads)."""
    return torch.polar(torch.ones_like(angles), angles)[:, None, None, :]


def rotate_qk(qkv: torch.Tensor, rot: torch.Tensor) -> torch.Tensor:
    """qkv: (N, 3, H, hd) real -> rotated q and k as one head-major (2, H, N, hd) tensor.

    Pairs (2j, 2j+1) of each head are read as one complex number and multiplied by rot[..., j];
    the product is written straight into the head-major layout the attention kernel reads best."""
    qk = qkv[:, :2]
    dtype = qk.dtype
    if dtype not in (torch.float32, torch.float64):
        qk = qk.float()  # half-precision models rotate in float32, as transformers does
    n, _, heads, hd = qk.shape
    z = torch.view_as_complex(qk.unflatten(-1, (hd // 2, 2)))  # (N, 2, H, hd/2)
    out = torch.empty((2, heads, n, hd // 2), dtype=z.dtype, device=z.device)
    torch.mul(z, rot, out=out.permute(2, 0, 1, 3))
    return torch.view_as_real(out).flatten(-2).to(dtype)  # (2, H, N, hd)


def halves_to_pairs(rows: torch.Tensor, num_heads: int) -> torch.Tensor:
    """Reorder q or k projection rows (H*hd, ...) from rotate-half layout (dim i pairs with
    i + hd/2) to adjacent pairs (2i, 2i+1). Scores q.k are unchanged: both sides move alike."""
    hd = rows.shape[0] // num_heads
    rest = rows.shape[1:]
    return rows.reshape(num_heads, 2, hd // 2, *rest).transpose(1, 2).reshape(num_heads * hd, *rest)
