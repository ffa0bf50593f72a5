"""The benchmark's true box marks where the injected defect shows in the screenshot, even on a
page whose content is still sliding into place when the defect is injected."""
from __future__ import annotations

import numpy as np
import pytest

from debug_pages import load_bench_module

SLIDING = """<!doctype html><html><head><meta charset="utf-8"><style>
body { margin: 0; font: 16px sans-serif; background: #fff; }
@keyframes drop { from { transform: translateY(0); } to { transform: translateY(120px); } }
.hero { animation: drop 4s linear forwards; padding: 20px; }
</style></head><body><div class="hero"><h1>Team</h1>
<img src="team.png" alt="" style="width:160px;height:90px;display:block" onerror="this.onerror=null">
<p>Our people and what they do.</p></div></body></html>"""


@pytest.fixture(scope="module")
def cases():
    return load_bench_module("debug_cases")


def test_box_follows_content_that_settles_after_injection(tmp_path, cases):
    page = tmp_path / "sliding.html"
    page.write_text(SLIDING, encoding="utf-8")
    img, info, _ = cases.render_case(page, "broken-image", 3, width=640, height=480)
    x, y, w, h = (int(round(v)) for v in info["box"])
    # Chromium's broken-image icon (its green hill) stands in the image box's top-left corner
    hill = np.all(np.abs(img.astype(int) - (88, 174, 57)) <= 30, axis=-1)
    ys, xs = np.nonzero(hill)
    assert len(ys), "no broken-image icon in the screenshot"
    assert x <= xs.min() and xs.max() <= x + 20 and y <= ys.min() and ys.max() <= y + 20, (xs.min(), ys.min(), info["box"])
    assert y >= 120  # the animation's end state, as the screenshot shows it


HIDDEN = """<!doctype html><html><head><meta charset="utf-8"><style>
body { margin: 0; padding: 30px; font: 16px sans-serif; background: #fff; }
.ghost { opacity: 0; }
</style></head><body><div class="ghost"><img src="data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' width='120' height='80'%3E%3Crect width='120' height='80' fill='%23c33'/%3E%3C/svg%3E" style="width:120px;height:80px" alt=""></div>
<p>Our people and what they do, in a short line of text.</p></body></html>"""


def test_a_defect_that_changes_no_pixels_is_no_case(tmp_path, cases):
    """Breaking an image inside a transparent block changes nothing a screenshot shows."""
    page = tmp_path / "hidden.html"
    page.write_text(HIDDEN, encoding="utf-8")
    results = [cases.render_case(page, "broken-image", seed, width=640, height=400)[1] for seed in range(8)]
    invisible = [r for r in results if "changed no pixels" in r.get("error", "")]
    shown = [r for r in results if "box" in r]
    assert invisible and shown, results
    assert all(r["box"][1] >= 100 for r in shown), shown  # only the images inserted in view, under the ghost
