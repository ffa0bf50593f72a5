"""The debug benchmark's OCR cache says which reading made it, so a changed reading is never
scored silently against lines read the old way."""
from __future__ import annotations

import json

import cv2
import numpy as np

from debug_pages import load_bench_module
from vision.defects import OCR_MIN_SCORE, OCR_READING


def _screenshot(path) -> np.ndarray:
    img = np.full((120, 420, 3), 255, np.uint8)
    cv2.putText(img, "Sign in to continue", (12, 70), cv2.FONT_HERSHEY_SIMPLEX, 1.0, (20, 20, 20), 2, cv2.LINE_AA)
    cv2.imwrite(str(path), img[:, :, ::-1])
    return img


def test_a_cache_from_another_reading_is_flagged_and_reread(tmp_path):
    bench = load_bench_module("bench_debug")
    png = tmp_path / "shot.png"
    img = _screenshot(png)
    old = {"seconds": 0.1, "min_score": OCR_MIN_SCORE, "lines": [["stale words", [0, 0, 10, 10], 0.9]]}
    png.with_suffix(".ocr.json").write_text(json.dumps(old))
    assert bench._cached(png) and bench._stale(png)

    lines, _ = bench._ocr_cached(png, img)
    assert [ln.text for ln in lines] == ["stale words"]  # plain scoring keeps what was read

    lines, _ = bench._ocr_cached(png, img, reread=True)
    saved = json.loads(png.with_suffix(".ocr.json").read_text())
    assert saved["reading"] == OCR_READING and not bench._stale(png)
    assert any("Sign" in ln.text for ln in lines), [ln.text for ln in lines]
