"""misalignment: which members are siblings (the innermost box holding them), which of them stack
(one above the other, close enough, on one ground), and which sit side by side as one row."""
from __future__ import annotations

import numpy as np

from ..issue import union
from .member import BEARING_EM, GAP_H, MAX_H, STACK_GAP, TOL, _Item
from .text_edges import _open_end

SECTION_EM = 3.0  # a section heading's space above it, in its ems
HEADING = 1.3    # a heading's font is at least this many times the text's before it
BAND = 64        # colour step (of 255) between the grounds of members set in different bands
GROUND_ROWS = 5  # px: the strip above and below a member its ground is read from
INK_STEP = 24    # a step between neighbouring pixels this large is ink (a letter's edge), not a ground's shading
SCREEN_RULE = 0.95  # share of the screen's width a line runs across to part two bands
FLAT_ROW = 8     # levels: a line's pixels agree this closely along it
RULE_PX = 4      # px: the thickest such line (a border, not a band of its own)
RULE_SLACK = 3   # px: how far past a member's box a line parting it from the next is looked for


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


def _own_ground(img: np.ndarray, it: _Item, side: int):
    """The ground a member stands on, above it (side 0) or below it (1). A line painted on its own
    fill (a highlight, a chip: its left is the fill's edge) has that fill above and below its ink,
    which is the member's own paint: its ground is the surface just left of the fill, across its rows."""
    if not it.painted or it.left is None:
        return _ground(img, it.box)[side]
    x, y, h = int(it.left), int(it.box[1]), int(it.box[3])
    strip = img[max(0, y):y + h, max(0, x - GROUND_ROWS):max(0, x)]
    return np.median(strip.reshape(-1, 3), axis=0).astype(float) if strip.size else _ground(img, it.box)[side]


def _same_band(items: list[_Item], stack: list[int], k: int, rows: ScreenRows) -> list[int]:
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
        if _screen_rule(rows, a[1] + a[3], b[1]):
            apart = True
        elif b[1] - (a[1] + a[3]) <= 2 * GROUND_ROWS + 2:
            continue
        else:
            p, q = _own_ground(rows.img, items[stack[j]], 1), _own_ground(rows.img, items[stack[j + 1]], 0)
            apart = p is not None and q is not None and float(np.abs(p - q).max()) > BAND
        if apart:
            if j < pos:
                lo = j + 1
            elif hi == len(stack):
                hi = j + 1
    return stack[lo:hi]


def _screen_rule(rows: ScreenRows, top: int, bottom: int) -> bool:
    """A thin line of one colour drawn across the whole screen between rows top and bottom (a few
    rows either way: a bar laid over the page cuts the line under it), standing out from the rows
    just above and below it (a banner's or a fixed bar's border, a section's rule): the screen's
    width is no container's, so what lies on its two sides are different bands (a cookie banner
    laid over the page, the page's footer), each aligned within itself."""
    H = rows.img.shape[0]
    top, bottom = max(1, top - RULE_SLACK), min(H - 1, bottom + RULE_SLACK)
    if bottom <= top:
        return False
    mid, even = rows.get(top - 1, bottom + 1)
    r = 1
    while r < len(even) - 1:
        e = r
        while e + 1 < len(even) - 1 and even[e + 1] and np.abs(mid[e + 1] - mid[r]).max() <= FLAT_ROW:
            e += 1
        if even[r] and e - r < RULE_PX and all(np.abs(mid[r] - mid[s]).max() > INK_STEP for s in (r - 1, e + 1)):
            return True
        r = e + 1
    return False


class ScreenRows:
    """Each row of one screenshot: its colour (the median) and whether it is even (one colour
    across SCREEN_RULE of the width), read the first time it is asked for. Every pair of neighbours
    in every stack asks about the rows between them, the same rows many times over."""

    def __init__(self, img: np.ndarray) -> None:
        H = img.shape[0]
        self.img = img
        self.mid, self.even, self.read = np.zeros((H, 3)), np.zeros(H, bool), np.zeros(H, bool)

    def get(self, a: int, b: int) -> tuple[np.ndarray, np.ndarray]:
        """Rows a..b: their colours and evenness."""
        todo = np.nonzero(~self.read[a:b])[0] + a
        if len(todo):
            rows = self.img[todo].astype(np.int16)
            m = np.median(rows, axis=1)
            self.mid[todo] = m
            self.even[todo] = (np.abs(rows - m[:, None, :]).max(axis=-1) <= FLAT_ROW).mean(axis=1) >= SCREEN_RULE
            self.read[todo] = True
        return self.mid[a:b], self.even[a:b]


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
