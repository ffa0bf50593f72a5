"""The benchmark's text-overlap case measures the injected line by its text, not its box: the
line takes the text's font shorthand, line-height included, and under a tall line-height its
glyphs sat in the middle of a line box three times their height. The box crossed the text while
the glyphs stayed below it, so cases with no visible overlap were counted as defects."""
from __future__ import annotations

import pytest

from debug_pages import load_bench_module

PAGE = """<!doctype html><html><head><meta charset="utf-8"><style>
body {{ margin: 60px 0 0 0; font: 20px/{lh}px 'Liberation Sans', sans-serif; background: #fff; }}
p {{ margin: 0 40px; color: #222; }}
</style></head><body><p>A software collaboration platform for teams</p></body></html>"""


@pytest.fixture(scope="module")
def cases():
    return load_bench_module("debug_cases")


@pytest.mark.parametrize("lh", [24, 60])
def test_the_injected_line_crosses_the_text_by_its_glyphs(tmp_path, cases, lh):
    page = tmp_path / f"lh{lh}.html"
    page.write_text(PAGE.format(lh=lh), encoding="utf-8")
    results = [cases.render_case(page, "text-overlap", seed, width=640, height=300)[1] for seed in range(4)]
    boxes = [r["box"] for r in results if "box" in r]
    assert boxes, results
    # the text's glyph rows (about 23 px at 20 px) and the new line's crossing them by a third
    # or more: together well under two lines' height, whatever the line-height
    assert all(b[3] <= 1.7 * 23 for b in boxes), boxes
