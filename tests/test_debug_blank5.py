"""blank-area: one card of a row left empty is a hole though it fills its own frame (the inside of a
picture or a lone panel, also its own rectangle, is not): a sibling card of the same ground beside
it, aligned on its top past a gutter, holds content. A gap shut in by content on all four sides is a
hole from three quarters of the least hole height. Pages rendered here in Chromium."""
from __future__ import annotations

from debug_pages import render_with_boxes

from vision.defects import blank_area
from vision.defects.issue import overlap_min

HIDE_LEAD = "() => { document.getElementById('lead').style.visibility = 'hidden'; }"

CARDS = """<!doctype html><html><head><meta charset="utf-8"><style>
body { margin: 0; font: 20px 'Liberation Sans', sans-serif; color: #333; background: #ffffff; }
header { height: 72px; display: flex; align-items: center; padding: 0 32px; }
.band { background: #114b22; padding: 40px 0 14px; color: #fff; text-align: center; }
h1 { font-size: 44px; margin: 0 60px 30px; }
.row { display: flex; justify-content: space-between; }
.card { width: 470px; height: 360px; background: #fff; border-radius: 8px; color: #333; box-sizing: border-box;
        padding: 40px 50px; text-align: center; }
.card h3 { margin: 0 0 28px; letter-spacing: 2px; color: #666; }
.card b { display: inline-block; margin-top: 30px; padding: 18px 80px; background: #5aac4a; color: #fff; }
</style></head><body><header>Logo</header><section class="band">
<h1>Unlocking the Power of Global Behaviour</h1><div class="row">
<div class="card" id="left"><div id="body"><h3>AUDIENCE</h3><p>Reach the people who matter, wherever they
browse, with audiences built from real behaviour.</p><b>Learn More</b></div></div>
<div class="card"><div><h3>DATA SOLUTIONS</h3><p>Tap into digital behavioural data for insights,
targeting, and personalisation.</p><b>Learn More</b></div></div></div></section></body></html>"""


def test_an_empty_card_beside_a_full_one_is_a_hole():
    """The left card's content hidden: its white inside is a rectangle of its own (a frame), but the
    right card, white on the same band past the green gutter and level with it, holds a heading,
    text and a button: one card of the row left empty, found where it is."""
    img, boxes = render_with_boxes(CARDS, ("left",), before="() => { document.getElementById('body')"
                                   ".style.visibility = 'hidden'; }", width=1024, height=768)
    found = blank_area.detect(img)
    assert [overlap_min(i.bbox, boxes["left"]) >= 0.5 for i in found] == [True], (boxes, [i.bbox for i in found])


def test_the_cards_both_full_have_no_hole():
    img, _ = render_with_boxes(CARDS, width=1024, height=768)
    assert [i.bbox for i in blank_area.detect(img)] == []


PANELS = """<!doctype html><html><head><meta charset="utf-8"><style>
body { margin: 0; font: 20px 'Liberation Sans', sans-serif; color: #0b2a5b; background: #ffffff; }
header { height: 130px; background: #0071dc; }
.grid { display: grid; grid-template-columns: 290px 604px 290px; gap: 24px; padding: 24px; }
.col { display: flex; flex-direction: column; gap: 24px; }
.p { background: #e4e5e8; border-radius: 8px; }
.t { background: #e4e5e8; border-radius: 8px; padding: 24px; box-sizing: border-box; font-weight: bold; }
</style></head><body><header></header><div class="grid">
<div class="col"><div class="p" style="height: 190px"></div><div class="p" id="tall" style="height: 430px"></div></div>
<div class="col"><div class="t" style="height: 340px">Shop now<br><br><br><br><br>$359</div>
<div class="t" style="height: 220px">Better rest, for way less<br>Shop mattresses</div></div>
<div class="col"><div class="t" style="height: 160px">More splash for your buck<br>Shop now</div>
<div class="t" style="height: 190px">Up to $500 off fridges<br>Shop appliances</div>
<div class="t" style="height: 220px">Pedal, scoot and save big<br>Shop now</div></div></div></body></html>"""


def test_bare_panels_beside_tiles_that_start_elsewhere_are_no_hole():
    """A column of bare grey panels (placeholders by design) beside grey tiles with text: the tiles
    are the panels' ground and hold content, but none starts level with the tall panel: a grid of
    its own, not a row of cards with one left empty."""
    img, boxes = render_with_boxes(PANELS, ("tall",), width=1280, height=800)
    found = blank_area.detect(img)
    assert not [i.bbox for i in found if overlap_min(i.bbox, boxes["tall"]) >= 0.3], (boxes, [i.bbox for i in found])


SIDEBAR = """<!doctype html><html><head><meta charset="utf-8"><style>
body { margin: 0; font: 17px 'Liberation Sans', sans-serif; color: #333; background: #0769ad; }
header { height: 150px; }
.page { margin: 0 20px; background: #ffffff; padding: 16px 25px; display: flex; flex-wrap: wrap;
        justify-content: space-between; }
.main { width: 820px; }
h2 { margin: 0; padding: 8px 12px; font-size: 26px; background: #ebebeb; }
#lead { margin: 0; padding: 20px 12px; height: 130px; line-height: 26px; }
.side { width: 360px; }
.side li { margin: 0 0 12px; color: #b24926; text-decoration: underline; }
.wide { width: 100%; margin-top: 20px; }
</style></head><body><header></header><div class="page"><div class="main"><h2>What is jQuery?</h2>
<p id="lead">jQuery is a fast, small, and feature-rich JavaScript library. It makes things like document
traversal and manipulation, event handling, animation, and Ajax much simpler with an easy-to-use API that
works across a multitude of browsers.</p></div>
<div class="side"><h2>Resources</h2><ul><li>Core API Documentation</li><li>Learning Center</li><li>Blog</li>
<li>Contribute</li><li>Browse or Submit Bugs</li></ul></div>
<div class="wide"><h2>A Brief Look</h2></div></div></body></html>"""


def test_a_gap_shut_in_on_all_four_sides_is_a_hole_from_three_quarters_of_the_size():
    """The paragraph hidden on a 1366x768 screen: a gap of about 170 px, under a quarter of the
    screen's height, between the column's heading and the full-width heading below (which runs past
    the gap, so no stack), the white page's edge on its left and the sidebar's links on its right:
    content close on every side, found where the paragraph was. The whole page has no hole."""
    img, boxes = render_with_boxes(SIDEBAR, ("lead",), before=HIDE_LEAD, width=1366, height=768)
    assert 150 <= boxes["lead"][3] < 192, boxes
    found = blank_area.detect(img)
    assert [overlap_min(i.bbox, boxes["lead"]) >= 0.5 for i in found] == [True], (boxes, [i.bbox for i in found])
    img, _ = render_with_boxes(SIDEBAR, width=1366, height=768)
    assert [i.bbox for i in blank_area.detect(img)] == []
