"""Clean screens that read as defects, session 18 (pages rendered here in Chromium).

- text-overlap: an icon read as one sign ("+") beside a heading whose box reaches into it; CJK
  headings set solid (line-height 1) that touch at a seam; a second look at a large heading that
  reads its first letters again; a heading in a script the recogniser does not know, read in doubt.
- small-text: lowercase letters shaped like small capitals read as capitals; a 10 px link whose
  underline made its letters look taller.
Each case also keeps a true defect found, so the rule cannot pass by finding nothing.
"""
from __future__ import annotations

import numpy as np
from debug_pages import read_line, render_with_boxes

from vision.defects import reread, small, text_overlap
from vision.defects.issue import overlap_min
from vision.defects.pixels import text_info
from vision.ocr import TextLine, read_boxes


ICON = """<!doctype html><html><head><meta charset="utf-8"><style>
body { margin: 0; background: #fff; color: #222; font: bold 64px 'DejaVu Sans', sans-serif; }
div { position: absolute; white-space: nowrap; }
#i { top: 40px; left: 40px; width: 64px; height: 64px; border-radius: 10px; background: #1a73e8;
     color: #fff; font-size: 56px; line-height: 64px; text-align: center; }
</style></head><body>
<div id="i">+</div><div id="t" style="top: 34px; left: 114px">AddToAny</div>
<div id="u" style="top: 180px; left: 40px">Lorem ipsum</div><div id="v" style="top: 200px; left: 60px">dolor sit</div>
</body></html>"""


def test_a_sign_read_out_of_an_icon_does_not_collide_with_the_heading():
    img, b = render_with_boxes(ICON, ("i", "t", "u", "v"), text=True, height=320)
    ix, iy, iw, ih = b["i"]
    tx, ty, tw, th = b["t"]
    plus = text_info(img, TextLine("+", (int(ix), int(iy), int(iw), int(ih)), 0.96))
    head = text_info(img, TextLine("AddToAny", (int(ix + iw - 30), int(ty), int(tx + tw - ix - iw + 30), int(th)), 1.0))
    assert text_overlap.detect([plus, head], img) == []
    drawn = [read_line(img, b["u"], "Lorem ipsum", 0.97), read_line(img, b["v"], "dolor sit", 0.97)]
    assert [i.category for i in text_overlap.detect(drawn, img)] == ["text-overlap"]


CJK = """<!doctype html><html><head><meta charset="utf-8"><style>
body { margin: 0; background: #fff; color: #222; font: bold 48px/1 sans-serif; }
div { position: absolute; white-space: nowrap; left: 40px; }
</style></head><body>
<div id="a" style="top: 30px">创建只有受邀者</div><div id="b" style="top: 78px">才可以加入的专</div>
<div id="c" style="top: 220px">创建只有受邀者</div><div id="d" style="top: 244px">才可以加入的专</div>
</body></html>"""


def test_cjk_lines_set_solid_touch_at_a_seam_but_lines_drawn_over_each_other_collide():
    img, b = render_with_boxes(CJK, ("a", "b", "c", "d"), text=True, height=360)
    solid = [read_line(img, b["a"], "创建只有受邀者", 1.0, (2, 6)), read_line(img, b["b"], "才可以加入的专", 1.0, (2, 6))]
    assert text_overlap.detect(solid, img) == []
    drawn = [read_line(img, b["c"], "创建只有受邀者", 1.0, (2, 6)), read_line(img, b["d"], "才可以加入的专", 1.0, (2, 6))]
    assert [i.category for i in text_overlap.detect(drawn, img)] == ["text-overlap"]


BRAND = """<!doctype html><html><head><meta charset="utf-8"><style>
body { margin: 0; background: #2b2d42; color: #6aa84f; font: bold 64px 'Liberation Sans', sans-serif; }
div { position: absolute; white-space: nowrap; }
#pic { top: 40px; left: 40px; width: 90px; height: 66px; background: #e3e3e3; }
</style></head><body>
<div id="pic"></div><div id="t" style="top: 32px; left: 140px">μTorrent Web</div>
</body></html>"""


def test_a_second_look_does_not_read_a_large_headings_letters_again():
    """The recogniser's box for a large line stops short of its ascenders and descenders; their
    slivers and the picture beside the line make a cluster whose crop reads the line's start again
    (the recogniser itself reads such a crop here); that is no second line."""
    img, b = render_with_boxes(BRAND, ("t",), text=True, height=200)
    x, y, w, h = (int(v) for v in b["t"])
    read = [TextLine("μTorrent Web", (x, y + 10, w, h - 22), 0.99)]
    crop = (30, 25, 300, 90)  # the picture and the heading's first letters
    (text, score), = read_boxes(img, [crop])
    assert score >= 0.5 and "Torr" in text, (text, score)
    assert reread._read_before(text, crop, read)
    assert reread._read_before("HTorre", crop, read)  # a μ read as H
    assert not reread._read_before("Hello there", crop, read)
    assert not reread._read_before(text, (600, 25, 100, 90), read)  # not where the line is


FOREIGN = """<!doctype html><html><head><meta charset="utf-8"><style>
body { margin: 0; background: #fff; color: #222; font: 15px 'Liberation Sans', sans-serif; }
div { position: absolute; white-space: nowrap; left: 40px; }
h1 { position: absolute; margin: 0; left: 40px; top: 30px; font: 40px 'Liberation Sans', sans-serif; }
</style></head><body>
<h1 id="h">Продукты</h1>
<div id="a" style="top: 100px">Законодательство, судебная практика</div>
<div id="b" style="top: 124px">Консультации экспертов и аналитика</div>
<div id="c" style="top: 148px">Справочная информация для бизнеса</div>
</body></html>"""


def test_doubt_about_a_heading_in_an_unread_script_is_no_collision():
    img, b = render_with_boxes(FOREIGN, ("h", "a", "b", "c"), text=True, height=220)
    near = [read_line(img, b[k], t, 0.93) for k, t in (("a", ", ."), ("b", ". ,"), ("c", ":  ."))]
    heading = read_line(img, b["h"], "pykTbl", 0.55)
    assert text_overlap.detect([heading] + near, img) == []
    read = [read_line(img, b[k], t, 0.93) for k, t in (("a", "Zakonodatelstvo sudebnaya praktika"),
                                                     ("b", "Konsultacii ekspertov i analitika"),
                                                     ("c", "Spravochnaya informaciya biznesa"))]
    assert [i.category for i in text_overlap.detect([heading] + read, img)] == ["text-overlap"]


SMALLCAPS = """<!doctype html><html><head><meta charset="utf-8"><style>
body { margin: 0; background: #fff; color: #777; font: 15px 'Liberation Sans', sans-serif; }
div { position: absolute; white-space: nowrap; }
</style></head><body>
<div id="a" style="top: 40px; left: 40px">Гонконг</div>
<div id="b" style="top: 80px; left: 40px; font-size: 10px">ГОНКОНГ</div>
</body></html>"""


def test_lowercase_read_as_capitals_is_sized_by_its_x_height():
    img, b = render_with_boxes(SMALLCAPS, ("a", "b"), text=True, height=140)
    assert small.detect_text([read_line(img, b["a"], "ΓOHKOH", 0.81)], img) == []
    found = small.detect_text([read_line(img, b["b"], "ΓOHKOH", 0.81)], img)
    assert [i.category for i in found] == ["small-text"]


UNDERLINED = """<!doctype html><html><head><meta charset="utf-8"><style>
body { margin: 0; background: #fff; color: #00e; font: 24px 'Liberation Serif', serif; }
li { margin: 4px 0; }
</style></head><body><ul style="margin-top: 40px">
<li><a id="s" href="#" style="font-size: 10px">Who We Are</a></li>
<li><a id="n" href="#">What We Do</a></li>
<li><a id="m" href="#" style="font-size: 13px">Who We Are</a></li></ul>
</body></html>"""


def test_an_underlined_10px_link_is_small_and_a_13px_one_is_not():
    img, b = render_with_boxes(UNDERLINED, ("s", "n", "m"), text=True, height=200)
    found = small.detect_text([read_line(img, b["s"], "Who We Are", 0.93, (3, 3))], img)
    assert [i.category for i in found] == ["small-text"], found
    assert small.detect_text([read_line(img, b["m"], "Who We Are", 0.93, (3, 3))], img) == []


LIST = """<!doctype html><html><head><meta charset="utf-8"><style>
body { margin: 0; background: #fff; color: #00e; font: 24px/1.1 'Liberation Serif', serif; }
ul { margin: 40px 0 0 0; }
</style></head><body><ul>
<li><a id="b" href="#">Blog</a></li>
<li><a id="s" href="#" style="font-size: 10px">Support Us</a></li>
<li><a id="m" href="#" style="font-size: 14px">Support Us</a></li></ul>
</body></html>"""


def test_a_small_link_is_sized_without_the_descender_of_the_line_above_in_its_box():
    """The recogniser's box of the small line reaches up into the g and underline of "Blog"."""
    img, b = render_with_boxes(LIST, ("b", "s", "m"), text=True, height=200)
    bx, by, bw, bh = b["b"]
    sx, sy, sw, sh = b["s"]
    top = int(by + bh - 4)
    box = (int(sx) - 3, top, int(sw) + 6, int(sy + sh + 2) - top)
    found = small.detect_text([text_info(img, TextLine("Support Us", box, 0.93))], img)
    assert [i.category for i in found] == ["small-text"], found
    mx, my, mw, mh = b["m"]
    assert small.detect_text([read_line(img, b["m"], "Support Us", 0.93, (3, 3))], img) == []


SIDE = """<!doctype html><html><head><meta charset="utf-8"><style>
body { margin: 0; background: #f3f3f3; color: #777; font: 22px 'Liberation Sans', sans-serif; }
div { position: absolute; white-space: nowrap; top: 40px; left: 20px; }
span { font-size: 7px; margin-left: 14px; vertical-align: middle; }
</style></head><body>
<div id="a">Help<span>Cache Flush</span></div>
<div id="c" style="top: 100px">Help<span style="font-size: 22px">Cache Flush</span></div>
</body></html>"""


def test_a_tiny_run_beside_one_normal_word_is_small():
    img, b = render_with_boxes(SIDE, ("a", "c"), text=True, height=160)
    found = small.detect_text([read_line(img, b["a"], "Help acheFush", 0.97, (6, 6))], img)
    assert [i.category for i in found] == ["small-text"], found
    assert small.detect_text([read_line(img, b["c"], "Help Cache Flush", 0.97, (6, 6))], img) == []


NAV = """<!doctype html><html><head><meta charset="utf-8"><style>
body { margin: 0; background: #f3f3f3; color: #666; font: 22px 'Liberation Sans', sans-serif; }
div { position: absolute; white-space: nowrap; }
</style></head><body>
<div id="a" style="top: 40px; left: 20px">Help Cache Flush</div>
<div id="b" style="top: 46px; left: 56px">New arrivals here</div>
<div id="c" style="top: 120px; left: 20px">Deploy with Shopify today</div>
</body></html>"""


def test_confident_gibberish_with_a_capital_is_checked_by_the_lines_own_band():
    """Two lines drawn half a line apart read with confidence as one, a capitalised non-word in
    the middle ("Flusbals"); a line holding a name ("Shopify") is no collision."""
    img, b = render_with_boxes(NAV, ("a", "b", "c"), text=True, height=180)
    ax, ay, aw, ah = b["a"]
    bx, by, bw, bh = b["b"]
    box = (ax, ay, bx + bw - ax, by + bh - ay)
    found = text_overlap.detect([read_line(img, box, "Help Cache Flusbals here", 0.92, (6, 4))], img)
    assert [i.category for i in found] == ["text-overlap"], found
    assert text_overlap.detect([read_line(img, b["c"], "Deploy with Shopify today", 0.92, (6, 4))], img) == []


FOOTER = """<!doctype html><html><head><meta charset="utf-8"><style>
body { margin: 0; background: #fff; color: #444; font: 16px 'Liberation Sans', sans-serif; }
div { position: absolute; white-space: nowrap; left: 40px; }
#f { left: 0; right: 0; top: 104px; height: 80px; background: #fff; border-top: 1px solid #cfcfcf; }
</style></head><body>
<div id="p" style="top: 96px; font-size: 20px; color: #555">Lamentamos, mas não detectamos um problema</div><div id="f"></div>
<div id="t" style="top: 40px; font-size: 7px; color: #222">Make choices with participating companies</div>
</body></html>"""


def test_the_tops_of_a_line_a_footer_cuts_are_no_small_text():
    """A sticky footer's border leaves a few rows of a 20 px line showing: their height is no font
    size (an enlarged crop of such tops reads as words: "dlaotootomoo" for "não detectamos")."""
    img, b = render_with_boxes(FOOTER, ("p", "t"), text=True, height=200)
    x, y, w, h = (int(v) for v in b["p"])
    rows = np.flatnonzero((img[y:104, x:x + w].min(axis=2) < 200).any(axis=1))
    tops = (x, y + int(rows[0]), w, int(rows[-1] - rows[0] + 1))
    assert 3 <= tops[3] <= 9, tops
    assert small._cut_by_edge(img, tops, (255, 255, 255))
    tx, ty, tw, th = (int(v) for v in b["t"])
    assert not small._cut_by_edge(img, (tx, ty + 1, tw, th - 2), (255, 255, 255))
    assert any(overlap_min(i.bbox, list(b["t"])) >= 0.3 for i in small.detect_unread_text(img, []))


TOFU = """<!doctype html><html><head><meta charset="utf-8"><style>
body { margin: 0; background: #fff; color: #666; font: 15px 'Liberation Sans', sans-serif; }
div { position: absolute; white-space: nowrap; top: 40px; left: 40px; }
</style></head><body><div id="t">&#xe900;&#xe901;&#xe902;&#xe903;&#xe904;</div></body></html>"""


def test_hollow_boxes_for_missing_glyphs_are_not_sized_by_one_stroke():
    """Their sides run the whole height of the box (as a surface's edge would): cut to its own rows
    without them the line would be one stroke, '1 px' text."""
    img, b = render_with_boxes(TOFU, ("t",), text=True, height=120)
    line = read_line(img, b["t"], "00000", 0.98, (6, 6))
    assert line.x_height >= 6, line
    assert small.detect_text([line], img) == []


TOFU_NEAR = """<!doctype html><html><head><meta charset="utf-8"><style>
body { margin: 0; background: #fff; color: #555; font: 15px 'Liberation Sans', sans-serif; }
div { position: absolute; white-space: nowrap; left: 40px; }
</style></head><body><div id="t" style="top: 40px; font-size: 30px">&#xe900; &#xe901; &#xe902; &#xe903;</div>
<div id="a" style="top: 90px">Follow us on every network</div><div id="b" style="top: 112px">Sign up for our newsletter</div>
</body></html>"""


def test_a_doubtful_reading_of_hollow_boxes_is_no_collision():
    """A row of missing-glyph boxes read in doubt as signs, taller than the lines near it: no
    letter or digit was read, so the doubt says nothing of colliding text."""
    img, b = render_with_boxes(TOFU_NEAR, ("t", "a", "b"), text=True, height=160)
    lines = [read_line(img, b["t"], "□ □ □ □", 0.6), read_line(img, b["a"], "Follow us on every network", 0.99),
             read_line(img, b["b"], "Sign up for our newsletter", 0.99)]
    assert text_overlap.detect(lines, img) == []
