"""blank-area: whether a region shows a CSS ground (one colour or a linear gradient), which a
hole shows, rather than a picture's shading; and whether a side is bounded by a fade, no block."""
from __future__ import annotations

import numpy as np

from .grid import FLAT, _outward

GRADIENT = 2  # levels: a line of cells across a linear gradient varies this much at most (dithering)
FADE = 6  # cells (48 px): a fade's run beyond a side, stepping evenly all the way


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


def _fade(means: np.ndarray, r, k: int) -> bool:
    """What lies beyond side k is a fade, not a block: from the hole's edge outwards the colour steps
    away from the hole's own evenly, cell after cell, for FADE cells, at nine positions in ten along
    the side. A hero's dark overlay fading into its picture is a CSS gradient steep enough that its
    cells vary a little more than a flat colour's and count as drawn, yet nothing is drawn there: the
    text column on its dark side has that side's ground around it by design. A block beside a hole
    has an edge instead, a step from the ground to its fill, and a picture's shading is no even ramp."""
    x0, y0, x1, y1 = r
    inner = [means[y0:y1, x0], means[y0:y1, x1 - 1], means[y0, x0:x1], means[y1 - 1, x0:x1]][k]
    out = _outward(means, r, k)
    if out.shape[1] < FADE:
        return False
    steps = np.diff(out[:, :FADE], axis=1)  # positions x FADE - 1 x channels
    size = np.abs(steps).max(axis=-1)
    sign = np.sign(steps.sum(axis=-1))
    # it sets out from the hole's colour (the first cell beyond is part way up the ramp)
    start = np.abs(out[:, 0] - inner).max(axis=-1) <= 3 * FLAT
    even = (size >= 1) & (size <= 3 * FLAT)
    ok = start & even.all(axis=1) & (np.ptp(size, axis=1) <= GRADIENT) & (np.abs(sign.sum(axis=1)) == FADE - 1)
    return bool(ok.mean() >= 0.9)
