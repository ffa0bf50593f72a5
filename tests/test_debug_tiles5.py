"""blank-area: a picture tile gone from a row of like tiles leaves its slot's dark ground, a rectangle
of its own (like a black panel's inside) with no neighbour on its colour; the tiles one pitch to its
left and right, alike and holding content, say a tile belongs there. Pages rendered in Chromium."""
from __future__ import annotations

from debug_pages import render_with_boxes

from vision.defects import blank_area
from vision.defects.issue import overlap_min

TILE = """<div class="tile" id="{id}"><div class="pic"><i></i></div><p>{caption}</p></div>"""

ROW = """<!doctype html><html><head><meta charset="utf-8"><style>
body {{ margin: 0; font: 18px 'Liberation Sans', sans-serif; background: #f2f2f2; color: #222; }}
header {{ height: 360px; display: flex; align-items: center; justify-content: center; font-size: 40px; }}
.row {{ display: flex; background: #000; }}
.tile {{ width: 25%; height: 300px; }}
.pic {{ height: 230px; background: linear-gradient(#e4e4e4, #d2d2d2); display: flex; align-items: center;
        justify-content: center; }}
.pic i {{ width: 48px; height: 36px; border: 3px solid #b0b0b0; border-radius: 4px; }}
.tile p {{ margin: 0; height: 70px; line-height: 70px; text-align: center; background: #111; color: #fff; }}
.odd {{ width: 25%; height: 300px; background: #fff; padding: 20px; box-sizing: border-box; }}
</style></head><body><header>Services for residents</header><div class="row">{tiles}</div></body></html>"""

CAPTIONS = ("File your return", "Get help", "Find a job", "Disaster relief")
HIDE_GONE = "() => { document.getElementById('gone').style.visibility = 'hidden'; }"


def _row(tiles: list[str]) -> str:
    return ROW.format(tiles="".join(tiles))


def _tiles() -> list[str]:
    return [TILE.format(id="gone" if i == 2 else f"t{i}", caption=c) for i, c in enumerate(CAPTIONS)]


def test_a_tile_gone_from_a_row_of_like_tiles_is_a_hole():
    """The third tile hidden on a 1600x900 screen: its slot shows the row's black ground, a rectangle
    of its own, and the tiles one pitch either side are alike (picture over caption band): found
    where the tile was. The full row has no hole."""
    img, boxes = render_with_boxes(_row(_tiles()), ("gone",), before=HIDE_GONE, width=1600, height=900)
    found = blank_area.detect(img)
    assert [overlap_min(i.bbox, boxes["gone"]) >= 0.5 for i in found] == [True], (boxes, [i.bbox for i in found])
    img, _ = render_with_boxes(_row(_tiles()), width=1600, height=900)
    assert [i.bbox for i in blank_area.detect(img)] == []


def test_a_black_slot_between_unlike_blocks_is_no_hole():
    """The same black slot with a picture tile on one side and a white text panel on the other: no
    row of like tiles, so it stays the inside of a panel of its own."""
    tiles = _tiles()
    tiles[3] = '<div class="odd">Opening hours: Monday to Friday, 9 to 5.<br>Closed on public holidays.</div>'
    img, boxes = render_with_boxes(_row(tiles), ("gone",), before=HIDE_GONE, width=1600, height=900)
    found = blank_area.detect(img)
    assert not [i.bbox for i in found if overlap_min(i.bbox, boxes["gone"]) >= 0.3], (boxes, [i.bbox for i in found])
