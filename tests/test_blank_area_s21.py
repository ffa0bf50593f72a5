"""blank-area (stop 21) on clean pages rendered in Chromium, whose designed whitespace must stay
clean:
- a container with a white background beside the picture it holds (a striped texture smaller
than the container), set into a grey band and running past the band's bottom onto the page's white
ground. Its empty part is a panel painted on the band, flush with the band's edges and the
picture's, not the band's ground showing where a block was hidden;
- the space beside a hero centred on the screen, an aside on its other side."""
from __future__ import annotations

from debug_pages import render_with_boxes
from vision.defects import blank_area

PANEL = """<!doctype html><html><head><meta charset="utf-8"><style>
* { margin: 0; padding: 0; box-sizing: border-box; }
body { font: 15px 'Liberation Sans', sans-serif; color: #404040; background: #fff; }
.wrap { width: 960px; margin: 0 auto; }
header { padding: 40px 0 30px; }
h1 { font-size: 56px; font-weight: 300; line-height: 1.2; }
h2 { font-size: 30px; font-weight: 300; margin-bottom: 16px; }
header p { font-size: 26px; color: #595959; }
.band { background: #ebebeb; padding: 60px 0; }
.shot { height: 450px; margin-bottom: -60px; background-color: #fff; border-radius: 5px 5px 0 0;
  background-image: repeating-linear-gradient(45deg, #d4d4d4 0 3px, #e6e6e6 3px 7px);
  background-size: 720px 450px; background-repeat: no-repeat; }
.cols { display: flex; gap: 45px; padding: 60px 0 40px; }
.cols div { flex: 1; }
.cols p { font-size: 13px; line-height: 1.6; }
</style></head><body>
<header class="wrap"><h1>Sorry, you have been blocked</h1><p>You are unable to access www.example.com</p></header>
<div class="band"><div class="wrap"><div class="shot"></div></div></div>
<div class="wrap cols"><div><h2>Why have I been blocked?</h2><p>This website is using a security service to protect
itself from online attacks. The action you just performed triggered the security solution.</p></div>
<div><h2>What can I do to resolve this?</h2><p>You can email the site owner to let them know you were blocked.
Please include what you were doing when this page came up.</p></div></div></body></html>"""


def test_a_white_container_beside_its_picture_set_into_a_grey_band_is_design():
    img, _ = render_with_boxes(PANEL, width=1310, height=830)
    assert blank_area.detect(img) == []


CENTRED = """<!doctype html><html><head><meta charset="utf-8"><style>
* { margin: 0; padding: 0; box-sizing: border-box; }
body { font: 14px 'Liberation Sans', sans-serif; color: #222; background: #fff; }
nav { position: relative; height: 56px; border-bottom: 1px solid #e7e7e7; display: flex; align-items: center; gap: 30px; padding-left: 100px; }
nav i { position: absolute; left: 88px; top: 57px; width: 62px; height: 3px; background: #2481cc; }
nav a { color: #2481cc; font-size: 15px; }
.hero { position: relative; height: 312px; text-align: center; padding-top: 22px; }
.logo { width: 144px; height: 144px; margin: 0 auto 14px; background: #e6e6e6; }
h1 { font-size: 36px; font-weight: 500; color: #333; }
.hero p { font-size: 19px; color: #777; margin-top: 8px; }
aside { position: absolute; left: 905px; top: 38px; width: 200px; border-left: 4px solid #2481cc; padding-left: 18px;
  text-align: left; font-size: 11px; color: #2481cc; }
aside h3 { font-size: 15px; margin-bottom: 12px; }
aside b { display: block; color: #222; margin-top: 8px; }
.apps { display: flex; padding-left: 280px; gap: 66px; }
.apps div { width: 304px; height: 240px; background: #ececec; }
</style></head><body>
<nav><i></i><a>Home</a><a>FAQ</a><a>Apps</a><a>API</a><a>Protocol</a></nav>
<div class="hero"><div class="logo"></div><h1>Telegram</h1><p>a new era of messaging</p>
<aside><h3>Recent News</h3><b>Apr 25</b>My Profile, Recommended Channels and 15 More Features
<b>Apr 14</b>Sticker Editor &mdash; Create Your Own Stickers<b>Mar 31</b>Introducing Telegram Business</aside></div>
<div class="apps"><div></div><div></div></div></body></html>"""


def test_the_space_beside_a_hero_centred_on_the_screen_with_an_aside_on_its_other_side_is_design():
    """The hero's logo, title and tagline centre on the screen, a news list stands on their right: the
    whitespace on their left is the centring's (its mirror holds the aside, so no twin shows it), though
    the active tab's underline above and the pictures below bound it closely."""
    img, _ = render_with_boxes(CENTRED, width=1310, height=830)
    assert blank_area.detect(img) == []
