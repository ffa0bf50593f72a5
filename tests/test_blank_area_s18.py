"""blank-area: the picture column of a two-column band gone, in a page set in a centred container with
wide margins. The band's rules above and below end where the container does, so the hole (cut back from
the margin to the column's width) faces the page's margin, not the screen's edge: that margin bounds
nothing, as the screen's edge does not."""
from __future__ import annotations

import base64

import cv2
import numpy as np
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


def _shaded_picture(w: int, h: int) -> str:
    """A photo-like picture as a data URI: flat in the middle, its shading falling off gently over the
    outer quarter (a vignette) and steeply in the last few pixels, as the benchmark's stand-in
    pictures are."""
    yy, xx = np.mgrid[0:h, 0:w]
    d = np.minimum(np.minimum(xx, w - 1 - xx), np.minimum(yy, h - 1 - yy))
    g = 229 - 8 * np.clip(1 - d / (0.25 * min(w, h)), 0, 1) ** 2 - 7 * np.clip(1 - d / 12, 0, 1)
    ok, png = cv2.imencode(".png", np.repeat(g[..., None], 3, -1).astype(np.uint8))
    assert ok
    return "data:image/png;base64," + base64.b64encode(png.tobytes()).decode()


PICTURES = """<!doctype html><html><head><meta charset="utf-8"><style>
* { margin: 0; padding: 0; }
body { font: 16px 'Liberation Sans', sans-serif; color: #222; background: #fff; }
header { position: relative; z-index: 1; height: 52px; background: #404eed; color: #fff; text-align: center; line-height: 52px; font-size: 14px; }
header a { margin: 0 14px; }
.hero { position: relative; height: 548px; }
.hero img { position: absolute; display: block; }
#a { left: 0; top: 0; width: 330px; height: 548px; }
#b { left: 348px; top: 0; width: 760px; height: 548px; }
.side { position: absolute; left: 1140px; top: 40px; width: 260px; line-height: 30px; color: #23272a; }
.mark { position: absolute; left: 0; top: 250px; width: 20px; height: 50px; background: #d0d0d0; border: 2px solid #bbb; }
.logo { position: absolute; left: 76px; top: 0; width: 74px; height: 60px; background: #f0f0f0; border: 1px solid #ccc; }
.cap { position: absolute; left: 24px; bottom: 28px; width: 240px; font-size: 14px; line-height: 21px; color: #444; }
.text { position: absolute; left: 348px; width: 760px; top: 150px; text-align: center; color: #fff; text-shadow: 0 1px 3px rgba(0,0,0,.4); }
h1 { font-size: 54px; margin-bottom: 30px; }
.text p { font-size: 18px; line-height: 30px; width: 640px; margin: 0 auto 34px; }
.btn { display: inline-block; padding: 16px 32px; border-radius: 28px; background: #fff; color: #23272a; margin: 0 12px; text-shadow: none; }
.btn.dark { background: #23272a; color: #fff; }
section { padding: 80px 120px; font-size: 40px; font-weight: bold; }
</style></head><body><header><a>Download</a><a>Nitro</a><a>Discover</a><a>Safety</a><a>Support</a><a>Blog</a><a>Careers</a></header>
<div class="hero"><img id="a" src="URI" alt=""><img id="b" src="URI" alt=""><div class="mark"></div><div class="logo"></div><div class="cap">Photo: the community meetup in Lisbon, spring 2023. Used with the organisers' kind permission.</div>
<div class="side"><b>Popular servers</b><br>Midjourney<br>Genshin Impact<br>Fortnite<br>Minecraft<br>Valorant<br>Lofi Girl<br>Roblox<br>Apex Legends<br>Honkai Star Rail<br>Python<br>Overwatch<br>League of Legends</div><div class="text"><h1>Imagine a place...</h1><p>where you can belong to a school club, a gaming group, or a worldwide art community.
Where just you and a handful of friends can spend time together.</p><span class="btn">Download for Windows</span><span class="btn dark">Open in your browser</span></div></div>
<section>Create an invite-only place where you belong</section></body></html>"""


def test_the_inside_of_a_shaded_picture_beside_another_is_no_hole():
    """A tall picture beside the hero's picture, a logo, a mark and a caption set over it: its inside
    is bounded by its edges and by the next picture, whose ground is the same colour, and its region
    is no rectangle (the marks take a share of it), but it is a picture's shading, not a CSS
    ground, and its region is mostly its own box."""
    img, _ = render_with_boxes(PICTURES.replace("URI", _shaded_picture(735, 552)), width=1432, height=920)
    assert blank_area.detect(img) == []


COLUMN_END = """<!doctype html><html><head><meta charset="utf-8"><style>
* { margin: 0; padding: 0; }
body { font: 18px 'Liberation Sans', sans-serif; color: #1a1a1a; background: #fff; }
.top { height: 44px; background: #f5f6f7; }
nav { height: 76px; border-bottom: 1px solid #ddd; padding: 0 112px; line-height: 76px; font-size: 14px; font-weight: bold; }
nav span { margin-right: 24px; }
.hero { display: flex; gap: 40px; padding: 72px 112px 56px; }
.text { width: 520px; }
h1 { font-size: 40px; margin-bottom: 20px; }
.text p { font-size: 22px; line-height: 33px; margin-bottom: 30px; }
.btn { display: inline-block; border: 2px solid #005a9c; border-radius: 24px; padding: 12px 24px; font-size: 13px; font-weight: bold; color: #005a9c; }
.pic { width: 500px; height: 376px; background: linear-gradient(135deg, #c9d3dd, #8fa1b3); }
.band { background: #f5f6f7; padding: 40px 112px; }
.band h2 { font-size: 32px; margin-bottom: 20px; }
.band p { font-size: 15px; line-height: 24px; width: 680px; }
</style></head><body><div class="top"></div>
<nav><span>Standards</span><span>Groups</span><span>Get involved</span><span>Resources</span><span>News and events</span><span>About</span></nav>
<div class="hero"><div class="text"><h1>Making the Web work</h1><p>The World Wide Web Consortium (W3C) develops standards
and guidelines to help everyone build a web based on the principles of accessibility, internationalization, privacy
and security.</p><span class="btn">Read more about W3C</span></div><div class="pic"></div></div>
<div class="band"><h2>Working with stakeholders of the Web</h2><p>A range of organizations join the World Wide Web
Consortium as Members to work with us to drive the direction of core web technologies and exchange ideas with industry
and research leaders.</p></div></body></html>"""


def test_the_space_under_a_text_column_beside_a_taller_picture_is_design():
    """A hero's text column (heading, paragraph, a button) beside a taller picture, the next section's
    band below: under the paragraph, beside the button, the space is bounded by the paragraph above,
    the picture beside and the band's edge below, but the paragraph runs on past it on its open side:
    the column ended there, nothing is missing."""
    img, _ = render_with_boxes(COLUMN_END, width=1344, height=840)
    assert blank_area.detect(img) == []
