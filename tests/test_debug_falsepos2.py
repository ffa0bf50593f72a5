"""Misalignment on real renders: a small shift in a left-aligned column of lines of about one
width, whose centres then nearly agree too and used to pass for a centred column. Each page is
rendered in Chromium and read by the real OCR; the same page without the shift stays quiet."""
from __future__ import annotations

import pytest

from debug_pages import render_with_boxes
from vision.defects import detect, read_text
from vision.defects.issue import overlap_min

STYLE = """<!doctype html><html><head><meta charset="utf-8"><style>
body { margin: 0; padding: 24px; font-family: 'Liberation Sans', sans-serif; }
</style></head><body>"""


def _found(html: str, category: str, ids: tuple[str, ...] = ()):
    img, boxes = render_with_boxes(html, ids)
    return [i for i in detect(img, read_text(img)) if i.category == category], boxes


def _menu(shift: int) -> str:
    """A footer menu: three left-aligned bold links of about one width, beside a second column."""
    return STYLE.replace("body {", "body { background: #000;") + f"""
<div style="display:flex;gap:90px;font-weight:bold;font-size:16px;color:#ddd">
<div><div style="margin:0 0 14px">Introduction</div><div style="margin:0 0 14px">How it Works</div>
<div id="moved" style="position:relative;left:{shift}px">What's New</div></div>
<div><div style="margin:0 0 14px">Design Center</div><div style="margin:0 0 14px">Professional Support</div>
<div>Partner Programme</div></div></div></body></html>"""


@pytest.mark.parametrize("shift", [4, 6])
def test_small_shift_in_a_left_aligned_column_of_like_widths(shift):
    """The column's left edges agree exactly while its centres are a few pixels apart: it is
    aligned by the left, and a moved line is off it even though its centre lies between theirs."""
    found, boxes = _found(_menu(shift), "misalignment", ("moved",))
    assert any(overlap_min(i.bbox, boxes["moved"]) >= 0.5 for i in found), \
        (boxes["moved"], [(i.bbox, i.message) for i in found])


def test_left_aligned_column_in_line_is_quiet():
    found, _ = _found(_menu(0), "misalignment")
    assert found == [], [(i.bbox, i.message) for i in found]


CROSSED_FRAME = """<!doctype html><html><head><meta charset="utf-8"><style>
body { margin: 0; font: 16px 'Liberation Sans', sans-serif; color: #222; background: #fff; }
header { position: fixed; top: 0; left: 0; right: 0; height: 70px; background: #0a4064; color: #fff; z-index: 5; }
img, .box { display: block; width: 180px; height: 110px; margin: 20px 0 0 30px; }
.box { border: 1px solid #c0c0c0; height: 90px; }
.tag { position: absolute; width: 30px; height: 20px; background: #fff; }
</style></head><body>
<header></header>
<img id="shot" src="missing-shot.png" alt="">
<div id="box" class="box"></div>
<div class="tag" style="left: 200px; top: 95px"></div>
<div class="tag" style="left: 200px; top: 180px"></div>
</body></html>"""


def test_covered_broken_image_with_a_side_crossed_by_a_small_box():
    """The frame left of a broken image under a fixed header is found even when a small box drawn
    across one of its sides breaks that side; an empty box with the same silver border, its side
    crossed the same way but its top in view, is not."""
    from vision.defects import broken_image

    img, boxes = render_with_boxes(CROSSED_FRAME, ("shot", "box"))
    found = broken_image.detect(img, [])
    assert [i for i in found if overlap_min(i.bbox, boxes["shot"]) >= 0.5], (boxes, [i.bbox for i in found])
    assert not [i for i in found if overlap_min(i.bbox, boxes["box"]) >= 0.5], (boxes, [i.bbox for i in found])
