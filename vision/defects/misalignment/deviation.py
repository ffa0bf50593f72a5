"""misalignment: the deviation test: per stack and anchor (left edge, centre line, right edge), the
block of members a few pixels off the column the rest share."""
from __future__ import annotations

import numpy as np

from ..issue import Issue, union
from ..pixels import TextInfo
from .designed import (
    _aligned_otherwise,
    _centred,
    _flush_right,
    _gridded,
    _marked_alike,
    _on_section,
    _shares_other,
)
from .member import MAX_H, TOL, _Item, _give
from .stacks import ScreenRows, _chain, _parents, _rows, _same_band
from .text_edges import _text_items

MIN_OFF, MAX_OFF = 3.0, 12.0
LINE_GAP = 0.5  # of a line's height: the most space between two lines of one paragraph
MAX_OFF_CENTRE = 10.0  # px: off a centre line (ink centres wobble a pixel; farther off is another layout)


def _value(it: _Item, name: str) -> float | None:
    """The member's value on an anchor; on the centre line, a text with an open end (a full-width
    stop) has its ink's centre, which bounds its own: it can be judged off a column towards its
    open end, never vouch for one (see the col and open checks)."""
    if name == "centre" and it.centre is None:
        return it.ink_centre
    return getattr(it, name)


def _edge(it: _Item, v: float, c: float, name: str = "left") -> float:
    """The column edge a member's left value vouches for: a text's ink starts right of its box by up
    to its side bearing (a large heading's first letter), so ink right of the column c by no more
    than that stands for c. Ink can only start right of the box, never left of it; at the right
    end, mirrored, it ends left of it."""
    if name == "right":
        return v if v >= c else min(c, v + _give(it, name))
    return v if v <= c else max(c, v - _give(it, "left"))


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


def _wrapped(items: list[_Item], stack: list[int], run: list[int], col: list[int]) -> bool:
    """The off members are the next lines of a text of the column, set at its line spacing under it, as
    tall as its line: a paragraph's lines wrap at one left edge, and CSS cannot shift some of them apart from
    the first, so a few pixels between them is how their ink was measured (a picture's edge behind
    them), not where they were set."""
    first = stack.index(run[0])
    if first == 0 or stack[first - 1] not in col:
        return False
    a, b = items[stack[first - 1]], items[run[0]]
    if not a.text or not b.text or abs(a.box[3] - b.box[3]) > 0.2 * max(a.box[3], b.box[3]):
        return False  # lines of one size (a heading over its text is no paragraph's line)
    return b.box[1] - (a.box[1] + a.box[3]) <= LINE_GAP * max(a.box[3], b.box[3])


def _element_detect(infos: list[TextInfo], boxes: list[_Item], img: np.ndarray) -> list[Issue]:
    texts = _text_items(infos, img)
    items = texts + boxes
    _parents(items, len(texts))
    screen = ScreenRows(img)
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
            vals = {i: _value(items[i], name) for i in g if _value(items[i], name) is not None
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
                       <= TOL + _give(items[i], name) and not (name == "centre" and items[i].open)]
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
                band = _same_band(items, stack, k, screen)
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
                if name == "left" and all(_give(items[i], name) == 0 for i in run_s) \
                        and any(items[i].lead is not None for i in col_s):
                    # a member placed to the pixel (a button's fill) against a column of texts: the
                    # texts' column is where their boxes start, as their first glyphs place them,
                    # their ink a side bearing further right
                    dx = float(np.mean([vals[i] for i in run_s])) - float(np.mean(
                        [items[i].lead if items[i].lead is not None else vals[i] for i in col_s]))
                # ink starts right of a letter's box by its side bearing: a text further right than
                # its column by less than its bearing (or left by less than theirs) may be aligned
                if name != "centre":  # mirrored at the right end: ink ends left of the box
                    givers = run_s if (dx > 0) == (name == "left") else col_s
                    gives = [_give(items[i], name) for i in givers]
                    # a column with a member placed to the pixel (a rule, a chip's painted edge) is
                    # where that member is: its texts' side bearings no longer blur where it runs
                    exact = givers is col_s and min(gives) == 0 and not _wrapped(items, stack, run_s, col_s)
                    need = 0.0 if exact else max(gives)
                else:
                    need = max(items[i].slack for i in run_s + col_s) / 2
                if not max(MIN_OFF, need) <= abs(dx) <= (MAX_OFF_CENTRE if name == "centre" else MAX_OFF):
                    continue
                if name == "centre" and any(items[i].open and items[i].open * dx < 0 for i in run_s):
                    continue  # an open end's ink centre bounds its own from one side only
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
