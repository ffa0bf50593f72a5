"""Mockup to code, end to end: load -> analyse -> generate -> render -> compare -> refine -> files.

The offline engine (layout backend) lives here; model backends plug into the same render-compare
loop through `codegen.model_convert`.
"""
from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

import numpy as np

from codegen.emit.html import HtmlEmitter
from codegen.emit.stacks import to_stack
from codegen.emit.style import Tweaks
from codegen.refine import next_tweaks
from codegen.render import RenderResult, get_renderer
from vision.analysis import Analysis, analyze
from vision.compare import Scores, blocks_from_dom, blocks_from_ocr, fidelity_scores, heatmap, side_by_side
from vision.compare.colorspace import preload as preload_scores
from vision.files import write_png, write_text
from vision.ocr import warm_up as warm_ocr

Progress = Callable[[float, str], None]
# refinement stops when a round raises `overall + visual / 2` by less than this (scores are
# reported to three decimals; later rounds gain less than earlier ones)
MIN_GAIN = 0.002


@dataclass
class ConvertResult:
    """One conversion: the code, where it went, its report and the pictures to show."""

    html: str
    out_html: Path
    report: dict[str, Any]
    render: np.ndarray | None
    heatmap: np.ndarray | None
    side_by_side: np.ndarray | None
    assets: list[Path] = field(default_factory=list)
    code: str = ""            # the code in the requested stack (html, tailwind or react)
    code_path: Path | None = None
    text_boxes: list[dict] = field(default_factory=list)   # the kept render's DOM text boxes
    mockup_blocks: list = field(default_factory=list)      # the mockup's OCR text blocks (TextBlock)


class AssetWriter:
    """Writes cropped images once into `<stem>_files/` beside the page; returns relative URLs."""

    def __init__(self, out_html: Path) -> None:
        self.dir = out_html.parent / f"{out_html.stem}_files"
        self.rel = self.dir.name
        self.written: dict[str, str] = {}
        self.paths: list[Path] = []

    def __call__(self, name: str, pixels: np.ndarray | Callable[[], np.ndarray]) -> str:
        if name not in self.written:
            path = self.dir / name
            write_png(path, pixels() if callable(pixels) else pixels)
            self.paths.append(path)
            from urllib.parse import quote

            self.written[name] = f"{quote(self.rel)}/{quote(name)}"
        return self.written[name]


def _noop(frac: float, msg: str) -> None:
    return None


def warm_up() -> None:
    """Start the browser and the OCR engine in the background: they load while the caller reads
    its input and while each other loads (together about 3 s of a cold start)."""
    get_renderer().start()
    warm_ocr(then=preload_scores)


def render_page(html: str, out_html: Path, width: int, height: int) -> RenderResult:
    return get_renderer().render(html, path=out_html, width=width, height=height, full_page=True,
                                 timeout_s=20.0, javascript=False)


def score_render(mockup: np.ndarray, mockup_blocks, res: RenderResult) -> Scores:
    render_img = res.image if res.image is not None else np.full_like(mockup, 255)
    return fidelity_scores(mockup, render_img, mockup_blocks, blocks_from_dom(res.text_boxes))


def convert_image(image: np.ndarray, out_html: str | Path, *, stack: str = "html", refine: int = 2,
                  backend: Any = None, progress: Progress | None = None, regions: bool = False,
                  name: str | None = None, write_extras: bool = True) -> ConvertResult:
    """Convert one RGB mockup into code written at `out_html` (plus its image folder).

    `backend` None or "layout" runs the offline engine; a model backend object is handed to
    `codegen.model_convert`. Returns the report described in DESIGN.md.
    """
    out_html = Path(out_html)
    progress = progress or _noop
    if backend is not None and getattr(backend, "name", "layout") != "layout":
        from codegen.model_convert import convert_with_model

        return convert_with_model(image, out_html, backend, stack=stack, refine=refine, regions=regions,
                                  progress=progress, name=name, write_extras=write_extras)
    t_start = time.perf_counter()
    warm_up()
    stages: dict[str, float] = {}
    h, w = image.shape[:2]
    progress(0.05, "reading text (OCR)")
    analysis = analyze(image)
    stages.update(analysis.seconds)
    mockup_blocks = blocks_from_ocr(analysis.ocr, image)
    assets = AssetWriter(out_html)
    tweaks = Tweaks()
    rounds: list[dict] = []
    best: tuple[float, str, RenderResult, Scores, int] | None = None
    for rnd in range(refine + 1):
        progress(0.3 + 0.6 * rnd / (refine + 1), "generating code" if rnd == 0 else f"refining (round {rnd})")
        t = time.perf_counter()
        emitter = HtmlEmitter(analysis, image, assets, tweaks, title=name or out_html.stem)
        html = emitter.emit()
        stages["generate"] = stages.get("generate", 0.0) + time.perf_counter() - t
        t = time.perf_counter()
        res = render_page(html, out_html, w, h)
        stages["render"] = stages.get("render", 0.0) + time.perf_counter() - t
        t = time.perf_counter()
        sc = score_render(image, mockup_blocks, res)
        stages["compare"] = stages.get("compare", 0.0) + time.perf_counter() - t
        rounds.append({"round": rnd, "scores": _round(sc.as_dict())})
        key = sc.overall + 0.5 * sc.visual
        gain = key - best[0] if best is not None else 1.0
        if best is None or key > best[0] + 1e-6:
            best = (key, html, res, sc, rnd)
        if rnd > 0 and gain < MIN_GAIN:
            break  # stopped improving: a round that gains this little is not worth another render
        if rnd < refine:
            t = time.perf_counter()
            new_tweaks = next_tweaks(analysis, emitter, res.text_boxes, tweaks)
            stages["refine"] = stages.get("refine", 0.0) + time.perf_counter() - t
            if new_tweaks == tweaks:
                break  # the render already matches what refinement measures: nothing to correct
            tweaks = new_tweaks
    assert best is not None
    _, html, res, sc, best_round = best
    progress(0.92, "writing files")
    t = time.perf_counter()
    code, code_path = to_stack(html, stack, out_html)
    write_text(out_html, html)
    if code_path is not None and code_path != out_html:
        write_text(code_path, code)
    render_img = res.image if res.image is not None else np.full_like(image, 255)
    heat = heatmap(image, render_img)
    sbs = side_by_side(image, render_img, heat)
    if write_extras:
        write_png(out_html.with_name(out_html.stem + ".side-by-side.png"), sbs)
    stages["write"] = time.perf_counter() - t
    report = {
        "input": name or "",
        "output": str(out_html),
        "backend": "layout",
        "stack": stack,
        "seconds": round(time.perf_counter() - t_start, 3),
        "stages": {k: round(v, 3) for k, v in stages.items()},
        "scores": _round(sc.as_dict()),
        "quality": {"abs_frac": round(float(res.abs_frac), 4), "mobile_ok": bool(res.mobile_ok),
                    "image_frac": round(image_fraction(analysis), 4)},
        "rounds": rounds,
        "best_round": best_round,
        "size": [w, h],
        "render_errors": res.errors[:5],
    }
    progress(1.0, "done")
    return ConvertResult(html, out_html, report, render_img, heat, sbs, assets.paths, code or html, code_path,
                         res.text_boxes, mockup_blocks)


def image_fraction(analysis: Analysis) -> float:
    """Share of the page's area drawn by pictures cropped from the mockup (a companion to
    `visual`: cropped pixels reproduce themselves exactly)."""
    mask = np.zeros((analysis.height, analysis.width), bool)
    for n in analysis.root.walk():
        if n.kind == "image" or (n.kind == "box" and n.image):
            x, y, w, h = n.box
            mask[y:y + h, x:x + w] = True
    return float(mask.mean()) if mask.size else 0.0


def _round(d: dict[str, float]) -> dict[str, float]:
    return {k: round(float(v), 4) for k, v in d.items()}
