"""misalignment: one line a few pixels off the left edge, centre line or right edge its stack shares."""
from __future__ import annotations

import numpy as np

from .issue import Issue, union
from .pixels import TextInfo

TOL = 2.0        # px: members of an aligned stack agree this closely (glyph side bearings differ)
MIN_OFF, MAX_OFF = 3.0, 12.0
BEARING = 0.1    # of a line's ink height: how far glyph side bearings alone move its ink edge


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


def _paragraphs(infos: list[TextInfo], g: list[int]) -> list[list[int]]:
    """The stack's lines joined into paragraphs (wrapped lines of one block share one left edge and
    move together), so that a shifted paragraph counts once, not once per line."""
    out: list[list[int]] = []
    for i in sorted(g, key=lambda i: infos[i].ink_box[1]):
        a, xa = infos[i].ink_box, infos[i].x_height
        if out:
            b, xb = infos[out[-1][-1]].ink_box, infos[out[-1][-1]].x_height
            if abs(a[0] - b[0]) <= 1 and a[1] - (b[1] + b[3]) <= 0.8 * max(a[3], b[3]) \
                    and max(xa, xb) <= 1.3 * min(xa, xb):
                out[-1].append(i)
                continue
        out.append([i])
    return out


def _consistent(v: np.ndarray, aligned: np.ndarray) -> bool:
    """An anchor the aligned members really share (ragged centres and right edges do not)."""
    return float(np.ptp(v[aligned])) <= 2 * TOL


def detect(infos: list[TextInfo]) -> list[Issue]:
    out = []
    for g in _stacks(infos):
        paras = _paragraphs(infos, g)
        if len(paras) < 3:
            continue
        boxes = np.array([infos[p[0]].ink_box for p in paras], dtype=np.float64)
        wrapped = np.array([len(p) > 1 for p in paras])
        # a wrapped paragraph's lines are ragged on the right: only its left edge is an anchor
        anchors = {"left": boxes[:, 0], "centre": np.where(wrapped, np.nan, boxes[:, 0] + boxes[:, 2] / 2),
                   "right": np.where(wrapped, np.nan, boxes[:, 0] + boxes[:, 2])}
        best = None
        for name, v in anchors.items():
            if np.isnan(v).sum() > len(v) / 2:
                continue
            ref = float(np.nanmedian(v))
            aligned = np.abs(v - ref) <= TOL
            if best is None or aligned.sum() > best[2].sum():
                best = (name, ref, aligned, v)
        name, ref, aligned, v = best
        n_al = int(aligned.sum())
        # members far off the shared edge are simply not part of this alignment; only the near
        # ones (a few pixels off) are candidates, and they must be a clear minority
        near = ~aligned & (np.abs(v - ref) <= MAX_OFF + TOL)
        if n_al < 2 or n_al < 2 * near.sum() or near.sum() == 0:
            continue
        # refine the reference on the aligned members, then judge the rest
        ref = float(np.mean(v[aligned]))
        tight = float(np.ptp(v[aligned])) <= 1.0
        for k in np.nonzero(near)[0]:
            dx = float(v[k] - ref)
            if not (max(MIN_OFF, BEARING * boxes[k, 3]) <= abs(dx) <= MAX_OFF):
                continue  # big letters' side bearings alone shift their ink a few pixels
            if name == "centre" and (abs(dx) > 8 or (n_al < 3 and not tight)):
                continue  # centred lines of different widths wobble: demand more evidence there
            # a wider line cannot be judged by its centre or right edge when lines wrap to the left
            other = [a for a in anchors if a != name and _consistent(anchors[a], aligned)
                     and abs(anchors[a][k] - np.mean(anchors[a][aligned])) <= TOL]
            if other:
                continue
            t = infos[paras[k][0]]
            box = [int(v) for v in t.box]
            for i in paras[k][1:]:
                box = union(box, infos[i].box)
            out.append(Issue("misalignment", box, "warning",
                             f"\"{t.text[:40]}\" is {abs(dx):.0f} px {'right' if dx > 0 else 'left'} of the {name} "
                             f"edge its {n_al} neighbours share" if name != "centre" else
                             f"\"{t.text[:40]}\" is {abs(dx):.0f} px off the centre line its {n_al} neighbours share",
                             "visual", f"Remove the stray offset (margin/padding/left/transform of about {abs(dx):.0f}px) "
                                       "so it lines up with its siblings", score=abs(dx)))
    return out
