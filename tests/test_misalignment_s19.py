"""Misalignment (stop 19): pill buttons, a paragraph whose last line is full of underlined links, a
box landing on a list's indent, a right-aligned link, a line the recogniser did not read, and a
link landing on a large heading's first letter. Each page is rendered in Chromium; most are read by
the real OCR, one hands over the lines the recogniser read on such a page."""
from __future__ import annotations

from debug_pages import detected, lands_on, read_line, render_with_boxes
from vision.defects import misalignment

STYLE = """<!doctype html><html><head><meta charset="utf-8"><style>
body { margin: 0; padding: 40px 140px; font: 17px 'Liberation Sans', sans-serif; color: #222; background: #fff; }
</style></head><body>"""


def _pills(shift: int, chip: int = 0) -> str:
    pill = "border-radius:999px;padding:14px 24px;font-size:13px;font-weight:bold;letter-spacing:3px"
    return STYLE.replace("#fff;", "#000;") + f"""
<div style="font-size:46px;font-weight:bold;color:#fff;line-height:1.2">
<div><span style="background:#e8612c;padding:2px 12px;display:inline-block">Command Your Attack Surface</span></div>
<div id="chip" style="margin-top:6px;position:relative;left:{chip}px"><span style="background:#151515;padding:0 6px;
display:inline-block">Anticipate, Pinpoint,
Act</span></div></div>
<div id="row" style="display:flex;gap:22px;margin-top:36px;position:relative;left:{shift}px">
<span style="background:#e8612c;color:#fff;{pill}">EXPLORE OUR SOLUTION</span>
<span style="background:#fff;color:#333;{pill}">ACCESS NEW RESEARCH</span></div></body></html>"""


def test_a_row_of_pill_buttons_moved_off_the_headings_edge_is_found():
    """A pill's round end is its box's edge at its middle row: the row of pills 7 px right of the
    edge the headings' chips share is off (no straight side, so it was no box before)."""
    found, b = detected("misalignment", _pills(7), ("row",))
    assert lands_on(found, b["row"]), (b["row"], [(i.bbox, i.message) for i in found])


def test_a_row_of_pill_buttons_moved_left_of_the_headings_chips_is_found():
    """The headings' chips are painted edges, exact to the pixel (no side bearing to allow for):
    pills 4 px left of them are off."""
    found, b = detected("misalignment", _pills(-4), ("row",))
    assert lands_on(found, b["row"]), (b["row"], [(i.bbox, i.message) for i in found])


def test_a_heading_chip_moved_right_of_the_pills_edge_is_found():
    """A chip's edge is where the element starts to the pixel: the black chip 4 px right of the
    edge the orange chip and the pills share is off, though a line's ink that far in could be its
    first letter's bearing."""
    found, b = detected("misalignment", _pills(0, 4), ("chip",))
    assert lands_on(found, b["chip"]), (b["chip"], [(i.bbox, i.message) for i in found])


def test_pill_buttons_in_line_with_the_headings_are_quiet():
    found, _ = detected("misalignment", _pills(0))
    assert found == [], [(i.bbox, i.message) for i in found]


def _links_paragraph(shift: int) -> str:
    a = 'style="color:#005a9c;text-decoration:underline;text-underline-offset:3px"'
    return STYLE.replace("#fff;", "#f8f8fa;") + f"""<div style="width:680px">
<h2 style="margin:0 0 20px;font-size:32px">Working with stakeholders of the Web</h2>
<p style="margin:0 0 20px;line-height:1.45">A range of organizations join the World Wide Web Consortium as Members to
work with us to drive the direction of core web technologies and exchange ideas with industry and research
leaders. We rotate randomly a few of our Member organizations' logos underneath.</p>
<p id="moved" style="margin:0;line-height:1.45;position:relative;left:{shift}px">The Web Consortium and its members,
with help from the public and the web community, focus on a range of business ecosystems that the Web
transforms, including <a {a}>E-commerce</a>, <a {a}>Media &amp; Entertainment</a>, <a {a}>Publishing</a>
and several other areas.</p></div></body></html>"""


def test_a_paragraph_ending_in_underlined_links_moves_as_one():
    """The last line's x-height reads larger (its links' underlines taken for the baseline), but it
    follows at the paragraph's own line pitch: one paragraph, 7 px right of the column."""
    found, b = detected("misalignment", _links_paragraph(7), ("moved",))
    assert lands_on(found, b["moved"]), (b["moved"], [(i.bbox, i.message) for i in found])


def test_a_paragraph_ending_in_underlined_links_in_line_is_quiet():
    found, _ = detected("misalignment", _links_paragraph(0))
    assert found == [], [(i.bbox, i.message) for i in found]


def _listing(shift: int) -> str:
    ul = 'style="margin:0 0 22px;padding-left:8px;list-style:inside disc;line-height:1.6"'
    return STYLE + f"""<div style="width:700px">
<p style="margin:0 0 22px;line-height:1.5">unpkg is a fast, global content delivery network for everything on npm.
Use it to quickly and easily load any file from any package using a URL like:</p>
<div id="moved" style="background:#eee;padding:8px;text-align:center;position:relative;left:{shift}px">
unpkg.com/:package@:version/:file</div>
<h3 style="margin:26px 0 18px;font-size:24px">Examples</h3>
<p style="margin:0 0 16px">Using a fixed version:</p>
<ul {ul}><li>unpkg.com/react@16.7.0/umd/react.production.min.js</li>
<li>unpkg.com/react-dom@16.7.0/umd/react-dom.production.min.js</li></ul>
<p style="margin:0 0 16px">You may also use a semver range or a tag instead of a fixed version number:</p>
<ul {ul}><li>unpkg.com/react@^16/umd/react.production.min.js</li>
<li>unpkg.com/react/umd/react.production.min.js</li></ul></div></body></html>"""


def test_a_box_landing_on_a_lists_indent_is_found():
    """The grey box moved 8 px lands where the lists' bullets hang in their indent: list items are
    placed by the list's padding, so they neither share its offset nor break up its block."""
    found, b = detected("misalignment", _listing(8), ("moved",))
    assert lands_on(found, b["moved"]), (b["moved"], [(i.bbox, i.message) for i in found])


def test_lists_indented_under_their_paragraphs_are_quiet():
    found, _ = detected("misalignment", _listing(0))
    assert found == [], [(i.bbox, i.message) for i in found]


def _form(shift: int) -> str:
    field = "border:0;border-bottom:1px solid #ddd;padding:14px 0;display:flex;justify-content:space-between"
    return STYLE + f"""<div style="width:352px;margin-left:500px;color:#8590a6;font-size:15px">
<div style="{field}"><span>+86</span><span>Phone number</span></div>
<div style="{field}"><span>Enter the 6 digit code</span><span style="color:#175199">Get a text code</span></div>
<div style="text-align:right;padding:14px 0"><span id="moved" style="color:#444;position:relative;left:{shift}px">
Get a voice code</span></div>
<div style="background:#1772f6;color:#fff;text-align:center;padding:10px 0;border-radius:4px;margin-top:6px">
Sign in</div></div></body></html>"""


def test_a_right_aligned_link_moved_off_the_forms_right_edge_is_found():
    """A link set flush right under fields whose rules, links and button all end at one edge: 5 px
    past it is off, as a left-aligned one would be."""
    found, b = detected("misalignment", _form(5), ("moved",))
    assert lands_on(found, b["moved"]), (b["moved"], [(i.bbox, i.message) for i in found])


def test_a_right_aligned_link_in_line_is_quiet():
    found, _ = detected("misalignment", _form(0))
    assert found == [], [(i.bbox, i.message) for i in found]


HERO = """<!doctype html><html><head><meta charset="utf-8"><style>
body { margin: 0; padding: 40px 200px; font: 19px 'Liberation Sans', sans-serif; background: #ddd; }
.tag { display: inline-block; background: #f4f4f4; padding: 6px 14px; font-style: italic; font-weight: bold;
       color: #85754d; font-size: 22px; }
h1 { margin: 18px 0 14px; font-size: 50px; color: #fff; text-shadow: 0 1px 2px #888; }
.bar { width: 200px; height: 10px; background: #b7a57a; margin-bottom: 22px; }
p { margin: 0 0 26px; width: 520px; line-height: 1.5; color: #333; }
.btn { display: inline-block; background: #fff; color: #555; font-weight: bold; padding: 12px 20px; }
</style></head><body><div class="tag" id="tag">#Innovates</div><h1 id="h">ENERGIZED</h1><div class="bar"></div>
<p><span id="l1">After living through the storms, a graduate student</span><br><span id="l2">Rico Gonzalez is
working on</span><br><span id="l3">clean energy for the future.</span></p>
<div class="btn" id="btn" style="position: relative; left: SHIFTpx"><span id="bt">READ STORY</span></div>
</body></html>"""
HERO_TEXT = {"tag": "#Innovates", "h": "ENERGIZED", "l2": "Rico Gonzalez is working on", "bt": "READ STORY"}


def _hero(shift: int):
    img, b = render_with_boxes(HERO.replace("SHIFT", str(shift)), ("tag", "h", "l1", "l2", "l3", "btn", "bt"),
                               text=True, height=600)
    # the recogniser read only the paragraph's middle line (as it did of pale text on a pale ground)
    lines = [read_line(img, b[k], t) for k, t in HERO_TEXT.items()]
    return misalignment.detect([t for t in lines if t is not None], img), b


def test_a_button_below_a_paragraph_whose_line_was_not_read_is_found():
    """The unread line's ink fills the gap between the bar and the paragraph's next line: they are
    one stack, and the button 5 px right of its edge is off."""
    found, b = _hero(5)
    assert lands_on(found, b["btn"]), (b["btn"], [(i.bbox, i.message) for i in found])


def test_a_button_below_a_paragraph_whose_line_was_not_read_in_line_is_quiet():
    found, _ = _hero(0)
    assert found == [], [(i.bbox, i.message) for i in found]


def _example(shift: int) -> str:
    return STYLE.replace("#fff;", "#f0f0f2;") + f"""<div style="width:600px;margin:60px auto;padding:32px;
background:#fdfdff;border-radius:8px;font-family:'DejaVu Sans',sans-serif;font-size:16px">
<h1 style="margin:0 0 30px;font-size:32px">Example Domain</h1>
<p style="margin:0 0 16px">This domain is for use in illustrative examples in documents. You may use this domain
in literature without prior coordination or asking for permission.</p>
<p style="margin:0"><a id="moved" style="color:#38488f;position:relative;left:{shift}px">More information...</a>
</p></div></body></html>"""


def test_a_link_landing_on_the_headings_first_letter_is_found():
    """The heading's E starts its ink about 0.075 em (2-3 px) inside its box: it stands in the
    column, not with the link moved 4 px that now starts where the E does."""
    found, b = detected("misalignment", _example(4), ("moved",))
    assert lands_on(found, b["moved"]), (b["moved"], [(i.bbox, i.message) for i in found])


def test_a_link_under_a_large_heading_in_line_is_quiet():
    found, _ = detected("misalignment", _example(0))
    assert found == [], [(i.bbox, i.message) for i in found]


def _news(_: int = 0) -> str:
    card = ('<div style="width:246px;background:repeating-linear-gradient(90deg,#dcdcdc 0 1px,#f0f0f0 1px 2px);font:17px Liberation Serif, serif;line-height:1.55;'
            'color:#333"><img src="missing.png" alt="{}" style="display:block;width:246px;height:60px">'
            '<p style="margin:12px 0 0">Read more</p></div>')
    cards = "".join(card.format(t) for t in ("Changes to the dispute resolution policy for domain names",
                                             "Maintenance notice 8:00 AM 29/02/2024",
                                             "Maintenance notice 7:30 AM 18/12/2023"))
    return STYLE.replace("padding: 40px 140px", "padding: 40px 35px") + f"""
<div style="height:300px;width:810px;background:linear-gradient(#e6e6e6,#d4d4d4)"></div>
<h2 style="margin:50px 0 26px;font:26px 'Liberation Serif',serif">NEWS <a style="font-size:14px;color:#369">see more</a></h2>
<div style="display:flex;gap:86px;margin-left:12px">{cards}</div></body></html>"""


def test_a_heading_in_line_with_the_panel_above_it_is_quiet():
    """The section's heading starts where the panel above it does; the texts inside the cards
    below are set in by the cards' padding, which is no column the heading is off."""
    found, _ = detected("misalignment", _news())
    assert found == [], [(i.bbox, i.message) for i in found]
