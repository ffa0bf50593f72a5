"""blank-area: the hole test: whether an empty rectangle is a missing block, weighing what bounds it
against the designed whitespace it may be instead."""
from __future__ import annotations

import numpy as np

from .bands import _beside_screen_centre, _column_end, _column_end_at_edge, _column_hole, _vertical_twin
from .frames import _filled_sibling, _gutters, _set_in_fill, _split_pane, _tile_slot
from .grid import EDGE, FLAT, TWIN, _bounded, _bounded_sides, _side_reach, _spread
from .ground import _css_ground, _fade

FRAME_FILL = 0.93  # an empty region filling this much of its own box is a picture's or a frame's inside
# the same on a picture's shading (no CSS ground): the picture's mark (an icon, a caption, a play button)
# and the text set over it take a larger share out of its inside than a frame's border corners do
PICTURE_FILL = 0.85


def _hole(r, empty, means, full, lab, stats, stack: bool = False, slot: bool = False, centre: bool = False,
          flow: bool = False) -> int:
    """0 for no hole, 1 for a hole, 2 for a slot of a row of like tiles (the surest: its neighbours
    show what is missing)."""
    x0, y0, x1, y1 = r
    h, w = empty.shape
    reach = _side_reach(empty, r)
    near, ground, edges = _bounded_sides(empty, means, r, reach, stack)
    # a side bounded by a fade only (a hero's dark overlay easing into its picture) has nothing beyond it
    near -= sum(_bounded(sd) and _fade(means, r, k) for k, sd in enumerate(reach))
    if edges > 1:
        return False  # a margin or a band between sections
    column = _column_hole(empty, means, r, reach) if near < 3 else None
    if near < 3 and not column and not slot and not centre:
        return False  # space beside one block
    # the block beside a column, or over a centred column's lost block, stands on the hole's ground
    ground += column is not None or centre
    cx, cy, cw, ch, area = (int(v) for v in stats[lab[y0, x0]])
    spread = _spread(lab, stats, r)
    # a slot of a row of tiles is shut in: the tiles beside it, the row's edges above and below (or the
    # screen's bottom edge, which cuts a row off)
    tile = near == 4 - (y1 >= h - EDGE) and _tile_slot(empty, means, r, (cx, cy, cw, ch))
    if ground < 1 and spread < 2 and not tile and not _gutters(lab, r):
        # no neighbour on the hole's ground, and its ground confined around it: the inside of a
        # picture or a panel of its own colour, which its edges bound (a hole among tinted cards
        # has no ground beside it either, but its ground runs on between the cards)
        return False
    fill = FRAME_FILL if _css_ground(means[y0:y1, x0:x1]) else PICTURE_FILL
    if area >= fill * cw * ch and not column \
            and not any(_split_pane(empty, means, r, k, sd) for k, sd in enumerate(reach)) \
            and not _filled_sibling(empty, means, r, (cx, cy, cw, ch)) and not tile:
        return False  # the inside of a picture, a frame or a bare panel: its own rectangle
    if not (column or tile) and _set_in_fill(empty, means, r, reach):
        return False  # a panel painted on a band beside a picture, open on one side only
    # a centred layout leaves the same whitespace on both sides: a mirrored twin is design. Judged
    # where the twin does not overlap the hole itself (empty by construction), and for a column at
    # the height of the block beside it: a centred block has whitespace on its other side there,
    # the first of two columns has itself. A slot of a row of columns mirrors another column of the row.
    # A gap in a text column is bounded by the column's own blocks above and below: the whitespace
    # across the screen from it (a narrow second column's side) mirrors no centred block.
    mx0, mx1 = w - x1, w - x0
    overlap = max(0, min(x1, mx1) - max(x0, mx0))
    twin = np.r_[mx0:min(mx1, x0), max(mx0, x1):mx1] if overlap else np.r_[mx0:mx1]
    ty0, ty1 = column or (y0, y1)
    if not (slot or centre or flow) and overlap < 0.5 * (x1 - x0) and empty[ty0:ty1, twin].mean() > TWIN and np.abs(
            means[ty0:ty1, twin].mean(axis=(0, 1)) - means[y0:y1, x0:x1].mean(axis=(0, 1))).max() <= FLAT:
        return False
    if _vertical_twin(empty, r, reach):
        return False
    if not (stack or slot or centre or tile or column) and _beside_screen_centre(empty, r, reach):
        return False
    if not (stack or slot or centre or tile or column) and (_column_end(empty, r, reach)
                                                            or _column_end_at_edge(empty, r, reach)):
        return False
    return 2 if tile else 1
