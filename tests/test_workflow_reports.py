"""The per-video reports: workflow.json shape, key frames with the target boxed, the Markdown
guide, and the Playwright script (compiles, and replays against a real page in Chromium)."""
from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from codegen.workflow import MARKER, is_complete, write_outputs
from codegen.workflow.frames import BOX_RGB
from vision.video.seek import iter_key_frames
from codegen.workflow.script import key_name, workflow_script
from vision.video.steps import Step, Workflow
from workflow_media import BUTTON, FIELD, make_video

CONTRACT_KEYS = {"index", "action", "t_start", "t_end", "target", "value", "bbox", "navigates", "frame"}


@pytest.fixture(scope="module")
def video(tmp_path_factory) -> Path:
    return make_video(tmp_path_factory.mktemp("vid") / "demo.mp4", seconds=2.0, fps=10, size=(640, 400))


def _workflow(video: Path) -> Workflow:
    b = [v * 2 for v in BUTTON]
    f = [v * 2 for v in FIELD]
    steps = [
        Step(0, "click", 0.3, 0.35, "Email", None, f, False, None, 0.3, "textbox"),
        Step(1, "type", 0.4, 0.7, "Email", 'ann "o\'hara"@x.org', f, False, None, 0.4, "textbox"),
        Step(2, "click", 1.0, 1.2, "Sign in", None, b, True, None, 1.0, "button"),
        Step(3, "scroll", 1.3, 1.5, "page", "-320", None, False, None, 1.3, None),
        Step(4, "key", 1.5, 1.55, "Email", "ctrl+a", None, False, None, 1.5, None),
        Step(5, "wait", 1.6, 1.9, "", "0.3", None, False, None, 1.6, None),
        Step(6, "drag", 1.9, 1.95, "Card one", "Done", [10, 10, 50, 20], False, None, 1.9, None),
    ]
    return Workflow(str(video), 2.0, 640, 400, steps)


def test_outputs_shape_frames_and_marker(video, tmp_path):
    wf = _workflow(video)
    folder = write_outputs(wf, video, tmp_path / "out")
    assert folder == tmp_path / "out" / "demo"
    assert is_complete(folder, video) and (folder / MARKER).is_file()
    data = json.loads((folder / "workflow.json").read_text())
    assert data["video"] == "demo.mp4" and data["duration"] == 2.0
    assert [s["action"] for s in data["steps"]] == ["click", "type", "click", "scroll", "key", "wait", "drag"]
    for s in data["steps"]:
        assert CONTRACT_KEYS <= set(s)
        assert s["frame"] == f"frames/step_{s['index'] + 1:03d}.png"
        assert (folder / s["frame"]).is_file()
    assert data["steps"][2]["navigates"] is True and data["steps"][2]["bbox"] == [v * 2 for v in BUTTON]
    assert data["steps"][1]["value"] == 'ann "o\'hara"@x.org'
    # the key frame is the full-resolution frame at the step's time, with the target boxed
    img = np.asarray(Image.open(folder / "frames/step_003.png").convert("RGB"))
    assert img.shape == (400, 640, 3)
    x, y, w, h = data["steps"][2]["bbox"]
    near = np.abs(img.astype(int) - BOX_RGB).sum(axis=2) < 90
    left = near[y:y + h, x - 10:x].mean(axis=0)  # the box's left edge, just outside the target
    assert left.max() > 0.9 and not near[y + 4:y + h - 4, x + 4:x + w - 4].any()
    # before the page change the frame shows the blue button; the original wf is not mutated
    assert img[y + h // 2, x + 12, 2] > 180
    assert wf.steps[0].frame is None
    # nothing left behind in the work area
    assert not any((tmp_path / "out" / ".v2c-work").iterdir())


def test_markdown_guide(video, tmp_path):
    folder = write_outputs(_workflow(video), video, tmp_path)
    md = (folder / "workflow.md").read_text()
    assert md.startswith("# Workflow: demo.mp4")
    assert '1. **Click "Email" textbox** (0:00.3-0:00.3)' in md or '1. **Click "Email" textbox**' in md
    assert '3. **Click "Sign in" button, which opens a new page**' in md
    assert "4. **Scroll up 320 px**" in md
    assert "6. **Wait 0.3 s**" in md
    for n in range(1, 8):
        assert f"(frames/step_{n:03d}_thumb.jpg)](frames/step_{n:03d}.png)" in md
        thumb = Image.open(folder / f"frames/step_{n:03d}_thumb.jpg")
        assert thumb.width == 480


def test_script_compiles_and_uses_role_selectors(video):
    src = workflow_script(_workflow(video))
    compile(src, "script.py", "exec")
    assert "page.get_by_role('button', name='Sign in').or_(page.get_by_text('Sign in', exact=True)).first.click()" in src
    assert "page.get_by_label('Email').or_(page.get_by_placeholder('Email')).first.click()" in src
    assert "page.wait_for_load_state()" in src
    assert "page.get_by_label('Email').or_(page.get_by_placeholder('Email')).first.fill(" in src
    assert "page.mouse.wheel(0, -320)" in src
    assert "page.keyboard.press('Control+a')" in src
    assert "page.wait_for_timeout(300)" in src
    assert ".drag_to(page.get_by_text('Done').first)" in src
    assert key_name("shift+tab") == "Shift+Tab" and key_name("enter") == "Enter"
    search = Workflow("s.mp4", 2.0, 640, 400, [Step(0, "key", 1.0, 1.1, "Search", "Enter", None, True, None, 1.0, None)])
    assert "page.keyboard.press('Enter')\n    page.wait_for_load_state()" in workflow_script(search)


def test_script_for_hostile_names_and_empty_workflow(tmp_path):
    evil = "x')\nimport os; os.system('echo pwned') #\"\"\""
    wf = Workflow("v.mp4", 1.0, 800, 600, [
        Step(0, "click", 0.1, 0.2, evil, None, None, False, None, 0.1, "button"),
        Step(1, "type", 0.3, 0.4, evil, evil, None, False, None, 0.3, None),
        Step(2, "click", 0.5, 0.6, "", None, [10, 20, 30, 40], False, None, 0.5, None),
    ])
    src = workflow_script(wf)
    tree = compile(src, "script.py", "exec", flags=0x400)  # ast.PyCF_ONLY_AST
    import ast

    calls = {n.func.attr for n in ast.walk(tree) if isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute)}
    assert "system" not in calls
    assert "page.mouse.click(25, 40)" in src
    compile(workflow_script(Workflow("v.mp4", 1.0, 800, 600, [])), "s.py", "exec")


PAGE = """<!doctype html><html><body style="margin:0;font-family:sans-serif">
<form action="done.html" method="get" style="padding:40px">
<label for="em">Email</label> <input id="em" name="em" placeholder="you@example.com">
<p><label><input type="checkbox" id="agree" name="agree"> I agree</label></p>
<div style="height:1500px"></div>
<button type="submit">Sign in</button></form></body></html>"""


def test_script_replays_against_a_real_page(tmp_path):
    """The generated replay() drives Chromium through the page the steps describe."""
    from codegen.render import get_renderer

    (tmp_path / "start.html").write_text(PAGE)
    (tmp_path / "done.html").write_text("<html><body><h1>Welcome</h1></body></html>")
    wf = Workflow("rec.mp4", 6.0, 800, 600, [
        Step(0, "click", 0.5, 0.6, "Email", None, [80, 40, 150, 20], False, None, 0.5, "textbox"),
        Step(1, "type", 0.8, 1.6, "Email", "ann@example.org", [80, 40, 150, 20], False, None, 0.8, "textbox"),
        Step(2, "click", 2.0, 2.1, "I agree", None, [40, 80, 80, 20], False, None, 2.0, "button"),  # misjudged role
        Step(3, "scroll", 2.5, 3.0, "page", "900", None, False, None, 2.5, None),
        Step(4, "wait", 3.0, 3.2, "", "0.2", None, False, None, 3.0, None),
        Step(5, "click", 3.5, 3.6, "Sign in", None, [40, 500, 80, 30], True, None, 3.5, "button"),
    ])
    ns: dict = {"__name__": "replay_test"}
    exec(compile(workflow_script(wf), "script.py", "exec"), ns)

    def run(browser):
        ctx = browser.new_context(viewport={"width": 800, "height": 600})
        try:
            page = ctx.new_page()
            page.set_default_timeout(5000)
            page.goto((tmp_path / "start.html").as_uri())
            checked: list = []
            page.on("framenavigated", lambda fr: None)
            ns["replay"](page)
            checked.append(page.url)
            checked.append(page.inner_text("h1"))
            return checked
        finally:
            ctx.close()

    url, heading = get_renderer().call(run)
    assert url.split("?")[0].endswith("done.html")
    assert "em=ann%40example.org" in url and "agree=on" in url
    assert heading == "Welcome"


def test_key_frames_one_pass_order_and_clamping(video):
    got = list(iter_key_frames(video, {"late": 5.0, "a": 0.0, "b": 1.05}))
    keys = [k for k, _, _ in got]
    assert keys == ["a", "b", "late"]
    times = {k: t for k, t, _ in got}
    assert times["a"] == 0.0 and times["b"] == pytest.approx(1.0, abs=1e-6)
    assert times["late"] == pytest.approx(1.9, abs=1e-6)


def test_key_frames_seek_to_the_right_frames(tmp_path):
    """Times far apart are reached by seeking, close ones by decoding on; each yields the frame
    shown at that time (its grey level encodes its index)."""
    from workflow_media import make_counter_video

    video = make_counter_video(tmp_path / "counter.mp4", seconds=12.0, fps=10, gop=15)
    times = {"a": 0.0, "b": 3.05, "c": 3.1, "d": 3.34, "e": 9.96, "f": 7.0, "past": 50.0}
    got = {k: (t, int(np.median(f[:20]))) for k, t, f in iter_key_frames(video, times)}
    expect = {"a": 0, "b": 30, "c": 31, "d": 33, "f": 70, "e": 99, "past": 119}
    for k, idx in expect.items():
        t, grey = got[k]
        assert t == pytest.approx(idx / 10, abs=1e-6), k
        assert abs(grey - 2 * idx) <= 3, (k, grey)
    small = next(iter_key_frames(video, {"x": 5.0}, max_side=32))[2]
    assert small.shape == (24, 32, 3)
