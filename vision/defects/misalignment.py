"""misalignment: one member of a stack a few pixels off the left edge, centre line or right edge the rest share.

The members are text paragraphs (by their ink, or the chip under their first word), boxes
(regions of one flat colour with straight sides: a button's fill, the inside of an input or a
card) and thin rules, grouped by the innermost box holding them (only siblings are compared).
Text lines alone cannot show most shifts: a box with a centred label moves its edge, not its
text's; a paragraph may have only a heading to line up with besides a button.

A row of like siblings side by side (feature tiles, an input and its button) counts as one member
by its middle, so a centred stack is not broken by it; a sibling aligned another way between two
members (a right-aligned link) does not break a stack, and inside one box an empty stretch up to
an element's height does not either (the box's content shares its padding).
"""
from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np

from .glyph_box import glyph_box
from .issue import Issue, union
from .pixels import FlatBox, TextInfo, flat_boxes, font_px, rules, word_boxes

TOL = 2.0        # px: members of an aligned stack agree this closely (glyph side bearings differ)
MIN_OFF, MAX_OFF = 3.0, 12.0
MAX_OFF_CENTRE = 10.0  # px: off a centre line (ink centres wobble a pixel; farther off is another layout)
STACK_GAP = 40   # px: siblings of one stack sit at most this far apart,
GAP_H = 1.5      # or this many times the taller one's height
BEARING_EM = 0.12  # of the font size: glyph side bearings (ink starts this far inside)
CJK_OPEN_RIGHT = set("。，、：；！？）」』】〉》")
CJK_OPEN_LEFT = set("（「『【〈《")
OTHER = {"left": ("centre",), "centre": ("left",), "right": ("left", "centre")}  # anchors a stack may share instead
BEARING_STEM = set("BDEFHIKLMNPRbhiklmnpru1")
BEARING_FLAT = set("AJTVWXYZfjtvwxyz4")
MARKERS = set("•·●○◦■□▪▫▸▹►‣⁃-–—*✓✔")
SECTION_EM = 3.0  # a section heading's space above it, in its ems
HEADING = 1.3    # a heading's font is at least this many times the text's before it
BAND = 64        # colour step (of 255) between the grounds of members set in different bands
GROUND_ROWS = 5  # px: the strip above and below a member its ground is read from
INK_STEP = 24    # a step between neighbouring pixels this large is ink (a letter's edge), not a ground's shading
MAX_H = 160      # px: a stacked sibling taller than this is a section, not a stacked element


@dataclass
class _Item:
    box: tuple[int, int, int, int]   # extent on the screenshot
    left: float | None               # the edge a left-aligned stack shares (ink or painted edge)
    centre: float | None
    slack: float                     # how far this edge may wander without a real offset
    text: str                        # "" for a box
    rule: bool = False               # a thin line: holds nothing
    parent: int = -1                 # index of the innermost box holding it (-1: the page)
    row: int = 0                     # a row of this many siblings side by side, taken as one member
    in_row: bool = False             # one of such a row: its own middle is the row's business
    text_left: float | None = None   # where the text starts after a list marker leading the line
    members: tuple[int, ...] = ()    # a row's own members
    painted: bool = False            # left is a chip's painted edge, not the ink's: no side bearing
    listed: bool = False             # a list item led by its marker as read (a bullet, "1.")
    right: float | None = None       # the edge a right-aligned stack shares (one line's ink end, a box's side)
    lead: float | None = None        # left as its first glyph's shape places the box (None: as left)


def _give(it: _Item, name: str) -> float:
    """How far the member's value on this anchor may wander without a real offset: a glyph's side
    bearing, but none for the painted edge of a chip or button under the text, which is where
    the element starts to the pixel."""
    return 0.0 if name == "left" and it.painted else it.slack


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


def _marked_alike(items: list[_Item], run: list[int], col: list[int]) -> bool:
    """Every member leads with a list marker and the text after it lines up: list items whose
    markers differ in width or placement (a number and an icon), not an item shifted off."""
    v = [items[i].text_left for i in run + col]
    if any(x is None for x in v):
        return False
    return abs(float(np.mean(v[:len(run)])) - float(np.mean(v[len(run):]))) <= TOL


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
                         or _same_pitch(p, t)):
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
        if _open_end(p[0].text, True) or _open_end(p[0].text, False):
            centre = None  # a full-width stop or bracket is ink on one side of an empty em
        if _open_end(p[0].text, False):
            right = None
        left = min(_chip_left(img, t) for t in p) if img is not None else box[0]
        lead = min(_chip_left(img, t) if _chip_left(img, t) < t.ink_box[0]
                   else t.ink_box[0] - _bearing(t.text) * font_px(t) for t in p) if img is not None else None
        # side bearings: the ink of a letter starts up to about 0.12 em right of its box
        out.append(_Item(tuple(box), float(left), centre, BEARING_EM * max(font_px(t) for t in p), p[0].text,
                         text_left=_after_marker(img, p[0]) if img is not None and len(p) == 1 else None,
                         painted=left < box[0], listed=_listed(p[0].text), right=right, lead=lead))
    return out


def _joined(boxes: list[FlatBox]) -> list[FlatBox]:
    """Boxes side by side with the same top and bottom, a divider's width apart, are one element
    (a button with an icon compartment, a segmented control)."""
    boxes = sorted(boxes, key=lambda b: b.box[0])
    out: list[FlatBox] = []
    for b in boxes:
        for i, a in enumerate(out):
            ax, ay, aw, ah = a.box
            bx, by, bw, bh = b.box
            if abs(ay - by) <= 1 and abs(ah - bh) <= 2 and 0 <= bx - (ax + aw) <= 4:
                out[i] = FlatBox((ax, min(ay, by), bx + bw - ax, max(ay + ah, by + bh) - min(ay, by)), a.left, b.right)
                break
        else:
            out.append(b)
    return out


def _outer_left(img: np.ndarray, x: int, y: int, h: int) -> float:
    """The painted left edge of a box whose flat inside starts at x: the pixel before x is the
    fill's own edge pixel, and one more when a thin border (unlike both its sides) lies there."""
    if x < 3:
        return float(x - 1)
    rows = img[y + h // 4: y + h - h // 4 + 1, x - 3:x].astype(np.int16)
    d1 = np.abs(rows[:, 1] - rows[:, 2]).max(axis=-1)   # x-2 against x-1
    d2 = np.abs(rows[:, 0] - rows[:, 1]).max(axis=-1)   # x-3 against x-2
    border = float(np.mean((d1 > 10) & (d2 > 10))) > 0.5
    return float(x - 2 if border else x - 1)


def _box_items(boxes: list[FlatBox], img: np.ndarray) -> list[_Item]:
    out = []
    for b in _joined(boxes):
        x, y, w, h = b.box
        # the flat region stops one pixel inside the painted edge (two inside a thin border)
        left = _outer_left(img, x, y, h) if b.left else None
        W = img.shape[1]  # the right edge: the left one's rule on the mirrored picture
        right = W - 1 - _outer_left(img[:, ::-1], W - x - w, y, h) if b.right else None
        centre = x + w / 2 if b.left and b.right else None
        out.append(_Item((x - 1, y - 1, w + 2, h + 2), left, centre, 0.0, "", right=right))
    return out


def _inside(a, b, pad: int = 2) -> bool:
    return a[0] >= b[0] - pad and a[1] >= b[1] - pad and a[0] + a[2] <= b[0] + b[2] + pad \
        and a[1] + a[3] <= b[1] + b[3] + pad and a[2] * a[3] < b[2] * b[3]


def _parents(items: list[_Item], n_text: int) -> None:
    """Each item's innermost holding box: only items in one container are siblings."""
    boxes = [i for i in range(n_text, len(items)) if not items[i].rule]
    for k, it in enumerate(items):
        best = -1
        for j in boxes:
            if j != k and _inside(it.box, items[j].box) and (
                    best < 0 or items[j].box[2] * items[j].box[3] < items[best].box[2] * items[best].box[3]):
                best = j
        it.parent = best


def _bridged_gap(items: list[_Item], a: int, b: int, fill: list[int], img: np.ndarray | None = None) -> int:
    """The widest empty height left between a and b (b below) once the siblings lying between them
    within their width are counted (a right-aligned link between a rule and a button), and the
    rows of ink between them across the width they share (a line the recogniser did not read:
    pale text on a pale ground is content of the stack all the same)."""
    A, B = items[a].box, items[b].box
    lo, hi = A[1] + A[3], B[1]
    x0, x1 = min(A[0], B[0]), max(A[0] + A[2], B[0] + B[2])
    spans = [(items[i].box[1], items[i].box[1] + items[i].box[3]) for i in fill
             if i not in (a, b) and items[i].box[0] < x1 and items[i].box[0] + items[i].box[2] > x0
             and items[i].box[1] < hi and items[i].box[1] + items[i].box[3] > lo]
    if img is not None and hi > lo:
        s0, s1 = max(A[0], B[0], 0), min(A[0] + A[2], B[0] + B[2], img.shape[1])
        band = img[lo:hi, s0:s1].astype(np.int16)
        if band.shape[1] > 1:
            inked = np.abs(np.diff(band, axis=1)).max(axis=(1, 2)) > INK_STEP
            spans += [(lo + int(r), lo + int(r) + 1) for r in np.nonzero(inked)[0]]
    spans.sort()
    widest, y = 0, lo
    for top, bottom in spans:
        widest = max(widest, top - y)
        y = max(y, bottom)
    return max(widest, hi - y)


def _ground(img: np.ndarray, box) -> tuple:
    """The colour of the ground just above and just below a member: the median over a few rows
    there across its width (an underline or a descender takes only a row or two of them)."""
    x, y, w, h = (int(v) for v in box)
    H, W = img.shape[:2]
    x0, x1 = max(0, x), min(W, x + max(1, w))
    out = []
    for a, b in ((y - 1 - GROUND_ROWS, y - 1), (y + h + 1, y + h + 1 + GROUND_ROWS)):
        a, b = max(0, a), min(H, b)
        out.append(np.median(img[a:b, x0:x1].reshape(-1, 3), axis=0).astype(float) if b > a and x1 > x0 else None)
    return tuple(out)


def _same_band(items: list[_Item], stack: list[int], k: int, img: np.ndarray) -> list[int]:
    """The members of k's stack (top to bottom) on k's side of every band edge: where the ground
    just below one member and just above the next differ by a step as plain as light against dark
    (a white menu bar over a dark hero, a light top bar over a black one), they stand in different
    bands, and siblings share their ground, so those across cannot vouch for a column k is off.
    Read only across a gap wider than both strips (narrower, they take in the other's own ink);
    those across still count as k's company, so this only ever takes support away."""
    pos = stack.index(k)
    lo, hi = 0, len(stack)
    for j in range(len(stack) - 1):
        a, b = items[stack[j]].box, items[stack[j + 1]].box
        if b[1] - (a[1] + a[3]) <= 2 * GROUND_ROWS + 2:
            continue
        p, q = _ground(img, a)[1], _ground(img, b)[0]
        if p is not None and q is not None and float(np.abs(p - q).max()) > BAND:
            if j < pos:
                lo = j + 1
            elif hi == len(stack):
                hi = j + 1
    return stack[lo:hi]


def _section(items: list[_Item], a: int, b: int) -> bool:
    """b is a heading opening a new section of a's column: text larger than a's by a good step, at
    most SECTION_EM of its own ems below it (the space above a heading is set in its ems, and grows
    with it). Only used where a's stack goes on above and b's below, so a lone heading at the foot
    of a screen or a banner's last line does not pull in a column of its own."""
    ta, tb = items[a], items[b]
    if not ta.text or not tb.text or ta.rule or tb.rule:
        return False
    gap = tb.box[1] - (ta.box[1] + ta.box[3])
    return tb.slack >= HEADING * ta.slack and gap <= SECTION_EM * tb.slack / BEARING_EM


def _chain(items: list[_Item], members: list[int], k: int, fill: list[int] = (), boxed: bool = False,
           img: np.ndarray | None = None) -> list[int]:
    """The members stacked with k: sorted top to bottom, consecutive ones overlapping horizontally
    and separated by no more than a gap their heights make plausible within one stack. Siblings
    in fill lying between two members can close a gap of up to two stack gaps (a stack is not
    broken by a line aligned another way), as long as no empty stretch left is wider than one.
    Inside one box (boxed) the content shares the box's padding, so an empty stretch up to an
    element's height (an empty frame in a card) does not break the stack either; nor does a
    section's heading set off by a wider space, when both sides go on as stacks (_section)."""
    order = sorted(members, key=lambda i: items[i].box[1])
    pos = order.index(k)

    def close(j: int) -> bool:
        A, B = items[order[j]].box, items[order[j + 1]].box
        gap = B[1] - (A[1] + A[3])
        over = min(A[0] + A[2], B[0] + B[2]) - max(A[0], B[0])
        if over <= 0 or gap < -2:
            return False
        return gap <= max(STACK_GAP, GAP_H * max(A[3], B[3]), MAX_H if boxed else 0) or (
            gap <= 2 * STACK_GAP and _bridged_gap(items, order[j], order[j + 1], list(fill), img) <= STACK_GAP)

    def linked(j: int) -> bool:
        return close(j) or (0 < j < len(order) - 2 and close(j - 1) and close(j + 1)
                            and _section(items, order[j], order[j + 1]))

    lo = pos
    while lo > 0 and linked(lo - 1):
        lo -= 1
    hi = pos
    while hi < len(order) - 1 and linked(hi):
        hi += 1
    return order[lo:hi + 1]


def _even(items: list[_Item], m: list[int]) -> bool:
    """A run of like items, evenly spaced: a centred row is (feature tiles, an input and its
    button); one spread to both ends of a bar (a name at the left, links at the right) has unlike
    ends or one wide gap, and no meaningful middle."""
    by_x = sorted(m, key=lambda i: items[i].box[0])
    first, last = items[by_x[0]].box, items[by_x[-1]].box
    if abs(first[3] - last[3]) > max(2, 0.2 * max(first[3], last[3])) \
            or max(first[2], last[2]) > 2 * min(first[2], last[2]):
        return False
    spans = sorted((items[i].box[0], items[i].box[0] + items[i].box[2]) for i in m)
    gaps, right = [], spans[0][1]
    for x0, x1 in spans[1:]:
        if x0 > right:
            gaps.append(x0 - right)
        right = max(right, x1)
    return not gaps or max(gaps) <= 2 * min(gaps) + STACK_GAP / 4


def _rows(items: list[_Item], g: list[int]) -> list[_Item]:
    """Siblings side by side (two feature tiles, an input and its button) as one member centred on
    their joint extent: a centred stack broken by a row still lines up with the row's middle. Row
    members share most of their height (a line beside a picture or a rule is no row); a row centred
    on one of its own members adds nothing. The members' own middles are not judged against the
    stack (in_row): the middle pill of three labelled ones is centred in the row, not on the line."""
    cand = [i for i in g if items[i].box[3] <= MAX_H and not items[i].rule]
    root = {i: i for i in cand}

    def find(i: int) -> int:
        while root[i] != i:
            i = root[i]
        return i

    for a in cand:
        for b in cand:
            A, B = items[a].box, items[b].box
            if a < b and (A[0] + A[2] < B[0] or B[0] + B[2] < A[0]) \
                    and min(A[1] + A[3], B[1] + B[3]) - max(A[1], B[1]) >= 0.5 * max(A[3], B[3]):
                root[find(a)] = find(b)
    rows: dict[int, list[int]] = {}
    for i in cand:
        rows.setdefault(find(i), []).append(i)
    out = []
    for m in rows.values():
        if len(m) < 2:
            continue
        box = list(items[m[0]].box)
        for i in m[1:]:
            box = union(box, items[i].box)
        centre = box[0] + box[2] / 2
        if any(items[i].centre is not None and abs(items[i].centre - centre) <= TOL for i in m):
            continue
        for i in m:
            items[i].in_row = True
        if not _even(items, m):
            continue
        ends = [i for i in m if items[i].box[0] == box[0] or items[i].box[0] + items[i].box[2] == box[0] + box[2]]
        if any(_open_end(items[i].text, items[i].box[0] == box[0]) for i in ends):
            continue  # a full-width stop or bracket at the row's end: ink on one side of an empty em
        out.append(_Item(tuple(box), None, centre, max(items[i].slack for i in ends), "",
                         parent=items[m[0]].parent, row=len(m), members=tuple(m)))
    return out


def _aligned_otherwise(items: list[_Item], name: str, run: list[int], col: list[int]) -> bool:
    """Off one anchor but on another the column really shares (centred links of different widths
    have ragged left edges; left-aligned ones, ragged centres). The column shares the anchor on
    which it agrees more closely: two left-aligned lines of about one width have centres a few
    pixels apart too, which says nothing of a third line's centre."""
    for other in OTHER[name]:
        v = [getattr(items[i], other) for i in col]
        r = [getattr(items[i], other) for i in run]
        if any(x is None for x in v + r) or np.ptp(v) > 2 * TOL \
                or np.ptp(v) > np.ptp([getattr(items[i], name) for i in col]) + 1:
            continue
        if all(abs(x - float(np.mean(v))) <= TOL for x in r):
            return True
    return False


def _shares_other(items: list[_Item], name: str, g: list[int], run: list[int], k: int, boxed: bool,
                  img: np.ndarray | None = None) -> bool:
    """k lines up by its other anchor with two or more members of its own stack: it belongs to a
    stack aligned that way, and its edge here only happens to come near a column. Not when those
    members agree more closely on this anchor than on the other (see _aligned_otherwise)."""
    for other in OTHER[name]:
        vk = getattr(items[k], other)
        if vk is None:
            continue
        same = [i for i in g if getattr(items[i], other) is not None and abs(getattr(items[i], other) - vk) <= TOL]
        rest = [i for i in _chain(items, same, k, g, boxed, img) if i not in run]
        if len(rest) < 2:
            continue
        here = [getattr(items[i], name) for i in rest]
        if any(x is None for x in here) or np.ptp([getattr(items[i], other) for i in rest]) <= np.ptp(here) + 1:
            return True
    return False


def _edge(it: _Item, v: float, c: float, name: str = "left") -> float:
    """The column edge a member's left value vouches for: a text's ink starts right of its box by up
    to its side bearing (a large heading's first letter), so ink right of the column c by no more
    than that stands for c. Ink can only start right of the box, never left of it; at the right
    end, mirrored, it ends left of it."""
    if name == "right":
        return v if v >= c else min(c, v + _give(it, name))
    return v if v <= c else max(c, v - _give(it, "left"))


def _centred(items: list[_Item], col: list[int], name: str = "left") -> bool:
    """Three or more lines of unlike widths whose centres agree more closely than their left edges
    (dates centred in a column beside the events they list): a centred column, whose left edges
    only happen to lie near one another and are no edge another element lines up with. Lines set
    flush left have their centres spread by half their widths' spread: agreeing ones would need
    each width to make up for its left edge exactly, which three unlike lines do not by chance. The
    same holds of right edges."""
    if len(col) < 3 or any(items[i].centre is None or not items[i].text for i in col):
        return False
    lefts = [getattr(items[i], name) for i in col]
    return float(np.ptp([items[i].centre for i in col])) + 1 <= float(np.ptp(lefts)) \
        and float(np.ptp([items[i].box[2] for i in col])) >= 2 * TOL


def _on_section(items: list[_Item], g: list[int], run: list[int], name: str) -> bool:
    """The block, out past the column it was judged against, shares its edge to TOL with a section
    (a sibling taller than MAX_H: a panel, a banner) just above or below it: it stands in the
    column the page's sections share, and the members it was judged against are set in from it
    (the text inside a row of cards under a section's heading). Only asked of a block out past
    its column: one set in from it is not vouched for by a section that is set in as well."""
    v = float(np.mean([getattr(items[i], name) for i in run]))
    top = min(items[i].box[1] for i in run)
    bottom = max(items[i].box[1] + items[i].box[3] for i in run)
    for j in g:
        s = items[j]
        e = getattr(s, name)
        if s.box[3] <= MAX_H or s.rule or e is None or abs(e - v) > TOL:
            continue
        if max(s.box[1] - bottom, top - (s.box[1] + s.box[3])) <= STACK_GAP + GAP_H * (bottom - top):
            return True
    return False


def _flush_right(items: list[_Item], k: int, col: list[int], spread: float) -> bool:
    """A right edge worth judging a line by: the right ends of left-aligned lines are ragged, and two
    of a stack's lines end within a few pixels of each other by chance often enough, so the column
    is a painted edge (a box's side, a rule's end) or three lines ending together, and agrees to
    within TOL. Only a line of text is judged by it: a box's right side depends on its width, which
    differs from its neighbours' wherever they only share their left edge."""
    return bool(items[k].text) and spread <= TOL and (len(col) >= 3 or any(not items[i].text for i in col))


def _gridded(items: list[_Item], run: list[int], col: list[int]) -> bool:
    """Rows whose members line up in columns (a footer's link lists read across): two or more of the
    off row's members share a left edge with members of the rows it is judged against. Such rows
    are placed by their columns, whose unlike lengths leave the rows' middles anywhere; a row moved
    as a whole would have taken every member off those columns."""
    lefts = [items[j].left for i in col for j in items[i].members if items[j].left is not None]
    own = [items[j].left for i in run for j in items[i].members if items[j].left is not None]
    return sum(any(abs(a - b) <= TOL for b in lefts) for a in own) >= 2


def _block(items: list[_Item], stack: list[int], run: list[int], k: int, ref: float, name: str = "left") -> list[int]:
    """The off members adjoining k in the stack. Others near k's edge but apart from it count
    neither way when their ink starts right of the column by no more than their side bearing (a
    large heading's first letter), since they may be in line (at the right end: ends left of it);
    any other leaves nothing."""
    pos = stack.index(k)
    lo = hi = pos
    while lo > 0 and stack[lo - 1] in run:
        lo -= 1
    while hi < len(stack) - 1 and stack[hi + 1] in run:
        hi += 1
    block = stack[lo:hi + 1]
    rest = [i for i in run if i not in block]
    sign = -1 if name == "right" else 1
    if all(0 <= sign * (getattr(items[i], name) - ref) <= _give(items[i], name) for i in rest):
        return block
    return []


def _element_detect(infos: list[TextInfo], boxes: list[_Item], img: np.ndarray) -> list[Issue]:
    texts = _text_items(infos, img)
    items = texts + boxes
    _parents(items, len(texts))
    groups: dict[int, list[int]] = {}
    for i, it in enumerate(items):
        groups.setdefault(it.parent, []).append(i)
    for g in groups.values():
        for r in _rows(items, g):
            g.append(len(items))
            items.append(r)
    out, seen = [], set()
    for parent, g in groups.items():
        if len(g) < 3:
            continue
        boxed = parent >= 0
        for name in ("left", "centre", "right"):
            vals = {i: getattr(items[i], name) for i in g if getattr(items[i], name) is not None
                    and items[i].box[3] <= MAX_H and not (name == "centre" and items[i].in_row)}
            for k, vk in vals.items():
                # the stack k belongs to, among the members near its edge; the column is the value
                # most of the others in that stack share
                near = _chain(items, [i for i, v in vals.items() if abs(v - vk) <= MAX_OFF + TOL], k, g, boxed, img)
                # which side of the offset a member is on: apart from k by its ink or by its left as
                # its first glyph places it (a large heading's E sits its bearing right of the box),
                # with k by both; offsets are measured on the ink
                guess = {i: items[i].lead if name == "left" and items[i].lead is not None else vals[i] for i in near}
                col = [i for i in near if max(abs(vals[i] - vk), abs(guess[i] - guess[k])) >= MIN_OFF]
                if len(col) < 2:
                    continue
                c = max(col, key=lambda i: (sum(abs(guess[j] - guess[i]) <= TOL for j in col),
                                            sum(abs(vals[j] - vals[i]) <= TOL for j in col)))
                col = [i for i in col if min(abs(guess[i] - guess[c]), abs(vals[i] - vals[c]))
                       <= TOL + _give(items[i], name)]
                run = [i for i in near if abs(guess[i] - guess[k]) <= TOL and i not in col]
                if name == "left" and not items[k].listed:
                    # list items hang their markers in the list's own indent, which is the list's
                    # design (its padding), not a column edge: they neither share an element's
                    # offset that lands on their indent nor break up the block that element makes
                    run = [i for i in run if not items[i].listed]
                edge = {i: vals[i] if name == "centre" else _edge(items[i], vals[i], vals[c], name) for i in col}
                stack = _chain(items, col + run, k, g, boxed, img)
                col_s = [i for i in stack if i in col]
                run_s = [i for i in stack if i in run]
                band = _same_band(items, stack, k, img)
                col_s = [i for i in col_s if i in band]
                if len(col_s) < 2 or len(run_s) >= len(col_s):
                    continue
                ref = float(np.mean([edge[i] for i in col_s]))
                run_s = run_s if name == "centre" else _block(items, stack, run_s, k, ref, name)
                pos = [stack.index(i) for i in run_s]
                if not run_s or max(pos) - min(pos) + 1 != len(run_s):
                    continue  # the off members must be one block of the stack
                spread = float(np.ptp([edge[i] for i in col_s]))
                if spread > 2 * TOL or (name == "centre" and len(col_s) < 3 and spread > 1):
                    continue  # centres of lines of different widths wobble: demand more there
                if name == "right" and not _flush_right(items, k, col_s, spread):
                    continue
                dx = float(np.mean([vals[i] for i in run_s])) - ref
                # ink starts right of a letter's box by its side bearing: a text further right than
                # its column by less than its bearing (or left by less than theirs) may be aligned
                if name != "centre":  # mirrored at the right end: ink ends left of the box
                    need = max(_give(items[i], name) for i in (run_s if (dx > 0) == (name == "left") else col_s))
                else:
                    need = max(items[i].slack for i in run_s + col_s) / 2
                if not max(MIN_OFF, need) <= abs(dx) <= (MAX_OFF_CENTRE if name == "centre" else MAX_OFF):
                    continue
                if name == "centre" and _gridded(items, run_s, col_s):
                    continue
                if name != "centre" and (dx < 0) == (name == "left") and _on_section(items, g, run_s, name):
                    continue
                if _aligned_otherwise(items, name, run_s, col_s) or _shares_other(items, name, g, run_s, k, boxed, img):
                    continue
                if name == "left" and (_marked_alike(items, run_s, col_s) or _centred(items, col_s)):
                    continue
                if name == "right" and _centred(items, col_s, name):
                    continue
                key = frozenset(run_s)
                if key in seen:
                    continue
                seen.add(key)
                box = list(items[run_s[0]].box)
                for i in run_s[1:]:
                    box = union(box, items[i].box)
                what = next((items[i].text for i in run_s if items[i].text), "")
                row = next((items[i].row for i in run_s if items[i].row), 0)
                label = f"\"{what[:40]}\"" if what else f"this row of {row} items" if row else "this box"
                side = "right" if dx > 0 else "left"
                out.append(Issue("misalignment", box, "warning",
                                 f"{label} is {abs(dx):.0f} px {side} of the {name} "
                                 f"{'line' if name == 'centre' else 'edge'} its {len(col_s)} stacked neighbours share",
                                 "visual", f"Remove the stray offset (margin/padding/left/transform of about "
                                           f"{abs(dx):.0f}px) so it lines up with its siblings", score=abs(dx)))
    return out


def _stroke(img: np.ndarray, r: tuple[int, int, int, int]) -> bool:
    """A thin line drawn on the ground: its colour stands apart from the rows just above and below
    it, on the same side of both (darker or lighter, or another hue). A step from one shade to the
    next (a gradient's band, a soft shadow's edge) has its colour between theirs: the edge of a
    shape, whose ends say nothing of where a separator was placed."""
    x, y, w, h = r
    if y < 1 or y + h >= img.shape[0]:
        return True
    above, mid, below = (np.median(img[a:b, x:x + w].reshape(-1, 3), axis=0)
                         for a, b in ((y - 1, y), (y, y + h), (y + h, y + h + 1)))

    def d(p: np.ndarray, q: np.ndarray) -> float:
        return float(np.abs(p - q).max())

    return d(above, mid) + d(mid, below) > d(above, below) + 4


def detect(infos: list[TextInfo], img: np.ndarray) -> list[Issue]:
    """Stacks of text paragraphs, drawn boxes and rules, one member (or a block of adjacent members)
    a few pixels off the left edge, centre line or right edge the rest share. Lines are placed by their
    glyphs (glyph_box), not by whatever else their OCR boxes took in."""
    infos = [replace(t, ink_box=glyph_box(img, t)) for t in infos]
    boxes = _box_items(flat_boxes(img, [t.box for t in infos]), img)
    lines = [_Item(r, float(r[0]), r[0] + r[2] / 2, 0.0, "", rule=True, right=r[0] + r[2] - 1.0)
             for r in rules(img, [t.box for t in infos]) if _stroke(img, r)]
    return _element_detect(infos, boxes + lines, img)
