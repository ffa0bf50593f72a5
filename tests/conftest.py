"""Shared fixtures: pages rendered by the project's own renderer, made once per session."""
from __future__ import annotations

import os

import numpy as np
import pytest

os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")

SAMPLE_PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8"><style>
body{margin:0;font-family:"Liberation Sans",Arial,sans-serif;background:#ffffff;color:#111111}
.bar{background:#1d4ed8;height:60px;display:flex;align-items:center;padding:0 40px}
.bar span{color:#ffffff;font-size:22px;font-weight:700}
.card{margin:48px 0 0 120px;width:520px;background:#f1f5f9;border-radius:10px;padding:28px 32px}
h1{font-size:32px;margin:0 0 14px;color:#0f172a}
p{font-size:18px;margin:0 0 22px;color:#475569}
.btn{display:inline-block;background:#16a34a;color:#ffffff;font-size:18px;padding:12px 26px;border-radius:6px}
.pic{margin:40px 0 0 120px;width:300px;height:160px;background:linear-gradient(90deg,#f97316,#a855f7)}
</style></head><body>
<div class="bar"><span>Northwind Traders</span></div>
<div class="card"><h1>Quarterly report</h1><p>Revenue grew in every region this quarter.</p><span class="btn">Download PDF</span></div>
<div class="pic"></div>
</body></html>"""


@pytest.fixture(scope="session")
def sample_page():
    """(html, rendered RGB image, DOM text boxes) of a small page with a bar, a card, a button and a picture."""
    from codegen.render import get_renderer

    res = get_renderer().render(SAMPLE_PAGE, width=1024, height=600, full_page=True, javascript=False)
    assert res.image is not None
    return SAMPLE_PAGE, res.image, res.text_boxes


@pytest.fixture(scope="session")
def sample_png(tmp_path_factory, sample_page):
    from vision.files import write_png

    path = tmp_path_factory.mktemp("mockups") / "sample page ü.png"
    write_png(path, sample_page[1])
    return path


@pytest.fixture(scope="session")
def converted(tmp_path_factory, sample_page):
    """The sample page's screenshot converted once by the offline engine (2 refine rounds)."""
    from codegen.pipeline import convert_image

    out = tmp_path_factory.mktemp("conv") / "page.html"
    res = convert_image(sample_page[1], out, refine=2, name="sample")
    return res


def rgb_of(css: str) -> tuple[int, int, int]:
    css = css.strip()
    if css.startswith("#"):
        return tuple(int(css[i:i + 2], 16) for i in (1, 3, 5))  # type: ignore[return-value]
    nums = [int(float(v)) for v in css[css.index("(") + 1:css.index(")")].split(",")[:3]]
    return tuple(nums)  # type: ignore[return-value]


def delta_e(a, b) -> float:
    from skimage.color import deltaE_ciede2000, rgb2lab

    la = rgb2lab(np.array([[a]], dtype=np.float64) / 255.0)
    lb = rgb2lab(np.array([[b]], dtype=np.float64) / 255.0)
    return float(deltaE_ciede2000(la, lb)[0, 0])
