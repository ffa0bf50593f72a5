"""CIELAB and CIEDE2000 from scikit-image, imported on first use.

scikit-image's colour module and scipy's optimiser take most of a second to import; loading them
lazily lets a cold `v2c convert` import them on a background thread while OCR runs (`preload`).
"""
from __future__ import annotations

import numpy as np


def rgb2lab(rgb: np.ndarray) -> np.ndarray:
    from skimage.color import rgb2lab as _rgb2lab

    return _rgb2lab(rgb)


def deltaE_ciede2000(lab1: np.ndarray, lab2: np.ndarray) -> np.ndarray:  # noqa: N802 (skimage's name)
    from skimage.color import deltaE_ciede2000 as _de

    return _de(lab1, lab2)


def preload() -> None:
    """Import what the scores need (call from a background thread)."""
    import scipy.optimize  # noqa: F401  (block matching)
    import skimage.color  # noqa: F401
