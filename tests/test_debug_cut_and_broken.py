"""Text cut at a container's edge and broken images, on pages rendered here (real Chromium, real OCR)."""
from __future__ import annotations

from debug_pages import render_with_boxes
from vision.defects import detect
from vision.defects import read_text as read_lines
from vision.defects.issue import overlap_min

COVERED_IMAGE = """<!doctype html><html><head><meta charset="utf-8"><style>
body { margin: 0; font: 16px 'Liberation Sans', sans-serif; color: #222; background: #fff; }
header { position: fixed; top: 0; left: 0; right: 0; height: 70px; background: #0a4064; color: #fff; z-index: 5; }
header p { margin: 0; padding: 24px; }
#shot { display: block; width: 180px; height: 110px; margin: 20px 0 0 30px; }
#box { width: 180px; height: 90px; margin: 20px 0 0 30px; border: 1px solid #c0c0c0; }
#bar { width: 182px; height: 16px; margin: 20px 0 0 30px; background: #0a4064; }
#boxed { width: 180px; height: 60px; margin: 0 0 0 30px; border: 1px solid #c0c0c0; }
</style></head><body>
<header><p>Harbour news</p></header>
<img id="shot" src="missing-shot.png" alt="">
<div id="box"></div>
<div id="bar"></div><div id="boxed"></div>
<p style="margin: 20px 30px">Ferry times change on the first of the month.</p>
</body></html>"""


def test_broken_image_under_a_fixed_header_is_found_by_its_frame():
    """A broken image whose top (and icon) lies under a fixed header shows only the rest of its
    silver frame: it is found. Empty boxes with the same silver border in full view are not, one
    right under a dark bar included."""
    img, boxes = render_with_boxes(COVERED_IMAGE, ("shot", "box", "boxed"))
    found = [i for i in detect(img, read_lines(img)) if i.category == "broken-image"]
    assert [i for i in found if overlap_min(i.bbox, boxes["shot"]) >= 0.5], (boxes, [i.bbox for i in found])
    for k in ("box", "boxed"):
        assert not [i for i in found if overlap_min(i.bbox, boxes[k]) >= 0.5], (k, boxes, [i.bbox for i in found])
