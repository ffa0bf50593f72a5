"""misalignment: a stack's member as measured (its edges, and how far each may wander), and the
tolerances members are compared with."""
from __future__ import annotations

from dataclasses import dataclass

TOL = 2.0        # px: members of an aligned stack agree this closely (glyph side bearings differ)
STACK_GAP = 40   # px: siblings of one stack sit at most this far apart,
GAP_H = 1.5      # or this many times the taller one's height
BEARING_EM = 0.12  # of the font size: glyph side bearings (ink starts this far inside)
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
    ink_centre: float | None = None  # a text with an open end (centre None): its ink's centre,
    open: int = 0                    # and the side (+1 right, -1 left) its own centre lies on from it


def _give(it: _Item, name: str) -> float:
    """How far the member's value on this anchor may wander without a real offset: a glyph's side
    bearing, but none for the painted edge of a chip or button under the text, which is where
    the element starts to the pixel."""
    return 0.0 if name == "left" and it.painted else it.slack
