"""small-target: a CJK glyph drawn as a frame (同, 回) inside a read line is a letter, though its
thin strokes' anti-aliased edges make up most of its pixels and are paler than the line's ink:
the frame's colour is read where its strokes fully cover pixels. A frame in another colour than
the line's ink (a checkbox drawn over a line) is still a control."""
from __future__ import annotations

import numpy as np

from vision.defects import small
from vision.defects.pixels import TextInfo

INK = (35, 39, 42)


def _page(colour: tuple[int, int, int]) -> tuple[np.ndarray, TextInfo]:
    img = np.full((80, 300, 3), 255, np.uint8)
    x, y, w, h = 120, 30, 17, 19
    img[y:y + h, x] = 210                 # the frame's anti-aliased outer edge on the left
    img[y:y + h, x + 1:x + w] = colour    # its 1 px stroke
    img[y + 1:y + h - 1, x + 2:x + w - 1] = 205  # its anti-aliased inner edge
    img[y + 2:y + h - 2, x + 3:x + w - 2] = 255
    img[y + 7:y + 12, x + 6:x + 11] = colour   # the stroke inside the frame
    img[y + 8:y + 11, x + 7:x + 10] = 255
    t = TextInfo("根据话题不同，Discord", (60, 25, 200, 29), (62, 29, 196, 21), (255, 255, 255), 0.95, INK,
                 13.0, 21, 21, 0.99)
    return img, t


def test_a_frame_glyph_in_the_lines_ink_is_a_letter():
    img, t = _page(INK)
    assert small.detect_targets(img, [t]) == []


def test_a_frame_in_another_colour_is_a_control():
    img, t = _page((37, 99, 235))
    assert [i.category for i in small.detect_targets(img, [t])] == ["small-target"]
