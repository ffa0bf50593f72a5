"""`v2c convert` and `v2c eval` from the command line: exit codes, files, JSON, bad input."""
from __future__ import annotations

import json
import struct
import zlib

import numpy as np
import pytest
from PIL import Image

from app.cli import main

REPORT_KEYS = {"input", "output", "backend", "seconds", "stages", "scores", "quality", "rounds"}


def _run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_one_image_json_report(tmp_path, sample_png, capsys):
    out = tmp_path / "dir with space" / "résumé page.html"
    code, stdout, err = _run(capsys, "convert", str(sample_png), "-o", str(out), "--json", "--refine", "1")
    assert code == 0, err
    rep = json.loads(stdout)
    assert REPORT_KEYS <= set(rep)
    assert set(rep["scores"]) == {"block", "text", "position", "color", "visual", "ssim", "overall"}
    assert all(0 <= v <= 1 for v in rep["scores"].values())
    assert set(rep["quality"]) >= {"abs_frac", "mobile_ok"}
    assert [r["round"] for r in rep["rounds"]][:1] == [0] and all("scores" in r for r in rep["rounds"])
    assert out.exists() and "Quarterly report" in out.read_text(encoding="utf-8")
    assert (out.parent / "résumé page_files").is_dir()
    assert not list(out.parent.rglob("*.part")), "no temporary files left behind"


def test_folder_in_dir_out_and_stacks(tmp_path, sample_png, capsys):
    src = tmp_path / "in"
    src.mkdir()
    Image.open(sample_png).save(src / "a.png")
    Image.open(sample_png).convert("RGB").save(src / "b.jpg", quality=95)
    (src / "notes.txt").write_text("ignored: not an image extension")
    out = tmp_path / "out"
    code, stdout, err = _run(capsys, "convert", str(src), "-o", str(out), "--refine", "0", "--stack", "tailwind", "-q")
    assert code == 0, err
    assert (out / "a.html").exists() and (out / "b.html").exists()
    tw = (out / "a.tailwind.html").read_text()
    assert "cdn.tailwindcss.com" in tw and "[font-size:" in tw
    code, _, err = _run(capsys, "convert", str(src / "a.png"), "-o", str(tmp_path / "r"), "--refine", "0",
                        "--stack", "react", "-q")
    assert code == 0, err
    jsx = (tmp_path / "r" / "a.jsx").read_text()
    assert "export default function" in jsx and "className=" in jsx and "class=" not in jsx


def _truncated(tmp_path, fmt: str):
    arr = np.random.default_rng(1).integers(0, 255, (120, 160, 3), np.uint8)
    p = tmp_path / f"t.{fmt}"
    Image.fromarray(arr).save(p)
    data = p.read_bytes()
    p.write_bytes(data[: len(data) // 2])
    return p


def _huge_png(path):
    """A valid PNG header claiming 9000x9000 pixels (the size guard must refuse it before decoding)."""
    def chunk(tag, data):
        return struct.pack(">I", len(data)) + tag + data + struct.pack(">I", zlib.crc32(tag + data) & 0xFFFFFFFF)
    ihdr = struct.pack(">IIBBBBB", 9000, 9000, 8, 2, 0, 0, 0)
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(b"\0" * 100)) + chunk(b"IEND", b""))
    return path


@pytest.mark.parametrize("make", [
    lambda d: (d / "notes.png").write_text("not an image") or d / "notes.png",
    lambda d: (d / "empty.png").write_bytes(b"") or d / "empty.png",
    lambda d: _truncated(d, "png"),
    lambda d: _truncated(d, "jpg"),
    lambda d: _huge_png(d / "huge.png"),
    lambda d: d / "missing.png",
])
def test_unusable_input_exit_2_one_line(tmp_path, capsys, make):
    bad = make(tmp_path)
    code, out, err = _run(capsys, "convert", str(bad), "-o", str(tmp_path / "x.html"))
    assert code == 2
    lines = [l for l in err.strip().splitlines() if l.strip()]
    assert len(lines) == 1 and lines[0].startswith("v2c: error:"), err
    assert "Traceback" not in err
    assert not (tmp_path / "x.html").exists()


@pytest.mark.parametrize("kind", ["blank", "no-text", "photo"])
def test_pictures_without_ui_give_valid_pages(tmp_path, capsys, kind):
    rng = np.random.default_rng(3)
    if kind == "blank":
        arr = np.full((300, 400, 3), 255, np.uint8)
    elif kind == "no-text":
        arr = np.full((300, 400, 3), 240, np.uint8)
        arr[40:120, 50:350] = (30, 120, 200)
        arr[160:170, 50:350] = (200, 60, 60)
    else:
        y, x = np.mgrid[0:300, 0:400]
        arr = np.stack([(x * 0.6) % 255, (y * 0.8) % 255, (x + y) % 255], -1).astype(np.uint8)
        arr = np.clip(arr.astype(int) + rng.integers(-30, 30, arr.shape), 0, 255).astype(np.uint8)
    src = tmp_path / f"{kind}.png"
    Image.fromarray(arr).save(src)
    out = tmp_path / f"{kind}.html"
    code, stdout, err = _run(capsys, "convert", str(src), "-o", str(out), "--refine", "0", "--json")
    assert code == 0, err
    html = out.read_text()
    assert html.startswith("<!DOCTYPE html>") and html.rstrip().endswith("</html>")
    rep = json.loads(stdout)
    assert all(0 <= v <= 1 for v in rep["scores"].values())
    if kind == "no-text":
        assert "#1e78c8" in html or "#1e78c7" in html  # the blue panel's fill survives


def test_mixed_good_and_bad_inputs(tmp_path, sample_png, capsys):
    bad = tmp_path / "bad.png"
    bad.write_bytes(b"garbage")
    code, out, err = _run(capsys, "convert", str(sample_png), str(bad), "-o", str(tmp_path / "o"), "--refine", "0", "-q")
    assert code == 2 and "bad.png" in err
    assert (tmp_path / "o" / f"{sample_png.stem}.html").exists()


def test_eval_on_a_pages_folder(tmp_path, sample_png, sample_page, capsys):
    pages = tmp_path / "pages"
    pages.mkdir()
    Image.open(sample_png).save(pages / "7.png")
    (pages / "7.html").write_text(sample_page[0])
    Image.open(sample_png).save(pages / "8.png")  # no 8.html beside it: skipped
    code, out, err = _run(capsys, "eval", str(pages), "--refine", "0", "--json")
    assert code == 0, err
    res = json.loads(out)
    assert res["summary"]["pages"] == 1 and res["pages"][0]["id"] == "7"
    row = res["pages"][0]
    assert row["quality"]["html_ok"] is True and row["scores"]["text"] > 0.9
    # the render read by OCR as well (DESIGN's definition to the letter) finds the same text
    assert row["ocr_scores"]["text"] > 0.9 and row["ocr_scores"]["block"] > 0.8
    assert set(res["summary"]["mean_ocr_both_sides"]) == {"block", "text", "position", "color", "overall"}
    assert {"ocr", "render", "compare"} <= set(res["summary"]["stage_median"])
    code, out, err = _run(capsys, "eval", str(tmp_path / "nowhere"))
    assert code == 2
