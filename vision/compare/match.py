"""Pairing the text blocks of two images, as the Design2Code metrics do.

Text similarity is difflib's ratio; pairs are chosen by an optimal assignment
(scipy's linear_sum_assignment), then blocks adjacent on one side (same line or the next line)
are merged when that raises the pair's similarity: OCR and the DOM split lines differently.
Pairs below 0.5 are dropped.

Text is compared in lower case with whitespace removed: the DOM reports text before CSS
`text-transform`, and OCR often drops or adds spaces, neither of which is a fidelity error.
Positions only break ties between equally similar candidates (repeated labels).
"""
from __future__ import annotations

from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache
from typing import Sequence

import numpy as np

from .blocks import TextBlock

MIN_SIM = 0.5
MAX_GROUP = 8  # a DOM line cut by inline links and spans into pieces
POSITION_TIEBREAK = 0.02
# Exact ratios are computed, for each block, from its best bound down, until the bound falls
# below the best ratio found minus this margin: the pairs an optimal assignment can use.
NEAR_BEST = 0.1
# Speed guard: past this many candidate pairs (a page of near-identical labels), keep for each
# block only its TOP_K best candidates by text bound, nearer ones first among equals.
MAX_PAIRS = 20_000
TOP_K = 16
_BUCKETS = 128


@dataclass
class Match:
    """Blocks `ia` of the first image matched to blocks `ib` of the second, with similarity `sim`."""

    ia: list[int]
    ib: list[int]
    sim: float


def norm_text(text: str) -> str:
    return "".join(text.lower().split())


@lru_cache(maxsize=200_000)
def ratio(a: str, b: str) -> float:
    """difflib's similarity of two normalised texts (cached: pages repeat their labels)."""
    if a == b:
        return 1.0
    # autojunk off: with it, texts past 200 characters lose their common letters and score low
    return SequenceMatcher(None, a, b, autojunk=False).ratio()


def _bags(texts: Sequence[str]) -> np.ndarray:
    """Hashed character counts; their overlap bounds difflib's ratio from above."""
    out = np.zeros((len(texts), _BUCKETS), np.int16)
    for i, t in enumerate(texts):
        if t:
            np.add.at(out[i], np.fromiter((ord(c) % _BUCKETS for c in t), np.int64, len(t)), 1)
    return out


def _upper_bounds(ta: Sequence[str], tb: Sequence[str]) -> np.ndarray:
    """An upper bound of ratio(ta[i], tb[j]) for every pair (vectorised quick_ratio)."""
    la = np.array([len(t) for t in ta], np.float32)
    lb = np.array([len(t) for t in tb], np.float32)
    tot = la[:, None] + lb[None, :]
    tot[tot == 0] = 1
    ba, bb = _bags(ta), _bags(tb)
    inter = np.empty((len(ta), len(tb)), np.float32)
    step = max(1, 2_000_000 // max(1, len(tb) * _BUCKETS))
    for s in range(0, len(ta), step):
        inter[s:s + step] = np.minimum(ba[s:s + step, None, :], bb[None, :, :]).sum(axis=2)
    return 2 * inter / tot


def _candidates(bound: np.ndarray, dist: np.ndarray) -> np.ndarray:
    """Pairs worth an exact ratio: bound >= MIN_SIM, thinned to per-row/column top-k when too many."""
    cand = bound >= MIN_SIM
    if cand.sum() <= MAX_PAIRS:
        return np.argwhere(cand)
    key = np.where(cand, bound - 0.25 * dist, -np.inf)
    keep = np.zeros_like(cand)
    k = min(TOP_K, key.shape[1])
    top = np.argpartition(-key, k - 1, axis=1)[:, :k]
    keep[np.arange(key.shape[0])[:, None], top] = True
    k = min(TOP_K, key.shape[0])
    top = np.argpartition(-key, k - 1, axis=0)[:k, :]
    keep[top, np.arange(key.shape[1])[None, :]] = True
    return np.argwhere(cand & keep)


def _exact(bound: np.ndarray, dist: np.ndarray, ta: Sequence[str], tb: Sequence[str]) -> np.ndarray:
    """Exact ratios where they can matter (else 0): per row and per column, the candidates whose
    bound reaches the best ratio found so far minus NEAR_BEST, visited best bound first."""
    sim = np.zeros_like(bound)
    done = np.zeros(bound.shape, bool)
    cand = np.zeros(bound.shape, bool)
    pairs = _candidates(bound, dist)
    if not len(pairs):
        return sim
    cand[pairs[:, 0], pairs[:, 1]] = True
    masked = np.where(cand, bound, -1.0)
    for axis in (0, 1):
        m = masked if axis == 0 else masked.T
        order = np.argsort(-m, axis=1, kind="stable")
        for r in range(m.shape[0]):
            best = 0.0
            for c in order[r]:
                b = m[r, c]
                if b < MIN_SIM or b < best - NEAR_BEST:
                    break
                i, j = (r, c) if axis == 0 else (c, r)
                if not done[i, j]:
                    done[i, j] = True
                    sim[i, j] = ratio(ta[i], tb[j])
                best = max(best, sim[i, j])
    return sim


def _dist(ca: np.ndarray, cb: np.ndarray) -> np.ndarray:
    return np.sqrt(((ca[:, None, :] - cb[None, :, :]) ** 2).sum(axis=2))


def _adjacency(blocks: Sequence[TextBlock]) -> list[np.ndarray]:
    """For each block, the blocks beside it on its line or just above/below it."""
    n = len(blocks)
    if n == 0:
        return []
    b = np.array([blk.box for blk in blocks], np.float64)
    x0, y0, w, h = b[:, 0], b[:, 1], np.maximum(b[:, 2], 1), np.maximum(b[:, 3], 1)
    x1, y1 = x0 + w, y0 + h
    vov = np.minimum(y1[:, None], y1[None, :]) - np.maximum(y0[:, None], y0[None, :])
    hov = np.minimum(x1[:, None], x1[None, :]) - np.maximum(x0[:, None], x0[None, :])
    hmin = np.minimum(h[:, None], h[None, :])
    hmax = np.maximum(h[:, None], h[None, :])
    same_line = (vov >= 0.5 * hmin) & (-hov <= 2.5 * hmax)
    next_line = (vov < 0.5 * hmin) & (-vov <= 1.0 * hmax) & (hov > 0)
    adj = same_line | next_line
    np.fill_diagonal(adj, False)
    return [np.flatnonzero(adj[i]) for i in range(n)]


def _reading_order(idx, blocks: Sequence[TextBlock]) -> list[int]:
    """Members of a group in reading order: lines top to bottom, each left to right."""
    items = sorted(idx, key=lambda i: blocks[i].box[1] + blocks[i].box[3] / 2)
    lines: list[list[int]] = []
    for i in items:
        cy = blocks[i].box[1] + blocks[i].box[3] / 2
        if lines:
            first = blocks[lines[-1][0]]
            if abs(cy - (first.box[1] + first.box[3] / 2)) <= 0.5 * max(first.box[3], blocks[i].box[3]):
                lines[-1].append(i)
                continue
        lines.append([i])
    return [i for line in lines for i in sorted(line, key=lambda k: blocks[k].box[0])]


class _Side:
    """One image's blocks with their normalised texts, centres and neighbours."""

    def __init__(self, blocks: Sequence[TextBlock], size: tuple[int, int]) -> None:
        self.blocks = blocks
        self.texts = [norm_text(b.text) for b in blocks]
        w, h = max(1, size[0]), max(1, size[1])
        self.centres = np.array([((b.box[0] + b.box[2] / 2) / w, (b.box[1] + b.box[3] / 2) / h)
                                 for b in blocks], np.float64).reshape(-1, 2)
        self.nbrs = _adjacency(blocks)
        self._cache: dict[tuple[int, ...], str] = {}

    def text(self, group: tuple[int, ...]) -> str:
        if len(group) == 1:
            return self.texts[group[0]]
        key = tuple(sorted(group))
        if key not in self._cache:
            self._cache[key] = "".join(self.texts[i] for i in _reading_order(key, self.blocks))
        return self._cache[key]

    def chains(self, start: int, free: set[int]) -> list[tuple[int, ...]]:
        """Groups that start at `start` and grow by the next free neighbour in reading order."""
        out = [(start,)]
        group = [start]
        while len(group) < MAX_GROUP:
            last = self.blocks[group[-1]].box
            after = [j for j in self.nbrs[group[-1]] if j in free and j not in group
                     and (self.blocks[j].box[1] >= last[1] + 0.5 * last[3]
                          or self.blocks[j].box[0] >= last[0] + 0.5 * last[2])]
            if not after:
                break
            group.append(min(after, key=lambda j: (self.blocks[j].box[1], self.blocks[j].box[0])))
            out.append(tuple(group))
        return out


def _assign(sa: _Side, sb: _Side) -> list[Match]:
    bound = _upper_bounds(sa.texts, sb.texts)
    dist = _dist(sa.centres, sb.centres)
    sim = _exact(bound, dist, sa.texts, sb.texts)
    ok = sim >= MIN_SIM
    if not ok.any():
        return []
    cost = np.where(ok, -(sim - POSITION_TIEBREAK * dist), 0.0)
    from scipy.optimize import linear_sum_assignment

    rows, cols = linear_sum_assignment(cost)
    return [Match([int(i)], [int(j)], float(sim[i, j])) for i, j in zip(rows, cols) if ok[i, j]]


def _match_leftovers(sa: _Side, sb: _Side, free_a: set[int], free_b: set[int]) -> list[Match]:
    """Pair groups of adjacent unmatched blocks (a line split in three on one side, say)."""
    ga = sorted({g for i in free_a for g in sa.chains(i, free_a)})
    gb = sorted({g for j in free_b for g in sb.chains(j, free_b)})
    ga = [g for g in ga if len(g) > 1] + [(i,) for i in sorted(free_a)]
    gb = [g for g in gb if len(g) > 1] + [(j,) for j in sorted(free_b)]
    if not ga or not gb or (len(ga) == len(free_a) and len(gb) == len(free_b)):
        return []
    ta, tb = [sa.text(g) for g in ga], [sb.text(g) for g in gb]
    bound = _upper_bounds(ta, tb)
    dist = _dist(np.array([sa.centres[list(g)].mean(axis=0) for g in ga]),
                 np.array([sb.centres[list(g)].mean(axis=0) for g in gb]))
    single = np.array([len(g) == 1 for g in ga])[:, None] & np.array([len(g) == 1 for g in gb])[None, :]
    bound[single] = 0.0  # single pairs were already weighed by the assignment
    sim = _exact(bound, dist, ta, tb)
    cands = [(float(sim[i, j]), len(ga[i]) + len(gb[j]), int(i), int(j)) for i, j in np.argwhere(sim >= MIN_SIM)]
    cands.sort(key=lambda c: (-c[0], -c[1]))
    out = []
    for s, _, i, j in cands:
        if all(k in free_a for k in ga[i]) and all(k in free_b for k in gb[j]):
            free_a.difference_update(ga[i])
            free_b.difference_update(gb[j])
            out.append(Match(list(ga[i]), list(gb[j]), s))
    return out


def _extend(m: Match, sa: _Side, sb: _Side, free_a: set[int], free_b: set[int]) -> None:
    """Grow a pair with unmatched neighbours on either side while its similarity rises."""
    while len(m.ia) + len(m.ib) < 2 * MAX_GROUP:
        best = None
        tb = sb.text(tuple(m.ib))
        if len(m.ia) < MAX_GROUP:
            for n in {int(n) for i in m.ia for n in sa.nbrs[i] if n in free_a}:
                s = ratio(sa.text(tuple(m.ia) + (n,)), tb)
                if s > m.sim + 1e-9 and (best is None or s > best[0]):
                    best = (s, "a", n)
        ta = sa.text(tuple(m.ia))
        if len(m.ib) < MAX_GROUP:
            for n in {int(n) for j in m.ib for n in sb.nbrs[j] if n in free_b}:
                s = ratio(ta, sb.text(tuple(m.ib) + (n,)))
                if s > m.sim + 1e-9 and (best is None or s > best[0]):
                    best = (s, "b", n)
        if best is None:
            return
        s, side, n = best
        if side == "a":
            m.ia = _reading_order(m.ia + [n], sa.blocks)
            free_a.discard(n)
        else:
            m.ib = _reading_order(m.ib + [n], sb.blocks)
            free_b.discard(n)
        m.sim = s


def match_blocks(a: Sequence[TextBlock], b: Sequence[TextBlock],
                 size_a: tuple[int, int], size_b: tuple[int, int]) -> list[Match]:
    """Match the blocks of image A (size_a = (w, h)) to those of image B; pairs with sim >= 0.5."""
    if not a or not b:
        return []
    sa, sb = _Side(a, size_a), _Side(b, size_b)
    matches = _assign(sa, sb)
    free_a = set(range(len(a))) - {i for m in matches for i in m.ia}
    free_b = set(range(len(b))) - {j for m in matches for j in m.ib}
    if free_a and free_b:
        matches += _match_leftovers(sa, sb, free_a, free_b)
    for m in matches:
        if free_a or free_b:
            _extend(m, sa, sb, free_a, free_b)
    matches = [m for m in matches if m.sim >= MIN_SIM]
    matches.sort(key=lambda m: min(m.ia))
    return matches
