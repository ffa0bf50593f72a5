"""The debug benchmark can build a set at several viewport sizes, so that a held-out set shows
screens and layouts that the 1280x800 working sets never did."""
from __future__ import annotations

import argparse
import json

import pytest

from debug_pages import load_bench_module, write_page
from vision.load import load_image


def test_each_case_is_rendered_at_its_drawn_size(tmp_path):
    bench = load_bench_module("bench_debug")
    pages = tmp_path / "pages"
    for name in ("1", "2", "3"):
        write_page(pages).rename(pages / f"{name}.html")
    out = tmp_path / "cases"
    sizes = ((640, 480), (900, 560))
    bench.make(out, 0, 3, 5, pages, sizes=sizes)
    cases = json.loads((out / "cases.json").read_text())
    assert len(cases) == 3
    for c in cases:
        drawn = bench._size(sizes, 5, pages / c["page"].split("/")[-1], None)
        assert c["size"] == list(drawn)
        img = load_image(c["png"])
        assert (img.shape[1], img.shape[0]) == drawn  # the screenshot itself, not only the record
    assert bench._size(sizes, 5, pages / "1.html", None) == bench._size(sizes, 5, pages / "1.html", None)
    drawn = {bench._size(sizes, seed, pages / "1.html", "small-text") for seed in range(40)}
    assert drawn == set(sizes)  # every size is used across seeds


def test_sizes_are_parsed_and_bad_ones_refused():
    bench = load_bench_module("bench_debug")
    assert bench._parse_sizes("1366x768,1920X1080") == ((1366, 768), (1920, 1080))
    for bad in ("1366", "wide", "100x100", "1366x768,"):
        with pytest.raises(argparse.ArgumentTypeError):
            bench._parse_sizes(bad)


def test_a_category_short_of_pages_takes_them_again_at_another_size(tmp_path):
    """Few pages offer some defects (a block to hide for blank-area): when the pages run out before
    a category has its cases, each page is used again at a size it did not have, so a set still
    reaches its count per category; with one size there is no second round."""
    bench = load_bench_module("bench_debug")
    pages = tmp_path / "pages"
    write_page(pages).rename(pages / "1.html")
    sizes = ((640, 480), (900, 560))
    out = tmp_path / "cases"
    bench.make(out, 2, 0, 5, pages, categories=("small-text",), sizes=sizes)
    cases = json.loads((out / "cases.json").read_text())
    assert len(cases) == 2 and {c["category"] for c in cases} == {"small-text"}
    assert sorted(tuple(c["size"]) for c in cases) == sorted(sizes)
    assert len({c["name"] for c in cases}) == 2
    bench.make(out, 2, 0, 5, pages, categories=("small-text",), sizes=sizes)  # resumed: nothing to add
    assert json.loads((out / "cases.json").read_text()) == cases
    single = tmp_path / "single"
    bench.make(single, 2, 0, 5, pages, categories=("small-text",), sizes=sizes[:1])
    assert len(json.loads((single / "cases.json").read_text())) == 1
