"""DOM checks run inside the renderer's `page_fn`: axe-core plus geometric checks on the live layout.

The page is rendered at the screenshot's size, so element boxes are screenshot pixels. axe-core
comes bundled in the PyPI package `axe-playwright-python` (axe 4.x); its script is injected with
`page.evaluate` so the renderer keeps owning the browser.
"""
from __future__ import annotations

from functools import lru_cache
from importlib.util import find_spec
from pathlib import Path
from typing import Any

from vision.defects.issue import Issue, clip_box

GEOMETRY_JS = Path(__file__).with_name("dom_checks.js").read_text(encoding="utf-8")
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
IMPACT_SEVERITY = {"critical": "error", "serious": "error", "moderate": "warning", "minor": "info"}
PAGE_LEVEL = {"html", "body", ":root"}
MAX_NODES_PER_RULE = 60  # per axe rule, those on screen first

AXE_RUN_JS = r"""
async (tags) => {
  const res = await axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']});
  // nodes on screen first (the screenshot shows those), then the cap
  return res.violations.map(v => ({id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
    nodes: v.nodes.map(n => {
      const sel = n.target && n.target.length === 1 && typeof n.target[0] === 'string' ? n.target[0] : null;
      const el = sel ? document.querySelector(sel) : null;
      const r = el ? el.getBoundingClientRect() : null;
      const data = (n.any || []).concat(n.all || []).map(c => c.data).find(d => d && d.contrastRatio) || null;
      const seen = !!r && r.width > 0 && r.height > 0 && r.bottom > 0 && r.right > 0 && r.top < innerHeight && r.left < innerWidth;
      return {selector: sel, box: r ? [r.left + scrollX, r.top + scrollY, r.width, r.height] : null,
              summary: n.failureSummary || '', data, seen};
    }).sort((a, b) => b.seen - a.seen).slice(0, %d)}));
}
""" % MAX_NODES_PER_RULE


@lru_cache(maxsize=1)
def axe_script() -> str | None:
    """axe-core's source from the installed axe-playwright-python wheel (None when absent)."""
    spec = find_spec("axe_playwright_python")
    if spec is None or not spec.origin:
        return None
    path = Path(spec.origin).with_name("axe.min.js")
    return path.read_text(encoding="utf-8") if path.exists() else None


def run_axe(page) -> list[dict]:
    src = axe_script()
    if src is None:
        return []
    page.evaluate(src)
    return page.evaluate(AXE_RUN_JS, AXE_TAGS)


def collect(page) -> dict[str, Any]:
    """The page_fn body: raw geometric findings and axe violations (plain data, thread-safe)."""
    geometry = page.evaluate(GEOMETRY_JS)
    try:
        axe = run_axe(page)
        axe_error = None
    except Exception as exc:  # a page that breaks axe still gets the geometric checks
        axe, axe_error = [], str(exc).splitlines()[0]
    return {"geometry": geometry, "axe": axe, "axe_error": axe_error}


def _axe_issue(v: dict, node: dict, width: int, height: int) -> Issue | None:
    box, sel = node.get("box"), node.get("selector")
    if sel in PAGE_LEVEL or box is None:
        box = [0, 0, width, height]
    if box[2] <= 0 or box[3] <= 0 or box[0] >= width or box[1] >= height or box[0] + box[2] <= 0 or box[1] + box[3] <= 0:
        return None
    sev = IMPACT_SEVERITY.get(v.get("impact") or "moderate", "warning")
    if v["id"] == "color-contrast":
        d = node.get("data") or {}
        msg = (f"Contrast {d.get('contrastRatio')}:1 ({d.get('fgColor')} on {d.get('bgColor')}); "
               f"WCAG AA needs {d.get('expectedContrastRatio', '4.5:1')}")
        return Issue("low-contrast", clip_box(box, width, height), "error", msg, "dom",
                     f"Change `color` (or the background) of {sel} to reach {d.get('expectedContrastRatio', '4.5:1')}",
                     selector=sel)
    fix = node.get("summary", "").replace("\n", " ").strip() or v.get("help", "")
    return Issue("accessibility", clip_box(box, width, height), sev, f"{v.get('help')} (axe rule {v['id']})", "dom",
                 f"{fix} — see {v.get('helpUrl', '')}".strip(" —"), selector=sel)


def to_issues(raw: dict[str, Any], width: int, height: int) -> list[Issue]:
    """Geometric findings and axe violations as Issues clipped to the screenshot."""
    out: list[Issue] = []
    for f in raw.get("geometry") or []:
        x, y, w, h = f["box"]
        if w <= 0 or h <= 0 or x >= width or y >= height or x + w <= 0 or y + h <= 0:
            continue
        out.append(Issue(f["category"], clip_box(f["box"], width, height), f["severity"], f["message"], "dom",
                         f["fix"], selector=f.get("selector") or None))
    for v in raw.get("axe") or []:
        for node in v.get("nodes", []):
            issue = _axe_issue(v, node, width, height)
            if issue is not None:
                out.append(issue)
    return out
