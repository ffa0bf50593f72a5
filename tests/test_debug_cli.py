"""`v2c debug`: JSON shape, annotated picture and report, bad inputs, and the model review pass."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from debug_pages import load_bench_module, write_page
from vision.files import write_png
from vision.load import load_image

ROOT = Path(__file__).resolve().parent.parent
CATS = {"text-overlap", "element-overlap", "text-truncation", "low-contrast", "broken-image", "misalignment",
        "blank-area", "small-text", "small-target", "overflow", "accessibility"}


def v2c(*args) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "app.cli", "debug", *map(str, args)], cwd=ROOT,
                          capture_output=True, text=True, timeout=240)


@pytest.fixture(scope="module")
def broken_case(tmp_path_factory):
    d = tmp_path_factory.mktemp("clicase")
    page = write_page(d / "site")
    cases = load_bench_module("debug_cases")
    case = cases.make_case(page, "broken-image", 1, d / "case", name="shot", width=720, height=480)
    assert case is not None
    return case, d


def test_json_annotated_picture_and_report(broken_case):
    case, d = broken_case
    out = d / "out" / "annotated.png"
    r = v2c(case.png, "--html", case.html, "--json", "-o", out)
    assert r.returncode == 0, r.stderr
    rep = json.loads(r.stdout)
    assert rep["image"] == "shot.png" and rep["size"] == [720, 480]
    assert rep["issues"]
    for it in rep["issues"]:
        assert {"category", "bbox", "severity", "message", "source", "fix"} <= set(it)
        assert it["category"] in CATS and it["severity"] in ("error", "warning", "info")
        assert it["source"] in ("visual", "dom", "model")
        assert len(it["bbox"]) == 4 and all(isinstance(v, int) for v in it["bbox"])
    broken = [it for it in rep["issues"] if it["category"] == "broken-image"]
    assert broken and broken[0]["source"] == "visual" and broken[0].get("confirmed_by") == ["dom"]
    assert broken[0]["selector"]
    assert load_image(out).shape == (480, 720, 3)
    md = out.with_suffix(".md").read_text()
    assert "broken-image" in md and "annotated.png" in md


def _bad(capsys, *args) -> None:
    from app.cli import main

    code = main(["debug", *map(str, args)])
    out, err = capsys.readouterr()
    assert code == 2, (code, err)
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1
    assert out == ""


def test_bad_inputs_exit_2_with_one_line(tmp_path, capsys):
    (tmp_path / "notes.png").write_text("this is not an image")
    _bad(capsys, tmp_path / "notes.png", "--json")
    (tmp_path / "empty.png").write_bytes(b"")
    _bad(capsys, tmp_path / "empty.png", "--json")
    write_png(tmp_path / "ok.png", np.zeros((40, 60, 3), np.uint8) + 200)
    (tmp_path / "cut.png").write_bytes((tmp_path / "ok.png").read_bytes()[:60])
    _bad(capsys, tmp_path / "cut.png", "--json")
    _bad(capsys, tmp_path / "missing.png", "--json")


def test_bad_html_url_and_output_exit_2(tmp_path, capsys):
    write_png(tmp_path / "ok.png", np.zeros((40, 60, 3), np.uint8) + 200)
    _bad(capsys, tmp_path / "ok.png", "--html", tmp_path / "nope.html")
    _bad(capsys, tmp_path / "ok.png", "--url", "https://example.com/")
    _bad(capsys, tmp_path / "ok.png", "-o", tmp_path / "report.txt")


def test_model_review_pass(broken_case):
    from chat_server import ChatServer, Reply, image_count

    from codegen.backends import get_backend
    from codegen.debug.pipeline import analyse

    case, _ = broken_case
    reply = json.dumps({"issues": [{"mark": 1, "category": "accessibility", "severity": "warning",
                                    "message": "The header uses a different font from the rest of the page",
                                    "fix": "Use the body font"}]})
    with ChatServer(lambda body, i: Reply(reply)) as srv:
        backend = get_backend("openai", "fake-vl", srv.base_url)
        res = analyse(load_image(case.png), "shot.png", backend=backend)
        assert image_count(srv.requests[0]) == 1
    model = [i for i in res.issues if i.source == "model"]
    assert len(model) == 1 and model[0].message.startswith("The header")
    assert model[0].bbox[2] > 0 and model[0].bbox[3] > 0
