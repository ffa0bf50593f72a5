"""Text blocks from OCR lines: tight boxes, font size, weight, colour, paragraphs, alignment."""
from __future__ import annotations

import statistics
from dataclasses import dataclass, field

import numpy as np

from vision.analysis.colors import RGB, color_distance, dominant_color, text_color
from vision.ocr import TextLine

DESCENDERS = set("gjpqyQ(),;[]{}|_@$")
ASCENDERS = set("bdfhklt0123456789ABCDEFGHIJKLMNOPRSTUVWXYZ!?%&#/\\'\"")
# Liberation Sans (Arial metrics), in em: ink extent of a line by the glyphs it contains.
CAP_PLUS_DESC = 0.93
CAP = 0.73
X_HEIGHT = 0.53


@dataclass
class Line:
    """One OCR line with a tight ink box and the style measured from its pixels."""

    text: str
    box: tuple[int, int, int, int]
    conf: float
    size: float
    weight: int
    color: RGB
    bg: RGB


@dataclass
class Paragraph:
    """Consecutive lines of one style: a heading, a paragraph, a label, a button caption."""

    lines: list[Line]
    align: str = "left"
    tag: str = "p"
    id: int = -1
    meta: dict = field(default_factory=dict)

    @property
    def box(self) -> tuple[int, int, int, int]:
        x0 = min(l.box[0] for l in self.lines)
        y0 = min(l.box[1] for l in self.lines)
        x1 = max(l.box[0] + l.box[2] for l in self.lines)
        y1 = max(l.box[1] + l.box[3] for l in self.lines)
        return x0, y0, x1 - x0, y1 - y0

    @property
    def size(self) -> float:
        return float(statistics.median(l.size for l in self.lines))  # statistics: fast on short lists

    @property
    def weight(self) -> int:
        return int(statistics.median(l.weight for l in self.lines))

    @property
    def color(self) -> RGB:
        return max(self.lines, key=lambda l: len(l.text)).color

    @property
    def text(self) -> str:
        return " ".join(l.text for l in self.lines)

    @property
    def line_height(self) -> float:
        """Pitch between consecutive baselines (approximated by ink bottoms); 1.25 em for one line."""
        if len(self.lines) < 2:
            return self.size * 1.25
        tops = [l.box[1] + l.box[3] for l in self.lines]
        return float(statistics.median(b - a for a, b in zip(tops, tops[1:])))


def _ink_extent(crop: np.ndarray, bg: RGB) -> tuple[int, int, int, int] | None:
    """Tight ink box of a text crop: the run of inked rows around the box's middle (OCR boxes
    often reach into the neighbouring lines' ascenders and descenders)."""
    d = color_distance(crop, bg)
    mask = d > max(24, int(np.percentile(d, 99) * 0.35))
    prof = mask.sum(axis=1)
    rows = prof > max(1, int(0.01 * mask.shape[1]))
    if not rows.any():
        return None
    h = len(rows)
    # contiguous runs of inked rows (gaps of one row bridged); keep the run holding most ink near the middle
    runs, start = [], None
    for i, r in enumerate(rows):
        if r and start is None:
            start = i
        elif not r and start is not None:
            if i + 1 < h and rows[i + 1]:
                continue
            runs.append((start, i))
            start = None
    if start is not None:
        runs.append((start, h))
    mid = h / 2
    def weight(run: tuple[int, int]) -> float:
        a, b = run
        ink = float(prof[a:b].sum())
        dist = 0.0 if a <= mid <= b else min(abs(a - mid), abs(b - mid))
        return ink / (1.0 + dist)
    a, b = max(runs, key=weight)
    # absorb small runs right above/below (dots of i/j, accents) that are within 15% of the height
    for ra, rb in runs:
        if rb <= a and a - rb <= max(2, 0.15 * (b - a)) and (rb - ra) < 0.5 * (b - a):
            a = ra
        if ra >= b and ra - b <= max(2, 0.15 * (b - a)) and (rb - ra) < 0.5 * (b - a):
            b = rb
    cols = np.flatnonzero(mask[a:b].any(axis=0))
    if len(cols) == 0:
        return None
    return int(cols[0]), int(a), int(cols[-1] + 1), int(b)


def _font_size(text: str, ink_h: int) -> float:
    if any(c in DESCENDERS for c in text):
        ratio = CAP_PLUS_DESC
    elif any(c in ASCENDERS for c in text) or any("\u2e80" <= c <= "\uffef" for c in text):
        ratio = CAP if not any("\u2e80" <= c <= "\uffef" for c in text) else 0.88
    else:
        ratio = X_HEIGHT
    return max(6.0, ink_h / ratio)


def _weight(crop: np.ndarray, bg: RGB, size: float) -> int:
    """Bold when strokes are thick: ink area per unit of glyph skeleton length, relative to size."""
    d = color_distance(crop, bg)
    ink = d > max(40, int(d.max() * 0.5))
    if ink.sum() < 10:
        return 400
    # horizontal run lengths of ink approximate stroke widths
    padded = np.pad(ink.astype(np.int8), ((0, 0), (1, 1)))
    diff = np.diff(padded, axis=1)
    starts = np.argwhere(diff == 1)
    ends = np.argwhere(diff == -1)
    if len(starts) == 0:
        return 400
    runs = ends[:, 1] - starts[:, 1]
    stroke = float(np.mean(runs))
    return 700 if stroke / max(size, 1.0) > 0.158 else 400


def measure_lines(img: np.ndarray, lines: list[TextLine]) -> list[Line]:
    """Tighten each OCR box to its ink and estimate size, weight, colour and local background."""
    h, w = img.shape[:2]
    out = []
    for ln in lines:
        x, y, bw, bh = ln.box
        x0, y0 = max(0, x), max(0, y)
        x1, y1 = min(w, x + bw), min(h, y + bh)
        if x1 <= x0 or y1 <= y0:
            continue
        crop = img[y0:y1, x0:x1]
        ring = np.concatenate([crop[0], crop[-1], crop[:, 0], crop[:, -1]])
        bg, _ = dominant_color(ring)
        ext = _ink_extent(crop, bg)
        if ext is not None:
            ex0, ey0, ex1, ey1 = ext
            x0, y0, x1, y1 = x0 + ex0, y0 + ey0, x0 + ex1, y0 + ey1
            crop = img[y0:y1, x0:x1]
        size = _font_size(ln.text, y1 - y0)
        out.append(Line(ln.text, (x0, y0, x1 - x0, y1 - y0), ln.conf, size, _weight(crop, bg, size),
                        text_color(crop, bg), bg))
    return out


def _color_close(a: RGB, b: RGB, tol: int = 48) -> bool:
    return max(abs(int(p) - int(q)) for p, q in zip(a, b)) <= tol


def group_paragraphs(lines: list[Line]) -> list[Paragraph]:
    """Join lines stacked closely with the same size, weight and colour, left-, centre- or right-aligned."""
    order = sorted(lines, key=lambda l: (l.box[1], l.box[0]))
    paras: list[Paragraph] = []
    for ln in order:
        best = None
        for p in paras:
            last = p.lines[-1]
            lx, ly, lw, lh = last.box
            x, y, bw, bh = ln.box
            size_ok = 0.8 <= ln.size / max(last.size, 1) <= 1.25 and ln.weight == last.weight
            gap = y - (ly + lh)
            gap_ok = -0.2 * last.size <= gap <= 0.75 * last.size
            left_ok = abs(x - lx) <= 0.6 * last.size
            centre_ok = abs((x + bw / 2) - (lx + lw / 2)) <= 0.6 * last.size
            right_ok = abs((x + bw) - (lx + lw)) <= 0.6 * last.size
            overlap = min(x + bw, lx + lw) - max(x, lx) > 0.3 * min(bw, lw)
            if size_ok and gap_ok and overlap and (left_ok or centre_ok or right_ok) and _color_close(ln.color, last.color):
                if len(p.lines) >= 2 and abs(gap - (p.lines[-1].box[1] - (p.lines[-2].box[1] + p.lines[-2].box[3]))) > 0.5 * last.size:
                    continue
                best = p
                break
        if best is None:
            paras.append(Paragraph([ln]))
        else:
            best.lines.append(ln)
    for p in paras:
        p.align = _alignment(p)
    return paras


def _alignment(p: Paragraph) -> str:
    if len(p.lines) < 2:
        return "left"
    lefts = [l.box[0] for l in p.lines]
    rights = [l.box[0] + l.box[2] for l in p.lines]
    centres = [l.box[0] + l.box[2] / 2 for l in p.lines]
    spread = {"left": np.ptp(lefts), "center": np.ptp(centres), "right": np.ptp(rights)}
    best = min(spread, key=spread.get)
    return best if spread["left"] > 0.5 * p.size else "left"
