"""blank-area, on pages rendered in Chromium with one block hidden (visibility: hidden, as the benchmark
hides it), each also rendered whole, which must stay clean:
- a hole as tall as a hole in a ragged text column (its blocks in line at their start, each ending at its
  own length): the column's heading, button and link are a line or two apart, so a block's height between
  two of them is a block gone; a centred composition (pictures over store links) spaces its groups by
  design and stays clean;
- an item gone from a list, with the other side of the screen bare across from it (no mirrored twin);
- a card gone from a column of cards, shut in on all four sides on the page's own flat ground, from the
  least hole size (the ragged column's panel, bare under its short text, is its own ground and stays clean);
- the buttons gone from a hero's centred column beside a picture, above the next band's edge.
"""
from __future__ import annotations

from debug_pages import render_with_boxes
from vision.defects import blank_area
from vision.defects.issue import overlap_min

HIDE = "() => { document.getElementById('gone').style.visibility = 'hidden'; }"

COLUMN = """<!doctype html><html><head><meta charset="utf-8"><style>
* { margin: 0; padding: 0; }
body { font: 16px 'Liberation Sans', sans-serif; color: #222; background: #fff; }
.wrap { display: flex; padding: 60px 0 0 104px; }
.col { width: 640px; }
h2 { font-size: 26px; font-weight: normal; line-height: 34px; margin-bottom: 28px; width: 520px; }
.btn { display: inline-block; background: #1a73e8; color: #fff; padding: 10px 22px; font-size: 14px; border-radius: 4px; }
#gone { margin: 24px 0; height: 200px; background: #f1f3f4; border-radius: 8px; padding: 24px; }
#gone p { margin-bottom: 12px; }
a { color: #1a73e8; font-size: 14px; display: block; margin-bottom: 30px; }
small { font-size: 11px; color: #444; }
.pic { margin-left: 200px; width: 560px; height: 420px; background: linear-gradient(90deg, #e6e6e6, #d9d9d9); }
</style></head><body><div class="wrap"><div class="col">
<h2>Google no longer offers new domain registrations, but try Squarespace</h2>
<span class="btn">Get a new domain from Squarespace</span>
<div id="gone"><p>Move your domains with all their settings in a few steps.</p><p>Keep your email, your records
and your renewal dates.</p><p>Transfers are free for the first year of every domain.</p></div>
<a>Already a Google Domains customer? Manage your current domains</a>
<small>This is an affiliate link. If you make a purchase from Squarespace, we may earn a commission.</small>
</div><div class="pic"></div></div></body></html>"""

LIST = """<!doctype html><html><head><meta charset="utf-8"><style>
* { margin: 0; padding: 0; }
body { font: 15px 'Liberation Sans', sans-serif; color: #222; background: #fff; }
.hero { margin: 0 160px; height: 560px; background: linear-gradient(180deg, #ececec, #e2e2e2); }
.cols { display: flex; padding: 20px 40px; }
.cols > div + div { margin: 60px 0 0 560px; }
.item { display: flex; align-items: flex-start; margin-bottom: 32px; height: 84px; }
.icon { width: 60px; height: 44px; background: #e8e8e8; margin-right: 24px; }
.item a { color: #2a6bd6; font-size: 19px; display: block; margin-bottom: 10px; }
</style></head><body><div class="hero"></div><div class="cols"><div>
<div class="item"><div class="icon"></div><div><a>People</a>Who we are</div></div>
<div class="item" id="gone"><div class="icon"></div><div><a>Events and meetings</a>Where the community meets every year</div></div>
<div class="item"><div class="icon"></div><div><a>Get Involved, Contribute</a>How you can help</div></div>
</div><div>
<div class="item"><div class="icon"></div><div><a>Working groups</a>Who builds it</div></div>
<div class="item"><div class="icon"></div><div><a>Updates</a>Governance</div></div>
<div class="item"><div class="icon"></div><div><a>Sponsors</a>Thanks</div></div>
</div></div></body></html>"""

CENTRED = """<!doctype html><html><head><meta charset="utf-8"><style>
* { margin: 0; padding: 0; }
body { font: 14px 'Liberation Sans', sans-serif; color: #2a5885; background: #f0f2f5; }
.main { width: 780px; text-align: center; padding-top: 40px; }
h1 { font-size: 28px; color: #000; margin-bottom: 30px; }
.pics span { display: inline-block; width: 150px; height: 130px; background: #e4e4e4; margin: 0 -2px; }
.stores { margin-top: 256px; }
.stores span { margin: 0 14px; }
.side { position: absolute; left: 800px; top: 20px; width: 300px; height: 560px; background: #fff;
        border-radius: 12px; border: 1px solid #ddd; }
</style></head><body><div class="main"><h1>VK ID: one account for every service</h1>
<div class="pics"><span></span><span></span></div>
<div class="stores"><span>Google Play</span><span>RuStore</span><span>App Store</span></div>
<p style="margin-top: 16px">All products</p></div><div class="side"></div></body></html>"""


CARDS = """<!doctype html><html><head><meta charset="utf-8"><style>
* { margin: 0; padding: 0; box-sizing: border-box; }
body { font: 14px 'Liberation Sans', sans-serif; color: #222; background: #f4f4f6; }
.top { height: 150px; background: #fff; padding: 30px; }
.logo { width: 400px; height: 90px; background: #e6e6e6; }
.nav { background: #fff; height: 50px; padding: 16px 30px; font-size: 13px; border-bottom: 2px solid #d0d0d8; }
.nav span { margin-right: 38px; }
.page { display: flex; padding: 20px 30px; gap: 28px; }
.left { width: 310px; } .mid { width: 548px; } .right { width: 310px; }
.tint { height: 150px; padding: 26px; color: #fff; margin-bottom: 6px; font-size: 15px; }
.tint b { display: block; font-size: 18px; margin-bottom: 14px; text-decoration: underline; }
.card { background: #fff; padding: 14px 28px 20px; margin-bottom: 12px; }
.card h3 { font-size: 22px; font-weight: normal; margin-bottom: 16px; }
.card p { margin-bottom: 12px; line-height: 20px; }
.pic { width: 210px; height: 130px; background: #e4e4e4; float: left; margin-right: 20px; }
#gone { height: 108px; }
</style></head><body><div class="top"><div class="logo"></div></div>
<div class="nav"><span>Internet versions</span><span>About the company</span><span>Buy the system</span>
<span>News and offers</span><span>Free trial</span><span>News</span><span>Vacancies</span></div>
<div class="page"><div class="left">
<div class="tint" style="background:#6d58a8"><b>Client login</b>Enter the system for clients</div>
<div class="tint" style="background:#e0a030"><b>Free trial</b>Free access to the system</div>
<div class="tint" style="background:#909090"><b>Buy the system</b>Special offers on the purchase</div>
</div><div class="mid"><div class="card" id="gone"><h3>Search the documents</h3><p>Codes, laws and other materials</p></div>
<div class="card"><h3>News</h3><div class="pic"></div><p>Today</p><p>A change of the tax system: what the
ministry announced and what news it has prepared</p><p style="clear: both">Yesterday</p><p>The service plans
to reveal unfair agreements with the help of a new information system</p><p>Contracts with the self-employed:
disputes over the reclassification of their work</p></div></div>
<div class="right"><div class="card"><h3>Hot documents</h3><p>New laws of the country, orders of the
government and other acts: new documents arrive several times a day.</p></div>
<div class="card"><h3>Products</h3><p>Lawyer</p><p>Legislation, court practice and its analysis.</p></div></div>
</div></body></html>"""


HERO = """<!doctype html><html><head><meta charset="utf-8"><style>
* { margin: 0; padding: 0; box-sizing: border-box; }
body { font: 15px 'Liberation Sans', sans-serif; color: #fff; background: #312e2b; }
.side { position: fixed; left: 0; top: 0; bottom: 0; width: 145px; background: #262421; padding: 14px; }
.side div { height: 28px; margin-bottom: 18px; font-weight: bold; }
.main { margin-left: 380px; width: 1050px; padding-top: 40px; }
.hero { display: flex; gap: 20px; }
.pic { width: 500px; height: 380px; background: #e2e2e2; border-radius: 4px; }
.text { width: 530px; text-align: center; padding-top: 30px; }
h1 { font-size: 46px; line-height: 56px; margin-bottom: 26px; }
.stats { color: #bbb; font-size: 15px; }
.stats b { color: #fff; margin: 0 6px; }
.stats i { display: inline-block; width: 36px; }
#gone { margin-top: 40px; }
.btn { display: block; background: #81b64c; height: 84px; border-radius: 10px; margin-bottom: 16px; font-size: 26px;
       line-height: 84px; font-weight: bold; }
.card { margin-top: 48px; background: #262522; height: 380px; border-radius: 6px; padding: 40px; font-size: 28px; }
</style></head><body><div class="side"><div>Play</div><div>Puzzles</div><div>Learn</div><div>Watch</div></div>
<div class="main"><div class="hero"><div class="pic"></div><div class="text"><h1>Play Chess Online on the #1 Site!</h1>
<div class="stats"><b>14,400,955</b>Games Today<i></i><b>108,538</b>Playing Now</div>
<div id="gone"><span class="btn">Play Online</span><span class="btn">Play Bots</span></div></div></div>
<div class="card">Solve Chess Puzzles</div></div></body></html>"""


def _finds(page: str, size: dict) -> None:
    img, boxes = render_with_boxes(page, ("gone",), before=HIDE, **size)
    found = [i.bbox for i in blank_area.detect(img)]
    assert [overlap_min(b, boxes["gone"]) >= 0.5 for b in found] == [True], (boxes["gone"], found)
    img, _ = render_with_boxes(page, **size)
    assert blank_area.detect(img) == []


def test_a_block_gone_from_a_ragged_text_column_is_a_hole_as_tall_as_one():
    _finds(COLUMN, dict(width=1664, height=936))


def test_an_item_gone_from_a_list_is_a_hole_though_the_screen_is_bare_across_from_it():
    _finds(LIST, dict(width=1920, height=1080))


def test_a_centred_composition_spaces_its_groups_widely_by_design():
    img, _ = render_with_boxes(CENTRED, width=1120, height=840)
    assert blank_area.detect(img) == []


def test_a_card_gone_from_a_column_on_a_flat_ground_shut_in_on_all_sides_is_a_hole():
    _finds(CARDS, dict(width=1280, height=800))


def test_the_buttons_gone_from_a_centred_column_beside_a_picture_leave_a_hole():
    _finds(HERO, dict(width=1664, height=936))
