"""DOM checks inside iframes: what a frame's document shows is found in page pixels, cut to the frame."""
from __future__ import annotations

import html

import pytest

from codegen.debug.pipeline import dom_findings
from vision.defects.issue import Issue

INNER = """<!doctype html><html><body style="margin:0;font-family:'Liberation Sans',sans-serif">
<img id="gone" src="missing.png" alt="" style="position:absolute;left:10px;top:20px;width:120px;height:80px">
<p id="fine" style="position:absolute;left:10px;top:120px;margin:0;font-size:7px">Fine print in a frame</p>
<img id="below" src="also-missing.png" alt="" style="position:absolute;left:10px;top:400px;width:120px;height:80px">
<div style="height:600px"></div>
</body></html>"""

PAGE = f"""<!doctype html><html><head><title>framed</title></head>
<body style="margin:0;font-family:'Liberation Sans',sans-serif;background:#fff">
<p style="margin:0;padding:20px;font-size:16px">A page that embeds a widget below.</p>
<iframe id="widget" title="widget" srcdoc="{html.escape(INNER, quote=True)}"
  style="position:absolute;left:100px;top:200px;width:300px;height:300px;border:2px solid #888"></iframe>
<img id="top-level" src="fine-missing.png" alt="" style="position:absolute;left:500px;top:40px;width:60px;height:40px">
</body></html>"""


@pytest.fixture(scope="module")
def findings(tmp_path_factory) -> list[Issue]:
    page = tmp_path_factory.mktemp("frames") / "framed.html"
    page.write_text(PAGE, encoding="utf-8")
    return dom_findings(page, 800, 600)


def test_a_broken_image_inside_a_frame_is_found_where_it_shows(findings):
    hits = [f for f in findings if f.category == "broken-image" and "#gone" in (f.selector or "")]
    assert len(hits) == 1, [(f.category, f.selector, f.bbox) for f in findings]
    x, y, w, h = hits[0].bbox
    assert abs(x - 112) <= 1 and abs(y - 222) <= 1 and abs(w - 120) <= 1 and abs(h - 80) <= 1
    assert hits[0].selector.startswith("iframe#widget | ")


def test_small_text_inside_a_frame_is_found(findings):
    assert any(f.category == "small-text" and "#fine" in (f.selector or "") for f in findings)


def test_what_the_frame_cuts_off_is_not_reported(findings):
    assert not any("#below" in (f.selector or "") for f in findings)


def test_the_top_document_is_still_checked(findings):
    assert any(f.category == "broken-image" and (f.selector or "") == "#top-level" for f in findings)
