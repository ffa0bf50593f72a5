"""Misalignment (stop 20): a heading on an inline highlight whose OCR box reaches past the fill onto
the surface around it, links in a column starting with letters of unlike side bearings, and a
centred link ending in a full-width question mark. Each page is rendered in Chromium and read by
the real OCR."""
from __future__ import annotations

from debug_pages import detected, lands_on

STYLE = """<!doctype html><html><head><meta charset="utf-8"><style>
body { margin: 0; padding: 60px 150px; font: 16px 'Liberation Sans', sans-serif; color: #222; background: #fff; }
</style></head><body>"""


def _highlighted(shift: int, row: int = 0) -> str:
    """A hero: an inline heading on an orange highlight (5 px padding, so the recogniser's box
    reaches onto the black around the fill), a second line on a near-black chip, two buttons."""
    btn = "display:inline-block;padding:14px 30px;border-radius:20px;font-size:13px;font-weight:bold;letter-spacing:3px"
    return STYLE.replace("#fff;", "#000;") + f"""
<div style="font-size:46px;font-weight:bold;color:#fff;line-height:1.3">
<h1 style="display:inline;background:#e85e26;font-size:46px;margin:0"><span style="padding-left:5px">Command</span>
<span style="padding-left:5px">Your</span> <span style="padding-left:5px;padding-right:5px">Attack Surface</span></h1><br>
<div id="moved" style="display:inline-block;background:#0a0a0a;padding:0 5px;position:relative;left:{shift}px">Anticipate,
Pinpoint, Act</div></div>
<div id="row" style="margin-top:30px;position:relative;left:{row}px"><span style="background:#e85e26;color:#fff;{btn}">EXPLORE OUR SOLUTION</span>
<span style="background:#fff;color:#333;margin-left:18px;{btn}">ACCESS NEW RESEARCH</span></div></body></html>"""


def test_a_line_off_the_edge_of_a_highlighted_heading_is_found():
    """The highlight's edge is the heading's painted edge, though the recogniser's box starts on the
    black before it: the second line's chip 6 px left of the edge the highlight and the button
    share is off."""
    found, b = detected("misalignment", _highlighted(-6), ("moved",))
    assert lands_on(found, b["moved"]), (b["moved"], [(i.bbox, i.message) for i in found])


def test_buttons_off_the_edge_two_highlighted_lines_share_are_found():
    """A line on an orange highlight and one on black are separate elements, not one paragraph's
    wrapped lines, though their ink starts at one x: two members sharing an edge, and the buttons
    9 px right of it are off."""
    found, b = detected("misalignment", _highlighted(0, 9), ("row",))
    assert lands_on(found, b["row"]), (b["row"], [(i.bbox, i.message) for i in found])


def test_a_highlighted_heading_in_line_is_quiet():
    found, _ = detected("misalignment", _highlighted(0))
    assert found == [], [(i.bbox, i.message) for i in found]


def _links(shift: int) -> str:
    """A footer's column of links, grey on black, starting with I, H and W."""
    li = "margin:0 0 14px;font-size:15px;font-weight:bold"
    return STYLE.replace("#fff;", "#000;") + f"""<div style="padding-left:60px">
<p style="{li};color:#1a73e8">Introduction</p>
<p id="moved" style="{li};color:#ccc;position:relative;left:{shift}px">How it Works</p>
<p style="{li};color:#ccc">What's New</p></div></body></html>"""


def test_a_link_off_its_column_by_a_few_pixels_is_found_though_the_middles_agree():
    """The links' left edges agree to the pixel once their first glyphs' side bearings are allowed
    for (I, H and W set their ink a pixel apart), closer than their middles: a left-aligned column,
    and 'How it Works' 5 px left of it is off, though its middle happens to lie on theirs."""
    found, b = detected("misalignment", _links(-5), ("moved",))
    assert lands_on(found, b["moved"]), (b["moved"], [(i.bbox, i.message) for i in found])


def test_links_in_their_column_are_quiet():
    found, _ = detected("misalignment", _links(0))
    assert found == [], [(i.bbox, i.message) for i in found]


def _login(shift: int) -> str:
    """A centred login card: two inputs, a button, a centred link ending in a full-width question
    mark, a rule, a second button."""
    field = "display:block;width:340px;height:48px;border:1px solid #ddd;border-radius:6px;margin:0 0 16px"
    return STYLE.replace("#fff;", "#f0f2f5;") + f"""
<div style="width:364px;padding:24px 16px;background:#fff;border-radius:8px;text-align:center;margin-left:330px">
<div style="{field};background:#fff"></div><div style="{field};background:#fff"></div>
<div style="display:block;height:48px;line-height:48px;background:#0866ff;color:#fff;border-radius:6px;
font-size:20px;font-weight:bold">登入</div>
<div style="margin:16px 0"><span id="moved" style="color:#0866ff;font-size:15px;position:relative;left:{shift}px">忘記密碼？</span></div>
<div style="border-top:1px solid #ddd;margin:20px 0"></div>
<span style="display:inline-block;padding:0 16px;height:48px;line-height:48px;background:#42b72a;color:#fff;
border-radius:6px;font-size:17px;font-weight:bold">建立新帳戶</span></div></body></html>"""


def test_a_centred_link_ending_in_a_full_width_stop_moved_right_is_found():
    """The full-width question mark's ink sits left of its em's right end, so the line's ink centre
    lies at or left of its own: ink centred 4 px or more right of the column the buttons and the
    rule share puts the link at least that far right of it."""
    found, b = detected("misalignment", _login(6), ("moved",))
    assert lands_on(found, b["moved"]), (b["moved"], [(i.bbox, i.message) for i in found])


def test_a_centred_link_ending_in_a_full_width_stop_in_line_is_quiet():
    found, _ = detected("misalignment", _login(0))
    assert found == [], [(i.bbox, i.message) for i in found]
