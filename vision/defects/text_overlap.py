"""text-overlap: text lines whose glyphs collide with other text."""
from __future__ import annotations

import re
from dataclasses import replace

import cv2
import numpy as np

from .issue import Issue, overlap_min, union
from .lexicon import is_word
from .own_rows import own_rows
from .pixels import TextInfo, distance, rule_rows, strong_ink, word_boxes

APART = 0.65  # bands of two lines at least this share of a band apart are set close, not drawn over each other
# (half a line apart leaves under 0.6 of a band; text set solid 0.9, down to 0.7 with anti-aliased band edges)


def _em(t: TextInfo) -> float | None:
    """The line's font size from its width and what it reads: Latin UI fonts advance about 0.5 em
    per letter (0.28 em per space or stop); None where that does not hold (under 8 characters,
    CJK and other wide scripts advancing a whole em per character, capitals, which are wide)."""
    text = t.text.strip()
    if len(text) < 8 or any(ord(ch) > 0x2e7f for ch in text):
        return None
    letters = [ch for ch in text if ch.isalpha()]
    if not letters or sum(ch.isupper() for ch in letters) > len(letters) / 2:
        return None
    n_alnum = sum(ch.isalnum() for ch in text)
    return t.ink_box[2] / (0.5 * n_alnum + 0.28 * (len(text) - n_alnum))


def _too_tall(t: TextInfo, img: np.ndarray | None = None) -> bool:
    """A doubtful line whose ink is far taller than its letters are wide: two lines in one box.

    One line's ink (ascender to descender) spans at most about 1 em (`_em`); two lines drawn half
    a line apart span 1.3 to 1.6 em.
    The height is that of the line's words, where the two lines' letters run together into runs
    wider than tall: an icon read as a letter, or a button's faint frame, is no taller line.
    """
    em = _em(t)
    if em is None or t.ink_box[3] < 1.3 * em:
        return False
    if img is None:
        return True
    return max((wd[3] - wd[2] for wd in word_boxes(img, t) if wd[1] - wd[0] >= 2 * (wd[3] - wd[2])),
               default=0) >= 1.3 * em


def _level(values: list[int]) -> tuple[int, int]:
    """The most common value give or take a pixel, and how many values lie within a pixel of it."""
    best = max(set(values), key=lambda v: (sum(abs(u - v) <= 1 for u in values), -v))
    return best, sum(abs(u - best) <= 1 for u in values)


def _x_top(comps: list[tuple[int, int]]) -> int:
    """The top of a line's x-height among its letters (top, bottom): the lowest top two or more
    letters share, where capitals and ascenders rise higher (a line that opens 'Sign Up Now' has
    more capitals than lowercase letters standing alone). Stops and commas are left out: they are
    far shorter than the line's letters."""
    tall = [top for top, b in comps if b - top >= 0.6 * float(np.median([b - t for t, b in comps]))]
    shared = [v for v in set(tall) if sum(abs(u - v) <= 1 for u in tall) >= 2]
    return max(shared) if shared else _level(tall)[0]


def _two_baselines(img: np.ndarray, t: TextInfo) -> bool:
    """Letters of two lines in one box, the second drawn less than a line below the first.

    The letters that stand alone (no glyph of the other line touches them) sit on two baselines,
    and their tops (the x-height of lowercase) step down by the same amount, which tells them from
    descenders (bottoms lower, tops level) and from superscripts and subscripts (smaller glyphs).
    A step under 1.8 x-heights is less than a line (leading puts baselines at least 2 x-heights
    apart), so the two lines' letters share rows."""
    x, y, w, h = t.ink_box
    crop = img[y:y + h, x:x + w]
    if crop.size == 0 or h < 8:
        return False
    d = distance(crop, t.bg)
    ink = strong_ink(d).astype(np.uint8)
    n, _, st, _ = cv2.connectedComponentsWithStats(ink, connectivity=8)
    # whole letters only: not specks, and not glyphs of the two lines run together
    boxes = [s for s in st[1:n] if s[4] >= 3 and 3 <= s[3] <= 0.7 * h]
    comps = [(int(s[1]), int(s[1] + s[3])) for s in boxes]
    if len(comps) < 6:
        return False
    b1, n1 = _level([b for _, b in comps])
    rest = [c for c in comps if abs(c[1] - b1) > 1]
    if len(rest) < 3:
        return False
    b2, n2 = _level([b for _, b in rest])
    if n1 < 3 or n2 < 3:
        return False
    t1 = _x_top([c for c in comps if abs(c[1] - b1) <= 1])
    t2 = _x_top([c for c in rest if abs(c[1] - b2) <= 1])
    (t1, b1), (t2, b2) = sorted([(t1, b1), (t2, b2)], key=lambda p: p[1])
    step, xh = b2 - b1, min(b1 - t1, b2 - t2)
    return xh >= 3 and max(3, 0.4 * xh) <= step < 1.8 * xh and abs((t2 - t1) - step) <= max(1, 0.2 * step) \
        and not _row_between(ink, boxes, b1, t2)


def _row_between(ink: np.ndarray, boxes: list[np.ndarray], b1: int, t2: int) -> bool:
    """A row with no ink under the letters between the upper row's baseline `b1` and the lower
    row's x-height top `t2`: two rows set one above the other (a logo's pictograms over its name),
    not lines drawn over each other. Where two lines collide less than a line apart, the upper
    line's descenders and the lower line's capitals and ascenders cross every row between the two
    bands. Only the columns the letters span count: the box's sides can hold what lies around it
    (a rounded fill's outside corners) down its whole height."""
    if t2 - b1 < 1:
        return False
    x0 = int(min(s[0] for s in boxes))
    x1 = int(max(s[0] + s[2] for s in boxes))
    return bool((~ink[b1:t2, x0:x1].astype(bool).any(axis=1)).any())


def _solid(img: np.ndarray, t: TextInfo) -> bool:
    """Ink covering more than half of the line's ink box: tiles or icons read as characters, not
    glyphs (strokes cover well under half their box, even two lines' strokes drawn over each other)."""
    x, y, w, h = t.ink_box
    d = distance(img[y:y + h, x:x + w], t.bg)
    return d.size > 0 and float(strong_ink(d).mean()) > 0.55


def _stacked(img: np.ndarray, t: TextInfo) -> bool:
    """The box holds lines one above the other with rows of no ink between them: a reading that
    took in two separate lines (a crop read again, a script the recogniser does not know), not
    glyphs drawn over each other, which leave no blank row between the lines they mix."""
    x, y, w, h = t.ink_box
    d = distance(img[y:y + h, x:x + w], t.bg)
    if d.size == 0:
        return False
    inked = strong_ink(d).any(axis=1)
    rows = np.flatnonzero(inked)
    if len(rows) < 2:
        return False
    # each part a line's height (a third of the box at least), not the tail of a neighbour's descenders
    least = max(6.0, 0.35 * h)
    gaps = np.diff(rows) - 1
    return bool(((gaps >= 3) & (rows[:-1] - rows[0] >= least) & (rows[-1] - rows[1:] >= least)).any())


def _gibberish(text: str, capitalised: bool = False) -> bool:
    """A reading the recogniser trusts too much: a long word that is no English word amid English
    ones ("Watch anywhrvafsane anytime."), the letters of two lines read as one word. A line in
    another language has no English words to vouch for it. `capitalised`: a capitalised non-word
    counts too ("Help Cache Flusbals here"), which a name can also be, so it takes more evidence."""
    words = re.findall(r"[A-Za-z]+", text)
    odd = [w for w in words if len(w) >= 6 and not is_word(w)
           and (w.islower() or (capitalised and w[0].isupper() and w[1:].islower()))]
    known = [w for w in words if len(w) >= 3 and is_word(w)]
    return bool(odd) and len(known) >= 1 and len(known) >= len(odd)


def _collide(t: TextInfo, score: float) -> Issue:
    """The finding for a line read where two lines' glyphs are drawn over each other."""
    return Issue("text-overlap", list(t.box), "error",
                 f"Text lines collide around \"{t.text[:40]}\" (glyphs of two lines drawn over each other)",
                 "visual", "Remove the negative margin / absolute offset that stacks them, "
                           "or give the lines room (line-height, padding, flex gap)", score=score)


def _bands_merged(t: TextInfo, own: TextInfo) -> bool:
    """A doubtful line whose dense band is taller than any one line's: two lines' x-height bands
    run together. One line's dense band is its x-height (about 0.5 em) or, for digits and
    capitals, its cap height (at most about 0.75 em); two lines drawn a third to half a line apart
    merge theirs into 0.8 to 1.1 em, and their ink (own rows) spans more than a line's 1 em."""
    em = _em(t)
    return em is not None and t.x_height >= 0.8 * em and own.ink_box[3] >= 1.1 * em


def _unread_script(t: TextInfo) -> bool:
    """A confident reading that spans well under half its box: the recogniser read a few stops or
    digits in a script it does not know ("Продукты" reads as ", ."). On a page with several such
    lines its doubt about a line is no evidence of a collision, only of the script."""
    x, y, w, h = t.box
    return t.conf >= 0.9 and w >= 4 * h and 0.36 * h * len(t.text.strip()) < 0.5 * w


def _merged(infos: list[TextInfo], img: np.ndarray | None = None) -> list[Issue]:
    """Colliding lines the OCR read as one: a doubtful line much taller than its letters are wide
    or than the lines around it (unless the page is in a script the recogniser does not know),
    or holding letters on two baselines less than a line apart. A confident reading counts only
    with both signs of two lines at once, its dense band two lines' merged (`_bands_merged`) and
    its letters on two baselines: the recogniser reads through a line laid a third of a line
    under another with confidence, while either sign alone also marks sound lines (a superscript,
    a logo, CJK)."""
    out = []
    foreign = sum(_unread_script(t) for t in infos) >= 3
    for i, t in enumerate(infos):
        if len(t.text.strip()) < 4 or _signs(t.text) < 2 or (t.conf >= 0.95 and not _bands_merged(t, t)) \
                or (img is not None and (_solid(img, t) or _stacked(img, t))):
            continue  # (a confident line's own rows are no taller than its box: its box tells first)
        # its own rows: a glyph's tail of the line above in the box (or the foot of a picture
        # over it) adds nothing to its height, nor a level of letter bottoms of its own (the
        # line above's descenders, cut by the box, all end on one row)
        own = own_rows(img, t) if img is not None else t
        if t.conf >= 0.95:
            if img is not None and _bands_merged(t, own) and _two_baselines(img, own):
                out.append(_collide(t, 1.0))
            continue
        if _too_tall(own, img) or (img is not None and _two_baselines(img, own)):
            out.append(_collide(t, 1.0))
            continue
        name = t.conf >= 0.9 and not _gibberish(t.text)
        if name and not _gibberish(t.text, capitalised=True):
            continue
        if _bands_merged(t, own):
            out.append(_collide(t, 1.0))
            continue
        if name:
            continue  # a capitalised non-word may be a name: only the line's own band can tell
        if foreign:
            continue
        x, y, w, h = t.box
        near = [o for j, o in enumerate(infos) if j != i and abs(o.box[1] - y) < 4 * h
                and min(o.box[0] + o.box[2], x + w) - max(o.box[0], x) > -4 * h and o.conf >= 0.9]
        if len(near) < 2:
            continue
        ref = float(np.median([o.ink_height for o in near]))
        # two lines half a line apart: their letters' dense bands merge into one about twice
        # as tall as a line's (a capital line's band, the cap height, is only 1.4 times taller)
        ref_x = float(np.median([o.x_height for o in near]))
        own_h = own.ink_box[3] if img is not None else t.ink_height
        # a dense band taller than the line's own rows is no x-height: it spans the blank rows that
        # part two rows set one above the other (a logo's pictograms over its name)
        if own_h >= 1.4 * ref or 1.6 * ref_x <= t.x_height <= own_h:
            out.append(_collide(t, t.ink_height / ref))
    return out


def _block_in(img: np.ndarray, t: TextInfo, wd: tuple[int, int, int, int, int]) -> bool:
    """The word holds a solid block: columns inked over nearly its whole height side by side for
    more than half an x-height (an icon or a badge set right after the text). Glyph stems, even
    two lines' stems crossed, are far narrower."""
    x, y = t.ink_box[:2]
    d = distance(img[y + wd[2]:y + wd[3], x + wd[0]:x + wd[1]], t.bg)
    if d.size == 0:
        return False
    full = np.concatenate([[0], (strong_ink(d).mean(axis=0) >= 0.8).astype(np.int8), [0]])
    edges = np.flatnonzero(np.diff(full))
    return bool(len(edges) and (edges[1::2] - edges[::2]).max() >= max(4, 0.6 * t.x_height))


def _tall_words(img: np.ndarray, t: TextInfo) -> Issue | None:
    """Another line drawn across part of a read line: the recogniser reads through it with
    confidence (a word turns into gibberish inside a sound sentence), but where the glyphs of the
    two lines meet, the letters' dense band is far taller than in the line's other words (two
    x-height bands half a line apart; capitals beside lowercase are only 1.4 times taller).
    The line's x-height, which sets the word gap, is the dense band of the whole line, and the
    other line's band merged with its own inflates it until whole phrases run together as one
    word; a Latin font's x-height is at most about 0.55 em, so the size the line's width tells
    (`_em`) bounds it."""
    em = _em(t)
    if em is not None and t.x_height > 0.55 * em:
        t = replace(t, x_height=max(1, int(round(0.55 * em))))
    # pieces narrower than a letter are fragments of pale or thin glyphs, not words to compare
    words = [wd for wd in word_boxes(img, t) if wd[1] - wd[0] >= max(4, t.x_height)]
    if len(words) < 3:
        return None
    band = float(np.median([wd[4] for wd in words]))
    height = float(np.median([wd[3] - wd[2] for wd in words]))
    # the baseline of the line's ordinary words: the other line's words, tall where they cross
    # this line and low where they run on past its end, are left out
    base = float(np.median([wd[3] for wd in words if wd[3] - wd[2] < 1.4 * height and wd[2] <= 0.25 * height]
                           or [wd[3] for wd in words]))
    # the other line's glyphs reach well below this line's baseline (a word in a larger font
    # shares the baseline and grows upwards only); where they run on past the bottom of the line's
    # box, the part measured is only the top of the other line, and its band reads shorter
    bottom = t.ink_box[3] - 1
    tall = [wd for wd in words if wd[4] >= (1.5 if wd[3] >= bottom else 1.7) * band
            and wd[3] - wd[2] >= 1.4 * height and wd[3] >= base + 0.35 * height and not _block_in(img, t, wd)]
    if not tall or band < 4:
        return None
    x0, x1 = min(wd[0] for wd in tall), max(wd[1] for wd in tall)
    if x1 - x0 < 4 * band or len(tall) > len(words) / 2:
        return None
    top, bottom = min(wd[2] for wd in tall), max(wd[3] for wd in tall)
    box = [t.ink_box[0] + x0, t.ink_box[1] + top, x1 - x0, bottom - top]
    return Issue("text-overlap", box, "error",
                 f"Text collides with the line \"{t.text[:40]}\" (glyphs of two lines drawn over each other)",
                 "visual", "Remove the negative margin / absolute offset that stacks them, "
                           "or give the lines room (line-height, padding, flex gap)", score=1.0)


def _shared_ink(img: np.ndarray, a: TextInfo, b: TextInfo) -> float:
    """Ink density where the two lines' boxes meet, relative to the denser of the two lines."""
    x0, x1 = max(a.ink_box[0], b.ink_box[0]), min(a.ink_box[0] + a.ink_box[2], b.ink_box[0] + b.ink_box[2])
    y0, y1 = max(a.ink_box[1], b.ink_box[1]), min(a.ink_box[1] + a.ink_box[3], b.ink_box[1] + b.ink_box[3])
    if x1 <= x0 or y1 <= y0:
        return 0.0

    def density(box, region) -> float:
        x, y, w, h = region
        return float((distance(img[y:y + h, x:x + w], box.bg) >= 40).mean()) if w > 0 and h > 0 else 0.0

    shared = density(a, (x0, y0, x1 - x0, y1 - y0))
    own = max(density(a, a.ink_box), density(b, b.ink_box), 1e-6)
    return shared / own


def _bands_apart(img: np.ndarray, a: TextInfo, b: TextInfo) -> bool:
    """Two lines set close (tight leading, or a box that takes in the next line's ascenders), not
    drawn over each other: where their boxes meet, the rows dense with letters form two bands
    (the x-heights) with at least APART of a band's height of sparse rows between them (only descenders
    and ascenders reach in there) and no glyph reaching from one band into the other, or three rows
    with no ink at all between them (leading tighter than the font's ascenders and descenders, as
    in a logo's wordmark or a compact widget, still leaves them where no glyph crosses; digits' and
    capitals' tops then form dense rows of their own in the gap). One or two blank rows are what
    anti-aliasing leaves where a line is set right on the edge of another: that reads as touching.
    Lines drawn half a line apart leave their bands touching or under 0.6 of a band apart (0.35-0.55
    of a line box, at most 0.83 em, less 0.53 em of x-height), with the caps and ascenders of one line
    standing in the gap; the tightest set lines (monospace code: an x-height near 0.6 em, 1.2 em
    leading) leave about a band's height, which anti-aliased edges make look 10% shorter, and Latin
    text set solid (line-height 1, underlined links in a centred blurb) 0.9 of a band, which at 12 px
    a row of anti-aliasing on each band's edge makes about 0.7."""
    x0, x1 = max(a.ink_box[0], b.ink_box[0]), min(a.ink_box[0] + a.ink_box[2], b.ink_box[0] + b.ink_box[2])
    y0 = min(a.ink_box[1], b.ink_box[1])
    y1 = max(a.ink_box[1] + a.ink_box[3], b.ink_box[1] + b.ink_box[3])
    if x1 - x0 < 2:
        return False
    d = distance(img[y0:y1, x0:x1], a.bg)
    ink = strong_ink(d)
    blank = ~ink.any(axis=1)  # a rule drawn between the lines (an underline) leaves no row blank
    ink[rule_rows(ink, max(8, min(x1 - x0, 3 * min(a.x_height, b.x_height))))] = False  # a separator
    prof = ink.sum(axis=1)
    if prof.max() <= 0:
        return False
    dense = np.concatenate([[False], prof >= 0.35 * prof.max(), [False]]).astype(np.int8)
    edges = np.nonzero(np.diff(dense))[0]
    runs = list(zip(edges[::2], edges[1::2]))  # [start, end) of each band of dense rows
    if len(runs) < 2:
        return False
    i, j = sorted(sorted(range(len(runs)), key=lambda k: runs[k][0] - runs[k][1])[:2])
    (a0, a1), (b0, b1) = runs[i], runs[j]
    ends = np.flatnonzero(np.diff(np.concatenate([[0], blank[a1:b0].astype(np.int8), [0]])))
    if (ends[1::2] - ends[::2]).max(initial=0) >= 3:
        return True  # rows with no ink between the bands: no glyph reaches from one into the other
    if j != i + 1:
        return False  # dense rows between the two bands: a third line's letters, or the collision
    if b0 - a1 < APART * 0.5 * ((a1 - a0) + (b1 - b0)):
        return False
    n, _, st, _ = cv2.connectedComponentsWithStats(ink.astype(np.uint8), connectivity=8)
    return not any(st[k, 1] < a1 - 1 and st[k, 1] + st[k, 3] > b0 + 1 for k in range(1, n))


def _wide_script(text: str) -> bool:
    """Mostly CJK (or another script advancing a whole em per sign): glyphs that fill an em box."""
    signs = [ch for ch in text if not ch.isspace()]
    return bool(signs) and sum(ord(ch) > 0x2e7f for ch in signs) > len(signs) / 2


def _seam(img: np.ndarray, a: TextInfo, b: TextInfo, ax: int, aw: int, bx: int, bw: int) -> bool:
    """Two lines of CJK set solid (line-height 1), touching at a seam, not drawn over each other.

    CJK glyphs have no x-height band for `_bands_apart` to find: each fills its em box but for a
    margin of a few percent, so lines set solid meet at a row or two where only a stroke here and
    there crosses. Lines drawn over each other mix their glyph bodies in the rows they share, and
    every one of those rows is inked across a good share of the width."""
    if not (_wide_script(a.text) and _wide_script(b.text)):
        return False
    x0, x1 = max(ax, bx), min(ax + aw, bx + bw)
    top = max(a.ink_box[1], b.ink_box[1])
    bottom = min(a.ink_box[1] + a.ink_box[3], b.ink_box[1] + b.ink_box[3])
    if x1 - x0 < 2 or bottom <= top:
        return False
    prof = strong_ink(distance(img[top:bottom, x0:x1], a.bg)).sum(axis=1)
    return bool(prof.min() <= 0.03 * (x1 - x0))


def _signs(text: str) -> int:
    return sum(ch.isalnum() for ch in text)


def _next_line(img: np.ndarray, t: TextInfo, box: list[int], infos: list[TextInfo]) -> bool:
    """The tall ink is a neighbouring line read confidently on its own, set close to this one
    (its letter band apart from this line's): tightly set lines whose boxes take in each other's
    glyphs, not a line drawn across this one. The neighbour's own rows count, not its box: the
    recogniser's box for the next line often takes in the tails of a line drawn across this one."""
    return any(o is not t and o.conf >= 0.9 and overlap_min(list(own_rows(img, o).ink_box), box) > 0
               and _bands_apart(img, t, o) for o in infos)


def detect(infos: list[TextInfo], img: np.ndarray | None = None) -> list[Issue]:
    """Two read lines whose ink boxes cross: in a sound layout lines never share pixels."""
    out = _merged(infos, img)
    # a line's ink box cut to its own rows: a neighbour's tops or descenders in it are no collision
    own = [own_rows(img, t) for t in infos] if img is not None else infos
    if img is not None:
        flagged = [i.bbox for i in out]
        for t, o in zip(infos, own):
            if t.conf >= 0.5 and not any(overlap_min(list(t.box), b) > 0.5 for b in flagged):
                hit = _tall_words(img, o)
                if hit is not None and not _next_line(img, t, hit.bbox, infos):
                    out.append(hit)
    for i, a in enumerate(infos):
        for k, b in enumerate(infos[i + 1:], i + 1):
            ax, ay, aw, ah = own[i].ink_box
            bx, by, bw, bh = own[k].ink_box
            iw = min(ax + aw, bx + bw) - max(ax, bx)
            ih = min(ay + ah, by + bh) - max(ay, by)
            small_h = min(ah, bh)
            if small_h < 6 or iw < max(4, 0.6 * small_h) or ih < 0.25 * small_h:
                continue
            if min(_signs(a.text), _signs(b.text)) < 2:
                continue  # one sign read out of an icon or a QR code ("+", "5") is no line of text
            if ih > 0.85 * max(ah, bh) and (iw < 0.25 * min(aw, bw)):
                continue  # same baseline, boxes just touching: one line read as two pieces
            if img is not None and (_shared_ink(img, a, b) < 0.35 or _bands_apart(img, a, b)
                                    or _seam(img, own[i], own[k], ax, aw, bx, bw)):
                continue  # tight leading: only descenders and ascenders meet, the glyph bodies do not
            out.append(Issue("text-overlap", union(a.box, b.box), "error",
                             f"Text \"{a.text[:30]}\" and \"{b.text[:30]}\" overlap",
                             "visual", "Remove the negative margin / absolute offset that stacks them, "
                                       "or give the lines room (line-height, padding, flex gap)", score=ih / small_h))
    return out
