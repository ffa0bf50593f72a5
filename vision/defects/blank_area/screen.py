"""blank-area: the whole-screen test: a screen with nothing drawn on it."""
from __future__ import annotations

import cv2
import numpy as np

from ..issue import Issue


def blank_screen(img: np.ndarray) -> Issue | None:
    """The whole screen as one blank area when no channel varies by more than a few levels across it
    (a page whose content failed to load or is hidden); None otherwise."""
    H, W = img.shape[:2]
    spread = max(hi - lo for lo, hi, _, _ in (cv2.minMaxLoc(c) for c in cv2.split(np.ascontiguousarray(img))))
    if spread <= 8:
        return Issue("blank-area", [0, 0, W, H], "error", "The screen is blank: nothing is drawn",
                     "visual", "Check that the page's content loads (scripts, data requests, CSS that hides "
                               "the body) and that nothing covers it", score=2.0)
    return None
