"""Position ids of an interleaved sequence.

Kimi K2.5 numbers every token 0..L-1. Qwen2.5-VL uses 3D M-RoPE: text tokens advance one step
on all three axes; a picture's tokens get (time, row, column) positions offset by where it
starts, and the text after it resumes at start + max(rows, columns), which is what
transformers 5.24's `get_rope_index` does (the original Qwen code resumed after the largest
vision position instead; we pin transformers' behaviour so logits match it exactly).
"""
from __future__ import annotations

from dataclasses import dataclass

import torch

from codegen.interleave.prompt import Span


@dataclass
class Grid:
    """A media item's grid in patches (t, h, w) and, for video, seconds per temporal step."""

    t: int
    h: int
    w: int
    seconds_per_t: float = 1.0


def kimi_positions(length: int, start: int = 0) -> torch.Tensor:
    """(1, L) plain positions."""
    return torch.arange(start, start + length, dtype=torch.long).unsqueeze(0)


def qwen_mrope_positions(length: int, spans: list[Span], grids: list[Grid], *, spatial_merge: int = 2,
                         tokens_per_second: float = 2.0) -> tuple[torch.Tensor, int]:
    """(3, 1, L) M-RoPE positions and the delta that continues them during decoding.

    `grids[span.media]` is the grid of the media item a span holds; a span must cover the
    whole item (Qwen images and videos are one run each).
    """
    pieces: list[torch.Tensor] = []
    cursor, pos = 0, 0
    for span in sorted(spans, key=lambda s: s.start):
        if span.start > cursor:
            n = span.start - cursor
            pieces.append(torch.arange(n).view(1, -1).expand(3, -1) + pos)
            pos += n
        g = grids[span.media]
        gh, gw = g.h // spatial_merge, g.w // spatial_merge
        if g.t * gh * gw != span.length:
            raise ValueError(f"span of {span.length} tokens does not fit grid {g.t}x{g.h}x{g.w}")
        if span.kind == "video":  # float32 like transformers' second_per_grid_ts, so .long() agrees
            tt = (torch.arange(g.t) * (torch.tensor(g.seconds_per_t, dtype=torch.float32) * tokens_per_second)).long()
        else:
            tt = torch.arange(g.t)
        t_ids, h_ids, w_ids = torch.meshgrid(tt, torch.arange(gh) + pos, torch.arange(gw) + pos, indexing="ij")
        pieces.append(torch.stack([t_ids + pos, h_ids, w_ids]).reshape(3, -1))
        pos += max(gh, gw)
        cursor = span.start + span.length
    if cursor < length:
        pieces.append(torch.arange(length - cursor).view(1, -1).expand(3, -1) + pos)
    positions = torch.cat(pieces, dim=1).long()
    delta = int(positions.max()) + 1 - length
    return positions.unsqueeze(1), delta


def qwen_decode_positions(start: int, count: int, delta: int) -> torch.Tensor:
    """(3, 1, count) positions of tokens appended after `start` cached tokens."""
    return (torch.arange(start, start + count) + delta).view(1, 1, -1).expand(3, 1, -1)
