"""Bidirectional attention over a packed sequence cut into segments (images, windows, chunks).

No mask is ever built: each segment attends only to itself, so the cost is the sum of the
segments' squares, never the square of the packed length. Runs of consecutive segments of the
same length (windows, video chunks, same-sized images) go through one batched
`scaled_dot_product_attention` call as views, without copies.
"""
from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

import torch
import torch.nn.functional as F


@dataclass(frozen=True)
class Run:
    """`count` consecutive segments of `length` tokens starting at token `start`."""

    start: int
    count: int
    length: int


def plan_runs(lengths: Sequence[int]) -> tuple[Run, ...]:
    """Group consecutive equal segment lengths into runs; zero-length segments are dropped."""
    runs: list[Run] = []
    start = 0
    for n in lengths:
        n = int(n)
        if n == 0:
            continue
        if runs and runs[-1].length == n and runs[-1].start + runs[-1].count * n == start:
            last = runs[-1]
            runs[-1] = Run(last.start, last.count + 1, n)
        else:
            runs.append(Run(start, 1, n))
        start += n
    return tuple(runs)


def _run_attention(q: torch.Tensor, k: torch.Tensor, v: torch.Tensor, run: Run) -> torch.Tensor:
    """q, k, v: (H, L, hd), any strides -> this run's output (count * length, H * hd)."""
    end = run.start + run.count * run.length
    heads, hd = q.shape[0], q.shape[2]

    def view(x: torch.Tensor) -> torch.Tensor:
        # (H, count * length, hd) -> (count, H, length, hd), a strided view
        return x[:, run.start:end].unflatten(1, (run.count, run.length)).transpose(0, 1)

    out = F.scaled_dot_product_attention(view(q), view(k), view(v))  # (count, H, length, hd)
    return out.transpose(1, 2).reshape(run.count * run.length, heads * hd)  # free: stored (count, length, H, hd)


def attend_runs(q: torch.Tensor, k: torch.Tensor, v: torch.Tensor,
                runs: Sequence[Run]) -> Iterator[tuple[slice, torch.Tensor]]:
    """Attention within each segment, run by run. q, k, v: (H, L, hd), the runs covering 0..L.
    Yields (rows, output (rows, H * hd)); the caller consumes each run's output (the output
    projection into the residual) without a packed copy of all of them."""
    for run in runs:
        yield slice(run.start, run.start + run.count * run.length), _run_attention(q, k, v, run)
