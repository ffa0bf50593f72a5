"""blank-area: a card split by a thin rule whose one pane is empty, and a band's half left empty under
a band with a straight edge (the next section's heading below it instead of a second edge), are holes;
the same pages whole, a tinted panel beside a form, and a centred block with a sidebar beside it are
whitespace by design."""
from __future__ import annotations

from debug_pages import render_with_boxes
from vision.defects import blank_area
from vision.defects.issue import overlap_min

CARD = """<!doctype html><html><head><meta charset="utf-8"><style>
body { margin: 0; font: 16px 'Liberation Sans', sans-serif; color: #1d2327; background: #e6e7e9; }
.logo { width: 128px; height: 72px; margin: 36px auto 24px; background: #c9ccd1; }
.card { display: flex; width: 730px; height: 500px; margin: 0 auto; background: #ffffff; }
.pane { width: 330px; padding: 40px; box-sizing: border-box; PANE }
.pane h2 { margin: 0 0 16px; font-size: 22px; }
.pane .code { width: 180px; height: 180px; margin: 30px auto; background: repeating-linear-gradient(
        45deg, #1d2327 0 6px, #ffffff 6px 12px); }
.form { flex: 1; padding: 40px; border-left: 1px solid #ebebeb; }
.form div { height: 40px; border-bottom: 1px solid #d5d8dc; margin: 0 0 24px; }
.form b { display: block; padding: 10px; background: #1772f6; color: #fff; text-align: center; }
.form p { color: #8590a6; font-size: 13px; }
</style></head><body><div class="logo"></div>
<div class="card"><div class="pane" id="pane">PANE_CONTENT</div>
<div class="form"><h3>Sign in with a code</h3><div>Phone number</div><div>Six digit code</div>
<b>Sign in</b><p>Signing in means you accept the terms of service and the privacy policy.</p>
<p>Other ways to sign in: mail, chat, social accounts.</p></div></div></body></html>"""

QR = "<h2>Scan to sign in</h2><p>Open the app on your phone and scan the code.</p><div class=\"code\"></div>"


def _card(pane_style: str = "", content: str = QR) -> str:
    return CARD.replace("PANE_CONTENT", content).replace("PANE", pane_style)


HIDE_PANE = "() => { document.getElementById('pane').style.visibility = 'hidden'; }"


def test_an_empty_pane_of_a_split_card_is_a_hole():
    """The card's left pane hidden: the card's white shows there, a frame of its own between the
    card's edges and the rule, but the same white runs on beyond the rule around the form: a card
    with nothing in one half, found where the pane was."""
    img, boxes = render_with_boxes(_card(), ("pane",), before=HIDE_PANE, width=1280, height=800)
    found = blank_area.detect(img)
    assert [overlap_min(i.bbox, boxes["pane"]) >= 0.5 for i in found] == [True], (boxes, [i.bbox for i in found])


def test_a_whole_split_card_has_no_hole():
    img, _ = render_with_boxes(_card(), width=1280, height=800)
    assert blank_area.detect(img) == []


def test_a_tinted_panel_beside_a_form_is_a_panel():
    """A bare pane of its own colour beside the form (a brand panel): an empty rectangle of its own
    with another colour beyond the rule, the inside of a panel, not an emptied pane."""
    img, _ = render_with_boxes(_card("background: #dfe9f7;", ""), width=1280, height=800)
    assert blank_area.detect(img) == []


BANDS = """<!doctype html><html><head><meta charset="utf-8"><style>
body { margin: 0; font: 18px 'Liberation Sans', sans-serif; color: #1d2327; background: #fdfdfd; }
header { display: flex; gap: 40px; justify-content: flex-end; padding: 0 70px; height: 64px;
         align-items: center; background: #ffffff; }
.hero { display: flex; align-items: center; justify-content: space-around; height: 340px;
        background: #25283a; color: #f2f3f5; }
.shot { width: 380px; height: 320px; background: #d9dadd; color: #555; padding: 20px; box-sizing: border-box; }
.band { display: flex; align-items: center; justify-content: center; gap: 90px; height: 340px; }
.band .shot { width: 570px; }
.text { width: 380px; text-align: center; }
.text h2 { font-size: 44px; margin: 0 0 24px; }
.text b { display: inline-block; margin-top: 30px; padding: 14px 50px; background: #78b83d; color: #fff; }
h1 { text-align: center; font-size: 56px; margin: 8px 0; }
</style></head><body><header><span>Products</span><span>Forum</span><span>Languages</span></header>
<section class="hero"><div class="shot">Screenshot of the web app</div>
  <div class="text"><h2>Torrent Web</h2><p>Play torrents while you download.</p><b>Download</b></div></section>
<section class="band"><div class="text"><h2>Torrent Classic</h2>
  <p>A very tiny desktop torrent client for experienced users.</p><b>Download</b></div>
  <div class="shot" id="shot">Screenshot of the desktop app</div></section>
<h1>Features</h1></body></html>"""

HIDE_SHOT = "() => { document.getElementById('shot').style.visibility = 'hidden'; }"


def test_an_empty_half_of_a_band_below_a_straight_edge_is_a_hole():
    """The second band's picture hidden: the band has the hero's straight edge above but the next
    section's heading below, not a second edge; its whole right half, across the screen's centre,
    beside the text block centred on it, is empty, and is found where the picture was."""
    img, boxes = render_with_boxes(BANDS, ("shot",), before=HIDE_SHOT, width=1280, height=800)
    found = blank_area.detect(img)
    assert [overlap_min(i.bbox, boxes["shot"]) >= 0.5 for i in found] == [True], (boxes, [i.bbox for i in found])


def test_a_whole_band_has_no_hole():
    img, _ = render_with_boxes(BANDS, width=1280, height=800)
    assert blank_area.detect(img) == []


SIDEBAR = """<!doctype html><html><head><meta charset="utf-8"><style>
body { margin: 0; font: 15px 'Liberation Sans', sans-serif; color: #1d2327; background: #ffffff; }
header { display: flex; gap: 30px; padding: 0 80px; height: 48px; align-items: center;
         border-bottom: 1px solid #e1e4e8; color: #1482c8; }
main { position: relative; height: 330px; }
.center { position: absolute; left: 530px; top: 30px; width: 220px; text-align: center; }
.center div { width: 144px; height: 144px; margin: 0 auto; background: #e4e4e4; }
.center h1 { margin: 8px 0 4px; font-size: 38px; color: #444; }
.center p { margin: 0; color: #888; font-size: 20px; }
aside { position: absolute; left: 890px; top: 44px; width: 170px; border-left: 5px solid #1482c8;
        padding-left: 18px; font-size: 12px; line-height: 18px; }
.row { display: flex; gap: 66px; justify-content: center; }
.row div { width: 304px; height: 240px; background: #e4e4e4; }
</style></head><body><header><span>Home</span><span>FAQ</span><span>Apps</span><span>API</span></header>
<main><div class="center"><div></div><h1>Telegram</h1><p>a new era of messaging</p></div>
<aside><b>Recent News</b><br><b>Apr 25</b><br>My Profile, Recommended Channels and More Features<br>
<b>Apr 14</b><br>Sticker Editor: Create Your Own Stickers<br><b>Mar 31</b><br>Introducing Business</aside></main>
<div class="row"><div></div><div></div></div></body></html>"""


def test_a_centred_block_with_a_sidebar_leaves_design_whitespace():
    """A centred title block with a news sidebar on its right under the header's rule: the space on
    its left is bounded the same way as a band's empty half, but does not reach the screen's centre
    (the block stands there): a three-column layout's empty first column, by design."""
    img, _ = render_with_boxes(SIDEBAR, width=1280, height=800)
    assert blank_area.detect(img) == []


def test_split_pane_needs_content_beyond_the_rule():
    """The left pane hidden from a card whose right pane holds nothing either (the card off the
    screen's centre, so no mirrored twin explains it): a bare card split by a rule, no content beyond
    the rule to show that the emptied half should hold something."""
    html = _card().replace('<div class="form"><h3>Sign in with a code</h3><div>Phone number</div>'
                           '<div>Six digit code</div>\n<b>Sign in</b><p>Signing in means you accept the terms '
                           'of service and the privacy policy.</p>\n<p>Other ways to sign in: mail, chat, social '
                           'accounts.</p></div>', '<div class="form"></div>')
    assert '<div class="form"></div>' in html
    html = html.replace("margin: 0 auto; background: #ffffff;", "margin: 0 0 0 120px; background: #ffffff;")
    img, _ = render_with_boxes(html, before=HIDE_PANE, width=1280, height=800)
    assert blank_area.detect(img) == []
