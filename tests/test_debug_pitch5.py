"""blank-area: a column gone from a row of columns (a directory's link lists under level headings)
leaves a gap open on top and narrower than a hole, which the columns' pitch predicts: the columns
beside it start one pitch apart and level, and the gap holds the missing start. Pages rendered in
Chromium."""
from __future__ import annotations

from debug_pages import render_with_boxes

from vision.defects import blank_area
from vision.defects.issue import overlap_min

COLUMN = """<div class="col" id="{id}"><h4>{title}</h4>{links}</div>"""

PAGE = """<!doctype html><html><head><meta charset="utf-8"><style>
body {{ margin: 0; font: 16px 'Liberation Serif', serif; color: #222; background: #fff; }}
.hero {{ height: 420px; margin: 0 30px; background: linear-gradient(#e6e6e6, #d8d8d8); }}
.intro {{ text-align: center; margin: 30px 0; font-size: 18px; }}
.row {{ display: flex; gap: 100px; padding: 0 40px; }}
.col {{ width: 200px; }}
.col h4 {{ margin: 0 0 14px; font-weight: normal; border-bottom: 2px solid #999; padding-bottom: 4px; }}
.col a {{ display: block; color: #1a4db3; margin: 0 0 14px; }}
footer {{ position: fixed; bottom: 0; left: 0; right: 0; height: 60px; border-top: 2px solid #555; background: #fff; }}
</style></head><body><div class="hero"></div><p class="intro">Choose your region to see what we offer there.</p>
<div class="row">{columns}</div><footer></footer></body></html>"""

REGIONS = (("North America", ("Canada (English)", "Canada (Francais)", "United States")),
           ("Europe", ("France", "Germany", "United Kingdom")),
           ("Latin America", ("Brazil", "Mexico", "Colombia", "Chile")),
           ("Asia Pacific", ("Australia",)))


def _page(regions=REGIONS) -> str:
    cols = [COLUMN.format(id=f"c{i}", title=t, links="".join(f"<a>{x}</a>" for x in links))
            for i, (t, links) in enumerate(regions)]
    return PAGE.format(columns="".join(cols))


def test_a_column_gone_from_a_row_of_columns_is_a_hole():
    """The third column hidden on a 1280x1024 screen: its slot, under the intro line and open to it,
    is shorter than a quarter of the screen and bounded closely on two sides only, but the columns
    beside it start level at a pitch of 300 px with the third start missing: found where it was.
    The full row has no hole."""
    img, boxes = render_with_boxes(_page(), ("c2",), before="() => { document.getElementById('c2')"
                                   ".style.visibility = 'hidden'; }", width=1280, height=1024)
    found = blank_area.detect(img)
    assert [overlap_min(i.bbox, boxes["c2"]) >= 0.5 for i in found] == [True], (boxes, [i.bbox for i in found])
    img, _ = render_with_boxes(_page(), width=1280, height=1024)
    assert [i.bbox for i in blank_area.detect(img)] == []


def test_a_row_ending_early_has_no_slot():
    """Three columns only, the row ending before the screen's right side: the space after the last
    column is where the row stops, with no column past it to set a missing start between."""
    img, _ = render_with_boxes(_page(REGIONS[:3]), width=1280, height=1024)
    assert [i.bbox for i in blank_area.detect(img)] == []
