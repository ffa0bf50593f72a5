"""blank-area: whether a region shows a CSS ground (one colour or a linear gradient), which a
hole shows, rather than a picture's shading."""
from __future__ import annotations

import numpy as np

from .grid import FLAT

GRADIENT = 2  # levels: a line of cells across a linear gradient varies this much at most (dithering)


def _css_ground(means: np.ndarray) -> bool:
    """One colour, or a linear gradient: along one direction nine lines of cells in ten are one colour,
    and across them the colour changes by more than a picture's faint shading does (a stretched
    picture with streaks can be as even along one direction)."""
    if np.ptp(means.reshape(-1, means.shape[-1]), axis=0).max() <= FLAT / 2:
        return True
    for a in (0, 1):
        profile = means.mean(axis=a)
        if np.percentile(np.ptp(means, axis=a).max(axis=-1), 90) <= GRADIENT \
                and np.abs(profile[-1] - profile[0]).max() >= 2 * FLAT:
            return True
        if _faint_ramp(means, a):
            return True
    return False


def _faint_ramp(means: np.ndarray, a: int) -> bool:
    """A gentle linear gradient with a faint mark on it (a placeholder's outline, a watermark): nine
    cells in ten on their line's colour, the lines' colours on a straight ramp from one end to the
    other, changing by more than a flat colour's noise. A picture's vignette is flat in the middle
    and falls off at its edge, off the ramp."""
    profile = np.median(means, axis=a)
    off = np.abs(means - np.expand_dims(profile, a)).max(axis=-1)
    ramp = profile[0] + (profile[-1] - profile[0]) * np.linspace(0.0, 1.0, len(profile))[:, None]
    return bool((off <= GRADIENT).mean() >= 0.9 and np.abs(profile - ramp).max() <= GRADIENT
                and np.abs(profile[-1] - profile[0]).max() >= FLAT)
