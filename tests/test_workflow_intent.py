"""Step intents from a model: key-frame chunks go to a real OpenAI-compatible server on loopback;
its sentences land in workflow.json, the guide and the script; a dead server costs only intents."""
from __future__ import annotations

import json
import re
import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from codegen.backends import get_backend
from codegen.workflow import write_outputs
from codegen.workflow.intent import chunk_times, name_intents
from vision.video.steps import Step, Workflow
from workflow_media import BUTTON, FIELD, make_video


class _ChatServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.requests: list[dict] = []


class _Handler(BaseHTTPRequestHandler):
    def log_message(self, *a) -> None:
        pass

    def do_POST(self) -> None:
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        self.server.requests.append(body)
        text = json.dumps(body["messages"])
        n = re.search(r"Step (\d+) of the recording", text).group(1)
        reply = {"choices": [{"message": {"role": "assistant", "content": f' "Intent of step {n}."\n'}}]}
        data = json.dumps(reply).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)


@pytest.fixture()
def server():
    srv = _ChatServer()
    th = threading.Thread(target=srv.serve_forever, daemon=True)
    th.start()
    yield srv
    srv.shutdown()
    srv.server_close()


@pytest.fixture(scope="module")
def video(tmp_path_factory) -> Path:
    return make_video(tmp_path_factory.mktemp("vid") / "login.mp4", seconds=2.0, fps=10, size=(320, 200))


def _wf(video: Path) -> Workflow:
    return Workflow(str(video), 2.0, 320, 200, [
        Step(0, "type", 0.2, 0.6, "Email", "a@b.c", FIELD, False, None, 0.2, "textbox"),
        Step(1, "click", 1.0, 1.1, "Sign in", None, BUTTON, True, None, 1.0, "button"),
    ])


def test_intents_from_a_loopback_server(server, video, tmp_path):
    backend = get_backend("openai", "test-vlm", f"http://127.0.0.1:{server.server_port}/v1")
    intents, warnings = name_intents(_wf(video), video, backend)
    assert warnings == []
    assert intents == {0: "Intent of step 1.", 1: "Intent of step 2."}
    assert len(server.requests) == 2
    for req in server.requests:
        assert req["model"] == "test-vlm"
        parts = req["messages"][1]["content"]
        images = [p for p in parts if p["type"] == "image_url"]
        assert len(images) == 3 and all(p["image_url"]["url"].startswith("data:image/") for p in images)
    folder = write_outputs(_wf(video), video, tmp_path, intents=intents)
    data = json.loads((folder / "workflow.json").read_text())
    assert [s.get("intent") for s in data["steps"]] == ["Intent of step 1.", "Intent of step 2."]
    assert "Intent: Intent of step 2." in (folder / "workflow.md").read_text()
    assert "#    intent: Intent of step 1." in (folder / "script.py").read_text()


def test_dead_server_costs_only_the_intents(video, monkeypatch):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    monkeypatch.setenv("V2C_RETRIES", "0")
    backend = get_backend("openai", "m", f"http://127.0.0.1:{port}/v1")
    intents, warnings = name_intents(_wf(video), video, backend)
    assert intents == {}
    assert warnings and "intent not named" in warnings[0]


def test_offline_backend_and_chunk_times(video):
    assert name_intents(_wf(video), video, get_backend("layout")) == ({}, [])
    s = Step(0, "click", 0.2, 0.3, "x", None, None, False, None, 0.25, None)
    assert chunk_times(s, 2.0) == [0.0, 0.25, 0.9]


def test_batch_task_names_intents_and_survives_a_bad_backend(server, tmp_path, monkeypatch):
    """process_video with a model backend: intents when the server answers; a backend that cannot
    even be set up costs the intents only (a warning), never the video."""
    from app.batch import process_video
    from workflow_media import make_counter_video

    video = make_counter_video(tmp_path / "rec.mp4", seconds=3.0)
    opts = {"backend": "openai", "model": "m", "base_url": f"http://127.0.0.1:{server.server_port}/v1"}
    res = process_video(str(video), str(tmp_path / "out"), "rec", opts)
    assert res["status"] == "done" and res["warnings"] == []
    bad = process_video(str(video), str(tmp_path / "out2"), "rec", {"backend": "openai", "base_url": "ftp://nope"})
    assert bad["status"] == "done" and "no intents" in bad["warnings"][0]
