"""What elements are, for semantic tags: headings by size rank, buttons, inputs, nav, header, footer, lists."""
from __future__ import annotations

import numpy as np

from vision.analysis.colors import RGB
from vision.analysis.tree import Node, union

BULLETS = ("•", "·", "-", "–", "*", "▪", "◦", "●")


def assign_roles(root: Node, page_bg: RGB, width: int, height: int) -> None:
    texts = [n for n in root.walk() if n.kind == "text"]
    _headings(texts)
    for n in root.walk():
        if n.kind != "box":
            continue
        kids = [c for c in n.walk() if c is not n]
        ktexts = [c for c in kids if c.kind == "text"]
        others = [c for c in kids if c.kind in ("box", "image")]
        x, y, w, h = n.box
        if not others and len(ktexts) <= 1 and h <= 90 and (w <= 0.5 * width or width <= 800):
            t = ktexts[0] if ktexts and ktexts[0].para and len(ktexts[0].para.lines) == 1 else None
            if t is not None:
                tx = t.para.box[0] - x
                right = x + w - (t.para.box[0] + t.para.box[2])
                centred = abs(tx - right) <= max(6, 0.15 * w)
                if n.border is not None and not centred and w >= 3 * h:
                    n.role = "input"
                elif centred and (n.bg is not None or n.border is not None):
                    n.role = "button"
            elif n.border is not None and w >= 3 * h and h <= 70:
                n.role = "input"
        elif w >= 0.9 * width and y <= 2 and h <= 0.25 * max(height, 1):
            n.role = "header"
        elif w >= 0.9 * width and y + h >= height - 2 and h <= 0.4 * max(height, 1):
            n.role = "footer"
        elif others or len(ktexts) > 1:
            n.role = "card" if w < 0.9 * width else "section"
    for n in root.walk():
        if n.kind == "row" and len(n.children) >= 3:
            if all(c.kind == "text" and c.para and len(c.para.lines) == 1 and len(c.para.text) <= 30 for c in n.children):
                n.role = "nav"
        if n.kind == "col" and len(n.children) >= 2:
            if all(c.kind == "text" and c.para and c.para.text.startswith(BULLETS) for c in n.children):
                n.role = "list"
            elif len(n.children) >= 3 and _uniform_items(n.children):
                n.role = "list"
            else:
                _wrap_list_runs(n)


def _headings(texts: list[Node]) -> None:
    """h1..h6 by font-size rank among sizes clearly above the body size."""
    if not texts:
        return
    sizes = np.array([n.para.size for n in texts])
    weights = np.array([len(n.para.text) for n in texts], dtype=float)
    body = float(np.average(sizes, weights=weights)) if weights.sum() else float(np.median(sizes))
    heading_sizes = sorted({round(s) for s, n in zip(sizes, texts)
                            if s >= body * 1.3 or (s >= body * 1.12 and n.para.weight >= 700)}, reverse=True)
    rank = {s: min(6, i + 1) for i, s in enumerate(heading_sizes)}
    for n in texts:
        s = round(n.para.size)
        if s in rank and len(n.para.text) <= 120:
            n.para.tag = f"h{rank[s]}"
        elif len(n.para.lines) == 1 and len(n.para.text) <= 40:
            n.para.tag = "span"
        else:
            n.para.tag = "p"


def _uniform_items(items: list[Node]) -> bool:
    """Three or more single-line texts of one style, left-aligned, evenly spaced: a list."""
    if not all(c.kind == "text" and c.para and len(c.para.lines) == 1 and len(c.para.text) <= 60 for c in items):
        return False
    ps = [c.para for c in items]
    sizes = [p.size for p in ps]
    if max(sizes) > 1.12 * min(sizes) or len({p.weight for p in ps}) > 1:
        return False
    cols = np.array([p.color for p in ps], dtype=int)
    if np.ptp(cols, axis=0).max() > 40:
        return False
    if np.ptp([p.box[0] for p in ps]) > 3:
        return False
    tops = sorted(p.box[1] for p in ps)
    steps = np.diff(tops)
    return bool(steps.min() > 0 and np.ptp(steps) <= max(3.0, 0.1 * float(np.mean(steps))))


def _wrap_list_runs(col: Node) -> None:
    """Inside a column, group each run of three or more list-like items into its own list."""
    kids = col.children
    out: list[Node] = []
    i = 0
    while i < len(kids):
        j = i
        while j + 1 < len(kids) and _uniform_items(kids[i:j + 2]):
            j += 1
        if j - i + 1 >= 3:
            run = kids[i:j + 1]
            out.append(Node("col", union([k.box for k in run]), children=run, role="list"))
            i = j + 1
        else:
            out.append(kids[i])
            i += 1
    col.children = out
