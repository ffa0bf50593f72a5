"""blank-area: the picture column of a two-column band gone, in a page set in a centred container with
wide margins. The band's rules above and below end where the container does, so the hole (cut back from
the margin to the column's width) faces the page's margin, not the screen's edge: that margin bounds
nothing, as the screen's edge does not."""
from __future__ import annotations

from debug_pages import render_with_boxes
from vision.defects import blank_area
from vision.defects.issue import overlap_min

PAGE = """<!doctype html><html><head><meta charset="utf-8"><style>
* { margin: 0; padding: 0; }
body { font: 16px 'Liberation Sans', sans-serif; color: #333; background: #fff; }
.container { width: 1110px; margin: 0 auto; }
.head { padding: 32px 0 58px; border-bottom: 3px solid #5f5f5f; overflow: hidden; }
.logo { float: left; width: 40px; height: 29px; background: #e4e4e4; margin-top: 10px; }
.visit { float: right; background: #3c4cfc; color: #fff; padding: 16px; border-radius: 5px; font-size: 14px; }
.mid { display: flex; padding: 40px 15px 90px; }
.mid > div { width: 50%; }
h2 { font-size: 37px; line-height: 48px; font-weight: normal; margin-top: 62px; }
.mid span { display: block; background: #ffd300; height: 3px; width: 96px; margin: 40px 0 35px; }
.mid p { font-size: 20px; margin-bottom: 30px; padding-right: 30px; }
.mid a { color: #3c4dff; }
.pic { height: 400px; background: linear-gradient(135deg, #3c4cfc, #8e97ff); border-radius: 8px; }
.foot { padding: 15px 15px 60px; border-top: 3px solid #5f5f5f; }
</style></head><body><div class="container">
<div class="head"><div class="logo"></div><div class="visit">VISIT SOVRN</div></div>
<div class="mid"><div><h2>Lijit is an ad serving domain owned by Sovrn Holdings, Inc.</h2><span></span>
<p>If you have questions about the purpose of this domain, or about Sovrn, please read our
<a>support documentation</a>.</p><p>For other questions, or to start advertising with Sovrn,
<a>contact us</a>.</p></div>
<div id="art"><div class="pic"></div></div></div>
<div class="foot">Power to the publisher.</div></div></body></html>"""

HIDE = "() => { document.getElementById('art').style.visibility = 'hidden'; }"
SIZE = dict(width=1360, height=768)


def test_a_band_column_gone_beside_a_wide_margin_is_a_hole():
    img, boxes = render_with_boxes(PAGE, ("art",), before=HIDE, **SIZE)
    found = [i.bbox for i in blank_area.detect(img)]
    assert [overlap_min(b, boxes["art"]) >= 0.5 for b in found] == [True], (boxes["art"], found)


def test_the_band_with_its_picture_has_no_hole():
    img, _ = render_with_boxes(PAGE, **SIZE)
    assert blank_area.detect(img) == []


GRID = """<!doctype html><html><head><meta charset="utf-8"><style>
* { margin: 0; padding: 0; box-sizing: border-box; }
body { font: 16px 'Liberation Sans', sans-serif; color: #0b1d3a; background: #fff; }
.top { height: 84px; background: #0071dc; }
.sub { height: 48px; background: #f2f8fd; border-bottom: 1px solid #dde6f0; }
.grid { display: grid; grid-template-columns: repeat(4, 304px); gap: 16px 24px; padding: 24px 32px; }
.tile { background: #e3e4e5; border-radius: 8px; padding: 22px; }
.a { grid-column: 1; grid-row: 1; height: 206px; }
.b { grid-column: 1; grid-row: 2 / span 2; }
#promo { grid-column: 2 / span 2; grid-row: 1 / span 2; height: 390px; }
#promo h3 { font-size: 34px; margin: 10px 0 18px; }
.items { display: flex; gap: 20px; margin-top: 22px; }
.items div { flex: 1; height: 170px; border-radius: 6px; background: linear-gradient(160deg, #9aa3ad, #5d6873); }
.c { grid-column: 2; grid-row: 3; height: 220px; }
.d { grid-column: 3; grid-row: 3; height: 220px; }
.r1 { grid-column: 4; grid-row: 1; }
.r2 { grid-column: 4; grid-row: 2; height: 206px; }
.r3 { grid-column: 4; grid-row: 3; }
h4 { font-size: 22px; margin-bottom: 14px; }
u { font-size: 14px; }
</style></head><body><div class="top"></div><div class="sub"></div><div class="grid">
<div class="tile a"></div><div class="tile b"></div>
<div class="tile" id="promo"><h3>Deals for every room</h3><u>Shop now</u>
<div class="items"><div></div><div></div><div></div><div></div></div></div>
<div class="tile c"><h4>Better rest, for way less</h4><u>Shop mattresses</u></div>
<div class="tile d"><h4>Up to 30% off</h4><u>Shop now</u></div>
<div class="tile r1"><h4>More splash for your buck</h4><u>Shop now</u></div>
<div class="tile r2"><h4>Up to $500 off fridges</h4><u>Shop appliances</u></div>
<div class="tile r3"><h4>Pedal, scoot and save big</h4><u>Shop now</u></div>
</div></body></html>"""

HIDE_PROMO = "() => { document.getElementById('promo').style.visibility = 'hidden'; }"
GRID_SIZE = dict(width=1360, height=768)


def test_a_tile_gone_from_a_grid_of_tinted_tiles_is_a_hole():
    img, boxes = render_with_boxes(GRID, ("promo",), before=HIDE_PROMO, **GRID_SIZE)
    found = [i.bbox for i in blank_area.detect(img)]
    assert [overlap_min(b, boxes["promo"]) >= 0.5 for b in found] == [True], (boxes["promo"], found)


def test_the_grid_of_tinted_tiles_has_no_hole():
    img, _ = render_with_boxes(GRID, **GRID_SIZE)
    assert blank_area.detect(img) == []
