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


FRAME_CATEGORIES = {"broken-image", "text-overlap", "text-truncation", "element-overlap", "small-text",
                    "small-target"}
MAX_FRAMES = 20
FRAME_BOX_JS = """e => { const r = e.getBoundingClientRect();
  return [r.left + e.clientLeft, r.top + e.clientTop, e.clientWidth, e.clientHeight]; }"""
FRAME_SELECTOR_JS = "e => e.id ? 'iframe#' + e.id : 'iframe:nth-of-type(' + " \
    "(Array.from(e.parentElement.children).filter(c => c.tagName === 'IFRAME').indexOf(e) + 1) + ')'"


def _cut(box: list[float], clip: list[float]) -> list[float] | None:
    """`box` (x, y, w, h) cut to `clip` (x0, y0, x1, y1); None when nothing is left."""
    x0, y0 = max(box[0], clip[0]), max(box[1], clip[1])
    x1, y1 = min(box[0] + box[2], clip[2]), min(box[1] + box[3], clip[3])
    return [x0, y0, x1 - x0, y1 - y0] if x1 - x0 >= 2 and y1 - y0 >= 2 else None


def frame_geometry(frame, origin: tuple[float, float], clip: list[float], prefix: str,
                   budget: list[int]) -> list[dict]:
    """The geometric findings inside `frame`'s child frames (iframes, srcdoc ones included), in page
    pixels, cut to the part of each frame that shows.

    The checks read one document, and a broken image or cut text inside an iframe shows in the
    screenshot like any other. Only the element-level categories are kept: a frame's own scroll
    range is not overflow of the page. `origin` is where `frame`'s viewport starts in page pixels;
    a selector is the iframe's, then ` | ` and the element's inside the frame's document."""
    out: list[dict] = []
    for child in frame.child_frames:
        if budget[0] <= 0:
            break
        budget[0] -= 1
        try:
            element = child.frame_element()
            left, top, width, height = element.evaluate(FRAME_BOX_JS)
            selector = prefix + element.evaluate(FRAME_SELECTOR_JS)
            ox, oy = origin[0] + left, origin[1] + top
            shown = [max(clip[0], ox), max(clip[1], oy), min(clip[2], ox + width), min(clip[3], oy + height)]
            if shown[2] - shown[0] < 2 or shown[3] - shown[1] < 2:
                continue
            sx, sy = child.evaluate("[scrollX, scrollY]")
            for f in child.evaluate(GEOMETRY_JS):
                box = _cut([f["box"][0] - sx + ox, f["box"][1] - sy + oy, f["box"][2], f["box"][3]], shown)
                if f["category"] in FRAME_CATEGORIES and box is not None:
                    out.append({**f, "box": box, "selector": f"{selector} | {f.get('selector') or 'html'}"})
            out += frame_geometry(child, (ox, oy), shown, f"{selector} | ", budget)
        except Exception:  # a frame detached or navigated while being read: its findings are lost, not the page's
            continue
    return out


def collect(page) -> dict[str, Any]:
    """The page_fn body: raw geometric findings (the frames' too) and axe violations (plain data,
    thread-safe)."""
    geometry = page.evaluate(GEOMETRY_JS)
    sx, sy, vw, vh = page.evaluate("[scrollX, scrollY, innerWidth, innerHeight]")
    geometry += frame_geometry(page.main_frame, (sx, sy), [sx, sy, sx + vw, sy + vh], "", [MAX_FRAMES])
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
