"""misalignment: offsets a layout makes on purpose: a member off one anchor that lines up on another,
list markers, centred columns, a section's edge, ragged right ends, gridded rows."""
from __future__ import annotations

import numpy as np

from .member import GAP_H, MAX_H, STACK_GAP, TOL, _Item
from .stacks import _chain

OTHER = {"left": ("centre",), "centre": ("left",), "right": ("left", "centre")}  # anchors a stack may share instead


def _marked_alike(items: list[_Item], run: list[int], col: list[int]) -> bool:
    """Every member leads with a list marker and the text after it lines up: list items whose
    markers differ in width or placement (a number and an icon), not an item shifted off."""
    v = [items[i].text_left for i in run + col]
    if any(x is None for x in v):
        return False
    return abs(float(np.mean(v[:len(run)])) - float(np.mean(v[len(run):]))) <= TOL


def _spread(items: list[_Item], members: list[int], name: str) -> float:
    """How closely the members agree on an anchor. Left edges are taken as their ink gives them or
    as their first glyphs place their boxes (lead), whichever agrees more closely: an I and a W set
    on one column start their ink a pixel or two apart, their boxes do not."""
    spread = float(np.ptp([getattr(items[i], name) for i in members]))
    leads = [items[i].lead for i in members]
    if name == "left" and all(x is not None for x in leads):
        spread = min(spread, float(np.ptp(leads)))
    return spread


def _aligned_otherwise(items: list[_Item], name: str, run: list[int], col: list[int]) -> bool:
    """Off one anchor but on another the column really shares (centred links of different widths
    have ragged left edges; left-aligned ones, ragged centres). The column shares the anchor on
    which it agrees more closely: two left-aligned lines of about one width have centres a few
    pixels apart too, which says nothing of a third line's centre."""
    for other in OTHER[name]:
        v = [getattr(items[i], other) for i in col]
        r = [getattr(items[i], other) for i in run]
        if any(x is None for x in v + r) or np.ptp(v) > 2 * TOL or np.ptp(v) > _spread(items, col, name) + 1:
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
        if any(x is None for x in here) \
                or np.ptp([getattr(items[i], other) for i in rest]) <= _spread(items, rest, name) + 1:
            return True
    return False


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
    differs from its neighbours' wherever they only share their left edge. Nor a line that starts to
    the pixel where a text of the column does: the two are left-aligned, and a shift would have moved
    its start off too (a link under another of a different length, the rule over them ending where
    the longer one happens to)."""
    if any(items[i].text and items[i].left is not None and items[k].left is not None
           and abs(items[i].left - items[k].left) <= 1 for i in col):
        return False
    return bool(items[k].text) and spread <= TOL and (len(col) >= 3 or any(not items[i].text for i in col))


def _gridded(items: list[_Item], run: list[int], col: list[int]) -> bool:
    """Rows whose members line up in columns (a footer's link lists read across): two or more of the
    off row's members share a left edge with members of the rows it is judged against. Such rows
    are placed by their columns, whose unlike lengths leave the rows' middles anywhere; a row moved
    as a whole would have taken every member off those columns."""
    lefts = [items[j].left for i in col for j in items[i].members if items[j].left is not None]
    own = [items[j].left for i in run for j in items[i].members if items[j].left is not None]
    return sum(any(abs(a - b) <= TOL for b in lefts) for a in own) >= 2
