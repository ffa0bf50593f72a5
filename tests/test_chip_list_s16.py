"""misalignment's chip under a line's first word: a bordered button in a tight list of links is
placed by its frame's left edge even when the line above comes within half a line of the frame
(the background shows again between them); a line sitting in a panel is not placed by it."""
from __future__ import annotations

import numpy as np

from vision.defects.misalignment import _chip_left
from vision.defects.pixels import TextInfo


def _page(panel: bool) -> tuple[np.ndarray, TextInfo]:
    img = np.full((120, 200, 3), 255, np.uint8)
    img[20:32, 49:90] = 0            # the line above: a link's letters, a row over the frame
    img[33:60, 48:140] = 118          # the button's border
    img[34:59, 49:139] = 239          # its fill
    for x0 in range(57, 130, 8):      # its label's letters
        img[38:54, x0:x0 + 4] = 0
    if panel:
        img[:, 40:150][(img[:, 40:150] == 255).all(axis=-1)] = 239  # the whole column is a panel
    t = TextInfo("Explore CC", (49, 34, 90, 25), (57, 38, 73, 16), (255, 255, 255), 0.9, (0, 0, 0),
                 21.0, 16, 16, 0.99)
    return img, t


def test_a_framed_button_under_a_tight_list_is_placed_by_its_frame():
    img, t = _page(False)
    assert _chip_left(img, t) == 48


def test_a_line_in_a_panel_is_placed_by_its_ink():
    img, t = _page(True)
    assert _chip_left(img, t) == 57
