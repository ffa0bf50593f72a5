"""The "Mockup to code" tab: upload or paste a mockup, get code, a sandboxed preview, the render
beside the mockup, a difference heat-map, the scores and a zip of the page with its images.

It runs the same pipeline as `v2c convert` (codegen.pipeline.convert_image) in this process; the
backend comes from the V2C_* environment variables (the settings panel sets them), the offline
layout engine when none is set.
"""
from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path
from typing import Any

import cv2
import gradio as gr
import numpy as np

from app.web.runs import new_run_dir
from app.web.sandbox import FIT_JS, inline_assets, sandboxed_iframe
from vision.files import write_bytes

EXAMPLES_DIR = Path(__file__).resolve().parents[2] / "assets" / "examples"
STACKS = ["html", "tailwind", "react"]
CODE_LANGUAGE = {"html": "html", "tailwind": "html", "react": "javascript"}
SHOW_MAX_WIDTH = 1800
SCORE_ROWS = [("overall", "text blocks: mean of block, text, position, color"), ("block", "matched text area"),
              ("text", "text similarity"), ("position", "text block positions"), ("color", "text colours"),
              ("visual", "bars, cards, images, backgrounds"), ("ssim", "structural similarity")]


def safe_stem(path: str | Path | None) -> str:
    """A file-name stem from the upload's name (letters of any script, digits, - and _)."""
    stem = re.sub(r"[^\w-]+", "-", Path(str(path or "")).stem, flags=re.U).strip("-_")
    return stem[:60] or "mockup"


def _shrink(img: np.ndarray | None, max_width: int = SHOW_MAX_WIDTH) -> np.ndarray | None:
    """A picture no wider than `max_width` (browsers choke on 6000-px-wide images)."""
    if img is None or img.shape[1] <= max_width:
        return img
    s = max_width / img.shape[1]
    return cv2.resize(img, (max_width, max(1, round(img.shape[0] * s))), interpolation=cv2.INTER_AREA)


def scores_markdown(report: dict[str, Any]) -> str:
    """The scores, code-quality figures and timing of a report, as a Markdown table."""
    sc = report.get("scores", {})
    rows = ["| score | value |", "| --- | --- |"]
    rows += [f"| <span title='{what}'>**{k}**</span> | {float(sc[k]):.3f} |" for k, what in SCORE_ROWS if k in sc]
    q = report.get("quality", {})
    if q:
        rows.append(f"| <span title='share of absolutely positioned elements'>abs_frac</span> | "
                    f"{float(q.get('abs_frac', 0)):.3f} |")
        rows.append(f"| <span title='fits a 390-px phone screen'>mobile_ok</span> | "
                    f"{'yes' if q.get('mobile_ok') else 'no'} |")
    rounds = report.get("rounds") or []
    tail = f"{len(rounds)} render(s), {float(report.get('seconds', 0)):.1f} s"
    if "best_round" in report:
        tail += f", best round {report['best_round']}"
    return "\n".join(rows) + f"\n\n{tail}"


def zip_result(result: Any, dest: Path) -> Path:
    """A zip of the page, its code in the chosen stack, its image folder and the side-by-side picture."""
    out_html = Path(result.out_html)
    files = [out_html]
    if getattr(result, "code_path", None) and Path(result.code_path) != out_html:
        files.append(Path(result.code_path))
    asset_dir = out_html.parent / f"{out_html.stem}_files"
    if asset_dir.is_dir():
        files += sorted(p for p in asset_dir.rglob("*") if p.is_file())
    files += [p for p in [out_html.with_name(out_html.stem + ".side-by-side.png")] if p.is_file()]
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for p in files:
            if p.is_file():
                zf.write(p, p.relative_to(out_html.parent).as_posix())
    return write_bytes(dest, buf.getvalue())


def _backend():
    """The backend the settings panel chose (V2C_* variables; the key's variable named by V2C_API_KEY_ENV)."""
    from codegen.backends import BackendError, get_backend

    try:
        return get_backend()
    except BackendError as exc:
        raise gr.Error(f"Model backend: {exc}") from None


def upload_source(value: Any) -> tuple[str | bytes, str] | None:
    """(file path or bytes, original name) of the image component's raw value, None when empty.

    The event runs with preprocess=False, so that an upload Pillow cannot open reaches our own
    loader (EXIF, alpha, 16-bit, CMYK, size guard) and its one-line errors, not Gradio's.
    """
    if not value:
        return None
    if isinstance(value, str):
        return value, Path(value).name
    if isinstance(value, dict):
        name = value.get("orig_name") or Path(str(value.get("path") or "image")).name
        if value.get("path"):
            return str(value["path"]), name
        url = value.get("url") or ""
        if url.startswith("data:") and "," in url:
            import base64
            import binascii

            try:
                return base64.b64decode(url.split(",", 1)[1], validate=False), name
            except (binascii.Error, ValueError):
                raise gr.Error("The pasted image could not be decoded.") from None
    return None


def convert(value: Any, rounds: float, stack: str, progress: gr.Progress = gr.Progress()):
    """Gradio handler: the uploaded mockup to (code, preview, side-by-side, heat-map, scores, report, zip)."""
    from vision.load import ImageError, load_image

    src = upload_source(value)
    if src is None:
        raise gr.Error("Upload or paste a mockup image first.")
    source, name = src
    stack = stack if stack in STACKS else "html"
    try:
        image = load_image(source, name=name)
    except ImageError as exc:
        raise gr.Error(str(exc).replace(str(source), name) if isinstance(source, str) else str(exc)) from None
    except (OSError, ValueError) as exc:
        raise gr.Error(f"Could not read the image: {str(exc).splitlines()[0] if str(exc) else type(exc).__name__}") from None
    stem = safe_stem(name)
    run_dir = new_run_dir("convert")
    backend = _backend()
    progress(0.0, desc="starting")

    def report_progress(frac: float, msg: str) -> None:
        progress(max(0.0, min(1.0, float(frac))), desc=msg)

    from codegen.pipeline import convert_image

    try:
        result = convert_image(image, run_dir / f"{stem}.html", stack=stack, refine=int(rounds), backend=backend,
                               progress=report_progress, name=stem)
    except gr.Error:
        raise
    except Exception as exc:  # one line for the person, not a traceback
        msg = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise gr.Error(f"Conversion failed: {msg}") from None
    archive = zip_result(result, run_dir / f"{stem}.zip")
    preview = sandboxed_iframe(inline_assets(result.html, Path(result.out_html).parent), page_width=image.shape[1],
                               page_height=result.render.shape[0] if result.render is not None else None)
    code = result.code or result.html
    return (gr.Code(value=code, language=CODE_LANGUAGE.get(stack, "html")), preview,
            _shrink(result.side_by_side), _shrink(result.heatmap, 1200), scores_markdown(result.report),
            result.report, str(archive))


def build_tab() -> None:
    """The tab's components and events (called inside `with gr.Tab(...)`)."""
    gr.Markdown("Upload or paste a picture of a page or app screen (a mockup or a screenshot, up to 4K "
                "or a full-page capture). The code is rendered in Chromium and scored against it.")
    with gr.Row():
        with gr.Column(scale=3):
            image = gr.Image(label="Mockup", type="filepath", image_mode=None, sources=["upload", "clipboard"],
                             elem_id="v2c-convert-input", height=380)
        with gr.Column(scale=2):
            rounds = gr.Slider(0, 5, value=2, step=1, label="Refine rounds", elem_id="v2c-convert-rounds",
                               info="render, compare and correct up to this many times")
            stack = gr.Radio(STACKS, value="html", label="Stack", elem_id="v2c-convert-stack")
            run = gr.Button("Convert", variant="primary", elem_id="v2c-convert-run")
            scores = gr.Markdown(elem_id="v2c-convert-scores")
            download = gr.File(label="Download (zip: page, code, images)", elem_id="v2c-convert-download",
                               interactive=False, height=90)
    examples = sorted(str(p) for p in EXAMPLES_DIR.glob("*.png")) if EXAMPLES_DIR.is_dir() else []
    if examples:
        gr.Examples(examples=[[p] for p in examples], inputs=[image], label="Examples", examples_per_page=8)
    with gr.Row(equal_height=False):
        with gr.Column(scale=1):
            gr.Markdown("**Preview** (sandboxed: no scripts, no access to this app)")
            preview = gr.HTML(elem_id="v2c-convert-preview", js_on_load=FIT_JS,
                              value="<div style='color:#667085;padding:1em'>The preview appears here.</div>")
        with gr.Column(scale=1):
            code = gr.Code(label="Code", language="html", elem_id="v2c-convert-code", lines=24, max_lines=34,
                           interactive=False)
    sbs = gr.Image(label="Mockup | render | difference", show_label=False, elem_id="v2c-convert-side-by-side",
                   interactive=False,
                   format="jpeg", buttons=["download", "fullscreen"])
    with gr.Row():
        heat = gr.Image(label="Difference heat-map (cells whose colour differs; red = most)",
                        elem_id="v2c-convert-heatmap", interactive=False, format="jpeg",
                        buttons=["download", "fullscreen"])
        with gr.Accordion("Report (JSON)", open=False):
            report = gr.JSON(elem_id="v2c-convert-report")
    run.click(convert, inputs=[image, rounds, stack], outputs=[code, preview, sbs, heat, scores, report, download],
              concurrency_limit=1, concurrency_id="v2c-convert", preprocess=False)
