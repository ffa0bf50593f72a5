"""small-text sized by word ink only where the ink's words are the recogniser's, and blank-area
holes over a gradient with a faint mark, on pages rendered here (real Chromium)."""
from __future__ import annotations

import base64

import cv2
import numpy as np
import pytest
from debug_pages import render_with_boxes

from vision.defects import blank_area, measure_lines, small
from vision.defects.glyph_extent import aligned
from vision.defects.issue import overlap_min
from vision.ocr import TextLine

STYLE = """<style>body { margin: 0; padding: 30px 40px; font-family: 'Liberation Serif', serif; color: #222;
background: #fff; } p { margin: 0 0 30px 0; font-weight: bold; }
.icon { display: inline-block; width: 3px; height: 10px; border: 1px solid #f0c040; margin-left: 12px; }</style>"""


def test_aligned_needs_each_word_about_as_wide_as_its_letters():
    """Two read words and two ink words, but the second ink word is a 4 px icon: the count agrees
    while the words do not. Words of ordinary widths, and a one-letter word, do line up."""
    assert not aligned([(0, 54, 5, 11, 6), (67, 71, 0, 11, 11)], ["LEARN", "MORE"])
    assert aligned([(0, 30, 0, 9, 6), (36, 70, 0, 9, 6)], ["LEARN", "MORE"])
    assert aligned([(0, 3, 0, 9, 9), (8, 40, 0, 9, 6)], ["I", "agree"])
    assert not aligned([(0, 30, 0, 9, 6)], ["LEARN", "MORE"])


@pytest.mark.parametrize("px,expected", [(8, ["small-text"]), (14, [])])
def test_an_icon_beside_a_line_does_not_lend_a_word_its_height(px, expected):
    """Capitals with a tall icon after them: the ink splits into the words' run and the icon, as many
    ink words as read words, and the icon's height would size the second word (8 px capitals read as
    12 px). The line is sized by its own glyphs: 8 px is reported, 14 px is not."""
    html = ("<!doctype html><html><head><meta charset='utf-8'>" + STYLE + "</head><body>"
            f"<p><span id='t' style='font-size:{px}px'>LEARN MORE</span><span class='icon'></span></p></body></html>")
    img, boxes = render_with_boxes(html, ["t"], text=True)
    x, y, w, h = (int(round(v)) for v in boxes["t"])
    line = TextLine("LEARN MORE", (x - 4, y - 4, w + 30, h + 8), 0.99)
    found = small.detect_text(measure_lines(img, [line]), img)
    assert [i.category for i in found] == expected, [(i.bbox, i.message) for i in found]


HERO = """<!doctype html><html><head><meta charset="utf-8"><style>
body { margin: 0; font-family: 'Liberation Sans', sans-serif; background: #3a3835; color: #eee; }
nav { height: 90px; display: flex; gap: 48px; padding: 12px 190px 0; box-sizing: border-box; background: #3f3f3f;
      font-size: 13px; }
.hero { height: 370px; background: linear-gradient(#3f3f3f, #4a4a4a); display: flex; padding: 40px 190px 0;
        box-sizing: border-box; position: relative; }
.mark { position: absolute; left: 560px; top: 150px; width: 130px; height: 90px; background: rgba(255,255,255,0.03);
        filter: blur(4px); }
#pitch { width: 420px; margin-right: 180px; font-size: 16px; line-height: 1.5; }
#pitch h2 { font-size: 30px; margin: 20px 0; }
form { width: 290px; font-size: 12px; }
input { display: block; width: 280px; height: 34px; margin: 6px 0 16px; border: 0; background: #aaa; }
button { width: 286px; height: 36px; background: none; color: #eee; border: 1px solid #eee; }
.search { background: #5d5b58; height: 200px; text-align: center; padding-top: 50px; box-sizing: border-box;
          font-size: 20px; }
footer { background: #2f2d2b; height: 300px; text-align: center; font-size: 12px; padding-top: 40px;
         box-sizing: border-box; }
</style></head><body>
<nav><b>LOGO</b><span>Services</span><span>Settings</span><span>Billing</span><span>Support</span></nav>
<div class="hero"><div class="mark"></div>
<div id="pitch"><h2>Manage your hostnames</h2><p>Point your own domain names at home servers and cameras and keep
them up to date from anywhere, on any device.</p><p>Plans for every size of network.</p></div>
<form>Please log in to access private account data.<br><br>Username<input>Password<input>
<button>Log in</button></form></div>
<div class="search">Start a new hostname search</div>
<footer>Company address and legal notices, privacy policy and terms of service</footer>
</body></html>"""


@pytest.mark.parametrize("hidden", [False, True])
def test_an_empty_hero_column_on_a_gentle_gradient_with_a_faint_mark_is_a_hole(hidden):
    """A hero band on a gentle CSS gradient (11 levels top to bottom) with a faint blurred mark in the
    middle (a placeholder's outline): a few lines of cells cross the mark, so not nine lines in ten
    are one colour, but nine cells in ten lie on their line's colour and the lines' colours ramp
    straight down. With the left column's text hidden, the empty column beside the login form is
    reported; with it shown, nothing is."""
    before = "document.getElementById('pitch').style.visibility = 'hidden'" if hidden else None
    img, boxes = render_with_boxes(HERO, ["pitch"], before=before, width=1280, height=800)
    found = blank_area.detect(img)
    if hidden:
        assert len(found) == 1 and overlap_min(found[0].bbox, [int(v) for v in boxes["pitch"]]) >= 0.3, found
    else:
        assert found == []


def test_a_vignette_falling_off_at_its_edge_is_no_ramp():
    """A picture's vignette, flat in the middle and darkening at its right edge by 8 levels, is one
    colour down each column but does not ramp evenly across: not a CSS ground. A linear gradient
    over the same span, with a faint mark on it, is one."""
    shade = 229 - np.clip(np.arange(640) - 480, 0, None) / 20  # flat, then 8 levels down over the last 160 px
    png = cv2.imencode(".png", np.repeat(np.repeat(shade[None, :, None], 400, 0), 3, 2).astype(np.uint8))[1]
    page = ("<!doctype html><html><body style='margin:0'>"
            f"<img src='data:image/png;base64,{base64.b64encode(png.tobytes()).decode()}' style='display:block'>"
            "<div style='position:relative; width:640px; height:400px; "
            "background:linear-gradient(to right, #e5e5e5, #dddddd)'><div style='position:absolute; left:260px; "
            "top:150px; width:120px; height:90px; background:rgba(0,0,0,0.02); filter:blur(4px)'></div></div>"
            "</body></html>")
    img, _ = render_with_boxes(page, width=640, height=800)
    _, means = blank_area._cells(img)
    assert not blank_area._css_ground(means[2:48, 2:78])
    assert blank_area._css_ground(means[52:98, 2:78])


@pytest.mark.parametrize("px,expected", [(7, True), (16, False)])
def test_a_small_word_after_a_space_is_split_off_by_the_words_own_band(px, expected):
    """A bold date's digits make the line's dense band a cap height (12 px), and a word gap of half
    that (6 px) keeps a 7 px link joined to the word before it across a 16 px space. Split again by
    the words' own band (9 px), the link stands apart and is reported; at 16 px nothing is."""
    style = ("<style>body { margin: 0; padding: 30px 40px; font-family: 'Liberation Sans', sans-serif; color: #222; "
             "background: #fff; } p { margin: 0; font-size: 16px; }</style>")
    html = ("<!doctype html><html><head><meta charset='utf-8'>" + style + "</head><body><p id='l'><b>2024-04-16</b>"
            "&nbsp;&nbsp;&nbsp;njs-0.8.4 version has been "
            f"<a id='r' href='#' style='font-size:{px}px'>released</a>.</p></body></html>")
    img, boxes = render_with_boxes(html, ["l", "r"], text=True)
    x, y, w, h = (int(round(v)) for v in boxes["l"])
    line = TextLine("2024-04-16 njs-0.8.4 version has been released.", (x - 4, y - 3, w + 8, h + 6), 0.99)
    found = small.detect_text(measure_lines(img, [line]), img)
    hits = [i for i in found if overlap_min(i.bbox, [int(v) for v in boxes["r"]]) >= 0.3]
    assert (len(hits) == 1 and len(found) == 1) if expected else found == [], [(i.bbox, i.message) for i in found]
