"""Render-compare corrections for the offline engine: measure where each text element landed in
the render (the DOM knows, no OCR needed) and adjust its font size and offsets toward the mockup."""
from __future__ import annotations

from collections import defaultdict

import numpy as np

from codegen.emit.html import HtmlEmitter
from codegen.emit.style import Tweaks
from vision.analysis import Analysis

MAX_STEP = 0.25     # font-size change per round, relative


def dom_lines_by_id(text_boxes: list[dict]) -> dict[int, list[dict]]:
    out: dict[int, list[dict]] = defaultdict(list)
    for tb in text_boxes:
        if tb.get("id") is None:
            continue
        try:
            out[int(tb["id"])].append(tb)
        except (TypeError, ValueError):
            continue
    return out


def _visual_lines(boxes: list[dict]) -> list[tuple[float, float, float, float]]:
    """Merge DOM pieces sharing a line (a link inside a paragraph is its own text node)."""
    rows: list[list[float]] = []
    for b in sorted(boxes, key=lambda b: (b["y"], b["x"])):
        x0, y0, x1, y1 = b["x"], b["y"], b["x"] + b["w"], b["y"] + b["h"]
        if rows and abs(rows[-1][1] - y0) < 0.5 * b["h"]:
            r = rows[-1]
            r[0], r[1], r[2], r[3] = min(r[0], x0), min(r[1], y0), max(r[2], x1), max(r[3], y1)
        else:
            rows.append([x0, y0, x1, y1])
    return [(r[0], r[1], r[2] - r[0], r[3] - r[1]) for r in rows]


def next_tweaks(analysis: Analysis, emitter: HtmlEmitter, text_boxes: list[dict], tweaks: Tweaks) -> Tweaks:
    """One round of corrections from one render."""
    by_id = dom_lines_by_id(text_boxes)
    new = tweaks.copy()
    for n in analysis.root.walk():
        if n.kind != "text" or n.id not in by_id:
            continue
        p = n.para
        got = _visual_lines(by_id[n.id])
        want = [l.box for l in p.lines]
        if not got:
            continue
        s = emitter.font_size(n)
        # font size from widths (width is proportional to size for a given font)
        rw = sum(g[2] for g in got)   # wrapped or not, the widths add up to the text's length
        tw = sum(w[2] for w in want)
        if rw > 4 and tw > 4:
            ratio = float(np.clip(tw / rw, 1 - MAX_STEP, 1 + MAX_STEP))
            if abs(ratio - 1) > 0.015:
                new.font_scale[n.id] = tweaks.font_scale.get(n.id, 1.0) * ratio
        # vertical: the content box top should sit at baseline - ascent
        _, top, _, lh_total = emitter.lbox(n)
        lh = emitter.line_height(n)
        content_h = 1.117 * s
        expected_top = top - tweaks.dy.get(n.id, 0.0) + (lh - content_h) / 2
        dy = expected_top - got[0][1]
        if abs(dy) > 1.0:
            new.dy[n.id] = tweaks.dy.get(n.id, 0.0) + float(np.clip(dy, -3 * s, 3 * s))
        # horizontal: for left-aligned text, the first line's left edge
        if p.align == "left":
            dx = want[0][0] - got[0][0]
            if abs(dx) > 1.5:
                new.dx[n.id] = tweaks.dx.get(n.id, 0.0) + float(np.clip(dx, -2 * s, 2 * s))
    return new
