"""misalignment: a divider beside a date column is no part of the date's glyphs, session 18.

An events list: each date (month over a large day, centred) stands left of a 1 px divider and its
title. The recogniser's box of a day reaches the divider, so the day's ink box ran to it and its
centre moved off the column's centre line. Rendered in Chromium."""
from __future__ import annotations

from debug_pages import render_with_boxes

from vision.defects import misalignment
from vision.defects.glyph_box import glyph_box
from vision.defects.pixels import text_info
from vision.ocr import TextLine

PAGE = """<!doctype html><html><head><meta charset="utf-8"><style>
body { margin: 0; background: #fff; color: #333; font: 17px 'Liberation Sans', sans-serif; }
h2 { margin: 0; position: absolute; left: 40px; top: 20px; font-size: 30px; }
.ev { position: absolute; left: 40px; display: flex; align-items: center; }
.d { width: 56px; text-align: center; border-right: 1px solid #999; padding-right: 8px; }
.d b { display: block; font-size: 30px; }
.t { padding-left: 10px; color: #1a4d8f; }
a { position: absolute; left: 40px; top: 330px; color: #1a4d8f; }
</style></head><body><h2 id="h">Events</h2>
<div class="ev" style="top: 80px"><div class="d"><span id="m1">May</span><b id="d1">28</b></div><div class="t" id="t1">Deadline to participate</div></div>
<div class="ev" style="top: 160px"><div class="d"><span id="m2">Jun</span><b id="d2">05</b></div><div class="t" id="t2">Summit: Aero and Space</div></div>
<div class="ev" style="top: 240px"><div class="d"><span id="m3">Jun</span><b id="d3">06</b></div><div class="t" id="t3">Summit: Aero and Space</div></div>
<a id="more" href="#">More Events</a></body></html>"""
IDS = ("h", "m1", "d1", "t1", "m2", "d2", "t2", "m3", "d3", "t3", "more")
TEXT = {"h": "Events", "m1": "May", "d1": "28", "t1": "Deadline to participate", "m2": "Jun", "d2": "05",
        "t2": "Summit: Aero and Space", "m3": "Jun", "d3": "06", "t3": "Summit: Aero and Space", "more": "More Events"}


def test_a_days_box_reaching_the_divider_keeps_the_date_column_centred():
    img, b = render_with_boxes(PAGE, IDS, text=True, height=380)
    lines = []
    for k in IDS:
        x, y, w, h = (int(v) for v in b[k])
        if k.startswith("d"):
            # the recogniser's box of a day runs on to the divider, 8 px right of the glyphs
            box = (x - 3, y - 2, int(b["t1"][0]) - 9 - (x - 3), h + 4)
        else:
            box = (x - 3, y - 2, w + 6, h + 4)
        lines.append(text_info(img, TextLine(TEXT[k], box, 0.99)))
    day = lines[IDS.index("d2")]
    assert glyph_box(img, day)[2] <= b["d2"][2] + 2, (glyph_box(img, day), b["d2"])
    assert misalignment.detect(lines, img) == []
