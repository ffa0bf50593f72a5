"""blank-area: holes in a band (a hero, a section across the screen): an end column left empty, a
centred column's lost last block, a rectangle cut back from a side margin to its column; and the
band's designed space (the space under a column that ends, a block centred in the band)."""
from __future__ import annotations

import numpy as np

from .grid import (
    DIVIDER,
    EDGE,
    GAP,
    NEAR,
    SIDE_COVER,
    TWIN,
    _bounded,
    _centred_beside,
    _divider,
    _facing_block,
    _on_ground,
    _runs,
    _side_reach,
)
from .ground import _css_ground


def _column_hole(empty: np.ndarray, means: np.ndarray, r, reach) -> tuple[int, int] | None:
    """An end column of a band left empty: straight edges (the band's) close above and below along the
    whole hole, a block of content beside it facing its middle, and the screen's edge (or more
    content) on the far side.

    A column is a good part of the screen's width (a quarter at least; a margin is narrower). A
    band's columns sit side by side and centre on one another, so the block beside faces the
    hole's middle even when the band's padding leaves the hole's top and bottom bare; the space
    above or below a block has the block at one of its ends instead, and the space beside a block
    under a heading that runs across it is a single column's whitespace. Only on a CSS ground (one
    colour, or a linear gradient: one colour along one direction): a hole shows the band's
    background, while a picture behind a hero, whose texture varies both ways, shows much the
    same emptiness beside its text by design. Returns the rows (from, to) of the block beside, or
    None."""
    x0, y0, x1, y1 = r
    if x1 - x0 < empty.shape[1] / 4:
        return None  # a margin beside the content, not a column of the band
    both = _divider(reach[2]) and _divider(reach[3])
    # one straight edge only, the other end open but for the next section's content on part of it (a
    # heading running across the whole hole there heads one column, whose whitespace this is): the
    # hole must be the band's whole half, across the screen's centre line, beside a centred block
    half = any(_divider(reach[a]) and reach[b] is not None and not _bounded(reach[b]) for a, b in ((2, 3), (3, 2))) \
        and x0 < empty.shape[1] / 2 < x1
    if not (both or half):
        return None
    if not _css_ground(means[y0:y1, x0:x1]):
        return None
    for k, far in ((0, 1), (1, 0)):
        if reach[k] is None or not (reach[far] is None or _bounded(reach[far])):
            continue
        block = _facing_block(reach[k])
        if block and (both or _centred_beside(reach[k])) and _on_ground(empty, means, r, k):
            return y0 + block[0], y0 + block[1]
    return None


def _column_end(empty: np.ndarray, r, reach) -> bool:
    """The space under a column that ends: one side open (no content close beyond it, no screen's
    edge), the lines above (text, not a band's straight edge) running on past the hole towards that
    side, a band's straight edge below. The band is as tall as its tallest column (a picture beside
    the text), so a shorter column leaves space under its last lines down to the band's edge; that
    space is bounded there by the lines, the neighbour and the edge, but its open side shows the
    same column going on bare under the lines. A block gone from a band leaves its column's edges
    (the band's top edge, a rule) or other blocks around it instead."""
    x0, y0, x1, y1 = r
    if not _divider(reach[3]) or not _bounded(reach[2]) or _divider(reach[2]):
        return False
    full = ~empty
    above = full[max(0, y0 - NEAR):y0].any(axis=0)
    for k, past in ((0, above[max(0, x0 - NEAR):x0]), (1, above[x1:x1 + NEAR])):
        if reach[k] is not None and not _bounded(reach[k]) and len(past) and past.mean() >= SIDE_COVER:
            return True
    return False


def _slack(full: np.ndarray, start: int, step: int) -> int | None:
    """From row `start` (content), past the block (its rows joined across gaps up to GAP), the
    number of empty rows up to a band's straight edge; None if no such edge ends them."""
    n = len(full)
    rows = full.any(axis=1)
    i, last = start, start
    while 0 <= i < n and abs(i - last) <= GAP:
        if rows[i]:
            last = i
        i += step
    i = last + step
    run = 0
    while 0 <= i < n and not rows[i]:
        run += 1
        i += step
    if not (0 <= i < n) or full[i].mean() < DIVIDER:
        return None
    return run


def _vertical_twin(empty: np.ndarray, r, reach) -> bool:
    """The hole lies between a band's straight edge and a block, and past the block the same
    whitespace runs on to the band's other edge: a block centred in a band (a hero's text beside a
    taller picture) leaves the same space above and below it by design."""
    x0, y0, x1, y1 = r
    full = ~empty[:, x0:x1]
    hh = y1 - y0
    for k, start, step in ((2, y1, 1), (3, y0 - 1, -1)):
        edge, other = reach[k], reach[5 - k]
        if not _divider(edge) or other is None or _divider(other) or not _bounded(other):
            continue
        run = _slack(full, start + step * int(np.median(other[1][other[0]])), step)
        if run is not None and TWIN * hh <= run <= hh / TWIN:
            return True
    return False


def _lost_centre(empty: np.ndarray, means: np.ndarray, r) -> bool:
    """The space under a block in a band, beside a neighbour that runs down the band beside both: the
    block's column is centred on the band (its top neither on the band's edge nor level with the
    neighbour's), yet the space under it is larger than the space over it by a block's height at least:
    a centred column that lost its last block (a button under its lines) keeps its top where it was.
    The band's top edge runs on past the neighbour (a column of the band, not the band's own side, as
    a card's border is); the space lies under the whole of the block's last line, with nothing close
    on its far side (the space beside a button of the column is no such space). On a CSS ground only
    (a picture's own empty part is no band's)."""
    x0, y0, x1, y1 = r
    reach = _side_reach(empty, r)
    if not _divider(reach[3]) or reach[2] is None or not reach[2][0].any():
        return False
    full = ~empty
    cols = full[:, x0:x1]
    d = int(np.median(reach[2][1][reach[2][0]]))
    if d > NEAR:
        return False
    block = y0 - 1 - d
    edges = np.flatnonzero(cols[:block].mean(axis=1) >= DIVIDER)
    if not len(edges):
        return False  # no band's edge above
    edge = int(edges[-1])
    top = edge + 1 + int(np.argmax(cols[edge + 1:block + 1].any(axis=1)))  # the block's first row
    over = top - edge - 1
    if over < 2:
        return False  # a column set on the band's top edge
    if y1 - y0 - over < GAP / 2:
        return False
    for k, col, past in ((0, x0 - 1, np.s_[max(0, x0 - 1 - GAP):x0 - 1]), (1, x1, np.s_[x1 + 1:x1 + 1 + GAP])):
        if not _divider(reach[k]) or not 0 <= col < empty.shape[1] or full[edge, past].mean() < DIVIDER:
            continue  # no neighbour's straight side, or it is the band's own side (a card's border)
        beyond = np.s_[x1:x1 + GAP] if k == 0 else np.s_[max(0, x0 - GAP):x0]
        if _bounded(reach[1 - k]) or full[block, beyond].any():
            continue  # the space beside a block of the column (a button), or under part of its lines
        beside = full[edge + 1:y1, col]
        first = int(np.argmax(beside)) if beside.any() else len(beside)
        if beside[first:].mean() >= DIVIDER and abs(edge + 1 + first - top) >= 2 \
                and _css_ground(means[y0:y1, x0:x1]):
            return True
    return False


def _off_margin(empty: np.ndarray, means: np.ndarray, r) -> tuple[int, int, int, int] | None:
    """The part of a rectangle that runs into a side margin, cut back to the column of the content
    above and below it (their ends within NEAR of its top and bottom): a block gone from a column
    leaves a hole as wide as the column, and the page's margin beside it is whitespace by design,
    which only blurs how closely the column's blocks bound the hole. Its far side must then be
    bounded by content on its own ground (the next column of a row or grid): beside a sidebar's
    panel, a shorter column's whitespace is design. Or the cut rectangle is a band's end column
    (see `_column_hole`): a page set in a centred container ends its bands' rules at the
    container's side, and the margin beyond, where nothing is drawn, stands for the screen's edge.
    Or the cut rectangle is the space under a centred column's lines (see `_centred_over`), bounded
    on its far side by any block (a picture), down to a band's straight edge: a column set centred
    beside a picture is a hero's call to action, whose last block (its buttons) it lost; a column that
    simply ends is set from its start.
    None if it reaches no margin, the content there runs to the margin too, or none holds."""
    x0, y0, x1, y1 = r
    h, w = empty.shape
    full = ~empty
    band = full[max(0, y0 - NEAR):y0, x0:x1].any(axis=0) | full[y1:y1 + NEAR, x0:x1].any(axis=0)
    cols = np.flatnonzero(band)
    if not len(cols):
        return None
    a, b = x0 + int(cols[0]), x0 + int(cols[-1]) + 1
    a, b = (a if x0 <= EDGE else x0), (b if x1 >= w - EDGE else x1)
    if (a, b) == (x0, x1) or a <= EDGE or b >= w - EDGE:
        return None
    t = (a, y0, b, y1)
    far = 1 if a > x0 else 0
    sd = _side_reach(empty, t)[far]
    if _bounded(sd) and _on_ground(empty, means, t, far):
        return t
    if _bounded(sd) and _centred_over(empty, t) and _divider(_side_reach(empty, t)[3]):
        return t
    return t if _column_hole(empty, means, t, _side_reach(empty, t)) else None


def _centred_over(empty: np.ndarray, r) -> bool:
    """The block just above the rectangle (its last lines, within NEAR) lies inside it and centres on
    it, a cell either way: the lines of a column set centred (a hero's heading, its figures and its
    buttons) centre on the column. A column that ends, beside a sidebar's panel, is set from its start."""
    x0, y0, x1, y1 = r
    band = (~empty)[max(0, y0 - NEAR):y0].any(axis=0)
    runs = [(s, e) for s, e in _runs(band) if e > x0 and s < x1]
    if not runs or runs[0][0] <= x0 or runs[-1][1] >= x1:
        return False
    return abs(runs[0][0] + runs[-1][1] - x0 - x1) <= 2


def _column_end_at_edge(empty: np.ndarray, r, reach) -> bool:
    """The space under a column that ends, running into the screen's side margin: the lines above it
    are text (bounded, no band's straight edge), a band's straight edge is below it, a neighbour (a
    picture) beside it on one side and the screen's edge on the other. A band is as tall as its
    tallest column, so a shorter column leaves space under its last lines down to the band's edge,
    and where the column is the band's first (or last) only the page's margin lies beyond it: as in
    `_column_end`, the open side shows no more than the column's own whitespace. A column that lost
    its last block is told apart where it is set centred: its lines centre on the space (a hero's
    call to action over its lost buttons; see `_centred_over`), while a column set from its start
    (flush left text, a header's items) simply ends."""
    if (reach[0] is None) == (reach[1] is None) or not _bounded(reach[0] if reach[1] is None else reach[1]):
        return False
    if not _divider(reach[3]) or not _bounded(reach[2]) or _divider(reach[2]):
        return False
    return not _centred_over(empty, r)


def _beside_screen_centre(empty: np.ndarray, r, reach) -> bool:
    """The space beside a block centred on the screen, open on its far side (nothing close there, only
    the margin): a block set in the screen's middle (a hero's logo, title and tagline) has whitespace on
    both sides by design, and an aside placed on its other side (a news list) does not make this side's
    whitespace a gap. The block is the content just beyond the hole's near side, across the hole's
    rows, its columns joined across word gaps; its middle is the screen's to a cell. A column of a
    row whose neighbour was hidden is set from the container's side, and its middle lies on the
    screen's only when it was the middle one of three, whose first then leaves the margin beside it
    bounded by the rows above and below."""
    x0, y0, x1, y1 = r
    w = empty.shape[1]
    full = ~empty
    for k, far in ((0, 1), (1, 0)):
        if not _bounded(reach[k]) or _bounded(reach[far]):
            continue
        beyond = full[y0:y1, :x0][:, ::-1] if k == 0 else full[y0:y1, x1:]
        runs = _runs(beyond.any(axis=0))
        if not runs or runs[0][0] > NEAR:
            continue
        a, b = runs[0]
        lo, hi = (x0 - b, x0 - a) if k == 0 else (x1 + a, x1 + b)
        if abs(lo + hi - w) <= 2:
            return True
    return False
