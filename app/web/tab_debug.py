"""The "Screenshot debugging" tab: upload a screenshot (and optionally its HTML), see the defects
boxed on the picture, a table of issues (select a row to highlight its box), the Markdown report
and downloads. Same pipeline as `v2c debug` (codegen.debug.pipeline)."""
from __future__ import annotations

import json
import os
from pathlib import Path

import gradio as gr
import numpy as np

from app.web.runs import new_run_dir
from codegen.debug.pipeline import DebugInputError, analyse
from codegen.debug.report import annotate, to_json, to_markdown
from vision.defects.issue import Issue
from vision.files import write_png, write_text
from vision.load import ImageError, load_image

HEADERS = ["#", "severity", "category", "source", "where (x, y, w, h)", "what", "fix"]


def _backend(use_model: bool):
    if not use_model or (os.environ.get("V2C_BACKEND") or "layout") == "layout":
        return None
    from codegen.backends import get_backend

    return get_backend()


def _rows(issues: list[Issue]) -> list[list]:
    return [[n, i.severity, i.category, i.source + (" + " + ", ".join(i.confirmed_by) if i.confirmed_by else ""),
             ", ".join(map(str, i.bbox)), i.message, i.fix] for n, i in enumerate(issues, 1)]


def run(image_path: str | None, html_file: str | None, use_model: bool):
    """(annotated picture, table rows, Markdown, download paths, state) for one upload."""
    if not image_path:
        raise gr.Error("Upload a screenshot first.")
    try:
        img = load_image(image_path)
    except (ImageError, OSError) as exc:
        raise gr.Error(str(exc).splitlines()[0] if str(exc) else "cannot read that image")
    html = html_file if html_file else None
    if html and Path(html).suffix.lower() not in (".html", ".htm"):
        raise gr.Error("The page must be an .html file.")
    name = Path(image_path).name
    try:
        res = analyse(img, name, html=html, backend=_backend(use_model))
    except DebugInputError as exc:
        raise gr.Error(str(exc))
    except Exception as exc:
        raise gr.Error(f"debugging failed: {str(exc).splitlines()[0] if str(exc) else type(exc).__name__}")
    out = new_run_dir("debug")
    annotated = annotate(img, res.issues)
    pic = write_png(out / "annotated.png", annotated)
    md_text = to_markdown(name, res.size, res.issues, "annotated.png", res.notes)
    md = write_text(out / "report.md", md_text)
    js = write_text(out / "issues.json", json.dumps(to_json(name, res.size, res.issues), indent=2, ensure_ascii=False))
    state = {"image": image_path, "issues": [i.to_json() | {"score": i.score} for i in res.issues]}
    shown = to_markdown(name, res.size, res.issues, None, res.notes)
    return annotated, _rows(res.issues), shown, [str(pic), str(js), str(md)], state


def highlight(state: dict | None, evt: gr.SelectData) -> np.ndarray | None:
    """Redraw the picture with the selected row's box emphasised."""
    if not state:
        return None
    row = evt.index[0] if isinstance(evt.index, (list, tuple)) else evt.index
    issues = [Issue(**{k: v for k, v in d.items() if k in Issue.__dataclass_fields__}) for d in state["issues"]]
    return annotate(load_image(state["image"]), issues, highlight=int(row))


def build_tab() -> None:
    gr.Markdown("Upload a screenshot of a user interface; add its HTML for DOM and accessibility checks. "
                "Select a row of the table to highlight that issue.")
    state = gr.State(None)
    with gr.Row():
        with gr.Column(scale=1):
            image = gr.Image(label="Screenshot", type="filepath", elem_id="v2c-debug-image")
            html = gr.File(label="Page HTML (optional)", file_types=[".html", ".htm"], type="filepath",
                           elem_id="v2c-debug-html")
            use_model = gr.Checkbox(label="Model review (uses the backend from Settings)", value=False,
                                    elem_id="v2c-debug-model")
            go = gr.Button("Find defects", variant="primary", elem_id="v2c-debug-run")
        with gr.Column(scale=2):
            annotated = gr.Image(label="Annotated", type="numpy", interactive=False, elem_id="v2c-debug-annotated")
    table = gr.Dataframe(headers=HEADERS, label="Issues", interactive=False, wrap=True, elem_id="v2c-debug-table")
    report = gr.Markdown(elem_id="v2c-debug-report")
    files = gr.File(label="Downloads", file_count="multiple", interactive=False, elem_id="v2c-debug-download")
    go.click(run, [image, html, use_model], [annotated, table, report, files, state])
    table.select(highlight, [state], [annotated])
