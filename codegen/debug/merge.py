"""One list of findings: duplicates folded, visual findings confirmed by the DOM marked so, worst first."""
from __future__ import annotations

from vision.defects.issue import SEVERITY_RANK, Issue, overlap_min

SAME = 0.3  # boxes sharing this much of the smaller one describe the same defect


def _dedupe(issues: list[Issue]) -> list[Issue]:
    kept: list[Issue] = []
    for it in sorted(issues, key=lambda i: (SEVERITY_RANK[i.severity], -i.score)):
        if any(k.category == it.category and k.source == it.source and overlap_min(k.bbox, it.bbox) >= 0.7
               and (k.selector == it.selector or not it.selector) for k in kept):
            continue
        kept.append(it)
    return kept


def merge(visual: list[Issue], dom: list[Issue], model: list[Issue] | None = None) -> list[Issue]:
    """Fold DOM findings into the visual ones they confirm; keep the rest; sort by severity.

    A confirmed finding keeps the visual source and box (what the screenshot shows) and gains the
    DOM's selector and concrete fix, with `confirmed_by: ["dom"]`.
    """
    visual, dom = _dedupe(visual), _dedupe(dom)
    out: list[Issue] = []
    used: set[int] = set()
    for v in visual:
        match = [k for k, d in enumerate(dom) if d.category == v.category and overlap_min(d.bbox, v.bbox) >= SAME]
        if match:
            d = dom[match[0]]
            used.update(match)
            v.confirmed_by = sorted(set(v.confirmed_by) | {"dom"})
            v.selector = v.selector or d.selector
            v.fix = d.fix or v.fix
            if SEVERITY_RANK[d.severity] < SEVERITY_RANK[v.severity]:
                v.severity = d.severity
        out.append(v)
    out += [d for k, d in enumerate(dom) if k not in used]
    for m in model or []:
        if any(o.category == m.category and overlap_min(o.bbox, m.bbox) >= SAME for o in out):
            for o in out:
                if o.category == m.category and overlap_min(o.bbox, m.bbox) >= SAME:
                    o.confirmed_by = sorted(set(o.confirmed_by) | {"model"})
                    break
            continue
        out.append(m)
    order = {"dom": 0, "visual": 1, "model": 2}
    out.sort(key=lambda i: (SEVERITY_RANK[i.severity], -len(i.confirmed_by), order[i.source], i.bbox[1], i.bbox[0]))
    return out
