"""What a case's own page really has, to judge findings that match no injected defect.

A screenshot finding that is not the injected defect is only false when the page does not have
that defect. Two independent witnesses, both from rendering the case's saved HTML at its size:

- the DOM checks (geometry and axe-core, codegen/debug): a DOM finding of the same category
  sharing at least 30% of the smaller box;
- for low-contrast, the text's computed CSS colour against the background the screenshot shows
  right around that text (axe leaves text over images "incomplete"; the pixels settle it): the
  finding is supported when a DOM text line under it fails WCAG AA that way. A translucent colour
  is composited over that background first, as the browser paints it. Where no one colour
  surrounds the text (a gradient button, a picture), it fails when it fails against at least 60%
  of the pixels around it.

The DOM checks and the page's text list only see the top document, but a screenshot also shows
what its frames draw (an `<iframe srcdoc>` consent box, a sign-in widget). So the witness also
reads every frame's document: its text lines and its images that failed to load (a sandboxed
srcdoc frame cannot load the page's relative images, a mangled `src` loads nothing), moved by the
frame's offset and cut to the part of the frame that shows.

Both are cached beside the case as <name>.truth.json, so scoring again is quick; a cache written
before the frames were read gains them without re-judging the rest.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

import numpy as np

from vision.defects.issue import Issue, overlap_min
from vision.defects.pixels import contrast_ratio, contrast_ratios, mode_color, ring

SAME = 0.3
LARGE_PX, LARGE_BOLD_PX = 24.0, 18.66  # WCAG large text: 18 pt, or 14 pt bold


def page_truth(html: str | Path, width: int, height: int, cache: Path) -> dict:
    """DOM findings (as JSON issues), DOM text lines and the frames' facts of the page, cached in `cache`."""
    truth = json.loads(cache.read_text(encoding="utf-8")) if cache.exists() else {}
    if "frames" in truth:
        return truth
    from codegen.debug.dom_checks import collect, to_issues
    from codegen.render import get_renderer

    fresh = "dom" not in truth

    def page_fn(page) -> dict:
        return {"checks": collect(page) if fresh else None, "frames": frame_facts(page)}

    res = get_renderer().render(path=Path(html), width=width, height=height, full_page=False, screenshot=False,
                                mobile_check=False, page_fn=page_fn, timeout_s=20)
    extra = res.extra or {}
    if fresh:
        checks = extra.get("checks")
        truth = {"dom": [i.to_json() for i in to_issues(checks, width, height)] if checks else [],
                 "text": res.text_boxes, "ok": bool(checks)}
    truth["frames"] = extra.get("frames") or {"text": [], "broken": []}
    cache.write_text(json.dumps(truth), encoding="utf-8")
    return truth


# In one frame: where its content box lies in its parent's viewport, and whether it shows at all.
FRAME_BOX_JS = r"""
(el) => {
  const r = el.getBoundingClientRect(), cs = getComputedStyle(el);
  const shows = el.checkVisibility({opacityProperty: true, visibilityProperty: true});
  const x = r.left + el.clientLeft + parseFloat(cs.paddingLeft), y = r.top + el.clientTop + parseFloat(cs.paddingTop);
  return {shows, box: [x, y, el.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight),
                       el.clientHeight - parseFloat(cs.paddingTop) - parseFloat(cs.paddingBottom)]};
}
"""

# Images of a frame's document that failed to load (the test of dom_checks.js), in its viewport.
BROKEN_IMAGES_JS = r"""
() => Array.from(document.images).filter(img => (img.currentSrc || img.getAttribute('src')) && img.complete
    && img.naturalWidth === 0 && img.checkVisibility({opacityProperty: true, visibilityProperty: true}))
  .map(img => { const r = img.getBoundingClientRect(); return [r.left, r.top, r.width, r.height]; })
"""


def _cut(box: list[float], clip: list[float]) -> list[float] | None:
    """`box` cut to `clip` (both x, y, w, h); None when nothing of it is left."""
    x0, y0 = max(box[0], clip[0]), max(box[1], clip[1])
    x1, y1 = min(box[0] + box[2], clip[0] + clip[2]), min(box[1] + box[3], clip[1] + clip[3])
    return [x0, y0, x1 - x0, y1 - y0] if x1 - x0 >= 1 and y1 - y0 >= 1 else None


def frame_facts(page) -> dict:
    """Text lines and failed images of every frame below the top document, in page pixels, each cut
    to what its frame (and the frames around it) let show."""
    from playwright.sync_api import Error as PWError

    from codegen.render import DOM_TEXT_JS

    top = page.main_frame
    w, h = page.viewport_size["width"], page.viewport_size["height"]
    where = {top: (0.0, 0.0, [0.0, 0.0, float(w), float(h)])}  # frame: its origin and what shows of it
    out: dict = {"text": [], "broken": []}

    def place(frame):
        if frame in where:
            return where[frame]
        parent = frame.parent_frame
        up = place(parent) if parent is not None else None
        where[frame] = None
        if up is None:
            return None
        el = frame.frame_element()
        fb = el.evaluate(FRAME_BOX_JS)
        if fb["shows"]:
            ox, oy = up[0] + fb["box"][0], up[1] + fb["box"][1]
            clip = _cut([ox, oy, fb["box"][2], fb["box"][3]], up[2])
            where[frame] = (ox, oy, clip) if clip else None
        return where[frame]

    for frame in page.frames:
        if frame is top:
            continue
        try:
            at = place(frame)
            if at is None:
                continue
            ox, oy, clip = at
            sx, sy = frame.evaluate("() => [scrollX, scrollY]")
            for t in frame.evaluate(DOM_TEXT_JS):
                box = _cut([t["x"] - sx + ox, t["y"] - sy + oy, t["w"], t["h"]], clip)
                if box:
                    out["text"].append({**t, "x": box[0], "y": box[1], "w": box[2], "h": box[3]})
            for b in frame.evaluate(BROKEN_IMAGES_JS):
                box = _cut([b[0] + ox, b[1] + oy, b[2], b[3]], clip)
                if box:
                    out["broken"].append(box)
        except PWError:
            continue  # a frame that went away while it was read
    return out


def _rgba(css: str) -> tuple[tuple[float, float, float], float] | None:
    """A CSS rgb()/rgba() colour as (rgb, alpha)."""
    v = [float(x) for x in re.findall(r"[\d.]+", css or "")]
    if len(v) < 3:
        return None
    return (v[0], v[1], v[2]), (v[3] if len(v) >= 4 else 1.0)


def _contrast_fails(img: np.ndarray, line: dict) -> bool:
    """Whether the line's colour, over the background the screenshot shows around it, fails WCAG AA.
    A translucent colour is blended with that background as the browser paints it; see-through
    letters (alpha near 0) are skipped: what shows is what a background-clip paints through them."""
    col = _rgba(line.get("color", ""))
    if col is None or col[1] <= 0.05:
        return False
    box = [int(round(line["x"])), int(round(line["y"])), int(round(line["w"])), int(round(line["h"]))]
    around = ring(img, box, pad=1, width=2)
    bg, share = mode_color(around)
    (rgb, alpha) = col
    size = float(line.get("size") or 16)
    bold = str(line.get("weight", "400")).isdigit() and int(line.get("weight", "400")) >= 700
    need = 3.0 if size >= LARGE_PX or (bold and size >= LARGE_BOLD_PX) else 4.5
    if share < 0.4:
        # no one background around it (a gradient, a picture): the text fails where it fails
        # against most of what surrounds it, pixel by pixel
        fg = alpha * np.asarray(rgb, np.float64) + (1 - alpha) * around.astype(np.float64)
        ratios = contrast_ratios(fg, around)
        return len(ratios) > 0 and float((ratios < need).mean()) >= 0.6
    fg = tuple(alpha * c + (1 - alpha) * float(b) for c, b in zip(rgb, bg))
    return contrast_ratio(fg, bg) < need


def supported(f: Issue, truth: dict, img: np.ndarray) -> bool:
    """Whether the page itself has the defect this finding names, by the DOM or its colours."""
    if any(d["category"] == f.category and overlap_min(d["bbox"], f.bbox) >= SAME for d in truth["dom"]):
        return True
    frames = truth.get("frames") or {}
    if f.category == "broken-image":
        return any(overlap_min(b, f.bbox) >= SAME for b in frames.get("broken", []))
    if f.category == "low-contrast":
        return any(overlap_min([t["x"], t["y"], t["w"], t["h"]], f.bbox) >= 0.5 and _contrast_fails(img, t)
                   for t in truth["text"] + frames.get("text", []) if t["w"] > 0 and t["h"] > 0)
    return False


def page_had(f: Issue, before: dict) -> bool:
    """Whether a DOM finding away from the injected defect was already on the page before the
    injection (`before`: `page_truth` of the case's source page left clean, at the case's size):
    the same category at the same place, or on the same element moved by the change (the same
    selector path, not counting sibling positions, which an inserted element shifts, and the
    same size). Such a finding is the page's own defect, not a false one; one the injection
    brought about away from its own box is counted false."""
    path = _path(f.selector)
    return any(d["category"] == f.category and (
        overlap_min(d["bbox"], f.bbox) >= SAME
        or (path is not None and _path(d.get("selector")) == path
            and all(abs(a - b) <= 2 for a, b in zip(d["bbox"][2:], f.bbox[2:]))))
        for d in before["dom"])


def _path(selector: str | None) -> str | None:
    return re.sub(r":nth-(of-type|child)\(\d+\)", "", selector) if selector else None
