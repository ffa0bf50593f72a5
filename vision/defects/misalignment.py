"""misalignment: one line a few pixels off the left edge, centre line or right edge its stack shares."""
from __future__ import annotations

import numpy as np

from .issue import Issue
from .pixels import TextInfo

TOL = 2.0        # px: members of an aligned stack agree this closely (glyph side bearings differ)
MIN_OFF, MAX_OFF = 3.0, 12.0


def _stacks(infos: list[TextInfo]) -> list[list[int]]:
    """Vertical runs of lines of similar size whose left edges or centres lie near each other."""
    n = len(infos)
    parent = list(range(n))

    def find(i):
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i in range(n):
        a = infos[i].ink_box
        for j in range(i + 1, n):
            b = infos[j].ink_box
            gap = max(b[1] - (a[1] + a[3]), a[1] - (b[1] + b[3]))
            hmax = max(a[3], b[3])
            if gap < 0 or gap > 2.2 * hmax or max(a[3], b[3]) > 2.6 * min(a[3], b[3]):
                continue
            near_left = abs(a[0] - b[0]) <= MAX_OFF
            near_centre = abs((a[0] + a[2] / 2) - (b[0] + b[2] / 2)) <= MAX_OFF
            if near_left or near_centre:
                parent[find(j)] = find(i)
    groups: dict[int, list[int]] = {}
    for i in range(n):
        groups.setdefault(find(i), []).append(i)
    return [g for g in groups.values() if len(g) >= 3]


def detect(infos: list[TextInfo]) -> list[Issue]:
    out = []
    for g in _stacks(infos):
        boxes = np.array([infos[i].ink_box for i in g], dtype=np.float64)
        anchors = {"left": boxes[:, 0], "centre": boxes[:, 0] + boxes[:, 2] / 2, "right": boxes[:, 0] + boxes[:, 2]}
        best = None
        for name, v in anchors.items():
            ref = float(np.median(v))
            aligned = np.abs(v - ref) <= TOL
            if best is None or aligned.sum() > best[2].sum():
                best = (name, ref, aligned, v)
        name, ref, aligned, v = best
        n_al = int(aligned.sum())
        off = ~aligned
        if n_al < 2 or n_al < 2 * off.sum() or off.sum() == 0:
            continue
        # refine the reference on the aligned members, then judge the rest
        ref = float(np.mean(v[aligned]))
        for k in np.nonzero(off)[0]:
            dx = float(v[k] - ref)
            if not (MIN_OFF <= abs(dx) <= MAX_OFF) or (name == "centre" and (abs(dx) > 8 or n_al < 3)):
                continue  # centred lines of different widths wobble: demand more evidence there
            # a wider line cannot be judged by its centre or right edge when lines wrap to the left
            other = [a for a in anchors if a != name and abs(anchors[a][k] - np.mean(anchors[a][aligned])) <= TOL]
            if other:
                continue
            t = infos[g[k]]
            out.append(Issue("misalignment", list(t.box), "warning",
                             f"\"{t.text[:40]}\" is {abs(dx):.0f} px {'right' if dx > 0 else 'left'} of the {name} "
                             f"edge its {n_al} neighbours share" if name != "centre" else
                             f"\"{t.text[:40]}\" is {abs(dx):.0f} px off the centre line its {n_al} neighbours share",
                             "visual", f"Remove the stray offset (margin/padding/left/transform of about {abs(dx):.0f}px) "
                                       "so it lines up with its siblings", score=abs(dx)))
    return out
