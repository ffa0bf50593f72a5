"""blank-area: a hole at the start of a grid row runs on into the page's side margin, which blurs how
closely the row's blocks bound it; cut back to the grid's column it is a hole. The whole page, and a
centred column's whitespace beside a sidebar's panel, are not."""
from __future__ import annotations

from debug_pages import render_with_boxes
from vision.defects import blank_area
from vision.defects.issue import overlap_min

GRID = """<!doctype html><html><head><meta charset="utf-8"><style>
body { margin: 0; font: 14px 'DejaVu Sans', sans-serif; color: #222; background: #fff; }
.wrap { width: 952px; margin: 0 auto; }
h1 { font-size: 34px; font-weight: 300; margin: 120px 0 16px; }
h2 { font-size: 20px; font-weight: 300; color: #555; margin: 0 0 20px; }
.row { display: flex; }
.cell { width: 218px; padding: 0 10px 80px; border-left: 1px solid #ddd; }
.cell:first-child { border-left: 0; padding-left: 0; }
.cell h3 { font-size: 22px; font-weight: 300; color: #3465a4; margin: 0 0 20px; }
.cell p { line-height: 1.9; margin: 0; }
</style></head><body><div class="wrap"><h1>Launchpad</h1><h2>A software collaboration platform that provides</h2>
<div class="row"><div class="cell" id="first"><h3>Bug tracking across projects</h3>
<p>Track bugs that affect several projects and their releases in one place</p></div>
<div class="cell"><h3>Code hosting using Git and Bazaar</h3><p>Easy for anyone to get your project's code</p></div>
<div class="cell"><h3>Code reviews</h3><p>Full control of who can land code in your project</p></div>
<div class="cell"><h3>Ubuntu package building</h3><p>Publishing your software is simple</p></div></div>
<div class="row"><div class="cell"><h3>Crowd source translations</h3><p>Build an open community</p></div>
<div class="cell"><h3>Mailing lists</h3><p>Find and work with the right people</p></div>
<div class="cell"><h3>Answer tracking and FAQs</h3><p>Free software thrives on people helping</p></div>
<div class="cell"><h3>Specification tracking</h3><p>Track ideas and chunks of work</p></div></div>
</div></body></html>"""

HIDE_FIRST = "() => { document.getElementById('first').style.visibility = 'hidden'; }"

SIDEBAR = """<!doctype html><html><head><meta charset="utf-8"><style>
body { margin: 0; font: 14px 'DejaVu Sans', sans-serif; color: #222; background: #ebedf0; }
.main { position: absolute; left: 120px; top: 40px; width: 470px; height: 620px; text-align: center;
        display: flex; flex-direction: column; justify-content: space-between; }
.pics { display: flex; justify-content: center; gap: 12px; }
.pics div { width: 150px; height: 120px; background: #d5d7db; }
.side { position: absolute; left: 740px; top: 40px; width: 300px; height: 620px; background: #fff;
        border-radius: 12px; display: flex; flex-direction: column; justify-content: space-between;
        padding: 30px; box-sizing: border-box; }
.side p { margin: 0; }
</style></head><body><div class="main"><div><h1>App for phones</h1>
<p>Install the app and stay in touch with your friends anytime and anywhere</p>
<div class="pics"><div></div><div></div></div></div><p>Google Play &nbsp; RuStore &nbsp; App Store</p></div>
<div class="side"><p>Sign in</p><p>Phone or email</p><p>Save user</p><p>Quick login with a code</p>
<p>Learn more</p><p>Sign up</p><p>Create a business page</p><p>Other ways in</p></div></body></html>"""


def test_a_grid_cell_gone_by_the_margin_is_a_hole():
    """The grid's first cell hidden: the empty rectangle runs from the screen's edge across the
    margin to the rule of the next cell; cut back to the grid's left edge, the heading above, the
    next row below and the next cell beside bound it on the page's ground."""
    img, boxes = render_with_boxes(GRID, ("first",), before=HIDE_FIRST, width=1152, height=864)
    found = blank_area.detect(img)
    assert [overlap_min(i.bbox, boxes["first"]) >= 0.5 for i in found] == [True], (boxes, [i.bbox for i in found])


def test_the_whole_grid_has_no_hole():
    img, _ = render_with_boxes(GRID, width=1152, height=864)
    assert blank_area.detect(img) == []


def test_a_centred_column_beside_a_sidebar_panel_is_design():
    """A centred column spread over the sidebar's height leaves whitespace between its blocks; cut
    back from the margin it is bounded beside only by the sidebar's panel, of another colour."""
    img, _ = render_with_boxes(SIDEBAR, width=1280, height=720)
    assert blank_area.detect(img) == []
