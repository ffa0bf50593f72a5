"""End to end on a generated recording (bench/record_cases.py): Chromium pages, a drawn cursor,
real clicks, typing and a navigation, encoded with PyAV; then the per-video task detects the
steps and writes every report, as `v2c workflow` does."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from app.batch import process_video
from codegen.workflow import MARKER

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.slow
def test_generated_recording_to_reports(tmp_path):
    sys.path.insert(0, str(ROOT))
    from bench.record_cases import record

    video = tmp_path / "search flow.mp4"
    truth = record(video, ["search"], width=960, height=600, fps=15, seed=5)
    out = tmp_path / "out"
    res = process_video(str(video), str(out), "search flow")
    assert res["status"] == "done", res
    folder = out / "search flow"
    assert (folder / MARKER).is_file()
    data = json.loads((folder / "workflow.json").read_text())
    assert data["video"] == "search flow.mp4" and data["width"] == 960 and data["height"] == 600
    assert abs(data["duration"] - truth.duration) < 0.5
    steps = data["steps"]
    assert steps and res["steps"] == len(steps)
    for s in steps:
        assert (folder / s["frame"]).is_file()
        assert 0 <= s["t_start"] <= s["t_end"] <= data["duration"] + 0.5
    # the detected steps line up with what was done (same action within 1 s) for most of them
    matched = sum(any(t.action == s["action"] and abs(t.t_start - s["t_start"]) <= 1.0 for t in truth.steps)
                  for s in steps)
    assert matched >= 0.6 * len(truth.steps)
    typed = [s for s in steps if s["action"] == "type"]
    assert typed and all(f".fill({s['value']!r})" in (folder / "script.py").read_text() for s in typed)
    compile((folder / "script.py").read_text(), "script.py", "exec")
    md = (folder / "workflow.md").read_text()
    assert md.count("_thumb.jpg)](frames/step_") == len(steps)
