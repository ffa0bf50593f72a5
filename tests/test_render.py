"""The renderer: blocked network, runaway scripts, DOM text boxes and code-quality figures."""
from __future__ import annotations

import time

from codegen.render import get_renderer


def test_remote_requests_are_blocked_and_page_still_renders():
    html = ("<html><head><link rel='stylesheet' href='https://example.com/x.css'>"
            "<script src='http://198.51.100.1/x.js'></script></head><body style='margin:0'>"
            "<img src='https://example.com/a.png' width=50 height=50><p style='font-size:20px'>Still here</p></body></html>")
    res = get_renderer().render(html, width=400, height=300, timeout_s=10)
    assert res.image is not None and res.image.shape[1] == 400
    assert any("example.com" in u for u in res.blocked)
    assert any(b["text"] == "Still here" for b in res.text_boxes)


def test_endless_script_is_stopped_cleanly():
    html = "<html><body><p>loop</p><script>while (true) {}</script></body></html>"
    t = time.perf_counter()
    res = get_renderer().render(html, width=400, height=300, timeout_s=3)
    assert res.timed_out
    assert time.perf_counter() - t < 30
    # the browser is still usable afterwards
    ok = get_renderer().render("<p>after</p>", width=300, height=200, timeout_s=10)
    assert ok.image is not None and any(b["text"] == "after" for b in ok.text_boxes)


def test_dom_text_boxes_lines_and_colour():
    html = ("<body style='margin:0'><div data-v2c='7' style='width:120px;font:16px/20px Liberation Sans;color:rgb(200,0,0)'>"
            "one two three four five six seven</div></body>")
    res = get_renderer().render(html, width=400, height=300)
    lines = [b for b in res.text_boxes if b["id"] == "7"]
    assert len(lines) >= 2  # wrapped into several visual lines
    assert lines[0]["color"] == "rgb(200, 0, 0)" and lines[0]["y"] < lines[1]["y"]


def test_abs_frac_and_mobile_check():
    flow = "<body><div style='display:flex'><p>a</p><p>b</p></div></body>"
    res = get_renderer().render(flow, width=800, height=200)
    assert res.abs_frac == 0 and res.mobile_ok
    wide = "<body><div style='position:absolute;left:0;width:1500px'>wide</div></body>"
    res = get_renderer().render(wide, width=1600, height=200)
    assert res.abs_frac == 1.0 and not res.mobile_ok
