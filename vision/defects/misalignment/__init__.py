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

from dataclasses import replace

import numpy as np

from ..glyph_box import glyph_box
from ..issue import Issue
from ..pixels import TextInfo, flat_boxes, rules
from .box_edges import _box_items, _stroke
from .deviation import _element_detect
from .member import _Item
from .text_edges import _chip_left, _on_fill

__all__ = ["detect", "_chip_left", "_stroke"]


def detect(infos: list[TextInfo], img: np.ndarray) -> list[Issue]:
    """Stacks of text paragraphs, drawn boxes and rules, one member (or a block of adjacent members)
    a few pixels off the left edge, centre line or right edge the rest share. Lines are placed by their
    glyphs (glyph_box), not by whatever else their OCR boxes took in."""
    infos = [_on_fill(img, replace(t, ink_box=glyph_box(img, t))) for t in infos]
    boxes = _box_items(flat_boxes(img, [t.box for t in infos]), img)
    lines = [_Item(r, float(r[0]), r[0] + r[2] / 2, 0.0, "", rule=True, right=r[0] + r[2] - 1.0)
             for r in rules(img, [t.box for t in infos]) if _stroke(img, r)]
    return _element_detect(infos, boxes + lines, img)
