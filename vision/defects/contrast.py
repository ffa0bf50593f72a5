"""low-contrast: text whose WCAG contrast ratio against its local background is too low.

The line's ink colour is read where strokes fully cover pixels (pixels.text_info); a line that
passes as a whole is also measured word by word (pixels.segments), since one OCR line can join a
pale link or a grey date to dark text.
"""
from __future__ import annotations

from dataclasses import replace

import cv2
import numpy as np

from .glyph_extent import CAP, X_HEIGHT
from .issue import Issue, overlap_min
from .own_rows import own_rows
from .paint import blend_of
from .pixels import (TextInfo, contrast_ratio, contrast_ratios, distance, font_px, hex_color, line_colour, luminance,
                     rule_rows, segments, without_edge_rules, word_boxes)

NORMAL_MIN, LARGE_MIN = 4.5, 3.0
LARGE_PX = 24.0  # WCAG "large text": 18 pt


def _issue(t: TextInfo, box, fg, ratio: float, need: float, large: bool, text: str) -> Issue:
    sev = "error" if ratio < 3.0 else "warning"
    return Issue(
        "low-contrast", list(box), sev,
        f"Text \"{text[:40]}\" has contrast {ratio:.2f}:1 ({hex_color(fg)} on {hex_color(t.bg)}); "
        f"WCAG AA needs {need:g}:1 for {'large' if large else 'normal'} text",
        "visual", f"Darken the text or lighten the background until the ratio is at least {need:g}:1 "
                  f"(e.g. `color` further from {hex_color(t.bg)})", score=need - ratio)


# colour levels a measured ink colour may be off by: thin strokes of normal text never fully
# cover a pixel's neighbours' blend, the thick strokes of large text do; a run of a few letters
# has fewer strokes that might cover one than a whole line, so its colour may be off by more
SLACK_NORMAL, SLACK_LARGE = 8, 2
# a word is painted in several colours when this share of its strong ink lies this many levels off
# the blend of its measured colour with the ground (anti-aliasing strays a few levels off it)
HUE_OFF, HUE_SHARE = 60, 0.15
RUN_SLACK = 2
# a ring round the box this much in one colour is a flat ground; less, two surfaces or a gradient
MIXED_SHARE = 0.6
PASSING_PART = 0.4  # share of a mixed ground the text must clear to be readable on it


def _surely_under(fg, bg, need: float, slack: int) -> bool:
    """Under the threshold even with the ink read `slack` levels further from the background per
    channel: a pixel measurement within that of the line is not evidence enough either way."""
    f = np.asarray(fg, np.float64)
    b = np.asarray(bg, np.float64)
    away = np.clip(f + (slack if luminance(f) >= luminance(b) else -slack), 0, 255)
    return contrast_ratio(tuple(away), tuple(b)) < need


def _fails(t: TextInfo, need: float, slack: int) -> bool:
    """Under the threshold, and surely so (`_surely_under`)."""
    return t.ratio < need and _surely_under(t.fg, t.bg, need, slack)


def _letter_band(img: np.ndarray, t: TextInfo) -> tuple[int, int] | None:
    """The screenshot rows [top, bottom) of the run of rows dense with the line's letters (its
    x-height band, or cap height), around the densest; None when the line shows no ink."""
    x, y, w, h = t.ink_box
    crop = img[y:y + h, x:x + w]
    if crop.size == 0:
        return None
    d = distance(crop, t.bg)
    ink = d >= max(10.0, 0.35 * float(d.max()))
    ink[rule_rows(ink, max(8, w // 2))] = False
    prof = ink.sum(axis=1)
    if prof.max() <= 0:
        return None
    dense = prof >= 0.35 * prof.max()
    top = bottom = int(prof.argmax())
    while top > 0 and dense[top - 1]:
        top -= 1
    while bottom < len(prof) - 1 and dense[bottom + 1]:
        bottom += 1
    return y + top, y + bottom + 1


def _read_width(img: np.ndarray, t: TextInfo) -> TextInfo:
    """The line with its ink box reaching across the columns the recogniser read (its box, less
    the padding it leaves at each end). The ink box holds the pixels at least a third as far from
    the ground as the strongest: in a line joining dark words to words far paler (a grey
    copyright notice run on into a dark link, as footers set them), the pale words are no ink by
    that measure, and their own contrast is never taken."""
    x, y, w, h = t.ink_box
    pad = max(1, min(4, t.box[3] // 6))
    a = max(0, min(x, t.box[0] + pad))
    b = min(img.shape[1], max(x + w, t.box[0] + t.box[2] - pad))
    return t if (a, b) == (x, x + w) else replace(t, ink_box=(a, y, b - a, h))


def _lowercase_band(t: TextInfo) -> float:
    """The height of the line's lowercase letters' band: its dense band, which in a line read
    mostly in capitals is their cap height, of which an x-height is about 0.53/0.72 (sans-serif
    UI fonts). A run of lowercase words after a heading in capitals ("NOTICIAS ver más") is no
    shorter than its own letters, however much shorter than the capitals."""
    letters = [ch for ch in t.text if ch.isalpha()]
    if letters and sum(ch.islower() for ch in letters) < len(letters) / 2:
        return t.x_height * X_HEIGHT / CAP
    return float(t.x_height)


def _pale_words(img: np.ndarray, t: TextInfo, need: float, large: bool) -> list[Issue]:
    """Runs of words in a passing line that on their own fall under the threshold, measured on the
    line's own rows (a neighbour's glyph tops in the box would lend a run their colour) across the
    columns read (`_read_width`)."""
    t = _read_width(img, own_rows(img, t))
    segs = segments(img, t)
    if len(segs) < 2:
        return []
    out = []
    band = _lowercase_band(t)
    min_w = 2.5 * max(band, 4)
    run: list = []
    for s in segs + [None]:
        # a run in a clearly different colour, not the drift of thin anti-aliased strokes
        low = s is not None and s.ratio < need and s.box[3] >= 0.8 * band \
            and s.ratio * 1.5 <= t.ratio and distance(np.array([[s.fg]]), t.fg)[0, 0] >= 48 \
            and _surely_under(s.fg, t.bg, need, RUN_SLACK * (SLACK_LARGE if large else SLACK_NORMAL))
        if low:
            run.append(s)
            continue
        if run and sum(r.box[2] for r in run) >= min_w:
            x0 = min(r.box[0] for r in run)
            x1 = max(r.box[0] + r.box[2] for r in run)
            worst = max(run, key=lambda r: r.box[2])
            ratio = float(np.median([r.ratio for r in run]))
            lx, lw = t.ink_box[0], max(1, t.ink_box[2])
            n = len(t.text)
            text = t.text[int(n * (x0 - lx) / lw):int(np.ceil(n * (x1 - lx) / lw))].strip() or t.text
            pad = 2
            box = [x0 - pad, t.box[1], x1 - x0 + 2 * pad, t.box[3]]
            out.append(_issue(t, box, worst.fg, ratio, need, large, text))
        run = []
    return out


def _edge_at(diff: np.ndarray, along_rows: bool, idx, share: float):
    """The first index of `idx` whose row (or column) of `diff` is mostly set: a box's painted edge."""
    for i in idx:
        line = diff[i] if along_rows else diff[:, i]
        if line.size and line.mean() >= share:
            return i
    return None


def _underline(diff: np.ndarray, row: int, cx0: int, cx1: int, h: int) -> bool:
    """A field drawn as a line under its text (an underlined input): the painted row below the text
    is a thin rule, starting at most a letter's height before the text and running on past it by
    room to type, with no side going down from its ends (the top edge of a box below, a button, has
    them)."""
    thick = 1
    while row + thick < diff.shape[0] and diff[row + thick, cx0:cx1].mean() >= 0.9:
        thick += 1
    if thick > 3 or row + thick + 1 >= diff.shape[0] or diff[row + thick + 1, cx0:cx1].mean() > 0.1:
        return False
    line = diff[row]
    a = cx0
    while a > 0 and line[a - 1]:
        a -= 1
    b = cx1
    while b < len(line) and line[b]:
        b += 1
    if cx0 - a > h or b - cx1 < 4 * h:
        return False
    # no side running down from either end: the top edge of a box below (a button) is no underline
    below = diff[row + thick:row + thick + h]
    ends = (below[:, max(0, a - h):a + 4], below[:, max(0, b - 4):b + h])  # a rounded corner curves out
    return not any(e.size and e.any(axis=1).mean() >= 0.5 for e in ends)


def _placeholder(img: np.ndarray, t: TextInfo, infos: list[TextInfo]) -> bool:
    """Grey hint text alone at the start of an input field: a placeholder, which axe-core leaves
    out of its contrast rule (it is no content; it is gone once the field is filled).

    A field: painted edges just above and below the line and just left of it, and room for typing
    to its right (a button's label sits in the middle of its box instead); or a thin rule just
    under the line running on well past it, with no other text over it (an underlined input)."""
    if max(t.fg) - min(t.fg) > 24:
        return False  # placeholders are grey; coloured text is a link or a label
    H, W = img.shape[:2]
    x, y, w, h = t.ink_box
    y0, y1, x0 = max(0, y - 2 * h), min(H, y + 3 * h), max(0, x - 4 * h)
    diff = distance(img[y0:y1, x0:W], t.bg) > 10
    cx0, cx1 = x - x0, x - x0 + w
    top = _edge_at(diff[:, cx0:cx1], True, range(y - y0 - 1, -1, -1), 0.9)
    bottom = _edge_at(diff[:, cx0:cx1], True, range(y + h - y0, y1 - y0), 0.9)
    if bottom is not None and _underline(diff, bottom, cx0, cx1, h):
        return not any(o is not t and o.box[1] < y0 + bottom and o.box[1] + o.box[3] > y
                       and o.box[0] < W and o.box[0] + o.box[2] > x0 + cx1 for o in infos)
    if top is None or bottom is None or bottom - top > 4.5 * h:
        return False
    inside = diff[top + 1:bottom]
    left = _edge_at(inside, False, range(cx0 - 1, -1, -1), 0.8)
    if left is None:
        return False
    right = _edge_at(inside, False, range(cx1, W - x0), 0.8)
    right = W - x0 if right is None else right
    if right - cx1 < max(3 * (cx0 - left), 4 * h):
        return False
    field = [x0 + left, y0 + top, right - left, bottom - top]
    return not any(o is not t and overlap_min(list(o.box), field) > 0.5 for o in infos)


def _bands(rows: np.ndarray, min_rows: int) -> int:
    """How many runs of at least `min_rows` marked rows `rows` holds."""
    edges = np.flatnonzero(np.diff(np.concatenate([[0], rows.astype(np.int8), [0]])))
    return int(sum(e - s >= min_rows for s, e in zip(edges[::2], edges[1::2])))


def _logo_tile(img: np.ndarray, t: TextInfo, infos: list[TextInfo]) -> bool:
    """Text drawn in an app-icon style logo: a small, about square tile of the text's background
    colour, standing apart from what is around it, holding the wordmark and an emblem (marks in a
    band of their own above or below the letters that no other read line covers). A logo is a
    picture, and WCAG 1.4.3 exempts logotypes from the contrast minimum; a button or a badge holds
    its label alone, a card its lines of text."""
    H, W = img.shape[:2]
    x, y, w, h = t.ink_box
    m = 8 * max(h, 8)
    x0, y0, x1, y1 = max(0, x - m), max(0, y - m), min(W, x + w + m), min(H, y + h + m)
    ground = (distance(img[y0:y1, x0:x1], t.bg) <= 12).astype(np.uint8)
    n, lab, st, _ = cv2.connectedComponentsWithStats(ground, connectivity=4)
    around = lab[max(0, y - y0 - 2):y - y0 + h + 2, max(0, x - x0 - 2):x - x0 + w + 2]
    votes = np.bincount(around.ravel(), minlength=n)
    votes[0] = 0
    k = int(votes.argmax())
    tx, ty, tw, th, area = (int(v) for v in st[k])
    if tx == 0 or ty == 0 or tx + tw == x1 - x0 or ty + th == y1 - y0:
        return False  # the ground runs on past the crop: a band or a page, not a tile
    if not (0.67 <= tw / th <= 1.5 and area >= 0.5 * tw * th and th <= 7 * h):
        return False  # a wide button, a thin frame, or a card much larger than its text
    other = (lab[ty:ty + th, tx:tx + tw] != k).astype(np.uint8)
    parts = cv2.connectedComponents(other, connectivity=8)[1]
    edge = np.unique(np.concatenate([parts[0], parts[-1], parts[:, 0], parts[:, -1]]))
    rows = ((parts > 0) & ~np.isin(parts, edge)).any(axis=1)  # holes in the tile, not the corners around it
    tile = [x0 + tx, y0 + ty, tw, th]
    for o in infos:
        if o is not t and overlap_min(list(o.ink_box), tile) > 0.5:
            rows[max(0, o.ink_box[1] - tile[1]):max(0, o.ink_box[1] + o.ink_box[3] - tile[1])] = False
    return _bands(rows, 3) >= 2


def _letters_ink(img: np.ndarray, t: TextInfo) -> tuple[int, int, int] | None:
    """The ink colour of the line's letters, when the colour measured for the line lies outside
    the rows dense with letters (an emblem's edge, a border or a neighbour's descenders taken into
    the box; None otherwise): the measurement then says nothing about the text's own contrast,
    so the letters' band is measured on its own."""
    x, y, w, h = t.box
    crop = img[max(0, y):y + h, max(0, x):x + w]
    if crop.size == 0:
        return None
    d = distance(crop, t.bg)
    d, top = without_edge_rules(d, float(d.max()))  # a border the box reached, far stronger than the letters
    ink = d >= max(10.0, 0.35 * top)  # as pixels.text_info marks ink: pale letters too
    ink[rule_rows(ink, max(8, w // 2))] = False  # an underline is no row of letters
    prof = ink.sum(axis=1)
    if prof.max() <= 0:
        return None
    near = (distance(crop, t.fg) <= 30).sum(axis=1)
    dense = prof >= 0.35 * prof.max()
    top = bottom = int(prof.argmax())  # the run of dense rows around the densest: the letters' band
    while top > 0 and dense[top - 1]:
        top -= 1
    while bottom < len(prof) - 1 and dense[bottom + 1]:
        bottom += 1
    if near.sum() == 0 or near[top:bottom + 1].sum() >= 0.25 * near.sum():
        return None
    return line_colour(crop[top:bottom + 1], d[top:bottom + 1])


def _many_hues(pixels: np.ndarray, bg, fg) -> bool:
    """Strong ink in other colours than `fg` and its blends with the ground: a word painted in
    several colours (a wordmark's letters, each its own), which text in an interface never is."""
    d = distance(pixels, bg)
    strong = pixels[d >= 0.5 * float(d.max())]
    if len(strong) == 0 or np.array_equal(np.asarray(fg, np.int16), np.asarray(bg, np.int16)):
        return False
    return float((~blend_of(strong, bg, fg, HUE_OFF)).mean()) >= HUE_SHARE


def _without_wordmark(img: np.ndarray, t: TextInfo) -> TextInfo | None:
    """The line measured without the word its colour was read from, when that word's letters (the
    rows dense with them: a bar or a neighbour's ink in the box is no letter) are painted in
    several colours (a logo: WCAG 1.4.3 exempts logotypes); None when nothing else is left. The
    line as it is otherwise."""
    x, y, w, h = t.ink_box
    crop = img[y:y + h, x:x + w]
    band = _letter_band(img, t)
    if crop.size == 0 or band is None or any(ord(ch) >= 0x2E80 for ch in t.text):
        return t  # CJK lines have no spaces: a word is the whole line
    words = word_boxes(img, t)
    if not words:
        return t
    core = (distance(crop, t.fg) <= 30).sum(axis=0)
    a, b = max(((wa, wb) for wa, wb, *_ in words), key=lambda ab: int(core[ab[0]:ab[1]].sum()))
    if not _many_hues(crop[band[0] - y:band[1] - y, a:b], t.bg, t.fg):
        return t
    d = distance(crop, t.bg)
    d[:, a:b] = 0
    if float(d.max()) < 12:
        return None
    fg = line_colour(crop, d)
    return replace(t, fg=fg, ratio=contrast_ratio(fg, t.bg))


def _readable_on_part(img: np.ndarray, t: TextInfo, need: float) -> bool:
    """The ground inside the line's box is no one colour (two surfaces meet behind the letters: a
    dark band over a white page, a gradient hero) and the text clears the threshold against a
    large part of it (PASSING_PART of the ground pixels). A line's ground colour is then only
    the commonest of several, and where the text fails depends on where the box's edge falls; the
    letters stand out where the ground lets them, as a reader sees them (axe leaves such text
    "incomplete"). A label whose box takes in a button's border is still judged: the border is a
    few rows of the box, under PASSING_PART of its ground."""
    if t.bg_share >= MIXED_SHARE:
        return False
    x, y, w, h = t.box
    crop = img[max(0, y):y + h, max(0, x):x + w].reshape(-1, 3)
    ground = crop[distance(crop, t.fg) > 60]
    if len(ground) < 0.3 * len(crop):
        return False
    return float((contrast_ratios(t.fg, ground) >= need).mean()) >= PASSING_PART


def detect(infos: list[TextInfo], img: np.ndarray | None = None) -> list[Issue]:
    out = []
    for t in infos:
        if t.bg_share < 0.45 or len(t.text.strip()) < 2:
            continue  # text over a picture or a gradient: no single background to measure against
        large = font_px(t) >= LARGE_PX
        need = LARGE_MIN if large else NORMAL_MIN
        slack = SLACK_LARGE if large else SLACK_NORMAL
        if img is not None and not _fails(t, need, slack):
            # a passing colour read off a button's border or a neighbour's underline in the box
            # says nothing of the letters, which may be far paler
            own = _letters_ink(img, t)
            if own is not None:
                t = replace(t, fg=own, ratio=contrast_ratio(own, t.bg))
        if _fails(t, need, slack):
            if img is not None and (_placeholder(img, t, infos) or _logo_tile(img, t, infos)
                                    or _readable_on_part(img, t, need)):
                continue
            if img is not None:
                rest = _without_wordmark(img, t)
                if rest is None:
                    continue
                t = rest
                if not _fails(t, need, slack):
                    continue
            own = _letters_ink(img, t) if img is not None else None
            if own is not None:
                t = replace(t, fg=own, ratio=contrast_ratio(own, t.bg))
                if not _fails(t, need, slack):
                    continue
            out.append(_issue(t, t.box, t.fg, t.ratio, need, large, t.text))
        elif img is not None:
            out += _pale_words(img, t, need, large)
    return out
