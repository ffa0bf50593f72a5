"""DOM checks (geometry + axe-core) on pages with known defects, and merging with visual findings."""
from __future__ import annotations

import pytest

from codegen.debug.merge import merge
from codegen.debug.pipeline import DebugInputError, check_url, dom_findings
from vision.defects.issue import Issue, overlap_min

BROKEN = """<!doctype html><html><head><title>t</title><style>
body { margin: 0; font-family: 'Liberation Sans', sans-serif; background: #fff; color: #111; }
#wide { width: 1100px; height: 40px; background: #eee; }
#clip { width: 90px; white-space: nowrap; overflow: hidden; font-size: 16px; }
#ell { width: 90px; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; font-size: 16px; }
#grey { color: #c8c8c8; font-size: 16px; }
#tiny { font-size: 9px; }
#cover { position: absolute; left: 40px; top: 330px; width: 80px; height: 30px; background: #d22; }
</style></head><body>
<div id="wide">wide banner</div>
<div id="clip">This sentence is much too long for its box</div>
<div id="ell">Another sentence that will not fit</div>
<p id="grey">Pale grey words on white</p>
<p id="tiny">Fine print nobody can read</p>
<img id="nopic" src="missing.png" style="width:80px;height:60px">
<button id="iconbtn" style="width:14px;height:14px;padding:0;border:0;background:#333"></button>
<input id="noname" type="text">
<p id="under" style="position:absolute;left:20px;top:335px;margin:0;font-size:16px">Covered label text here</p>
<div id="cover"></div>
</body></html>"""


@pytest.fixture(scope="module")
def findings(tmp_path_factory) -> list[Issue]:
    d = tmp_path_factory.mktemp("dompage")
    page = d / "broken.html"
    page.write_text(BROKEN, encoding="utf-8")
    return dom_findings(page, 800, 600)


def _one(findings, category, selector_part):
    hits = [f for f in findings if f.category == category and selector_part in (f.selector or "")]
    assert hits, (category, selector_part, [(f.category, f.selector) for f in findings])
    return hits[0]


def test_geometric_checks(findings):
    assert _one(findings, "overflow", "#wide").bbox[2] <= 800
    assert _one(findings, "text-truncation", "#clip").severity == "error"
    assert _one(findings, "text-truncation", "#ell").severity == "warning"
    assert "9px" in _one(findings, "small-text", "#tiny").message
    assert _one(findings, "broken-image", "#nopic").bbox[2:] == [80, 60]
    assert _one(findings, "small-target", "#iconbtn").bbox[2:] == [14, 14]
    assert _one(findings, "element-overlap", "#cover")


def test_axe_violations_are_reported(findings):
    assert "#c8c8c8" in _one(findings, "low-contrast", "#grey").message
    labels = [f for f in findings if f.category == "accessibility" and f.selector and "#noname" in f.selector]
    assert labels and all(f.source == "dom" and "axe rule" in f.message for f in labels)
    assert _one(findings, "accessibility", "#iconbtn")  # a button with no accessible name


def test_all_boxes_inside_screenshot(findings):
    for f in findings:
        x, y, w, h = f.bbox
        assert 0 <= x and 0 <= y and w >= 1 and h >= 1 and x + w <= 800 and y + h <= 600
        assert f.fix


def test_merge_keeps_one_confirmed_issue():
    vis = Issue("low-contrast", [10, 10, 100, 20], "warning", "ratio 2.1", "visual", "darker")
    dom = Issue("low-contrast", [8, 8, 110, 24], "error", "axe", "dom", "color: #555 on .x", selector=".x")
    other = Issue("overflow", [0, 100, 800, 40], "error", "wide", "dom", "max-width", selector="#w")
    out = merge([vis], [dom, other])
    assert len(out) == 2
    lc = [i for i in out if i.category == "low-contrast"][0]
    assert lc.source == "visual" and lc.confirmed_by == ["dom"] and lc.selector == ".x" and lc.severity == "error"
    assert overlap_min(lc.bbox, vis.bbox) == 1.0
    assert lc.to_json()["source"] == "visual" and set(lc.to_json()) >= {"category", "bbox", "severity", "message", "source", "fix"}


def test_url_must_be_loopback():
    assert check_url("http://127.0.0.1:8000/x") == "127.0.0.1"
    with pytest.raises(DebugInputError):
        check_url("https://example.com/")
    with pytest.raises(DebugInputError):
        check_url("file:///etc/passwd")


def test_url_mode_against_local_server(tmp_path):
    import http.server
    import threading
    from functools import partial

    (tmp_path / "index.html").write_text('<html lang="en"><head><title>x</title></head><body>'
                                         '<img src="gone.png" style="width:50px;height:50px"></body></html>')
    handler = partial(http.server.SimpleHTTPRequestHandler, directory=str(tmp_path))
    handler.log_message = lambda *a: None
    srv = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    try:
        found = dom_findings(None, 400, 300, url=f"http://127.0.0.1:{srv.server_address[1]}/index.html")
    finally:
        srv.shutdown()
        srv.server_close()
    assert any(f.category == "broken-image" for f in found)


CLIPPED = """<!doctype html><html><head><title>t</title><style>
body { margin: 0; font-family: 'Liberation Sans', sans-serif; background: #fff; color: #111; }
section { overflow: hidden; height: 90px; margin-bottom: 10px; }
#cut { min-width: 1100px; height: 60px; background: #eef; }
#track { display: flex; height: 60px; }
#track > div { flex: 0 0 800px; height: 60px; background: #efe; }
#moved { display: flex; height: 60px; transform: translateX(0); }
#moved > div { flex: 0 0 300px; }
#crop { width: 1300px; height: 80px; display: block; }
#fits { width: 700px; }
</style></head><body>
<section id="hero"><div id="cut">A block forced wider than the page</div></section>
<section><div id="track"><div>Slide one</div><div>Slide two</div><div>Slide three</div></div></section>
<section><div id="moved"><div>a</div><div>b</div><div>c</div><div>d</div></div></section>
<section><img id="crop" alt="" src="data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' width='10' height='10'/%3E"></section>
<section><div id="fits">Content that fits</div></section>
<section><div id="spill" style="min-width:1000px;text-align:right">Words pushed past the edge</div></section>
</body></html>"""


def test_a_block_cut_by_a_hiding_ancestor_is_overflow_but_slides_and_crops_are_not(tmp_path):
    """A block wider than the page inside `overflow: hidden` is cut off at the screen's edge (the
    page cannot be scrolled to it); a carousel track of slides that each fit, a track moved by a
    transform and a picture cropped by its frame are cut on purpose. Cut text makes it an error."""
    page = tmp_path / "clipped.html"
    page.write_text(CLIPPED, encoding="utf-8")
    found = [f for f in dom_findings(page, 800, 600) if f.category == "overflow"]
    cut, spill = _one(found, "overflow", "#cut"), _one(found, "overflow", "#spill")
    assert "#hero" in cut.message and "overflow: hidden" in cut.message
    assert cut.bbox[0] == 0 and cut.bbox[2] == 800
    assert (cut.severity, spill.severity) == ("warning", "error")  # only #spill's text is cut
    assert sorted(f.selector for f in found) == sorted([cut.selector, spill.selector]), \
        [(f.selector, f.message) for f in found]
