"""misalignment: a text paragraph's edges as a stack lines it up: its ink, an icon beside it, a chip
or a button drawn under its first word, a list marker leading it, its first glyph's side bearing."""
from __future__ import annotations

from dataclasses import replace

import numpy as np

from ..issue import union
from ..pixels import TextInfo, distance, font_px, word_boxes
from .member import BEARING_EM, _Item

CJK_OPEN_RIGHT = set("。，、：；！？）」』】〉》")
CJK_OPEN_LEFT = set("（「『【〈《")
BEARING_STEM = set("BDEFHIKLMNPRbhiklmnpru1")
BEARING_FLAT = set("AJTVWXYZfjtvwxyz4")
GROUND_STEP = 64  # colour step (of 255) between the grounds of lines of different elements
MARKERS = set("•·●○◦■□▪▫▸▹►‣⁃-–—*✓✔")


def _icon_span(img: np.ndarray, t: TextInfo, others: np.ndarray) -> tuple[int, int]:
    """The line's ink extent with an icon drawn beside it (a lock before "All data is encrypted",
    a badge after a link): strong ink on the line's rows within about a letter's height of its
    ends, up to an icon's width, and in no other text line. A centred line is centred with it."""
    x, y, w, h = t.ink_box
    H, W = img.shape[:2]
    gap, wide = max(4, h), max(8, int(1.6 * h))
    span = [x, x + w]
    for side in (-1, 1):
        a, b = (max(0, x - gap - wide), x) if side < 0 else (x + w, min(W, x + w + gap + wide))
        if b - a < 2:
            continue
        band = img[y:y + h, a:b].astype(np.int16)
        ink = (np.abs(band - np.asarray(t.bg, np.int16)).max(axis=-1) > 40).any(axis=0)
        if others.size:
            hit = (others[:, 0] < b) & (others[:, 0] + others[:, 2] > a) & (others[:, 1] < y + h) \
                & (others[:, 1] + others[:, 3] > y)
            if hit.any():
                continue  # a neighbouring text line: no icon to judge by
        cols = np.nonzero(ink)[0]
        if not len(cols):
            continue
        near = cols[-1] if side < 0 else cols[0]
        if (x - (a + near) if side < 0 else near) > gap:
            continue
        # the icon: the run of columns with ink (gaps of a pixel or two allowed) starting at near
        run = cols[::-1] if side < 0 else cols
        end = run[0]
        for c in run[1:]:
            if abs(int(c) - int(end)) > 3:
                break
            end = c
        if abs(int(end) - int(near)) + 1 >= wide:
            continue  # runs on past an icon's width: a picture or a rule, not an icon
        if side < 0:
            span[0] = a + int(end)
        else:
            span[1] = a + int(end) + 1
    return span[0], span[1]


def _chip_left(img: np.ndarray, t: TextInfo) -> int:
    """Where the line's painting starts: its ink, or the left edge of a chip drawn under its first
    word (inline code, a tag, a badge), which is the element's edge a stack lines up with. The
    chip is a fill (and maybe a border) unlike the line's background, even down the line's middle
    rows, running left from the ink by up to an em and ending on that background; it is about as
    tall as the line (a panel or a gradient the line sits in is no chip)."""
    x, y, w, h = t.ink_box
    reach = int(max(4, font_px(t)))
    a = max(0, x - reach)
    if x - a < 3:
        return x
    band = img[y + h // 4:y + h - h // 4, a:x].astype(np.int16)
    if band.shape[0] < 2:
        return x
    ground = np.asarray(t.around or t.bg, np.int16)  # a button's label: its fill is the chip
    off = np.abs(band - ground).max(axis=-1)   # rows x cols
    painted = (off.min(axis=0) > 4) & (np.ptp(band, axis=0).max(axis=-1) <= 12)
    bare = off.max(axis=0) <= 4
    k = len(painted) - 1
    while k >= 0 and painted[k]:
        k -= 1
    if k < 0 or not bare[k] or len(painted) - 1 - k < 2:
        return x  # no chip, or one wider than an em (a panel the line sits in)
    # within a line above and below the chip the background shows again (the chip's own ends; a
    # button's padding takes up to about half a line each side; a list's next line may lie right
    # past them)
    col, gap = a + k + 2, max(4, h)
    if y - gap < 0 or y + h + gap >= img.shape[0]:
        return x
    for part in (img[y - gap:y, col], img[y + h:y + h + gap + 1, col]):
        if not (np.abs(part.astype(np.int16) - ground).max(axis=-1) <= 4).any():
            return x  # a panel or a gradient the line sits in
    return a + k + 1


def _after_marker(img: np.ndarray, t: TextInfo) -> float | None:
    """Where the text starts after a list marker leading the line (a number, a bullet, an icon the
    recogniser may not have read): the line's first run of ink, no wider than an em, set apart from
    the next by half an em or more. None without one."""
    words = word_boxes(img, t)
    em = font_px(t)
    if len(words) < 2 or words[0][1] - words[0][0] > em or words[1][0] - words[0][1] < 0.5 * em:
        return None
    return float(t.ink_box[0] + words[1][0])


def _bearing(text: str) -> float:
    """The first glyph's left side bearing, in ems, by its shape: a letter opening with a straight
    stem (E, H, n) sits about 0.075 em inside its box in the sans faces UIs use, a round one (O, e)
    about 0.04, a diagonal or a bar (A, V, T) hardly at all. Only ever used to tell which column a
    line belongs to, never to measure an offset: serif faces set stems closer to the box."""
    ch = text.strip()[:1]
    return 0.075 if ch in BEARING_STEM else 0.01 if ch in BEARING_FLAT else 0.04


def _listed(text: str) -> bool:
    """The line leads with a list marker as read: a bullet or dash, or a number or letter with a
    stop or bracket ("1.", "b)") before a space."""
    text = text.strip()
    if text[:1] in MARKERS:
        return True
    head = text.split(" ", 1)[0]
    return " " in text and 2 <= len(head) <= 3 and head[-1] in ".)" \
        and (head[:-1].isdigit() or (len(head) == 2 and head[0].islower()))


def _open_end(text: str, left: bool) -> bool:
    """The text's left (or right) end is a full-width bracket or stop, whose ink sits on one side of
    its em: the ink's extent there is not the text's."""
    text = text.strip()
    return text[:1] in CJK_OPEN_LEFT if left else text[-1:] in CJK_OPEN_RIGHT


def _same_pitch(p: list[TextInfo], t: TextInfo) -> bool:
    """t is the next line of paragraph p at the paragraph's own line pitch, its ink as tall as the
    last line's: a paragraph's lines are set one line-height apart, and a heading after it would
    start farther down. Then a line's x-height judged unlike (underlined links filling it read as
    its baseline) does not split it off as a member of its own."""
    if len(p) < 2:
        return False
    pitch = p[-1].ink_box[1] - p[-2].ink_box[1]
    a, b = t.ink_box, p[-1].ink_box
    return abs(a[1] - b[1] - pitch) <= 1 and max(a[3], b[3]) <= 1.15 * min(a[3], b[3])


def _one_ground(a: TextInfo, b: TextInfo) -> bool:
    """Two lines on one ground: a paragraph's wrapped lines share their background (a highlight
    wraps with them), so lines on grounds as unlike as light and dark (an orange highlight over a
    line on black) are separate elements, whatever their edges."""
    return max(abs(int(u) - int(v)) for u, v in zip(a.bg, b.bg)) <= GROUND_STEP


def _text_items(infos: list[TextInfo], img: np.ndarray | None = None) -> list[_Item]:
    """Paragraphs: wrapped lines sharing a left edge join, so a shifted paragraph is one item. A
    line's first letter sets where its ink starts, so the edge a line shares may be any earlier
    line's, not only the one just above (T, S, D and T again start 815, 816, 817, 815 px)."""
    paras: list[list[TextInfo]] = []
    for t in sorted(infos, key=lambda t: t.ink_box[1]):
        a = t.ink_box
        for p in paras:
            b = p[-1].ink_box
            if any(abs(a[0] - q.ink_box[0]) <= 1 for q in p) \
                    and -3 <= a[1] - (b[1] + b[3]) <= 0.8 * max(a[3], b[3]) \
                    and (max(t.x_height, p[-1].x_height) <= 1.3 * min(t.x_height, p[-1].x_height)
                         or _same_pitch(p, t)) and _one_ground(p[-1], t):
                p.append(t)
                break
        else:
            paras.append([t])
    out = []
    for p in paras:
        if sum(ch.isalnum() for ch in p[0].text) < 2:
            continue  # a bullet, an icon read as a symbol: its ink says little about its box
        box = list(p[0].ink_box)
        for t in p[1:]:
            box = union(box, t.ink_box)
        centre = p[0].ink_box[0] + p[0].ink_box[2] / 2 if len(p) == 1 else None
        right = p[0].ink_box[0] + p[0].ink_box[2] - 1.0 if len(p) == 1 else None
        if centre is not None and img is not None:
            others = np.array([o.box for o in infos if o is not p[0]], np.int64).reshape(-1, 4)
            a, b = _icon_span(img, p[0], others)
            centre, right = (a + b) / 2, b - 1.0
        # a full-width stop or bracket is ink on one side of an empty em: the ink's centre is only a
        # bound on the text's, which lies towards the open end (open)
        open_end = _open_end(p[0].text, False) - _open_end(p[0].text, True)
        ink_centre = centre if open_end else None
        if _open_end(p[0].text, True) or _open_end(p[0].text, False):
            centre = None
        if _open_end(p[0].text, False):
            right = None
        left = min(_chip_left(img, t) for t in p) if img is not None else box[0]
        lead = min(_chip_left(img, t) if _chip_left(img, t) < t.ink_box[0]
                   else t.ink_box[0] - _bearing(t.text) * font_px(t) for t in p) if img is not None else None
        # side bearings: the ink of a letter starts up to about 0.12 em right of its box
        out.append(_Item(tuple(box), float(left), centre, BEARING_EM * max(font_px(t) for t in p), p[0].text,
                         text_left=_after_marker(img, p[0]) if img is not None and len(p) == 1 else None,
                         painted=left < box[0], listed=_listed(p[0].text), right=right, lead=lead,
                         ink_centre=ink_centre, open=open_end))
    return out


def _outside_cols(img: np.ndarray, t: TextInfo) -> tuple[int, tuple[int, int, int]] | None:
    """How many of the OCR box's first columns lie on the surface around a fill the line is set on
    (a heading's highlight, a tag), and that surface's colour; None unless there are some. The
    recogniser's box reaches past the fill's edge: those columns are one flat colour down the
    whole box, unlike the fill, and the same as the three columns just outside the box, which no
    glyph is (a stem is not flat across the padding rows, and a glyph ends before the box does);
    the next columns are the fill again."""
    x, y, w, h = t.box
    H, W = img.shape[:2]
    y0, y1 = max(0, y), min(H, y + h)
    if x < 3 or x + w > W or y1 - y0 < 8 or w < 8:
        return None
    cols = img[y0:y1, x - 3:x + min(w, int(max(4, font_px(t))))].astype(np.int16)
    surface = np.median(cols[:, :3].reshape(-1, 3), axis=0)
    flat = (np.abs(cols - surface).max(axis=-1) <= 6).all(axis=0)
    if not flat[:3].all() or float(np.abs(surface - np.asarray(t.bg, np.int16)).max()) <= 24:
        return None
    n = 0
    while 3 + n < len(flat) and flat[3 + n]:
        n += 1
    if n == 0 or 3 + n + 2 > cols.shape[1]:
        return None
    fill = (np.abs(cols[:, 3 + n:3 + n + 2] - np.asarray(t.bg, np.int16)).max(axis=-1) <= 24).mean()
    return (n, tuple(int(v) for v in surface)) if fill >= 0.5 else None


def _on_fill(img: np.ndarray, t: TextInfo) -> TextInfo:
    """The line as set on its fill: where its box reaches past the fill's edge onto the surface
    around (_outside_cols, at either end), the ink box starts (ends) past those columns, which are
    the surface, not ink unlike the fill, at the first column unlike the fill (the chip then ends
    where the glyph's rim starts); and the surface is the line's surround, so the fill's
    edge is read as a chip's (_chip_left), the element's painted edge a stack lines up with."""
    ends = [_outside_cols(img, t), _outside_cols(img[:, ::-1], replace(t, box=(
        img.shape[1] - t.box[0] - t.box[2], t.box[1], t.box[2], t.box[3])))]
    if not any(ends):
        return t
    x, y, w, h = t.ink_box
    a, b = x, x + w
    if ends[0]:
        a = t.box[0] + ends[0][0]
    if ends[1]:
        b = t.box[0] + t.box[2] - ends[1][0]
    crop = img[y:y + h, a:b]
    if b - a < 2 or crop.size == 0:
        return t
    ink = np.nonzero((distance(crop, t.bg) > 12).any(axis=0))[0]  # a glyph's faint rim included
    if not len(ink):
        return t
    surface = (ends[0] or ends[1])[1]
    return replace(t, ink_box=(a + int(ink[0]), y, int(ink[-1] - ink[0] + 1), h), around=t.around or surface)
