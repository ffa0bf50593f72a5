"""text-truncation: text cut off by an ellipsis or sliced at a container edge."""
from __future__ import annotations

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


def detect(img: np.ndarray, infos: list[TextInfo]) -> list[Issue]:
    out = []
    for t in infos:
        text = t.text.rstrip()
        if len(text) >= 4 and text.endswith(ELLIPSES) and not text.rstrip(".… ").lower().endswith("etc"):
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
