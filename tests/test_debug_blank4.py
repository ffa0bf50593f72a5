"""blank-area: a gap in a stack shorter than a quarter of the screen (a hero's paragraph gone from
between its heading and its buttons) is a hole; the space under a column that ends at its band's
edge, and the same whitespace above and below a block centred in a band, are whitespace by design.
Pages rendered here in Chromium."""
from __future__ import annotations

from debug_pages import render_with_boxes

from vision.defects import blank_area
from vision.defects.issue import overlap_min

HERO = """<!doctype html><html><head><meta charset="utf-8"><style>
body { margin: 0; font: 18px 'Liberation Sans', sans-serif; color: #f2f3f5; background: #ffffff; }
header { height: 64px; display: flex; gap: 40px; align-items: center; padding: 0 40px; color: #1d2327; }
.hero { display: flex; justify-content: space-between; height: 440px; background: #0b2454; padding: 50px 0 0 16px;
        box-sizing: border-box; }
.text { width: 540px; }
h1 { font-size: 40px; margin: 0 0 24px; }
#lead { font-size: 22px; line-height: 34px; margin: 0 0 24px; }
.buttons b { display: inline-block; width: 180px; padding: 14px 0; margin-right: 20px; text-align: center;
             background: #1f8a3a; }
.shot { width: 680px; height: 380px; background: #d9dadd; }
footer { height: 300px; background: #1873d3; }
</style></head><body><header><span>Credit cards</span><span>Loans</span><span>Insurance</span></header>
<section class="hero"><div class="text"><h1>More than free credit scores.</h1>
<p id="lead">See your score, the cards you are likely to get, and what would raise it next month,
all in one place and at no cost to you.</p>
<div class="buttons"><b>Sign up</b><b>Log in</b></div></div><div class="shot"></div></section>
<footer></footer></body></html>"""

HIDE_LEAD = "() => { document.getElementById('lead').style.visibility = 'hidden'; }"


def test_a_paragraph_gone_from_a_stack_leaves_a_short_hole():
    """The paragraph hidden: a gap of about 140 px (under a quarter of the 800 px screen) between the
    heading and the buttons, both in line on the column's left edge and within the gap's width: a
    stack with a member gone, found where the paragraph was."""
    img, boxes = render_with_boxes(HERO, ("lead",), before=HIDE_LEAD, width=1280, height=800)
    assert 100 <= boxes["lead"][3] < 200, boxes
    found = blank_area.detect(img)
    assert [overlap_min(i.bbox, boxes["lead"]) >= 0.5 for i in found] == [True], (boxes, [i.bbox for i in found])


def test_the_space_under_a_column_that_ends_is_no_hole():
    """The whole hero: under the buttons the band's ground runs on to its edge (a gap as tall as the
    paragraph's), but the band's edge runs on past the gap's ends: no stack around it."""
    img, _ = render_with_boxes(HERO, width=1280, height=800)
    assert [i.bbox for i in blank_area.detect(img)] == []


CENTRED = """<!doctype html><html><head><meta charset="utf-8"><style>
body { margin: 0; font: 18px 'Liberation Serif', serif; color: #1d2327; background: #ffffff; }
header { height: 60px; display: flex; gap: 40px; align-items: center; padding: 0 80px; border-bottom: 1px solid #ddd; }
.hero { display: flex; align-items: center; justify-content: space-between; height: 660px; padding: 0 80px;
        box-sizing: border-box; }
.text { width: 540px; }
h1 { font-size: 64px; margin: 0 0 24px; font-weight: normal; }
.shot { width: 540px; height: 420px; background: #dddddd; }
.next { height: 120px; background: #eeeeee; }
</style></head><body><header><span>News</span><span>Showcase</span><span>Hosting</span><span>Learn</span></header>
<section class="hero"><div class="text"><h1>Meet the press</h1>
<p>The open source publishing platform of choice for millions of websites worldwide, from creators
and small businesses to enterprises.</p></div><div class="shot"></div></section>
<div class="next"></div></body></html>"""


def test_the_same_space_above_and_below_a_centred_block_is_design():
    """A text block centred in a band beside a taller picture: about 230 px of the band's ground above
    the heading (content close on three sides: the band's edge, the heading, the picture) and as
    much under the text down to the next band: the block's centring, not a hole."""
    img, _ = render_with_boxes(CENTRED, width=1280, height=800)
    assert [i.bbox for i in blank_area.detect(img)] == []


PHONE_HEADING = """<!doctype html><html><head><meta charset="utf-8"><style>
body { margin: 0; padding: 24px 16px; font: 16px/1.6 'Liberation Sans', sans-serif; color: #333; background: #fff; }
.pic { height: 200px; background: #e4e4e4; margin-bottom: 24px; }
h1 { font-size: 42px; line-height: 1.2; font-weight: normal; color: #1a9cd8; margin: 0 0 20px; }
</style></head><body><div class="pic"></div>
<h1 id="h">Control Over Your Personal Information</h1>
<p>By following the instructions below, you may request that the company limit its use of your personal
information for targeted advertising purposes, and the sale or sharing of your personal information.</p>
<p>In response to browser and device providers changing their support for identifiers, the company has
developed other ways to recognise a device.</p></body></html>"""


def test_the_space_beside_a_headings_short_lines_on_a_phone_is_no_hole():
    """A 42 px heading wrapped on a 390 px phone: beside its two short lines about 150x120 px stay
    empty, over a quarter of the phone's width both ways and bounded by the heading and the text
    below, but no larger than beside the same heading on a desktop: under the 128 px floor."""
    img, boxes = render_with_boxes(PHONE_HEADING, ("h",), width=390, height=844)
    assert boxes["h"][3] > 140, boxes  # three lines
    assert [i.bbox for i in blank_area.detect(img)] == []


PHONE_GRID = """<!doctype html><html><head><meta charset="utf-8"><style>
body { margin: 0; padding: 20px 16px; font: 15px/1.4 'Liberation Sans', sans-serif; color: #222; background: #f4f5f7; }
h2 { margin: 0 0 16px; font-size: 24px; }
.grid { display: grid; grid-template-columns: 1fr 1fr; gap: 12px; }
.tile { height: 170px; background: #ffffff; padding: 12px; box-sizing: border-box; }
.tile i { display: block; height: 90px; background: #c7d3e6; margin-bottom: 8px; }
</style></head><body><h2>Shop by category</h2><div class="grid">
<div class="tile"><i></i>Tents and shelters</div><div class="tile"><i></i>Sleeping bags</div>
<div class="tile" id="gone"><i></i>Cooking gear</div><div class="tile"><i></i>Hiking boots</div>
<div class="tile"><i></i>Backpacks</div><div class="tile"><i></i>Lights and lamps</div>
<div class="tile"><i></i>Maps</div><div class="tile"><i></i>Water filters</div></div></body></html>"""


def test_a_tile_gone_from_a_phones_grid_is_a_hole():
    """The floor keeps a phone's real holes: a 173x170 px tile hidden from a two-column grid."""
    img, boxes = render_with_boxes(PHONE_GRID, ("gone",), before="() => { document.getElementById('gone')"
                                   ".style.visibility = 'hidden'; }", width=390, height=844)
    found = blank_area.detect(img)
    assert [overlap_min(i.bbox, boxes["gone"]) >= 0.5 for i in found] == [True], (boxes, [i.bbox for i in found])


WIDE = """<!doctype html><html><head><meta charset="utf-8"><style>
body { margin: 0; font: 18px 'Liberation Sans', sans-serif; color: #202124; background: #ffffff; }
header { height: 64px; display: flex; gap: 30px; align-items: center; padding: 0 24px; border-bottom: 1px solid #ddd; }
main { width: 1340px; margin: 60px auto 0; display: flex; justify-content: space-between; }
.text { width: 660px; }
h1 { font-size: 44px; font-weight: normal; margin: 0 0 30px; }
#lead { font-size: 24px; line-height: 40px; margin: 0 0 30px; }
.text b { display: inline-block; padding: 12px 24px; background: #1a73e8; color: #fff; font-weight: normal; }
.text a { display: block; margin-top: 30px; color: #1a73e8; }
.shot { width: 600px; height: 560px; background: #e2e2e2; }
</style></head><body><header><span>Home</span><span>Support</span></header>
<main><div class="text"><h1>An update on domains</h1>
<p id="lead">The registry no longer offers new domain registrations here; your domains, their renewals and
their settings move to the new provider, with nothing for you to do today.</p>
<b>Get a new domain</b><a>Already a customer? Manage your domains</a></div><div class="shot"></div></main>
</body></html>"""


def test_a_gap_in_a_centred_column_on_a_wide_screen_is_a_hole():
    """1920 px wide, the content a 1340 px column with 290 px margins: the paragraph hidden leaves a
    gap between the heading and the button (under a quarter of the screen's height) that runs into
    the left margin, where no content lies beside it; the stack's blocks bound it above and below
    however short they are beside the margin. The whole page has no hole."""
    img, boxes = render_with_boxes(WIDE, ("lead",), before=HIDE_LEAD, width=1920, height=1080)
    found = blank_area.detect(img)
    assert [overlap_min(i.bbox, boxes["lead"]) >= 0.5 for i in found] == [True], (boxes, [i.bbox for i in found])
    img, _ = render_with_boxes(WIDE, width=1920, height=1080)
    assert [i.bbox for i in blank_area.detect(img)] == []
