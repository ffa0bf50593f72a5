"""Pixel helpers shared by the detectors: local background, ink, text colour, WCAG contrast."""
from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np

RGB = tuple[int, int, int]
# pixels this close to the strongest one count as fully covered by a stroke: anti-aliased edges
# are paler, and taking them in makes text look lighter than its colour (borderline 4.3:1 for 4.6:1)
STROKE = 0.97


def luminance(color) -> float:
    """WCAG 2 relative luminance of an sRGB colour."""
    c = np.asarray(color, dtype=np.float64) / 255.0
    c = np.where(c <= 0.04045, c / 12.92, ((c + 0.055) / 1.055) ** 2.4)
    return float(0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2])


def contrast_ratio(a, b) -> float:
    la, lb = luminance(a), luminance(b)
    return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)


def luminances(colours: np.ndarray) -> np.ndarray:
    """WCAG 2 relative luminance of each of N sRGB colours (N x 3, 0-255)."""
    c = np.asarray(colours, dtype=np.float64) / 255.0
    c = np.where(c <= 0.04045, c / 12.92, ((c + 0.055) / 1.055) ** 2.4)
    return c @ np.array([0.2126, 0.7152, 0.0722])


def contrast_ratios(fg, ground: np.ndarray) -> np.ndarray:
    """The WCAG contrast ratio of each pair of `fg` and `ground` colours (one colour or N x 3
    each, broadcast): a text colour against every pixel of a ground that is no one colour."""
    lf, lb = luminances(fg), luminances(ground)
    return (np.maximum(lf, lb) + 0.05) / (np.minimum(lf, lb) + 0.05)


def hex_color(c) -> str:
    return "#{:02x}{:02x}{:02x}".format(*(int(v) for v in c))


def mode_color(pixels: np.ndarray, step: int = 4) -> tuple[RGB, float]:
    """Most frequent colour (mean of its quantisation bin) and its share of the pixels."""
    flat = pixels.reshape(-1, 3)
    if len(flat) == 0:
        return (255, 255, 255), 0.0
    q = flat.astype(np.int32) // step
    keys = (q[:, 0] << 16) | (q[:, 1] << 8) | q[:, 2]
    vals, counts = np.unique(keys, return_counts=True)
    i = int(np.argmax(counts))
    sel = flat[keys == vals[i]]
    return tuple(int(round(v)) for v in sel.mean(axis=0)), float(counts[i] / len(flat))


RELIABLE = 0.5  # a line read with this score or more is trusted whatever it reads (vision.ocr's default)


def distance(img: np.ndarray, color) -> np.ndarray:
    """Per-pixel largest channel difference from a colour."""
    return np.abs(img.astype(np.int16) - np.asarray(color, dtype=np.int16)).max(axis=-1)


def strong_ink(d: np.ndarray, share: float = 0.4) -> np.ndarray:
    """A glyph's ink in a distance-from-ground map: clear of the ground and of the faint
    anti-aliased edges (`share` of the strongest ink's distance or more)."""
    return d >= max(24.0, share * float(d.max()))


def ring(img: np.ndarray, box, pad: int = 3, width: int = 2) -> np.ndarray:
    """Pixels of a thin frame just outside a box (where a text line's background shows)."""
    H, W = img.shape[:2]
    x, y, w, h = box
    x0, y0 = max(0, x - pad - width), max(0, y - pad - width)
    x1, y1 = min(W, x + w + pad + width), min(H, y + h + pad + width)
    parts = [img[y0:min(H, y0 + width), x0:x1], img[max(0, y1 - width):y1, x0:x1],
             img[y0:y1, x0:min(W, x0 + width)], img[y0:y1, max(0, x1 - width):x1]]
    return np.concatenate([p.reshape(-1, 3) for p in parts if p.size]) if any(p.size for p in parts) \
        else np.zeros((0, 3), np.uint8)


@dataclass
class TextInfo:
    """What the pixels say about one OCR line: colours, contrast, ink extent, glyph size."""

    text: str
    box: tuple[int, int, int, int]
    ink_box: tuple[int, int, int, int]
    bg: RGB
    bg_share: float
    fg: RGB
    ratio: float
    ink_height: int
    x_height: int
    conf: float
    around: RGB | None = None  # the colour around the box, where the line's ground is a fill the box hugs


def text_info(img: np.ndarray, line) -> TextInfo | None:
    """Measure one OCR line; None when it has no ink distinct from its background."""
    H, W = img.shape[:2]
    x, y, w, h = line.box
    x0, y0, x1, y1 = max(0, x), max(0, y), min(W, x + w), min(H, y + h)
    if x1 - x0 < 2 or y1 - y0 < 2:
        return None
    crop = img[y0:y1, x0:x1]
    bg, share = mode_color(ring(img, (x, y, w, h), pad=2, width=2))
    inner_bg, inner_share = mode_color(crop)
    around = None  # set where the box hugs a fill: the colour of the surface round it
    if inner_share > share and distance(np.array([[inner_bg]]), bg)[0, 0] > 12:
        bg, share = inner_bg, max(share, inner_share)  # the ring fell on a neighbour: trust the box
    elif _outside_a_fill(crop, bg, share):
        # a fill the box hugs: its median, as a gradient has no frequent colour (and its label's
        # colour can be the most frequent one), while letters leave the fill most of the box
        around = bg
        bg = tuple(int(v) for v in np.median(crop.reshape(-1, 3), axis=0))
        share = float((distance(crop, bg) <= 24).mean())
    d = distance(crop, bg)
    d[_outside_corners(img, x0, y0, crop, bg, around is not None)] = 0
    top = float(d.max())
    if top < 12:
        return None
    d, top = without_edge_rules(d, top)
    # anti-aliasing lightens thin strokes: the strongest pixels hold the true ink colour
    core = d >= max(12.0, STROKE * top)
    fg = tuple(int(v) for v in np.median(crop[core].reshape(-1, 3), axis=0))
    ink = d >= max(10.0, 0.35 * top)
    rows = np.nonzero(ink.sum(axis=1) >= 1)[0]
    cols = np.nonzero(ink.sum(axis=0) >= 1)[0]
    if len(rows) == 0 or len(cols) == 0:
        return None
    ink_box = (x0 + int(cols[0]), y0 + int(rows[0]), int(cols[-1] - cols[0] + 1), int(rows[-1] - rows[0] + 1))
    # x-height: the band of rows holding most of the ink (ascenders/descenders are sparse); an
    # underline spans the line in one stroke and is no glyph row
    prof = ink.sum(axis=1).astype(np.float64)
    prof[rule_rows(ink, max(8, ink_box[2] // 2))] = 0
    if prof.max() <= 0:
        return None
    dense = np.nonzero(prof >= 0.35 * prof.max())[0]
    xh = int(dense[-1] - dense[0] + 1) if len(dense) else ink_box[3]
    return TextInfo(line.text, tuple(line.box), ink_box, bg, share, fg, contrast_ratio(fg, bg), ink_box[3], xh, line.conf,
                    around)


def without_edge_rules(d: np.ndarray, top: float) -> tuple[np.ndarray, float]:
    """The distance map without rules at the box's top or bottom edge that stand out far more than
    anything else in it: the border of the button or field a pale label sits in, which the
    recogniser's box reached. Measured with them, the line's ink is the border (its colour, its
    two rows) and the letters, under a third of its strength, are no ink at all. An underline is
    in the letters' own colour and leaves the map as it is."""
    # strong across nearly the whole row: no glyph row (a run of missing-glyph boxes leaves gaps)
    ruled = (d >= 0.6 * top).mean(axis=1) >= 0.9
    rows = np.arange(len(ruled))
    edge = ruled & ((rows < 3) | (rows >= len(ruled) - 3))  # within three rows of the top or bottom
    if not edge.any() or edge.all():
        return d, top
    # with the rule goes what is as strong and joins it: its rounded ends curving into the box
    strong = (d >= 0.6 * top).astype(np.uint8)
    _, lab = cv2.connectedComponents(strong, connectivity=8)
    border = np.isin(lab, np.unique(lab[edge][strong[edge] > 0])) | edge[:, None]
    border = cv2.dilate(border.astype(np.uint8), np.ones((3, 3), np.uint8)).astype(bool)  # its blended rim
    rest = float(d[~border].max()) if (~border).any() else 0.0
    if rest >= 0.6 * top or rest < 12:
        return d, top
    d = d.copy()
    d[border] = 0
    return d, rest


def _outside_corners(img: np.ndarray, x0: int, y0: int, crop: np.ndarray, bg: RGB, hugged: bool) -> np.ndarray:
    """Pixels in the box's corners that belong to what lies around the box: where a line's box
    hugs a rounded field or button, the panel around it fills the box's corners and runs on
    outside them, and those, with the anti-aliased blend along the fill's curve, are no ink of the
    line (their colour would be read as the text's, the corners as glyphs reaching the box's edge).
    A letter at a corner of its box stops at the box's edge: the ground continues outside it, not
    the letter's colour. What runs down the box's whole side is no corner but a box beside or over
    the line (element-overlap's evidence), and stays, unless the box is `hugged`: the surface all
    round it then shows in its sides as well as its corners."""
    from .paint import blend_of

    H, W = img.shape[:2]
    h, w = crop.shape[:2]
    out = np.zeros((h, w), bool)
    ground = distance(crop, bg) <= 16
    for cy, cx, dy, dx in ((0, 0, -1, -1), (0, w - 1, -1, 1), (h - 1, 0, 1, -1), (h - 1, w - 1, 1, 1)):
        c = crop[cy, cx]
        oy, ox = y0 + cy + 2 * dy, x0 + cx + 2 * dx
        if not (0 <= oy < H and 0 <= ox < W) or distance(np.array([[c]]), bg)[0, 0] <= 24 \
                or distance(img[oy:oy + 1, ox:ox + 1], c)[0, 0] > 24:
            continue
        edge = blend_of(crop, bg, c, tol=20) & ~ground
        _, lab = cv2.connectedComponents(edge.astype(np.uint8), connectivity=8)
        piece = lab == lab[cy, cx]
        if hugged or not (piece[0].any() and piece[-1].any()):
            out |= piece
    return out


def _outside_a_fill(crop: np.ndarray, ring_bg: RGB, ring_share: float) -> bool:
    """The ring lies on a flat surface whose colour the box itself barely shows: the OCR box
    hugs a painted fill (a button, a badge) and the ring fell just outside it. Letters cover well
    under half of their line's box, so the ground they stand on fills most of it; a gradient fill
    has no single colour frequent enough to outvote the ring, yet the ring's colour is not in it."""
    return ring_share >= 0.5 and float((distance(crop, ring_bg) <= 12).mean()) < 0.15


def uncovered(mask: np.ndarray, boxes, pad: int) -> np.ndarray:
    """A copy of `mask` with every (x, y, w, h) box, grown by `pad`, cleared: the ink that no
    line read so far accounts for."""
    out = mask.copy()
    for x, y, w, h in boxes:
        out[max(0, y - pad):y + h + pad, max(0, x - pad):x + w + pad] = 0
    return out


def rule_rows(ink: np.ndarray, min_run: int) -> np.ndarray:
    """Rows holding an unbroken horizontal run of ink at least `min_run` long: an underline or a
    strike-through (letters, even bold ones, leave gaps between them)."""
    if ink.shape[1] < min_run:
        return np.zeros(ink.shape[0], bool)
    runs = cv2.erode(ink.astype(np.uint8), np.ones((1, min_run), np.uint8), borderType=cv2.BORDER_CONSTANT, borderValue=0)
    return runs.any(axis=1)


def word_boxes(img: np.ndarray, t: TextInfo, share: float = 0.4) -> list[tuple[int, int, int, int, int]]:
    """The line's ink split at word gaps: (x0, x1, top, bottom, dense band height) per word, in
    line-crop columns; the dense band is the x-height of lowercase, the cap height of capitals.
    Ink is what lies `share` of the strongest ink's distance or more from the ground."""
    x, y, w, h = t.ink_box
    crop = img[y:y + h, x:x + w]
    if crop.size == 0:
        return []
    ink = strong_ink(distance(crop, t.bg), share)
    ink[rule_rows(ink, max(8, 3 * t.x_height))] = False  # an underline would join the words
    cols = ink.any(axis=0)
    gap = max(3, int(round(0.5 * t.x_height)))
    words, a, blank = [], None, 0
    for c in range(w + 1):
        on = c < w and bool(cols[c])
        if on:
            if a is None:
                a = c
            blank, last = 0, c
            continue
        blank += 1
        if a is not None and (blank >= gap or c == w):
            sub = ink[:, a:last + 1]
            rows = np.nonzero(sub.any(axis=1))[0]
            prof = sub.sum(axis=1).astype(np.float64)
            dense = np.nonzero(prof >= 0.35 * prof.max())[0]
            words.append((a, last + 1, int(rows[0]), int(rows[-1]) + 1, int(dense[-1] - dense[0] + 1)))
            a = None
    return words


def font_px(info: TextInfo) -> float:
    """Approximate CSS font size from the glyphs' dense band (x-height, or cap height for capitals).

    Sans-serif UI fonts have an x-height near 0.53 em and a cap height near 0.72 em; CJK glyphs
    fill about 0.88 em.
    """
    t = info.text
    if any("\u3040" <= ch <= "\u9fff" or "\uac00" <= ch <= "\ud7af" for ch in t):
        return info.ink_height / 0.88
    letters = [ch for ch in t if ch.isalpha()]
    lower = sum(ch.islower() for ch in letters)
    if letters and lower >= max(1, len(letters) / 2):
        return info.x_height / 0.53
    return info.x_height / 0.72


@dataclass
class Segment:
    """A run of ink in a text line (a word or a few), measured on its own."""

    box: tuple[int, int, int, int]
    fg: RGB
    ratio: float


def line_colour(pixels: np.ndarray, d: np.ndarray) -> RGB:
    """The ink colour of anti-aliased glyphs: the pixels farthest from the background are the
    ones fully covered by a stroke (thin strokes only partly cover the others)."""
    top = float(d.max())
    core = d >= max(1.0, STROKE * top)
    return tuple(int(v) for v in np.median(pixels[core].reshape(-1, 3), axis=0))


def segments(img: np.ndarray, t: TextInfo, min_ink: float = 12.0) -> list[Segment]:
    """Split a line's ink into runs of one contrast level and measure each run on its own.

    One OCR line can hold words of several colours (a pale link inside dark text, a grey date
    after a name); the line's colour is that of its darkest words, so each run is measured apart.
    Each ink column is rated by its strongest pixel, then by the best column within about one
    x-height (a thin stroke or an anti-aliased glyph edge does not make a column pale); runs
    split where that rating crosses from one side of 4.5:1 / 3:1 to the other.
    """
    x, y, w, h = t.ink_box
    crop = img[y:y + h, x:x + w]
    if crop.size == 0 or w < 2:
        return []
    d = distance(crop, t.bg)
    has = d.max(axis=0) >= min_ink
    if not has.any():
        return []
    rows = d.argmax(axis=0)
    lum = luminances(crop[rows, np.arange(w)])
    lb = luminance(t.bg)
    ratio = (np.maximum(lum, lb) + 0.05) / (np.minimum(lum, lb) + 0.05)
    ratio[~has] = 0.0
    win = max(3, int(round(0.8 * t.x_height)))
    pad = np.pad(ratio, win // 2, constant_values=0.0)
    best = np.lib.stride_tricks.sliding_window_view(pad, win).max(axis=1)[:w]
    level = np.digitize(best, [3.0, 4.5])  # 0: under 3:1, 1: 3-4.5, 2: at least 4.5
    cols = np.nonzero(has)[0]
    out: list[Segment] = []
    a = 0
    for k in range(1, len(cols) + 1):
        if k < len(cols) and level[cols[k]] == level[cols[a]]:
            continue
        c0, c1 = int(cols[a]), int(cols[k - 1]) + 1
        sd = d[:, c0:c1]
        ink_rows = np.nonzero((sd >= min_ink).any(axis=1))[0]
        fg = line_colour(crop[:, c0:c1], sd)
        out.append(Segment((x + c0, y + int(ink_rows[0]), c1 - c0, int(ink_rows[-1] - ink_rows[0] + 1)),
                           fg, contrast_ratio(fg, t.bg)))
        a = k
    return out


def _steps(img: np.ndarray) -> np.ndarray:
    """Per pixel, the largest channel difference to any of its four neighbours (or itself)."""
    grad = cv2.morphologyEx(np.ascontiguousarray(img), cv2.MORPH_GRADIENT,
                            cv2.getStructuringElement(cv2.MORPH_CROSS, (3, 3)))
    ch = cv2.split(grad)
    top = ch[0]
    for c in ch[1:]:
        top = cv2.max(top, c)
    return top


def rules(img: np.ndarray, text_boxes=(), step: int = 10, min_w: int = 40) -> list[tuple[int, int, int, int]]:
    """Thin horizontal lines (separators, the strokes of an "—— OR ——" divider), as the line's
    own extent: the steps around a line of 1-3 px form a band a pixel wider each way. Lines under
    or through a text box (underlines, strike-through) belong to the text and are left out."""
    edge = (_steps(img) > step).astype(np.uint8)
    n, _, st, _ = cv2.connectedComponentsWithStats(edge, connectivity=8)
    ws, hs = st[:, 2], st[:, 3]
    keep = np.nonzero((ws >= min_w + 2) & (hs <= 5) & (ws >= 8 * hs) & (ws <= 0.9 * edge.shape[1]))[0]
    tb = np.array(list(text_boxes), np.int64).reshape(-1, 4)
    out = []
    for i in keep:
        x, y, w, h = (int(v) for v in st[i, :4])
        x, w = x + 1, w - 2
        under = (tb[:, 0] - 3 <= x) & (tb[:, 0] + tb[:, 2] + 3 >= x + w) & (tb[:, 1] - 2 <= y) \
            & (tb[:, 1] + tb[:, 3] + 4 >= y + h)
        if not under.any():
            out.append((x, y + 1 if h >= 3 else y, w, max(1, h - 2)))
    return out


@dataclass
class FlatBox:
    """A region of one flat colour with straight sides: a filled box's fill, or the inside of an
    outlined one (an input, a card). `box` is the region's extent; a side is only trusted as an
    edge when it runs straight over most of the region's height (or width), or is a round end."""

    box: tuple[int, int, int, int]
    left: bool
    right: bool


def _round_end(inset: np.ndarray) -> bool:
    """A side drawn as a round end (a pill button's, a large corner radius's): how far each row's
    flat region starts inside the box falls steadily to nothing at the middle rows and mirrors
    itself about them. Such a side's middle is the box's edge (CSS rounds the corners inside the
    box), so it places the element as well as a straight side does. A side cut by text or an
    icon is neither steady nor mirrored."""
    n = len(inset)
    if n < 8:
        return False
    mid = inset[n // 2 - max(1, n // 10): n // 2 + max(1, n // 10) + 1]
    half = inset[: n // 2]
    return bool(mid.max() <= 1 and inset[0] >= 3 and inset[-1] >= 3
                and np.abs(inset - inset[::-1]).max() <= 2 and (np.diff(half) <= 1).all())


def flat_boxes(img: np.ndarray, text_boxes=(), step: int = 10, min_w: int = 16, min_h: int = 8,
               straight: float = 0.8) -> list[FlatBox]:
    """Boxes drawn on the screenshot, found as regions where no pixel differs from a neighbour by
    more than `step` (so a fill, however dark, or a gradient too gentle to show steps), whose top
    and bottom run straight and whose left or right side does too. Rounded corners lose a few rows
    at each end, hence `straight` < 1. Regions inside a text box (the counters of big letters) and page-wide ones (backgrounds) are left out. The region stops a pixel inside the
    box's painted edge (the edge pixel differs from its outside neighbour), or inside its border."""
    H, W = img.shape[:2]
    flat = (_steps(img) <= step).astype(np.uint8)
    n, lab, st, _ = cv2.connectedComponentsWithStats(flat, connectivity=4)
    ws, hs, area = st[:, 2], st[:, 3], st[:, 4]
    keep = np.nonzero((ws >= min_w) & (hs >= min_h) & (ws <= 0.9 * W) & (area >= 0.3 * ws * hs))[0]
    tb = np.array(list(text_boxes), np.int64).reshape(-1, 4)
    out = []
    for i in keep:
        if i == 0:
            continue  # label 0: the edge pixels themselves
        x, y, w, h = (int(v) for v in st[i, :4])
        if ((tb[:, 0] <= x + 1) & (tb[:, 1] <= y + 1) & (tb[:, 0] + tb[:, 2] >= x + w - 1)
                & (tb[:, 1] + tb[:, 3] >= y + h - 1)).any():
            continue  # the counter of a big letter, or the space between words
        sub = lab[y:y + h, x:x + w] == i
        rows, cols = sub.any(axis=1), sub.any(axis=0)
        t = np.argmax(sub, axis=0)[cols]
        b = h - 1 - np.argmax(sub[::-1], axis=0)[cols]
        if (t <= 1).mean() < straight or (b >= h - 2).mean() < straight:
            continue
        ins_l = np.argmax(sub, axis=1)[rows]
        ins_r = np.argmax(sub[:, ::-1], axis=1)[rows]
        lft = (ins_l <= 1).mean() >= straight or _round_end(ins_l)
        rgt = (ins_r <= 1).mean() >= straight or _round_end(ins_r)
        if lft or rgt:
            out.append(FlatBox((x, y, w, h), bool(lft), bool(rgt)))
    return out
