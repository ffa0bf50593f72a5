"""misalignment: items of a ranked list lead with markers of different widths and placements (an
icon for the top item, numbers below it) while their texts line up; each line's box starts at its
marker, so the marker edges differ, but no item is off. An item really shifted still is. The page
is rendered in Chromium and its lines are boxed the way the page OCR boxes them."""
from __future__ import annotations

from debug_pages import render_with_boxes
from vision.defects import misalignment
from vision.defects.pixels import text_info
from vision.ocr import TextLine

PAGE = """<!doctype html><html><head><meta charset="utf-8"><style>
body {{ margin: 0; background: #fff; font-family: 'Liberation Sans', sans-serif; font-size: 16px; color: #222; }}
.i {{ position: absolute; left: 40px; height: 24px; line-height: 24px; white-space: nowrap; }}
.m {{ display: inline-block; width: 26px; color: #f33; }}
.ic {{ display: inline-block; width: 6px; height: 12px; border: 1px solid #f79; margin: 0 9px 0 9px; vertical-align: -1px; }}
</style></head><body>
<div class="i" style="top: 40px"><span id="a"><span class="ic"></span>Leaders meet business experts</span></div>
<div class="i" style="top: 76px"><span id="b"><span class="m">1</span>Artists share a message online</span></div>
<div class="i" style="top: 112px{shift}"><span id="c"><span class="m">2</span>Navy calls out to the ships</span></div>
</body></html>"""


def _lines(shift: str):
    img, boxes = render_with_boxes(PAGE.format(shift=shift), ("a", "b", "c"), text=True)
    texts = {"a": "Leaders meet business experts", "b": "1 Artists share a message online", "c": "2 Navy calls out to the ships"}
    out = []
    for k, text in texts.items():
        x, y, w, h = (int(round(v)) for v in boxes[k])
        out.append(text_info(img, TextLine(text, (x - 3, y - 2, w + 6, h + 4), 0.99)))
    return img, out


def test_list_items_with_unlike_markers_are_aligned():
    img, lines = _lines("")
    assert misalignment.detect(lines, img) == []


def test_a_shifted_list_item_is_still_off():
    img, lines = _lines("; left: 46px")
    assert [i.category for i in misalignment.detect(lines, img)] == ["misalignment"]
