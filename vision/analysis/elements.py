"""UI elements in a region: filled and bordered boxes (cards, bars, buttons, inputs), separators,
and image regions (photos, illustrations, icons), found as connected components of "ink" that
differs from the region's background, with text painted out first."""
from __future__ import annotations

import cv2
import numpy as np

from vision.analysis.colors import RGB, color_distance, dominant_color
from vision.analysis.tree import Box, Node

INK_THRESHOLD = 5
MIN_SIDE = 5


def ink_mask(crop: np.ndarray, bg: RGB) -> np.ndarray:
    """Pixels that differ from the background (text included: glyphs form their own small
    components, which are recognised and skipped, so text never splits a picture or a box)."""
    return (color_distance(crop, bg) > INK_THRESHOLD).astype(np.uint8)


def _text_mask(shape: tuple[int, int], text_boxes: list[Box], origin: tuple[int, int], pad: int = 2) -> np.ndarray:
    m = np.zeros(shape, bool)
    ox, oy = origin
    for x, y, w, h in text_boxes:
        m[max(0, y - oy - pad):max(0, y - oy + h + pad), max(0, x - ox - pad):max(0, x - ox + w + pad)] = True
    return m


def _perimeter_share(mask: np.ndarray) -> float:
    """Share of a component's bounding-box perimeter that is ink (high for bordered boxes)."""
    h, w = mask.shape
    if h < 3 or w < 3:
        return 1.0
    edge = np.concatenate([mask[0], mask[-1], mask[:, 0], mask[:, -1],
                           mask[1], mask[-2], mask[:, 1], mask[:, -2]])
    return float(edge.mean()) * 2.0 if edge.size else 0.0


def _colour_count(pixels: np.ndarray) -> int:
    q = (pixels.reshape(-1, 3) // 16).astype(np.int32)
    keys = (q[:, 0] << 8) | (q[:, 1] << 4) | q[:, 2]
    vals, counts = np.unique(keys, return_counts=True)
    return int((counts > max(3, 0.004 * len(keys))).sum())


def find_elements(img: np.ndarray, region: Box, bg: RGB, text_boxes: list[Box]) -> list[Node]:
    """Classify every sizeable component inside `region` as a box, rule or image node."""
    rx, ry, rw, rh = region
    crop = img[ry:ry + rh, rx:rx + rw]
    if crop.size == 0:
        return []
    mask = ink_mask(crop, bg)
    text = _text_mask(mask.shape, text_boxes, (rx, ry))
    # bridge the faint, anti-aliased gaps of thin borders and rounded corners, away from text
    # (closing across text would weld glyphs to neighbouring icons)
    bridged = cv2.morphologyEx(mask * (~text), cv2.MORPH_CLOSE, np.ones((5, 5), np.uint8))
    mask = np.maximum(mask, bridged)
    n, labels, stats, _ = cv2.connectedComponentsWithStats(mask, connectivity=8)
    nodes: list[Node] = []
    for i in range(1, n):
        x, y, w, h, area = (int(v) for v in stats[i])
        if w < 2 or h < 2 or area < 12:
            continue
        if w >= rw - 1 and h >= rh - 1 and area > 0.97 * rw * rh:
            continue  # the region itself (its background was mis-estimated); nothing to nest
        box = (rx + x, ry + y, w, h)
        comp = labels[y:y + h, x:x + w] == i
        in_text = text[y:y + h, x:x + w]
        if in_text[comp].mean() > 0.9:
            continue  # glyphs of a text line
        if _in_corner(x, y, w, h, rw, rh):
            continue  # outside a rounded corner of the region: the parent's background
        pix = crop[y:y + h, x:x + w]
        fill_share = area / float(w * h)
        if (h <= 4 and w >= 16) or (w <= 4 and h >= 16):
            color, _ = dominant_color(pix[comp])
            nodes.append(Node("rule", box, bg=color))
            continue
        if w < MIN_SIDE and h < MIN_SIDE:
            continue
        inside = pix[comp & ~in_text] if (comp & ~in_text).sum() >= 16 else pix[comp]
        color, share = dominant_color(inside)
        if fill_share >= 0.6 and share >= 0.6 and min(w, h) >= 8 and _edges_match(pix, color):
            nodes.append(Node("box", box, bg=color, radius=_corner_radius(comp)))
            continue
        if fill_share < 0.45 and _perimeter_share(comp) > 0.8 and min(w, h) >= 10:
            bcolor, _ = dominant_color(inside)
            frame = w >= 0.95 * rw and h >= 0.95 * rh
            nodes.append(Node("box", box, bg=None, border=(bcolor, _border_width(comp)), radius=_corner_radius(comp),
                              role="frame" if frame else ""))
            continue
        nodes.append(Node("image", box, image=True, role=_picture_kind(pix, w, h)))
    return nodes


def _edges_match(pix: np.ndarray, color: RGB, tol: int = 24) -> bool:
    """A filled box shows its fill (or a border) along every side: composite blobs (a bar welded
    to the content under it) do not, and are better cut as pictures than painted one colour."""
    h, w = pix.shape[:2]
    if h < 6 or w < 6:
        return True
    inset = 2 if min(h, w) > 8 else 1
    sides = [pix[inset, w // 8: w - w // 8], pix[h - 1 - inset, w // 8: w - w // 8],
             pix[h // 8: h - h // 8, inset], pix[h // 8: h - h // 8, w - 1 - inset]]
    for side in sides:
        d = np.abs(side.astype(np.int16) - np.asarray(color, np.int16)).max(axis=-1)
        if (d <= tol).mean() < 0.5:
            return False
    return True


def _picture_kind(pix: np.ndarray, w: int, h: int) -> str:
    """icon (small), photo (many colours, continuous tones) or illustration (few flat colours)."""
    if max(w, h) <= 64:
        return "icon"
    return "photo" if _colour_count(pix) >= 40 else "illustration"


def _in_corner(x: int, y: int, w: int, h: int, rw: int, rh: int) -> bool:
    """A small blob touching two adjacent edges of the region (a rounded corner's outside)."""
    small = max(w, h) <= max(4, min(rw, rh) // 2) and max(w, h) <= 60
    touches_x = x <= 0 or x + w >= rw
    touches_y = y <= 0 or y + h >= rh
    return small and touches_x and touches_y


def _corner_radius(comp: np.ndarray) -> int:
    """Radius of rounded corners: how far the top-left corner's first ink pixel sits in."""
    h, w = comp.shape
    if h < 6 or w < 6:
        return 0
    row = comp[0]
    first = int(np.argmax(row)) if row.any() else 0
    col = comp[:, 0]
    first_c = int(np.argmax(col)) if col.any() else 0
    r = min(first, first_c)
    return int(min(r * 1.5, h / 2, w / 2)) if r >= 2 else 0


def _border_width(comp: np.ndarray) -> int:
    h, w = comp.shape
    mid = comp[h // 2]
    return int(max(1, min(6, np.argmin(mid) if mid[0] else 1)))
