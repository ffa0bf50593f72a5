"""Recall-margin rules of session 16 (broken-image, small-target, text-overlap), on drawn images."""
from __future__ import annotations

import numpy as np

from vision.defects import broken_image


def _covered_frame(header_ground: int, border: int | None) -> np.ndarray:
    """A white page; a broken image's silver frame at (40, 0)-(268, 140) whose top lies under a
    header 100 rows tall; the header's ground and, optionally, a one-row border at its bottom."""
    img = np.full((300, 400, 3), 255, np.uint8)
    img[0:141, 40] = img[0:141, 268] = img[140, 40:269] = broken_image.FRAME
    img[0:100] = header_ground
    if border is not None:
        img[97] = border
    return img


def test_a_frame_under_a_near_white_header_with_a_border_line_is_broken_image() -> None:
    """The header's ground is a shade off the page's white; its edge is a grey border line two
    rows over where the frame's sides stop."""
    found = broken_image.detect(_covered_frame(254, 232), [])
    assert [f.bbox for f in found] == [[40, 100, 229, 41]]


def test_a_frame_under_a_plain_dark_header_is_still_broken_image() -> None:
    """The control: a header unlike the page right over the frame's sides."""
    assert [f.bbox for f in broken_image.detect(_covered_frame(40, None), [])] == [[40, 100, 229, 41]]


def test_sides_stopping_under_nothing_but_the_page_are_no_covered_frame() -> None:
    """Sides that stop under rows of the page's own white (no edge of a covering element within
    three rows) are some other box's lines."""
    assert broken_image.detect(_covered_frame(255, None), []) == []
