"""The offline engine end to end on a page the test renders itself: text, positions, colours,
flow layout, images and the report."""
from __future__ import annotations

import re

from conftest import delta_e, rgb_of

WANT = ["Northwind Traders", "Quarterly report", "Revenue grew in every region this quarter.", "Download PDF"]


def _norm(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip().lower()


def test_text_recovered_exactly(converted):
    got = {_norm(b) for b in re.findall(r">([^<>]+)<", converted.html)}
    for w in WANT:
        assert _norm(w) in got, (w, got)


def test_block_positions_within_tolerance(converted, sample_page):
    _, _, truth = sample_page
    res = converted
    from codegen.render import get_renderer

    again = get_renderer().render(res.html, path=res.out_html, width=1024, height=600, javascript=False)
    rendered = {_norm(b["text"]): b for b in again.text_boxes}
    for t in truth:
        r = rendered.get(_norm(t["text"]))
        assert r is not None, t["text"]
        assert abs(r["x"] - t["x"]) <= 6 and abs(r["y"] - t["y"]) <= 6, (t, r)
        assert abs(r["w"] - t["w"]) <= 0.06 * t["w"] + 3


def test_text_colours_within_de5(converted, sample_page):
    _, _, truth = sample_page
    from codegen.render import get_renderer

    again = get_renderer().render(converted.html, path=converted.out_html, width=1024, height=600, javascript=False)
    rendered = {_norm(b["text"]): b for b in again.text_boxes}
    for t in truth:
        r = rendered[_norm(t["text"])]
        assert delta_e(rgb_of(t["color"]), rgb_of(r["color"])) <= 5, (t["text"], t["color"], r["color"])


def test_boxes_and_picture_reproduced(converted, sample_page):
    html = converted.html
    assert "#1d4ed8" in html          # the bar's fill
    assert "#16a34a" in html          # the button's fill
    assert re.search(r"<button[^>]*>", html)  # a filled box holding one short line is a button
    assert re.search(r"<h1[^>]*>Quarterly report</h1>", html) or re.search(r"<h\d[^>]*>Quarterly report", html)
    imgs = re.findall(r'src="([^"]+)"', html)
    assert imgs and all(not s.startswith(("http:", "https:", "/")) for s in imgs)
    files = {p.name for p in converted.assets}
    assert any(s.endswith(f) for s in imgs for f in files)
    # the gradient picture is cropped at full resolution
    from PIL import Image

    sizes = [Image.open(p).size for p in converted.assets]
    assert any(abs(w - 300) <= 4 and abs(h - 160) <= 4 for w, h in sizes), sizes


def test_flow_layout_and_scores(converted):
    rep = converted.report
    assert rep["quality"]["abs_frac"] <= 0.1
    assert rep["quality"]["mobile_ok"] is True
    assert "position:absolute" not in converted.html.replace(" ", "")
    s = rep["scores"]
    assert set(s) == {"block", "text", "position", "color", "visual", "ssim", "overall"}
    assert all(0.0 <= v <= 1.0 for v in s.values())
    assert s["text"] >= 0.95 and s["overall"] >= 0.9 and s["visual"] >= 0.8
    assert [r["round"] for r in rep["rounds"]][0] == 0 and len(rep["rounds"]) <= 3
    assert rep["stages"]["ocr"] > 0 and rep["stages"]["render"] > 0


def test_html_is_well_formed(converted):
    from codegen.validate import structural_errors

    assert structural_errors(converted.html) == []
    assert structural_errors("<div><p>x</div>") != []
