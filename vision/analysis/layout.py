"""The layout tree: recursive regions (page, bars, cards...) whose children are arranged by
recursive cuts along gaps into columns (vertical stacking) and rows (side by side)."""
from __future__ import annotations

import numpy as np

from vision.analysis.colors import RGB
from vision.analysis.elements import find_elements
from vision.analysis.text import Paragraph
from vision.analysis.tree import Box, Node, contains, union

MAX_DEPTH = 6


def _center_in(p: Box, b: Box) -> bool:
    cx, cy = p[0] + p[2] / 2, p[1] + p[3] / 2
    return b[0] <= cx <= b[0] + b[2] and b[1] <= cy <= b[1] + b[3]


def build_region(img: np.ndarray, region: Box, bg: RGB, paras: list[Paragraph], depth: int = 0) -> list[Node]:
    """Children of one region: nested boxes (recursed into), images, rules and text."""
    text_boxes = [l.box for p in paras for l in p.lines]
    elements = find_elements(img, region, bg, text_boxes) if depth < MAX_DEPTH else []
    # nest: each paragraph goes to the smallest box or image containing its centre
    elements.sort(key=lambda n: n.box[2] * n.box[3])
    owned: dict[int, list[Paragraph]] = {}
    free: list[Paragraph] = []
    for p in paras:
        for i, el in enumerate(elements):
            if el.kind in ("box", "image") and _center_in(p.box, el.box) and contains(el.box, p.box, slack=max(4, int(p.size))):
                owned.setdefault(i, []).append(p)
                break
        else:
            free.append(p)
    nodes: list[Node] = []
    for i, el in enumerate(elements):
        inner = owned.get(i, [])
        if el.kind == "image" and inner:
            # text over a picture: the picture becomes the box's background
            el.kind = "box"
        if el.kind == "box":
            inner_bg = el.bg if el.bg is not None else bg
            pad = el.border[1] if el.border else 0
            x, y, w, h = el.box
            inner_region = (x + pad, y + pad, max(1, w - 2 * pad), max(1, h - 2 * pad))
            if el.image:
                kids = [text_node(p) for p in inner]
            else:
                kids = build_region(img, inner_region, inner_bg, inner, depth + 1)
                frames = [k for k in kids if k.role == "frame"]
                if frames and el.border is None:
                    # a ring along the box's own edge is the box's border, not a child
                    el.border, el.radius = frames[0].border, max(el.radius, frames[0].radius)
                    kids = [k for k in kids if k.role != "frame"]
                    for f in frames:
                        kids.extend(c for g in f.children for c in ([g] if g.kind != "col" else g.children))
            el.children = [arrange(kids, el.box)] if kids else []
        nodes.append(el)
    nodes.extend(text_node(p) for p in free)
    return _drop_contained(nodes)


def _drop_contained(nodes: list[Node]) -> list[Node]:
    """Images and rules lying inside a sibling box belong to that box's own recursion."""
    boxes = [n for n in nodes if n.kind == "box"]
    out = []
    for n in nodes:
        if n.kind in ("image", "rule") and any(b is not n and contains(b.box, n.box, 0) for b in boxes):
            continue
        out.append(n)
    return out


def text_node(p: Paragraph) -> Node:
    return Node("text", p.box, para=p)


def _split(items: list[Node], axis: int, tol: int = 1) -> list[list[Node]]:
    """Groups separated by gaps along an axis (0 = x, 1 = y), allowing `tol` px of overlap."""
    lo = (lambda n: n.box[0]) if axis == 0 else (lambda n: n.box[1])
    hi = (lambda n: n.box[0] + n.box[2]) if axis == 0 else (lambda n: n.box[1] + n.box[3])
    order = sorted(items, key=lo)
    groups: list[list[Node]] = []
    end = None
    for n in order:
        if end is None or lo(n) >= end - tol:
            groups.append([n])
            end = hi(n)
        else:
            groups[-1].append(n)
            end = max(end, hi(n))
    return groups


def _gaps(groups: list[list[Node]], axis: int) -> list[int]:
    lo = 0 if axis == 0 else 1
    ends = [max(n.box[lo] + n.box[lo + 2] for n in g) for g in groups]
    starts = [min(n.box[lo] for n in g) for g in groups]
    return [s - e for s, e in zip(starts[1:], ends[:-1])]


def arrange(items: list[Node], frame: Box | None = None) -> Node:
    """Recursive XY cut: split along the axis whose widest gap is widest (columns of a page
    separate by a wide vertical gutter, stacked sections by horizontal gaps); what cannot be
    separated either way (overlapping elements) becomes a stack (an overlay)."""
    if len(items) == 1:
        return items[0]
    box = union([n.box for n in items])
    for tol in (1, 3, 6):
        rows = _split(items, axis=1, tol=tol)
        cols = _split(items, axis=0, tol=tol)
        gy = max(_gaps(rows, 1), default=-1) if len(rows) > 1 else None
        gx = max(_gaps(cols, 0), default=-1) if len(cols) > 1 else None
        if gy is not None and (gx is None or gy >= 0.5 * gx):
            return Node("col", box, children=[arrange(g) for g in rows])
        if gx is not None:
            return Node("row", box, children=[arrange(g) for g in cols])
    return Node("stack", box, children=sorted(items, key=lambda n: -n.box[2] * n.box[3]))
