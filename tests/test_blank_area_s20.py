"""blank-area on clean pages rendered in Chromium, whose designed whitespace must stay clean:
- the space under a hero's text column set flush left at the page's margin, beside a taller column of
  pictures, down to the band's bottom edge: the column simply ends, and beyond it lies only the margin
  and the screen's edge (a centred column that lost its buttons is still a hole: test_blank_area_s19);
- the dark side of a hero whose black overlay fades into its picture, beside the text column set on it:
  the fade is a CSS gradient, no block bounding a hole.
"""
from __future__ import annotations

from debug_pages import render_with_boxes
from vision.defects import blank_area

HERO_LEFT = """<!doctype html><html><head><meta charset="utf-8"><style>
* { margin: 0; padding: 0; box-sizing: border-box; }
body { font: 15px 'Liberation Sans', sans-serif; color: #1d2327; background: #fff; }
.top { height: 64px; display: flex; align-items: center; padding: 0 32px; gap: 40px; font-weight: bold; }
.top .r { margin-left: auto; border: 1px solid #1d4fc4; color: #1d4fc4; padding: 8px 16px; border-radius: 4px; }
.hero { display: flex; height: 720px; border-bottom: 1px solid #dcdcde; }
.text { width: 520px; margin-left: 96px; padding-top: 120px; }
.kick { font-size: 11px; font-weight: bold; margin-bottom: 18px; }
h1 { font-size: 44px; line-height: 52px; font-weight: normal; color: #1d4fc4; margin-bottom: 30px; }
p { margin-bottom: 28px; }
.form { display: flex; gap: 8px; margin-bottom: 34px; }
.form span { border: 1px solid #c3c4c7; padding: 14px; width: 260px; color: #888; }
.form b { border: 1px solid #c3c4c7; padding: 14px 20px; }
small { font-size: 13px; color: #50575e; }
.pics { position: relative; flex: 1; }
.pics div { position: absolute; background: linear-gradient(135deg, #e9e9e9, #dadada); }
</style></head><body><div class="top"><span>Gravatar</span><span>Developers</span><span>Support</span><span>Blog</span>
<span class="r">Log in</span></div>
<div class="hero"><div class="text"><div class="kick">MORE THAN 200 MILLION USERS AND GROWING</div>
<h1>One profile for everything, everywhere.</h1>
<p>Your email address becomes your passport to the digital world, empowering you with complete control over your personal data.</p>
<div class="form"><span>Enter email address...</span><b>View profile</b></div>
<small>Gravatar profiles are free for everyone, forever.</small></div>
<div class="pics"><div style="left: 200px; top: 20px; width: 340px; height: 240px"></div>
<div style="left: 140px; top: 290px; width: 300px; height: 220px"></div>
<div style="left: -60px; top: 540px; width: 330px; height: 170px"></div></div></div>
</body></html>"""


def test_the_space_under_a_flush_left_column_that_ends_at_the_screen_edge_is_design():
    img, _ = render_with_boxes(HERO_LEFT, width=1248, height=832)
    assert blank_area.detect(img) == []


FADE = """<!doctype html><html><head><meta charset="utf-8"><style>
* { margin: 0; padding: 0; box-sizing: border-box; }
body { font: 15px 'Liberation Serif', serif; color: #fff; background: #fff; }
.top { height: 64px; background: #00050d; display: flex; align-items: center; padding-left: 520px; gap: 60px; }
.top .logo { width: 80px; height: 64px; background: #e8e8e8; }
.hero { height: 520px; padding: 46px 0 0 32px; background: linear-gradient(90deg, #000 0px, #000 512px, #e5e5e5 800px, #e8e8e8 1280px); }
h1 { font-size: 34px; font-weight: normal; margin-bottom: 20px; }
p { width: 600px; font-size: 17px; margin-bottom: 30px; }
.btn { display: block; width: 280px; background: #0f79af; text-align: center; padding: 14px; font-weight: bold; margin-bottom: 16px; }
.or { width: 280px; border-top: 1px solid #fff; margin: 22px 0; }
small { font-size: 12px; }
.next { margin: 24px 48px; height: 200px; background: #e4e4e4; }
</style></head><body><div class="top"><div class="logo"></div><span>EN</span></div>
<div class="hero"><h1>Watch movies and TV shows</h1>
<p>Enjoy exclusive originals as well as popular movies and TV shows for USD 5.99/month. Watch now, cancel anytime, and pay nothing more for your first month.</p>
<span class="btn">Member? Sign in</span><div class="or"></div><span class="btn">Get started</span>
<small>Membership renews at USD 5.99/month.</small></div><div class="next"></div></body></html>"""


def test_the_dark_side_of_a_hero_fading_into_its_picture_is_design():
    img, _ = render_with_boxes(FADE, width=1280, height=720)
    assert blank_area.detect(img) == []
