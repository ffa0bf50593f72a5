"""The benchmark's text-overlap case is a case only where the injected line's glyphs cross the
text's: on a page whose body is positioned and pushed down, a line placed by page coordinates
lands below the text, in blank space, and a detector could not see any overlap there."""
from __future__ import annotations

import pytest

from debug_pages import load_bench_module

PAGE = """<!doctype html><html><head><meta charset="utf-8"><style>
body {{ margin: {top}px 0 0 0; position: {position}; font: 20px 'Liberation Sans', sans-serif; background: #fff; }}
p {{ margin: 30px 40px; color: #222; }}
</style></head><body><p>A software collaboration platform for teams</p></body></html>"""


@pytest.fixture(scope="module")
def cases():
    return load_bench_module("debug_cases")


def test_an_injected_line_that_misses_the_text_is_no_case(tmp_path, cases):
    page = tmp_path / "pushed.html"
    page.write_text(PAGE.format(top=60, position="relative"), encoding="utf-8")
    results = [cases.render_case(page, "text-overlap", seed, width=640, height=300)[1] for seed in range(3)]
    assert all("does not cross" in r.get("error", "") for r in results), results


def test_an_injected_line_drawn_over_the_text_is_a_case(tmp_path, cases):
    page = tmp_path / "plain.html"
    page.write_text(PAGE.format(top=60, position="static"), encoding="utf-8")
    results = [cases.render_case(page, "text-overlap", seed, width=640, height=300)[1] for seed in range(3)]
    assert all("box" in r for r in results), results
    assert all(55 <= r["box"][1] <= 65 and r["box"][3] < 60 for r in results), results  # the text's line and the new one, drawn over it
