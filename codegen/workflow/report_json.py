"""workflow.json: the fixed contract of DESIGN.md, plus additive fields other tools may use.

Contract keys: video, duration, steps[index, action, t_start, t_end, target, value, bbox,
navigates, frame]. Additions (never renamed or removed): width, height, and per step role,
frame_time and, when a model named it, intent.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

from vision.video.steps import ACTIONS, Workflow


def _num(x: float) -> float:
    return round(float(x), 3)


def workflow_to_json(wf: Workflow, intents: dict[int, str] | None = None) -> dict[str, Any]:
    """The JSON object for one workflow; `frame` paths are relative to the workflow's folder."""
    steps = []
    for s in wf.steps:
        if s.action not in ACTIONS:
            raise ValueError(f"step {s.index}: unknown action {s.action!r}")
        d: dict[str, Any] = {
            "index": int(s.index),
            "action": s.action,
            "t_start": _num(s.t_start),
            "t_end": _num(s.t_end),
            "target": s.target or "",
            "value": s.value,
            "bbox": [int(v) for v in s.bbox] if s.bbox is not None else None,
            "navigates": bool(s.navigates),
            "frame": s.frame,
            "frame_time": _num(s.frame_time),
            "role": s.role,
        }
        if intents and intents.get(s.index):
            d["intent"] = intents[s.index]
        steps.append(d)
    return {
        "video": Path(wf.video).name,
        "duration": _num(wf.duration),
        "width": int(wf.width),
        "height": int(wf.height),
        "steps": steps,
    }
