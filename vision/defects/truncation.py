"""text-truncation: text cut off by an ellipsis or sliced at a container edge."""
from __future__ import annotations

import cv2
import numpy as np

from .issue import Issue
from .pixels import TextInfo, distance

ELLIPSES = ("…", "...", "．．．", "。。。", "..")


def _sliced_end(img: np.ndarray, t: TextInfo) -> bool:
    """Glyphs cut by a straight edge: the last ink column is dense and a clean background follows."""
    x, y, w, h = t.ink_box
    H, W = img.shape[:2]
    if h < 8 or x + w + 6 >= W:
        return False
    band = img[y:y + h, x + w - 3:x + w + 6]
    d = distance(band, t.bg)
    ink = d >= max(30, 0.5 * d.max())
    last = ink[:, 2]
    after = d[:, 3:]
    if after.max() > 20:
        return False
    # a cut through a glyph leaves ink on the edge column across most of the glyph band, where
    # a natural last stroke (l, d, I) is one column wide and is followed by anti-aliasing
    runs = np.diff(np.concatenate([[0], last.astype(int), [0]]))
    n_runs = int((runs == 1).sum())
    return last.mean() >= 0.45 and n_runs >= 2 and d[:, 2].mean() > 0.6 * d[:, 2].max()


def _dots_end(img: np.ndarray, t: TextInfo) -> bool:
    """The line's ink ends in three small dots on the baseline, evenly spaced: an ellipsis the
    recogniser did not read (it often drops it or reads it as one full stop)."""
    x, y, w, h = t.ink_box
    if t.x_height < 5 or w < 6 * t.x_height:
        return False
    x0 = max(x, x + w - 4 * t.x_height)
    crop = img[y:y + h, x0:x + w]
    ink = (distance(crop, t.bg) >= max(24.0, 0.4 * distance(np.array([[t.fg]]), t.bg)[0, 0])).astype(np.uint8)
    n, _, stats, _ = cv2.connectedComponentsWithStats(ink, connectivity=8)
    comps = sorted((tuple(int(v) for v in stats[i]) for i in range(1, n)), key=lambda c: c[0])
    if len(comps) < 4:
        return False
    dots, rest = comps[-3:], comps[:-3]
    size = max(2, 0.45 * t.x_height)
    if any(c[2] > size or c[3] > size or c[2] * 2.5 < c[3] or c[3] * 2.5 < c[2] for c in dots):
        return False
    bottoms = [c[1] + c[3] for c in dots]
    base = max(c[1] + c[3] for c in rest)  # the glyphs' lowest ink: baseline or descenders
    body = [c for c in rest if c[3] >= 0.8 * t.x_height]
    if not body or max(bottoms) - min(bottoms) > 1:
        return False
    baseline = int(np.median([c[1] + c[3] for c in body]))
    if abs(bottoms[0] - baseline) > 2 or base < baseline - 1:
        return False
    gaps = [dots[1][0] - dots[0][0], dots[2][0] - dots[1][0]]
    return abs(gaps[0] - gaps[1]) <= 1 and min(gaps) >= max(dots[0][2], 2) + 1 and max(gaps) <= 0.9 * t.x_height + 2


def detect(img: np.ndarray, infos: list[TextInfo]) -> list[Issue]:
    out = []
    for t in infos:
        text = t.text.rstrip()
        if len(text) >= 4 and (text.endswith(ELLIPSES) or _dots_end(img, t)) \
                and not text.rstrip(".… ").lower().endswith("etc"):
            out.append(Issue("text-truncation", list(t.box), "warning",
                             f"Text \"{text[:40]}\" is cut off with an ellipsis",
                             "visual", "Let the text wrap (`white-space: normal`), widen its container, "
                                       "or show the full text in a title/tooltip", score=0.8))
        elif _sliced_end(img, t):
            out.append(Issue("text-truncation", list(t.box), "error",
                             f"Text \"{text[:40]}\" is sliced at its container's edge",
                             "visual", "Remove `overflow: hidden` / fixed width on the container, or add "
                                       "`text-overflow: ellipsis` and let it wrap", score=1.0))
    return out
