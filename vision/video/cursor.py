"""Find and follow the mouse pointer: arrow, hand and I-beam, at any scale.

Templates are drawn here (white shapes with a dark border, the common look on every desktop) as
a grey image and a mask of the pointer's own pixels. Matching correlates only those pixels
(masked normalised correlation), so whatever lies under the pointer does not matter and
brightness or contrast changes from video coding do not either. The search is cheap
because it runs only where the frame changed in small blobs (the pointer leaves one place and
appears in another) and, once found, the scale is locked.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

import cv2
import numpy as np

SHAPES = ("arrow", "hand", "ibeam")
SCALES = (0.8, 1.0, 1.25, 1.5, 2.0)
MATCH_MIN = 0.68   # normalised correlation over the pointer's own pixels that counts as a pointer
SAME_MARGIN = 0.04  # the pointer's last shape matching this close to its last score is taken as is
MIN_STD = 8.0      # grey levels: a place whose pixels under the pointer's mask vary less than this
                   # is flat (a pointer is a white body in a dark border, some 85 levels of spread),
                   # and its correlation is only compression noise


def _draw(kind: str, scale: float) -> tuple[np.ndarray, np.ndarray, tuple[int, int]]:
    """(grey template, mask, hotspot) for one pointer shape at one scale, drawn at 4x and reduced."""
    ss = 4.0 * scale
    if kind == "arrow":
        outline = [(0, 0), (0, 16.5), (4, 13), (6.8, 19.5), (9.3, 18.5), (6.5, 12.2), (11.5, 12.2)]
        size, hot = (13, 21), (0.0, 0.0)
    elif kind == "hand":
        outline = [(5.2, 0), (6.8, 0), (7.8, 1), (7.8, 7), (10, 6.6), (12, 7.4), (14, 7.1), (16, 8.4),
                   (17.6, 10.2), (17.6, 16), (15.6, 20.5), (14.8, 22), (7.2, 22), (6, 19), (1, 13.2),
                   (1, 11), (3, 10.5), (4.8, 12), (4.8, 1)]
        size, hot = (19, 23), (6.0, 0.0)
    else:
        outline = []
        size, hot = (9, 19), (4.0, 9.5)
    pad = 2
    w, h = int(math.ceil(size[0] * ss)) + 2 * pad * 4, int(math.ceil(size[1] * ss)) + 2 * pad * 4
    img = np.zeros((h, w), np.uint8)
    mask = np.zeros((h, w), np.uint8)
    o = pad * 4 + 1.2 * ss / 2
    if kind == "ibeam":
        def bars(grow: float) -> list[tuple[float, float, float, float]]:
            return [(3.3 - grow, -grow, 4.7 + grow, 18 + grow), (0.5 - grow, -grow, 7.5 + grow, 1.4 + grow),
                    (0.5 - grow, 16.6 - grow, 7.5 + grow, 18 + grow)]
        for grow, val in ((1.0, 255), (0.0, 1)):
            for x0, y0, x1, y1 in bars(grow):
                p0 = (int(round(o + x0 * ss)), int(round(o + y0 * ss)))
                p1 = (int(round(o + x1 * ss)), int(round(o + y1 * ss)))
                cv2.rectangle(img, p0, p1, val, -1)
                cv2.rectangle(mask, p0, p1, 255, -1)
    else:
        poly = np.array([[o + x * ss, o + y * ss] for x, y in outline], np.float32)
        pts = np.round(poly * 16).astype(np.int32)
        cv2.fillPoly(mask, [pts], 255, lineType=cv2.LINE_AA, shift=4)
        thick = max(1, int(round(1.2 * ss)))
        inner = cv2.erode((mask > 127).astype(np.uint8), np.ones((2 * thick + 1, 2 * thick + 1), np.uint8))
        img[inner > 0] = 255  # white body inside a dark border drawn inward, as desktops do
    small = (max(1, w // 4), max(1, h // 4))
    img = cv2.resize(img, small, interpolation=cv2.INTER_AREA)
    mask = cv2.resize(mask, small, interpolation=cv2.INTER_AREA)
    mask = (mask > 100).astype(np.uint8)
    hx, hy = (o + hot[0] * ss) / 4, (o + hot[1] * ss) / 4
    # video luma is limited range: black 16, white 235
    img = (16 + img.astype(np.float32) * (219 / 255)).astype(np.float32)
    return img, mask, (int(round(hx)), int(round(hy)))


_MASKS: dict[tuple[str, float], np.ndarray] = {}


def mask_for(kind: str, scale: float) -> np.ndarray:
    """The pixels one pointer shape covers (0/1), to paint it out of a frame before OCR."""
    key = (kind, float(scale))
    if key not in _MASKS:
        _MASKS[key] = _draw(kind, scale)[1]
    return _MASKS[key]


@dataclass
class Template:
    kind: str
    scale: float
    img: np.ndarray
    mask: np.ndarray
    hot: tuple[int, int]

    def __post_init__(self) -> None:
        # for `_correlate`: the mask as floats, its pixel count, and the template's pixels less
        # their mean under the mask (zero outside it) with their norm
        self.maskf = self.mask.astype(np.float32)
        self.n = float(self.maskf.sum())
        zero = self.maskf * (self.img - float((self.img * self.maskf).sum()) / self.n)
        self.zero = zero.astype(np.float32)
        self.norm = float(np.sqrt((zero.astype(np.float64) ** 2).sum()))


def _correlate(win: np.ndarray, win_sq: np.ndarray, t: Template) -> np.ndarray:
    """Normalised correlation of the template's masked pixels with every placement in `win`
    (float32 luma less its mean; `win_sq` its square): what OpenCV's TM_CCOEFF_NORMED with a
    mask gives, from three plain correlations instead of its masked path (twice the CPU for
    the same figure, to rounding). Flat placements (see `MIN_STD`) get -1."""
    num = cv2.matchTemplate(win, t.zero, cv2.TM_CCORR)
    s1 = cv2.matchTemplate(win, t.maskf, cv2.TM_CCORR)
    s2 = cv2.matchTemplate(win_sq, t.maskf, cv2.TM_CCORR)
    spread = s2 - s1 * s1 / t.n   # n times the variance under the mask
    flat = spread < MIN_STD * MIN_STD * t.n
    res = num / (np.sqrt(np.maximum(spread, 1.0)) * t.norm)
    res[flat] = -1.0
    return res


def templates(scales: tuple[float, ...] = SCALES) -> list[Template]:
    out = []
    for s in scales:
        for k in SHAPES:
            img, mask, hot = _draw(k, s)
            out.append(Template(k, s, img, mask, hot))
    return out


@dataclass
class Hit:
    x: int          # hotspot, full-resolution pixels
    y: int
    kind: str
    scale: float
    score: float
    box: tuple[int, int, int, int]  # x, y, w, h of the pointer's drawn extent


def match_in(luma: np.ndarray, region: tuple[int, int, int, int], tmpls: list[Template],
             good: float = 0.85, first_good: float | None = None) -> Hit | None:
    """Best pointer match whose template lies inside `region` (x0, y0, x1, y1) of the luma plane;
    stops at the first template that matches at least `good` (callers put the likely shape first),
    or at least `first_good` for the first template."""
    H, W = luma.shape
    x0, y0, x1, y1 = max(0, region[0]), max(0, region[1]), min(W, region[2]), min(H, region[3])
    best: Hit | None = None
    win = win_sq = None
    for i, t in enumerate(tmpls):
        th, tw = t.img.shape
        if x1 - x0 < tw or y1 - y0 < th:
            continue
        if win is None:
            patch = luma[y0:y1, x0:x1]
            if int(patch.max()) - int(patch.min()) < 2 * MIN_STD:
                return None  # flat everywhere: no placement can spread more than half the range
            win = patch.astype(np.float32)
            win -= np.float32(win.mean())   # centred: the sums of squares keep their precision
            win_sq = win * win
        _, v, _, loc = cv2.minMaxLoc(_correlate(win, win_sq, t))
        if v >= MATCH_MIN and (best is None or v > best.score):
            bx, by = x0 + loc[0], y0 + loc[1]
            best = Hit(bx + t.hot[0], by + t.hot[1], t.kind, t.scale, float(v), (bx, by, tw, th))
            if v >= good or (i == 0 and first_good is not None and v >= first_good):
                break
    return best


class CursorTracker:
    """Keeps the pointer's last known position; looks for it only where something moved."""

    def __init__(self) -> None:
        self.all = templates()
        self.locked: list[Template] | None = None
        self.hit: Hit | None = None
        self.misses = 0
        self.usual = 0.0   # how well the pointer's shape has been matching (a running mean)

    def _tmpls(self) -> list[Template]:
        return self.locked or self.all

    def update(self, luma: np.ndarray, blobs: list[tuple[int, int, int, int]]) -> tuple[Hit | None, bool]:
        """Given full-res boxes (x, y, w, h) of small changed blobs, return (pointer, moved)."""
        if not blobs:
            return self.hit, False
        tm = self._tmpls()
        pad = max(max(t.img.shape) for t in tm) + 4
        if self.hit is not None:
            # the place the pointer left changes too; it cannot hold the pointer now
            hx, hy, hw, hh = self.hit.box
            blobs = [b for b in blobs if not (b[0] >= hx - 2 and b[1] >= hy - 2 and b[0] + b[2] <= hx + hw + 2
                                              and b[1] + b[3] <= hy + hh + 2)] or [self.hit.box]
        same: float | None = None
        if self.hit is not None and self.locked:
            # same shape first, and enough where it matches about as well as it did last time
            # (a pointer that changed shape matches its old shape clearly worse): most frames
            # need a single correlation
            tm = sorted(tm, key=lambda t: t.kind != self.hit.kind)
            same = self.usual - SAME_MARGIN
        best: Hit | None = None
        for bx, by, bw, bh in blobs[:4]:
            h = match_in(luma, (bx - pad, by - pad, bx + bw + pad, by + bh + pad), tm, first_good=same)
            if h is not None and (best is None or h.score > best.score):
                best = h
        if best is None and self.hit is not None:
            # the pointer may have changed shape in place (arrow to hand), or be half hidden
            h = self.hit
            best = match_in(luma, (h.box[0] - pad, h.box[1] - pad, h.box[0] + h.box[2] + pad,
                                   h.box[1] + h.box[3] + pad), tm, first_good=same)
        if best is None:
            self.misses += 1
            if self.misses > 30 and self.locked:
                self.locked = None
            return self.hit, False
        self.misses = 0
        if self.locked is None:
            self.locked = [t for t in self.all if abs(t.scale - best.scale) < 1e-6]
        moved = self.hit is None or abs(best.x - self.hit.x) + abs(best.y - self.hit.y) > 1
        kept = self.hit is not None and best.kind == self.hit.kind
        self.usual = 0.75 * self.usual + 0.25 * best.score if kept else best.score
        self.hit = best
        return best, moved
