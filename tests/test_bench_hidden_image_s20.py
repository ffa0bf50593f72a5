"""The benchmark's broken-image case is a case only where the browser's icon corner and the
image's middle are on top: an image slipped in under a modal's backdrop or a logo shows nothing
of its failure in the screenshot, so a screenshot detector could not find it."""
from __future__ import annotations

import pytest

from debug_pages import load_bench_module

PAGE = """<!doctype html><html><head><meta charset="utf-8"><style>
body {{ margin: 0; font: 18px 'Liberation Sans', sans-serif; background: #fff; }}
p {{ margin: 40px; color: #222; }}
.backdrop {{ position: fixed; inset: 0; {backdrop} }}
</style></head><body><p>Welcome to the archive of the city library</p><p>Opening hours and events</p>
<div class="backdrop"></div></body></html>"""


@pytest.fixture(scope="module")
def cases():
    return load_bench_module("debug_cases")


def _results(tmp_path, cases, backdrop: str) -> list[dict]:
    page = tmp_path / "backdrop.html"
    page.write_text(PAGE.format(backdrop=backdrop), encoding="utf-8")
    return [cases.render_case(page, "broken-image", seed, width=640, height=300)[1] for seed in range(3)]


def test_a_broken_image_under_a_backdrop_is_no_case(tmp_path, cases):
    results = _results(tmp_path, cases, "background: #e4e4e4;")
    assert all("image hidden" in r.get("error", "") for r in results), results


def test_a_broken_image_in_plain_view_is_a_case(tmp_path, cases):
    results = _results(tmp_path, cases, "display: none;")
    assert all("box" in r for r in results), results


def test_a_broken_image_under_a_transparent_layer_is_a_case(tmp_path, cases):
    """A fixed header or click-catching layer with no paint of its own hides nothing."""
    results = _results(tmp_path, cases, "background: transparent;")
    assert all("box" in r for r in results), results
