"""workflow.md: a readable guide, numbered steps with timestamps and boxed key-frame thumbnails."""
from __future__ import annotations

from pathlib import Path

from codegen.workflow.describe import describe, fmt_time
from vision.video.steps import Workflow


def _esc(text: str) -> str:
    return text.replace("|", "\\|").replace("<", "&lt;").replace(">", "&gt;")


def workflow_markdown(wf: Workflow, *, thumbs: dict[int, str] | None = None,
                      intents: dict[int, str] | None = None) -> str:
    """The guide; `thumbs` maps step index to a thumbnail path relative to the guide, and the step's
    `frame` (full resolution) is the thumbnail's link target."""
    thumbs = thumbs or {}
    intents = intents or {}
    name = Path(wf.video).name
    lines = [f"# Workflow: {_esc(name)}", "",
             f"Recording `{name}`, {fmt_time(wf.duration)} long, {wf.width}x{wf.height} px; "
             f"{len(wf.steps)} step{'s' if len(wf.steps) != 1 else ''} found.", ""]
    if not wf.steps:
        lines += ["No interaction was detected in this recording.", ""]
    for n, s in enumerate(wf.steps, 1):
        when = fmt_time(s.t_start) if abs(s.t_end - s.t_start) < 0.05 else f"{fmt_time(s.t_start)}-{fmt_time(s.t_end)}"
        lines.append(f"{n}. **{_esc(describe(s))}** ({when})")
        if intents.get(s.index):
            lines.append(f"   - Intent: {_esc(intents[s.index])}")
        if s.bbox is not None:
            x, y, w, h = s.bbox
            lines.append(f"   - Target box: x={x}, y={y}, {w}x{h} px")
        if s.index in thumbs:
            img = f"![Step {n}: {_esc(describe(s))}]({thumbs[s.index]})"
            lines.append(f"\n   [{img}]({s.frame})" if s.frame else f"\n   {img}")
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"
