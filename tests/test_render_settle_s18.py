"""The renderer measures the page as its screenshot shows it: animations finished first.

A page whose content slides in (a CSS animation from 40 px lower) shows it in its final place in
the screenshot; boxes measured mid-way would put the text 40 px off, so the DOM checks of
`v2c debug --html` and the benchmark's witness would point beside what the picture shows.
"""
from __future__ import annotations

import numpy as np

from codegen.render import get_renderer

PAGE = """<!doctype html><html><head><meta charset="utf-8"><style>
body { margin: 0; background: #fff; font: 32px 'Liberation Sans', sans-serif; }
@keyframes up { from { transform: translateY(40px); opacity: 0.2; } to { transform: none; opacity: 1; } }
h1 { position: absolute; top: 100px; left: 40px; margin: 0; font-size: 32px; animation: up 30s ease-out; }
</style></head><body><h1>Sliding headline</h1></body></html>"""


def test_text_boxes_are_measured_after_animations_finish():
    res = get_renderer().render(html=PAGE, width=640, height=320, full_page=False, mobile_check=False, timeout_s=20)
    box = next(t for t in res.text_boxes if "Sliding" in t["text"])
    rows = np.flatnonzero((res.image.min(axis=2) < 128).any(axis=1))
    assert abs(box["y"] - 100) <= 2, box
    assert box["y"] - 2 <= rows[0] and rows[-1] <= box["y"] + box["h"] + 2, (box, rows[0], rows[-1])
