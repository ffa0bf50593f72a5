"""Masks of what stands apart from its local background, for finding small objects."""
from __future__ import annotations

import cv2
import numpy as np


def ground_map(img: np.ndarray, tile: int = 24) -> np.ndarray:
    """A per-tile dominant colour (median), upsampled: the local background under small objects."""
    H, W = img.shape[:2]
    h2, w2 = max(1, H // tile), max(1, W // tile)
    small = cv2.resize(img, (w2, h2), interpolation=cv2.INTER_AREA)
    med = cv2.medianBlur(small, 3) if min(h2, w2) >= 3 else small
    return cv2.resize(med, (W, H), interpolation=cv2.INTER_NEAREST)


def _tile_medians(img: np.ndarray, tile: int = 24, step: int = 4) -> np.ndarray:
    """Each tile's median colour over a grid of samples: the colour most of the tile shows
    (a tile's mean blends two surfaces where it straddles their edge into a colour neither has)."""
    H, W = img.shape[:2]
    th, tw = max(1, H // tile), max(1, W // tile)
    ys = (np.arange(th)[:, None] * H // th + np.arange(step // 2, tile, step)[None, :]).clip(0, H - 1)
    xs = (np.arange(tw)[:, None] * W // tw + np.arange(step // 2, tile, step)[None, :]).clip(0, W - 1)
    samples = img[ys.reshape(-1)][:, xs.reshape(-1)].reshape(th, ys.shape[1], tw, xs.shape[1], 3)
    return np.median(samples.transpose(0, 2, 1, 3, 4).reshape(th, tw, -1, 3), axis=2).astype(np.uint8)


def _far(a: np.ndarray, b: np.ndarray, thresh: int) -> np.ndarray:
    """Where two uint8 colour images differ by more than `thresh` in some channel."""
    d = cv2.absdiff(a, b)
    return cv2.max(cv2.max(d[..., 0], d[..., 1]), d[..., 2]) > thresh


def target_mask(img: np.ndarray, tile: int = 24, thresh: int = 40, same: int = 16) -> np.ndarray:
    """Pixels (1) clearly apart from the dominant colour of their own tile and not the colour
    (within `same`) of one of the eight tiles around.

    A surface's edge rarely falls on a tile's edge: the strip of a button that reaches into a tile
    of page background would stand out as ink there and join a small control on the button into
    one large shape; it is the colour of the button's tile next door, so it is no ink here. Only
    that colour itself: a white control next to a light grey surface is still ink.
    """
    H, W = img.shape[:2]
    med = _tile_medians(img, tile).astype(np.uint8)
    th, tw = med.shape[:2]
    mask = _far(img, cv2.resize(med, (W, H), interpolation=cv2.INTER_NEAREST), thresh)
    # only tiles with a neighbour of another colour can hold such strips
    padded = cv2.copyMakeBorder(med, 1, 1, 1, 1, cv2.BORDER_REPLICATE)
    shifts = [(dy, dx) for dy in (-1, 0, 1) for dx in (-1, 0, 1) if dy or dx]
    edge = np.zeros((th, tw), bool)
    for dy, dx in shifts:
        edge |= _far(med, padded[1 + dy:1 + dy + th, 1 + dx:1 + dx + tw], thresh)
    ys, xs = np.nonzero(mask)
    ty, tx = ys * th // H, xs * tw // W
    sel = edge[ty, tx]
    if not sel.any():
        return mask.astype(np.uint8)
    ys, xs, ty, tx = ys[sel], xs[sel], ty[sel], tx[sel]
    px = img[ys, xs]
    keep = np.ones(len(ys), bool)
    for dy, dx in shifts:
        keep &= _far(px[:, None], padded[ty + 1 + dy, tx + 1 + dx][:, None], same)[:, 0]
    # a surface's strip runs on for a few pixels at least; lone pixels of that colour (the
    # anti-aliasing of a mark or a corner) stay ink
    drop = np.zeros((H, W), np.uint8)
    drop[ys[~keep], xs[~keep]] = 1
    drop = cv2.morphologyEx(drop, cv2.MORPH_OPEN, np.ones((1, 3), np.uint8)) | \
        cv2.morphologyEx(drop, cv2.MORPH_OPEN, np.ones((3, 1), np.uint8))
    return (mask & (drop == 0)).astype(np.uint8)


def ink_mask(img: np.ndarray) -> np.ndarray:
    """Pixels standing clearly apart from the local background (1) under small objects."""
    return _far(np.ascontiguousarray(img), ground_map(img), 40).astype(np.uint8)
