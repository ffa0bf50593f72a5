"""What a case's own page really has, to judge findings that match no injected defect.

A screenshot finding that is not the injected defect is only false when the page does not have
that defect. Two independent witnesses, both from rendering the case's saved HTML at its size:

- the DOM checks (geometry and axe-core, codegen/debug): a DOM finding of the same category
  sharing at least 30% of the smaller box;
- for low-contrast, the text's computed CSS colour against the background the screenshot shows
  right around that text (axe leaves text over images "incomplete"; the pixels settle it): the
  finding is supported when a DOM text line under it fails WCAG AA that way.

Both are cached beside the case as <name>.truth.json, so scoring again is quick.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

import numpy as np

from vision.defects.issue import Issue, overlap_min
from vision.defects.pixels import contrast_ratio, mode_color, ring

SAME = 0.3
LARGE_PX, LARGE_BOLD_PX = 24.0, 18.66  # WCAG large text: 18 pt, or 14 pt bold


def page_truth(html: str | Path, width: int, height: int, cache: Path) -> dict:
    """DOM findings (as JSON issues) and DOM text lines of the page, cached in `cache`."""
    if cache.exists():
        return json.loads(cache.read_text(encoding="utf-8"))
    from codegen.debug.dom_checks import collect, to_issues
    from codegen.render import get_renderer

    res = get_renderer().render(path=Path(html), width=width, height=height, full_page=False, screenshot=False,
                                mobile_check=False, page_fn=collect, timeout_s=20)
    dom = [i.to_json() for i in to_issues(res.extra, width, height)] if res.extra else []
    truth = {"dom": dom, "text": res.text_boxes, "ok": bool(res.extra)}
    cache.write_text(json.dumps(truth), encoding="utf-8")
    return truth


def _rgb(css: str) -> tuple[float, ...] | None:
    v = [float(x) for x in re.findall(r"[\d.]+", css or "")]
    if len(v) < 3 or (len(v) >= 4 and v[3] < 0.99):
        return None  # translucent text: its colour depends on what lies under it
    return tuple(v[:3])


def _contrast_fails(img: np.ndarray, line: dict) -> bool:
    fg = _rgb(line.get("color", ""))
    if fg is None:
        return False
    box = [int(round(line["x"])), int(round(line["y"])), int(round(line["w"])), int(round(line["h"]))]
    bg, share = mode_color(ring(img, box, pad=1, width=2))
    if share < 0.4:
        return False  # no one background around it
    size = float(line.get("size") or 16)
    bold = str(line.get("weight", "400")).isdigit() and int(line.get("weight", "400")) >= 700
    need = 3.0 if size >= LARGE_PX or (bold and size >= LARGE_BOLD_PX) else 4.5
    return contrast_ratio(fg, bg) < need


def supported(f: Issue, truth: dict, img: np.ndarray) -> bool:
    """Whether the page itself has the defect this finding names, by the DOM or its colours."""
    if any(d["category"] == f.category and overlap_min(d["bbox"], f.bbox) >= SAME for d in truth["dom"]):
        return True
    if f.category == "low-contrast":
        return any(overlap_min([t["x"], t["y"], t["w"], t["h"]], f.bbox) >= 0.5 and _contrast_fails(img, t)
                   for t in truth["text"] if t["w"] > 0 and t["h"] > 0)
    return False
