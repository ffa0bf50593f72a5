"""small-text (glyphs under 12 px) and small-target (control-like boxes under 24x24 px)."""
from __future__ import annotations

import cv2
import numpy as np

from .issue import Issue, overlap_min
from .pixels import TextInfo, distance, font_px

MIN_FONT_PX = 12.0
MIN_TARGET_PX = 24


def detect_text(infos: list[TextInfo]) -> list[Issue]:
    out = []
    for t in infos:
        if sum(ch.isalnum() for ch in t.text) < 2 or t.conf < 0.6:
            continue  # punctuation alone has no x-height to measure a font size by
        px = font_px(t)
        if px >= MIN_FONT_PX - 0.5:
            continue
        out.append(Issue("small-text", list(t.box), "error" if px < 10 else "warning",
                         f"Text \"{t.text[:40]}\" is about {px:.0f} px high; body text should be at least 12 px",
                         "visual", "Raise `font-size` to at least 12px (16px for body copy)", score=MIN_FONT_PX - px))
    return out


def _bg_map(img: np.ndarray, tile: int = 24) -> np.ndarray:
    """A per-tile dominant colour (median), upsampled: the local background under small objects."""
    H, W = img.shape[:2]
    h2, w2 = max(1, H // tile), max(1, W // tile)
    small = cv2.resize(img, (w2, h2), interpolation=cv2.INTER_AREA)
    med = cv2.medianBlur(small, 3) if min(h2, w2) >= 3 else small
    return cv2.resize(med, (W, H), interpolation=cv2.INTER_NEAREST)


def _is_glyph(img: np.ndarray, box: list[int], comp: np.ndarray, filled: bool, lines: list[TextInfo]) -> bool:
    """Whether a small square shape is a letter of a text line rather than a control beside it.

    The recogniser often reads a small button next to a line (`×`, `+`, `›`) into that line, so
    lying inside a line's box is not enough: a filled square carrying a mark, a shape in a colour
    far from the line's ink, or a square outline closed on all four sides (outside CJK text, whose
    glyphs can be boxes) is no letter.
    """
    x, y, w, h = box
    for t in lines:
        if overlap_min(box, list(t.box)) <= 0.5 or t.box[2] <= 2.5 * w:
            continue
        if filled:
            return False
        colour = np.median(img[y:y + h, x:x + w][comp].reshape(-1, 3), axis=0)
        if distance(np.array([[colour]]), t.fg)[0, 0] > 60:
            return False
        sides = [comp[0].mean(), comp[-1].mean(), comp[:, 0].mean(), comp[:, -1].mean()]
        cjk = any("\u2e80" <= ch <= "\u9fff" or "\uac00" <= ch <= "\ud7af" for ch in t.text)
        return cjk or min(sides) < 0.75
    return False


def detect_targets(img: np.ndarray, lines: list[TextInfo]) -> list[Issue]:
    """Small square-ish boxes, filled or outlined, standing alone: icon buttons, checkboxes, close marks."""
    H, W = img.shape[:2]
    bg = _bg_map(img)
    mask = (np.abs(img.astype(np.int16) - bg.astype(np.int16)).max(axis=-1) > 40).astype(np.uint8)
    n, lab, stats, _ = cv2.connectedComponentsWithStats(mask, connectivity=8)
    out = []
    for i in range(1, n):
        x, y, w, h, area = (int(v) for v in stats[i])
        if not (9 <= w < MIN_TARGET_PX and 9 <= h < MIN_TARGET_PX and 0.6 <= w / h <= 1.6):
            continue
        if x < 4 or y < 4 or x + w > W - 4 or y + h > H - 4:
            continue
        comp = lab[y:y + h, x:x + w] == i
        filled = area / (w * h) >= 0.85
        edge = np.concatenate([comp[0], comp[-1], comp[:, 0], comp[:, -1]])
        outlined = edge.mean() >= 0.8 and comp[2:-2, 2:-2].mean() < 0.5
        if not (filled or outlined):
            continue
        # standing alone: nothing else within a few pixels around it
        pad = 5
        y0, y1, x0, x1 = max(0, y - pad), min(H, y + h + pad), max(0, x - pad), min(W, x + w + pad)
        around = mask[y0:y1, x0:x1].copy()
        around[y - y0:y - y0 + h, x - x0:x - x0 + w] = 0
        if around.mean() > 0.02:
            continue
        inside = img[y + 2:y + h - 2, x + 2:x + w - 2]
        if filled and inside.size and distance(inside, np.median(inside.reshape(-1, 3), axis=0)).max() < 40:
            continue  # a plain swatch, no mark on it: not a control
        box = [x, y, w, h]
        if _is_glyph(img, box, comp, filled, lines):
            continue
        out.append(Issue("small-target", box, "warning",
                         f"Control-like element is {w}x{h} px; touch and click targets should be at least 24x24 px",
                         "visual", "Give the control `min-width: 24px; min-height: 24px` (or padding) "
                                   "or keep 24 px of free space around it", score=float(MIN_TARGET_PX - min(w, h))))
    return out
