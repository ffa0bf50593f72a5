"""Injected-defect cases for screenshot debugging: render a page, break it in one known way
through the DOM, screenshot it, and record where the defect truly is.

Used by the tests (on pages they write themselves) and by bench/bench_debug.py (on the DCGen
pages). Each case is saved as <name>.png (the screenshot), <name>.html (the page as broken,
for the DOM mode) and a line in cases.json with the true box in screenshot pixels.
"""
from __future__ import annotations

import json
import shutil
from dataclasses import asdict, dataclass
from pathlib import Path

import numpy as np

from codegen.render import SETTLE_JS, get_renderer  # noqa: E402
from vision.files import write_json, write_png, write_text

INJECT_JS = (Path(__file__).with_name("inject.js")).read_text(encoding="utf-8")
VISUAL_CATEGORIES = ("text-overlap", "element-overlap", "text-truncation", "low-contrast", "broken-image",
                     "misalignment", "blank-area", "small-text", "small-target")
DOM_ONLY_CATEGORIES = ("overflow", "accessibility")
ALL_CATEGORIES = VISUAL_CATEGORIES + DOM_ONLY_CATEGORIES


@dataclass
class Case:
    """One screenshot with at most one injected defect (`category` None for a clean page)."""

    name: str
    page: str
    category: str | None
    box: list[int] | None
    note: str
    png: str
    html: str
    size: list[int]


def _capture(page) -> str:
    """The live DOM as HTML, so that the DOM mode sees the page exactly as it was broken."""
    return page.content()


REMEASURE_JS = "() => window.__v2cMeasure ? window.__v2cMeasure() : null"


def render_case(page_path: str | Path, category: str | None, seed: int, *, width: int = 1280,
                height: int = 800) -> tuple[np.ndarray, dict, str]:
    """Render `page_path`, inject `category` (None: leave clean); return image, result, html.

    The true box is measured again after the page settles, just before the screenshot, so that it
    marks where the defect shows in the picture rather than where it was when injected."""
    state: dict = {}

    def page_fn(page):  # the renderer has settled the page's animations before this
        if category in VISUAL_CATEGORIES:
            state["before"] = page.screenshot(type="png", animations="disabled", caret="hide")
        if category is not None:
            state["res"] = page.evaluate(INJECT_JS, {"category": category, "seed": seed})
            page.wait_for_timeout(50)
            page.evaluate(SETTLE_JS)
            box = page.evaluate(REMEASURE_JS)
            if box is not None and isinstance(state["res"], dict) and "box" in state["res"]:
                state["res"]["box"] = box
        state["html"] = _capture(page)

    res = get_renderer().render(path=str(page_path), width=width, height=height, full_page=False,
                                mobile_check=False, page_fn=page_fn, timeout_s=20)
    if res.image is None:
        raise RuntimeError(f"{page_path}: render failed: {'; '.join(res.errors) or 'no image'}")
    info = state.get("res") or {}
    if "before" in state and isinstance(info, dict) and "box" in info and not _changed(state["before"], res.image, info["box"]):
        info = {"error": "the injected defect changed no pixels in its box (an element drawn invisibly)"}
    return res.image, info, state.get("html", "")


def _changed(before_png: bytes, after: np.ndarray, box) -> bool:
    """Whether the screenshot differs from the page before the injection inside the true box: a
    defect that changes nothing there (a hidden image broken, an invisible element moved) cannot
    be seen, so it is no case for a detector that only sees pixels."""
    import cv2

    bgr = cv2.imdecode(np.frombuffer(before_png, np.uint8), cv2.IMREAD_COLOR)
    if bgr is None or bgr.shape[:2] != after.shape[:2]:
        return True
    H, W = after.shape[:2]
    x, y, w, h = box
    x0, y0 = max(0, int(x)), max(0, int(y))
    x1, y1 = min(W, int(np.ceil(x + w))), min(H, int(np.ceil(y + h)))
    if x1 <= x0 or y1 <= y0:
        return False
    diff = np.abs(cv2.cvtColor(bgr, cv2.COLOR_BGR2RGB)[y0:y1, x0:x1].astype(np.int16) - after[y0:y1, x0:x1])
    return int((diff.max(axis=-1) > 8).sum()) >= 16


def make_case(page_path: str | Path, category: str | None, seed: int, out_dir: str | Path,
              name: str | None = None, *, width: int = 1280, height: int = 800) -> Case | None:
    """Build and save one case; None when the page offers nothing to break in this way."""
    page_path, out_dir = Path(page_path), Path(out_dir)
    image, info, html = render_case(page_path, category, seed, width=width, height=height)
    if category is not None and ("error" in info or "box" not in info):
        return None
    name = name or f"{page_path.stem}-{category or 'clean'}-{seed}"
    out_dir.mkdir(parents=True, exist_ok=True)
    for asset in page_path.parent.iterdir():  # relative images the page refers to
        if asset.suffix.lower() in (".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp") and asset.stem != page_path.stem \
                and not (out_dir / asset.name).exists() and asset.stat().st_size < 5_000_000 and "placeholder" in asset.name:
            shutil.copy(asset, out_dir / asset.name)
    png, htm = out_dir / f"{name}.png", out_dir / f"{name}.html"
    write_png(png, image)
    write_text(htm, html)
    box = None
    if category is not None:
        x, y, w, h = info["box"]
        x0, y0 = max(0.0, x), max(0.0, y)
        x1, y1 = min(float(width), x + w), min(float(height), y + h)
        box = [int(round(x0)), int(round(y0)), int(round(x1 - x0)), int(round(y1 - y0))]
    return Case(name, str(page_path), category, box, str(info.get("note", "")), str(png), str(htm), [width, height])


def save_index(cases: list[Case], out_dir: str | Path) -> Path:
    return write_json(Path(out_dir) / "cases.json", [asdict(c) for c in cases])


def load_index(out_dir: str | Path) -> list[Case]:
    return [Case(**d) for d in json.loads((Path(out_dir) / "cases.json").read_text(encoding="utf-8"))]
