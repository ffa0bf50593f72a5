"""The "Video to workflow" tab: upload recordings, watch progress, read each video's steps,
key frames and guide, download everything as one zip.

It runs the same batch task as `v2c workflow` (app.batch), in this process, one video after the
other; the model backend, when one is configured, comes from the V2C_* environment variables.
"""
from __future__ import annotations

import json
import os
from pathlib import Path

from app.batch import VIDEO_EXTS, run_batch, zip_outputs
from app.web.runs import new_run_dir
from codegen.workflow.describe import describe, fmt_time
from vision.video.steps import Step

HEADERS = ["#", "time", "action", "target", "value", "new page", "intent"]


def _options() -> dict:
    return {"backend": os.environ.get("V2C_BACKEND") or "layout", "model": os.environ.get("V2C_MODEL"),
            "base_url": os.environ.get("V2C_BASE_URL")}


def load_view(out_dir: str | Path, stem: str) -> tuple[list[list], list[tuple[str, str]], str]:
    """(steps table rows, gallery items, guide Markdown) of one finished video."""
    folder = Path(out_dir) / stem
    try:
        data = json.loads((folder / "workflow.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return [], [], f"No workflow for `{stem}`."
    rows, gallery = [], []
    for n, s in enumerate(data.get("steps", []), 1):
        step = Step(**{k: s.get(k) for k in ("index", "action", "t_start", "t_end", "target", "value", "bbox",
                                             "navigates", "frame", "frame_time", "role")})
        rows.append([n, fmt_time(s["t_start"]), s["action"], s.get("target") or "", s.get("value") or "",
                     "yes" if s.get("navigates") else "", s.get("intent") or ""])
        if s.get("frame") and (folder / s["frame"]).is_file():
            gallery.append((str(folder / s["frame"]), f"{n}. {describe(step)} ({fmt_time(s['t_start'])})"))
    md = (folder / "workflow.md").read_text(encoding="utf-8") if (folder / "workflow.md").is_file() else ""
    guide = "\n".join(line for line in md.splitlines() if "](frames/" not in line)
    return rows, gallery, guide


def _status_md(results: list[dict]) -> str:
    if not results:
        return "No recording found in the upload."
    lines = ["| video | result | steps | seconds |", "| --- | --- | --- | --- |"]
    for r in results:
        name = Path(r["video"]).name.replace("|", "\\|")
        if r["status"] == "failed":
            err = (r.get("error") or "").replace(str(r["video"]), name).replace("|", "\\|")
            lines.append(f"| {name} | failed: {err} | | |")
        else:
            lines.append(f"| {name} | {r['status']} | {r.get('steps') if r.get('steps') is not None else ''} "
                         f"| {r.get('seconds', 0):.1f} |")
    return "\n".join(lines)


def process_uploads(files: list | None, progress=None) -> tuple[str, list[str], str | None, str | None, str | None]:
    """Run the batch on uploaded files: (status Markdown, finished stems, first stem, output dir, zip path)."""
    paths = [str(getattr(f, "name", f)) for f in (files or []) if f]
    if not paths:
        return "Upload one or more screen recordings first.", [], None, None, None
    run_dir = new_run_dir("workflow")
    out = run_dir / "workflows"
    finished: list[str] = []
    total = len(paths)

    def on_result(r: dict) -> None:
        finished.append(r["stem"])
        if progress is not None:
            progress(min(1.0, len(finished) / total), desc=f"{len(finished)}/{total} videos")

    def on_progress(stem: str, value: float | None) -> None:
        if progress is not None and value is not None:
            progress(min(1.0, (len(finished) + value) / total), desc=f"{stem}: {int(value * 100)}%")

    results = run_batch(paths, out, jobs=1, engine="local", quiet=True, options=_options(),
                        on_result=on_result, on_progress=on_progress)
    ok = [r["stem"] for r in results if r["status"] in ("done", "skipped")]
    zip_path = str(zip_outputs(out, ok, run_dir / "workflows.zip")) if ok else None
    return _status_md(results), ok, (ok[0] if ok else None), str(out), zip_path


def build_tab() -> None:
    """The tab's components and events; call inside `with gr.Tab(...)`."""
    import gradio as gr

    gr.Markdown("Upload screen recordings of someone using a web app. For each you get the steps taken "
                "(click, type, scroll, drag, key, wait) with timestamps, key frames with the target boxed, "
                "a Markdown guide and a Playwright script draft.")
    with gr.Row():
        upload = gr.File(label="Screen recordings", file_count="multiple", file_types=sorted(VIDEO_EXTS),
                         elem_id="v2c-workflow-upload", scale=2)
        with gr.Column(scale=1):
            run = gr.Button("Find the steps", variant="primary", elem_id="v2c-workflow-run")
            zip_file = gr.File(label="Everything (zip)", interactive=False, elem_id="v2c-workflow-zip")
    status = gr.Markdown(elem_id="v2c-workflow-status")
    pick = gr.Dropdown(label="Video", choices=[], interactive=True, elem_id="v2c-workflow-pick")
    table = gr.Dataframe(headers=HEADERS, interactive=False, wrap=True, elem_id="v2c-workflow-steps")
    gallery = gr.Gallery(label="Key frames", columns=4, height=420, preview=False, object_fit="contain",
                         elem_id="v2c-workflow-frames")
    guide = gr.Markdown(elem_id="v2c-workflow-guide")
    out_state = gr.State(None)

    def on_run(files, progress=gr.Progress()):
        msg, stems, first, out, zip_path = process_uploads(files, progress)
        rows, frames, md = load_view(out, first) if first else ([], [], "")
        return (msg, gr.update(choices=stems, value=first), rows, frames, md, zip_path, out)

    def on_pick(stem, out):
        if not stem or not out:
            return [], [], ""
        return load_view(out, stem)

    run.click(on_run, inputs=[upload], outputs=[status, pick, table, gallery, guide, zip_file, out_state])
    pick.input(on_pick, inputs=[pick, out_state], outputs=[table, gallery, guide])
