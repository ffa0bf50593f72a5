"""misalignment's thin rules are strokes drawn on the ground, not steps from one shade to the
next: the soft lower edge of a picture's shadow (233 above, 240 on the line, 245 below) forms a
thin band of steps like a rule's, but its colour lies between its sides', so it is no member
of a stack; a real rule (darker or lighter than both sides, or in another hue) still is."""
from __future__ import annotations

import numpy as np

from vision.defects.misalignment import _stroke


def _page(above: int, line: tuple[int, int, int], below: int) -> np.ndarray:
    img = np.full((40, 200, 3), above, np.uint8)
    img[20] = line
    img[21:] = below
    return img


def test_a_shadows_soft_edge_is_no_rule():
    assert not _stroke(_page(233, (240, 240, 240), 245), (20, 20, 160, 1))
    assert not _stroke(_page(208, (224, 224, 224), 235), (20, 20, 160, 1))


def test_a_drawn_line_is_a_rule():
    assert _stroke(_page(255, (221, 221, 221), 255), (20, 20, 160, 1))
    assert _stroke(_page(240, (200, 200, 200), 255), (20, 20, 160, 1))  # a border between two shades, darker than both
    assert _stroke(_page(255, (37, 99, 235), 255), (20, 20, 160, 1))
