"""Misalignment (stop 18): a link moved off a column whose large heading's first letter starts its
ink a few pixels inside the column; a heading above a centred column of dates, and a footer's rows
of links set in columns, which line up as they should. Each page is rendered in Chromium and read
by the real OCR."""
from __future__ import annotations

from debug_pages import render_with_boxes
from vision.defects import detect, read_text
from vision.defects.issue import overlap_min

STYLE = """<!doctype html><html><head><meta charset="utf-8"><style>
body { margin: 0; padding: 40px 110px; font: 20px 'Liberation Sans', sans-serif; color: #333; background: #fff; }
</style></head><body>"""


def _misaligned(html: str, ids: tuple[str, ...] = ()):
    img, boxes = render_with_boxes(html, ids, width=1280, height=800)
    return [i for i in detect(img, read_text(img)) if i.category == "misalignment"], boxes


def _choices(shift: int) -> str:
    links = ["Take Control with YourAdChoices", "Put the YourAdChoices Icon to Work for You",
             "What's Behind the YourAdChoices Icon", "The Benefits of Relevant Advertising"]
    items = "".join(f'<p{" id=moved" if i == 2 else ""} style="margin:0 0 16px;position:relative;'
                    f'left:{shift if i == 2 else 0}px">&gt; {t}</p>' for i, t in enumerate(links))
    return STYLE + f"""<h1 style="margin:0 0 30px;font-size:58px;font-weight:normal;color:#0aa;line-height:1.1">
Interest-Based Ads<br>Put You in Control</h1>
<p style="margin:0 0 30px;width:640px;line-height:1.4">When you click on the YourAdChoices Icon, you get control
over how information about your interests is used for relevant advertising.</p>{items}</body></html>"""


def test_link_off_a_column_under_a_large_heading_is_found():
    """The heading's 'I' and 'P' start their ink up to their side bearing right of the column: the
    column is still one edge, and the link 9 px right of it is off."""
    found, boxes = _misaligned(_choices(9), ("moved",))
    assert any(overlap_min(i.bbox, boxes["moved"]) >= 0.5 and "px right" in i.message for i in found), \
        (boxes["moved"], [(i.bbox, i.message) for i in found])


def test_column_under_a_large_heading_in_line_is_quiet():
    found, _ = _misaligned(_choices(0))
    assert found == [], [(i.bbox, i.message) for i in found]


def _events() -> str:
    rows = [("May", "28", "Deadline to Participate in the Social Sciences Breeze"),
            ("Jun", "05", "Summit: Aero+Space &amp; Beyond"), ("Jul", "11", "Summit: Aero+Space &amp; Beyond"),
            ("Sep", "30", "Open House for New Members")]
    body = "".join(f"""<div style="display:flex;margin-bottom:22px"><div style="width:52px;text-align:center;
line-height:1.2"><div style="font-size:17px;font-weight:bold;color:#555">{m}</div>
<div style="font-size:30px;font-weight:bold;color:#555">{d}</div></div>
<div style="border-left:1px solid #ccc;padding-left:14px;margin-left:12px;color:#2255cc;width:300px">{t}</div></div>"""
                   for m, d, t in rows)
    return STYLE + f"""<div style="margin-left:500px"><h2 style="margin:0 0 26px;font-size:34px">Events</h2>
{body}</div></body></html>"""


def test_heading_above_a_centred_column_of_dates_is_quiet():
    """Dates centred in their cell start their ink wherever their width puts it; the heading's left
    edge lines up with the cell, not with that ragged ink."""
    found, _ = _misaligned(_events())
    assert found == [], [(i.bbox, i.message) for i in found]


def _footer() -> str:
    cols = [("Company", ["About TikTok", "Newsroom"]),
            ("Programs", ["TikTok for Good", "Effect House", "Advertise on TikTok", "TikTok Rewards",
                          "TikTok Browse", "TikTok Embeds"]),
            ("Resources", ["Help Center", "Safety Center", "Creator Portal", "Community Guidelines",
                           "Transparency", "Accessibility"]),
            ("Legal", ["Children's Privacy Policy", "Terms of Service"])]
    body = "".join(f"""<div style="width:234px;flex:none"><div style="margin-bottom:10px">{h}</div>"""
                   + "".join(f'<div style="margin-bottom:10px">{x}</div>' for x in xs) + "</div>"
                   for h, xs in cols)
    return STYLE.replace("background: #fff", "background: #000").replace("color: #333", "color: #ddd") + \
        f"""<div style="display:flex;margin:200px 0 0 269px;font-size:14px;font-weight:bold">{body}</div>
</body></html>"""


def test_footer_rows_of_links_set_in_columns_are_quiet():
    """Read across, the footer's link lists make rows of unlike extent whose middles wander; they
    line up by their columns, which is all a grid promises."""
    found, _ = _misaligned(_footer())
    assert found == [], [(i.bbox, i.message) for i in found]


def _quick_start(shift: int, foot: bool = True) -> str:
    more = """<hr style="border:0;border-top:1px solid #ddd;margin:22px 0 36px">
<p style="margin:0 0 14px;font-size:15px;font-weight:bold">CSS</p>
<div style="background:#f1f3f5;height:48px;border-radius:6px"></div>""" if foot else ""
    return STYLE + f"""<div style="width:730px;margin:60px 0 0 50px">
<h1 style="margin:0 0 18px;font-size:40px">Quick Start</h1>
<p id="moved" style="margin:0;position:relative;left:{shift}px;font-size:19px;line-height:1.6;color:#555">
Get your production ready CDN links below. You can also automate your upgrades by pulling the latest
versions from our API.</p>
<h2 style="margin:78px 0 0;font-size:32px">v5.3.2</h2>{more}</div></body></html>"""


def test_paragraph_off_a_column_split_by_a_section_heading_is_found():
    """A paragraph 6 px right of its heading and of the next section's heading and rule: the wide
    space above that heading (about two and a half of its ems) does not break the column."""
    found, boxes = _misaligned(_quick_start(6), ("moved",))
    assert any(overlap_min(i.bbox, boxes["moved"]) >= 0.5 and "px right" in i.message for i in found), \
        (boxes["moved"], [(i.bbox, i.message) for i in found])


def test_column_split_by_a_section_heading_in_line_is_quiet():
    found, _ = _misaligned(_quick_start(0))
    assert found == [], [(i.bbox, i.message) for i in found]


def _cards() -> str:
    card = """<div style="display:flex;margin-bottom:40px"><div style="width:80px;height:60px;background:#e6e6e6;
margin-right:30px;flex:none"></div><div><h3 style="margin:0 0 14px 5px;font-size:24px;font-weight:normal;
color:#2a62d8">{}</h3><p style="margin:0;font-size:15px">{}</p></div></div>"""
    return STYLE + '<div style="height:640px"></div>' + card.format("People", "Who we are and what we do") \
        + card.format("Our Philosophy", "How we work together") + "</body></html>"


def test_heading_at_the_foot_of_the_screen_opens_no_column():
    """Card titles set 5 px in from their descriptions by design: the next card's title, the
    screen's last line, is a section heading only where its own stack goes on below it; alone it
    does not join the description above to make a column the description is off."""
    found, _ = _misaligned(_cards())
    assert found == [], [(i.bbox, i.message) for i in found]


def _about(shift: int) -> str:
    return STYLE + f"""<div style="width:436px;margin:0 0 0 700.3px;color:#444">
<h1 style="margin:0 0 24px;font-size:36px">About TikTok</h1>
<p style="margin:0 0 24px;font-size:26px;font-weight:bold;line-height:1.3;color:#555">TikTok is the leading
destination for short-form mobile video. Our mission is to inspire creativity and bring joy.</p>
<p id="moved" style="margin:0;position:relative;left:{shift}px;font-size:18px;line-height:24px">TikTok's global
headquarters are in Los Angeles and Singapore, and its offices include New York, London, Dublin, Paris, Berlin,
Dubai, Jakarta, Seoul, and Tokyo.</p></div></body></html>"""


def test_paragraph_whose_lines_start_their_ink_unevenly_moves_as_one():
    """The moved paragraph's lines start their ink at 819, 820, 821 and 819 px (T, S, D, T): the
    last line still belongs to it, so the paragraph is one member 9 px off its heading's column, not
    two members as many as the column's."""
    found, boxes = _misaligned(_about(9), ("moved",))
    assert any(overlap_min(i.bbox, boxes["moved"]) >= 0.5 and "px right" in i.message for i in found), \
        (boxes["moved"], [(i.bbox, i.message) for i in found])


def test_paragraph_whose_lines_start_their_ink_unevenly_in_line_is_quiet():
    found, _ = _misaligned(_about(0))
    assert found == [], [(i.bbox, i.message) for i in found]


def _bars() -> str:
    link = "position:absolute;text-decoration:none;font-weight:bold;letter-spacing:2px;top:{}px;left:{}px;color:{}"
    return """<!doctype html><html><head><meta charset="utf-8"><style>
body { margin: 0; font: 13px 'Liberation Sans', sans-serif; background: #000; }
</style></head><body><div style="position:relative;height:56px;background:#dde3e6">""" \
        + f"""<a style="{link.format(22, 560, '#333')}">THE 2024 THREAT REPORT</a>
<a style="{link.format(18, 819, '#333')};padding-bottom:6px;border-bottom:3px solid #222">READ NOW</a></div>
<div style="position:relative;height:60px;background:#050505"><a style="{link.format(20, 240, '#fff')}">PRODUCTS</a>
<a style="{link.format(20, 360, '#fff')}">SERVICES</a><a style="{link.format(20, 808, '#fff')}">EN</a>
<a style="{link.format(20, 860, '#fff')}">SIGN IN</a></div><div style="height:400px"></div></body></html>"""


def test_link_in_a_dark_bar_is_not_judged_by_the_light_bar_above():
    """'READ NOW' and its underline in a light top bar, 'EN' 11 px further left in the black menu
    bar under it: they stand on different grounds, so the bar above is no column 'EN' is off."""
    found, _ = _misaligned(_bars())
    assert found == [], [(i.bbox, i.message) for i in found]
