"""blank-area: an item gone from a two-column list whose items line up across the columns leaves a
gap too short for a hole, and no stack gap (the list runs on past the screen's bottom); the next
column's item level with the gap, between breaks in line with the gap's own, says a cell of the
grid is missing. Pages rendered in Chromium."""
from __future__ import annotations

from debug_pages import render_with_boxes

from vision.defects import blank_area
from vision.defects.issue import overlap_min

PAGE = """<!doctype html><html><head><meta charset="utf-8"><style>
body {{ margin: 0; font: 15px 'Liberation Sans', sans-serif; color: #222; background: #fff; }}
.grid {{ display: grid; grid-template-columns: 560px 560px; column-gap: 40px; padding: 0 60px; }}
.pic {{ height: 640px; background: linear-gradient(#e2e2e2, #d0d0d0); margin-bottom: 32px; text-align: center;
        font: bold 26px 'Liberation Sans', sans-serif; padding-top: 40px; box-sizing: border-box; }}
.item {{ display: flex; gap: 20px; height: 120px; margin: 0 0 32px; }}
.item i {{ width: 100px; height: 110px; background: #ccc; }}
.item b {{ display: block; color: #2a5bd7; font-size: 18px; font-weight: normal; margin-bottom: 8px; }}
</style></head><body><div class="grid"><div><div class="pic">THE COMMUNITY</div>{left}</div>
<div><div class="pic">THE SYSTEM</div>{right}</div></div></body></html>"""

ITEM = """<div class="item" id="{id}"><i></i><div><b>{title}</b>{text}</div></div>"""
LEFT = (("People", "Who we are and what we do"), ("Philosophy", "Why we do it and how we do it"),
        ("Get involved", "How you can join us"))
RIGHT = (("Why us", "What makes the system special"), ("User support", "Getting help and documentation"),
         ("Security updates", "Security advisories"))


def _page() -> str:
    def col(items, tag):
        return "".join(ITEM.format(id=f"{tag}{i}", title=t, text=x) for i, (t, x) in enumerate(items))
    return PAGE.format(left=col(LEFT, "l"), right=col(RIGHT, "r"))


def test_an_item_gone_from_a_grid_of_items_is_a_hole():
    """The left column's second item hidden on a 1280x1024 screen, the third item cut by the screen's
    bottom: a gap of about 180 px, under a quarter of the screen, but the right column's items end
    and start in line with the gap's own and one lies level with it: found where the item was. The
    whole list has no hole."""
    img, boxes = render_with_boxes(_page(), ("l1",), before="() => { document.getElementById('l1')"
                                   ".style.visibility = 'hidden'; }", width=1280, height=1024)
    found = blank_area.detect(img)
    assert [overlap_min(i.bbox, boxes["l1"]) >= 0.5 for i in found] == [True], (boxes, [i.bbox for i in found])
    img, _ = render_with_boxes(_page(), width=1280, height=1024)
    assert [i.bbox for i in blank_area.detect(img)] == []
