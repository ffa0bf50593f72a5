"""Misalignment (stop 21) on clean pages rendered in Chromium:
- a cookie banner laid over the bottom of the page behind a full-width border: its text starts
  10 px left of the column above the border, which is another band's column, not its own;
- a column of lines each led by a square icon, the recogniser's box of one line reaching into its
  icon's right edge: the icon's edge is no ink of the line."""
from __future__ import annotations

from debug_pages import detected, lands_on, read_line, render_with_boxes
from vision.defects import misalignment

BANNER = """<!doctype html><html><head><meta charset="utf-8"><style>
body {{ margin: 0; font: 16px 'Liberation Serif', serif; color: #222; background: #fff; }}
.col {{ position: absolute; left: 116px; top: 702px; width: 260px; }}
.col h3 {{ font-weight: normal; font-size: 16px; margin: 0 0 6px; }}
.col hr {{ border: 0; border-top: 1px solid #999; margin: 0 0 12px; }}
.col p {{ margin: 0; color: #1a56c4; }}
.banner {{ position: fixed; left: 0; right: 0; bottom: 0; height: 110px; background: #eee;
  border-top: 3px solid #662d91; font: 13px 'Liberation Sans', sans-serif; }}
.banner p {{ position: absolute; left: {left}px; top: 34px; width: 900px; margin: 0; line-height: 18px; }}
</style></head><body>
<div class="col"><h3>North America</h3><hr><p>Canada (English)</p></div>
<div class="banner"><p id="banner">Our website uses cookies and similar technologies, including for personalization,
advertising and analytics purposes. By selecting agree, you consent to our use of these cookies and
technologies. You can update this selection at any time.</p></div></body></html>"""


def test_a_banner_across_a_full_width_border_is_no_member_of_the_column_above():
    found, _ = detected("misalignment", BANNER.format(left=106), width=1390, height=870)
    assert found == [], [(i.bbox, i.message) for i in found]


ICONS = """<!doctype html><html><head><meta charset="utf-8"><style>
body { margin: 0; padding: 80px 200px; font: 15px 'DejaVu Sans', sans-serif; color: #fff; background: #1e1e1e; }
h4 { margin: 0 0 18px; font-size: 15px; }
.item { display: flex; align-items: center; gap: 5px; margin-bottom: 11px; }
.item i { display: inline-block; width: 20px; height: 21px; background: #e4e4e4; }
</style></head><body><h4 id="h">Download the App</h4>
<div class="item"><i></i><span id="a">Track orders any time</span></div>
<div class="item"><i></i><span id="b">Low stock items alerts</span></div>
<div class="item"><i></i><span id="c">Coupons &amp; offers alerts</span></div></body></html>"""


def test_the_edge_of_an_icon_the_box_of_its_line_reaches_into_is_no_ink_of_the_line():
    """The first line's box starts 9 px left of its text, 4 px inside its icon (the recogniser's box
    took in the icon's right edge); the others' 2 px left. Before, the icon's edge set the line's
    left and it was 'off' its column."""
    img, b = render_with_boxes(ICONS, ("h", "a", "b", "c"), text=True, width=1390, height=870)
    infos = [read_line(img, b["h"], "Download the App"),
             read_line(img, b["a"], "Track orders any time", pad=(9, 4)),
             read_line(img, b["b"], "Low stock items alerts"),
             read_line(img, b["c"], "Coupons & offers alerts")]
    found = misalignment.detect(infos, img)
    assert found == [], [(i.bbox, i.message) for i in found]


RULED = """<!doctype html><html><head><meta charset="utf-8"><style>
body {{ margin: 0; padding: 60px 0 0 296px; font: 19px 'Liberation Sans', sans-serif; color: #333; background: #fff; }}
h2 {{ font-size: 36px; font-weight: normal; margin: 0 0 40px; width: 700px; }}
.rule {{ width: 96px; height: 3px; background: #f2c500; margin-bottom: 40px; }}
p {{ width: 520px; line-height: 30px; margin: 0 0 40px; }}
</style></head><body><h2>owned by Sovrn Holdings, Inc.</h2><div class="rule"></div>
<p id="moved" style="position: relative; left: {shift}px">If you have questions about the purpose of this domain, or
about Sovrn, please read our support documentation.</p>
<p>For other questions, or to start advertising with Sovrn, please contact our sales team today.</p></body></html>"""


def test_a_paragraph_off_a_column_a_rule_places_to_the_pixel_is_found():
    """A large heading's first letter may start its ink 4 px right of its box, which alone leaves a
    paragraph 4 px left of the column in doubt; the rule under the heading starts where the column
    does to the pixel, and the paragraphs above and below agree with it."""
    found, b = detected("misalignment", RULED.format(shift=-4), ("moved",), width=1310, height=830)
    assert lands_on(found, b["moved"]), (b["moved"], [(i.bbox, i.message) for i in found])


def test_a_ruled_column_in_line_is_quiet():
    found, _ = detected("misalignment", RULED.format(shift=0), width=1310, height=830)
    assert found == [], [(i.bbox, i.message) for i in found]


BUTTON = """<!doctype html><html><head><meta charset="utf-8"><style>
body {{ margin: 0; padding: 380px 0 0 329px; font: 19px 'Liberation Sans', sans-serif; color: #333; background: #fff; }}
h2 {{ font-size: 38px; font-weight: bold; margin: 0 0 22px; }}
p {{ width: 440px; line-height: 30px; margin: 0 0 26px; }}
a {{ display: inline-block; background: #0b8aa8; color: #fff; font-weight: bold; font-size: 20px; padding: 10px 28px 10px 74px; }}
</style></head><body><h2>Documentation simplified</h2>
<p>Build, host, and share documentation, all with a single platform.</p>
<a id="moved" style="position: relative; left: {shift}px">Sign up now</a></body></html>"""


def test_a_button_off_the_column_its_texts_boxes_start_at_is_found():
    """The button's fill starts 4 px right of the texts' boxes; their ink starts a side bearing
    right of their boxes, so by the ink it is barely 2 px off: the column of texts is where their
    first glyphs place their boxes."""
    found, b = detected("misalignment", BUTTON.format(shift=4), ("moved",), width=1390, height=870)
    assert lands_on(found, b["moved"]), (b["moved"], [(i.bbox, i.message) for i in found])


def test_a_button_in_line_with_its_texts_is_quiet():
    found, _ = detected("misalignment", BUTTON.format(shift=0), width=1390, height=870)
    assert found == [], [(i.bbox, i.message) for i in found]


LINKS = """<!doctype html><html><head><meta charset="utf-8"><style>
body { margin: 0; font: 16px 'Liberation Serif', serif; color: #222; background: #fff; }
.col { position: absolute; left: 260px; top: 672px; width: 300px; }
.col h3 { font-weight: normal; font-size: 16px; margin: 0 0 8px; }
.rule { height: 1px; background: #999; margin-bottom: 20px; width: 260px; }
.row { display: flex; align-items: center; margin-bottom: 22px; }
.row i { width: 130px; height: 20px; background: #e4e4e4; border: 1px solid #aaa; margin-right: 11px; }
.row span { color: #1a56c4; }
</style></head><body><div class="col"><h3>North America</h3><div class="rule" id="rule"></div>
<div class="row"><i></i><span id="a">Canada (English)</span></div>
<div class="row"><i></i><span id="b">Canada (Francais)</span></div></div>
<script>const r = document.getElementById('rule'), b = document.getElementById('b').getBoundingClientRect();
r.style.width = (b.right - r.getBoundingClientRect().left + 1) + 'px';</script></body></html>"""


def test_a_link_left_aligned_with_the_next_is_not_off_the_right_end_the_next_shares_with_a_rule():
    """Two links start at one x under a heading's rule; the longer one happens to end where the rule
    does. The shorter link's end is ragged, not 6 px off a right edge: a shift would have moved its
    start off the other link's too."""
    found, _ = detected("misalignment", LINKS, width=1390, height=870)
    assert found == [], [(i.bbox, i.message) for i in found]
