"""blank-area: a two-column band (a hero) whose one column is gone leaves a hole bounded by the band's
edges and the other column only; the same band whole, a single-column band and text on a picture
are whitespace by design."""
from __future__ import annotations

import base64

import cv2
import numpy as np
import pytest

from debug_pages import render_with_boxes
from vision.defects import blank_area
from vision.defects.issue import overlap_min

HERO = """<!doctype html><html><head><meta charset="utf-8"><style>
body { margin: 0; font: 18px 'Liberation Sans', sans-serif; color: #1d2327; background: #ffffff; }
header { display: flex; gap: 32px; align-items: center; padding: 0 80px; height: 64px;
         border-bottom: 1px solid #d5d8dc; }
.hero { display: flex; flex-direction: DIRECTION; align-items: center; gap: 80px; height: 400px;
        padding: 80px; }
.text { width: 470px; }
.text h1 { font: 60px 'Liberation Serif', serif; margin: 0 0 20px; }
.text p { margin: 0; line-height: 1.5; }
.form { flex: 1; border: 1px solid #c3c8ce; border-radius: 6px; padding: 28px; background: #f7f8fa; }
.form label { display: block; margin: 0 0 6px; }
.form div { height: 38px; border: 1px solid #9aa3ad; background: #fff; margin: 0 0 18px; }
.form b { display: inline-block; padding: 10px 26px; background: #2f5fd0; color: #fff; }
.next { background: #ececec; padding: 30px 80px; }
GROUND
</style></head><body>
<header><b>Northwind</b><span>News</span><span>Pricing</span><span>Docs</span><span>About</span></header>
<section class="hero"><div class="text"><h1>Build sites faster</h1>
  <p>One editor for pages, posts and shops, from a first draft to a site that serves millions.</p></div>
  <div class="form" id="form"><label>Work email</label><div></div><label>Password</label><div></div>
  <b>Start a free trial</b></div></section>
<section class="next"><h2>Trusted by teams everywhere</h2></section>
</body></html>"""

HIDE = "() => { document.getElementById('form').style.visibility = 'hidden'; }"


def _render(html: str, hide: bool):
    """The page at a desktop size (a two-column hero needs the width), the form hidden when `hide`,
    and the form's box."""
    img, boxes = render_with_boxes(html, ("form",), before=HIDE if hide else None, width=1280, height=800)
    return img, boxes["form"]


def _picture_uri(kind: str) -> str:
    """A photo-like background as a data URI: a soft gradient with fine texture ("textured"), or faint
    vertical streaks over a faint shading, even from top to bottom ("streaked", as a stretched
    placeholder picture is)."""
    yy, xx = np.mgrid[0:400, 0:640]
    if kind == "textured":
        img = np.stack([150 + xx // 16, 160 + yy // 20, 170 - xx // 20], axis=-1).astype(np.int16)
        img += np.random.default_rng(3).integers(-2, 3, img.shape)
    else:
        streaks = np.random.default_rng(3).integers(-2, 3, 640)[xx] + 5 * np.abs(xx - 320) // 320
        img = np.repeat((226 - streaks)[..., None], 3, axis=-1).astype(np.int16)
    ok, png = cv2.imencode(".png", np.clip(img, 0, 255).astype(np.uint8))
    assert ok
    return "data:image/png;base64," + base64.b64encode(png.tobytes()).decode()


# a dark hero on a vertical CSS gradient, its text light
GRADIENT = ".hero { background: linear-gradient(#3b4058, #1c1d27); color: #f2f3f5; }"


def _page(direction: str = "row", ground: str = "") -> str:
    return HERO.replace("DIRECTION", direction).replace("GROUND", ground)


@pytest.mark.parametrize("ground", ["", GRADIENT], ids=["white", "gradient"])
@pytest.mark.parametrize("direction", ["row", "row-reverse"])
def test_a_missing_column_of_a_hero_is_a_hole(direction, ground):
    """The form column hidden (on the right, or on the left; on white, or on a gradient): the hole
    has the header's rule (or the hero's edge) above, the next section's edge below and the text
    column beside it, with the screen's edge beyond, and is found where the form was."""
    img, form = _render(_page(direction, ground), hide=True)
    found = blank_area.detect(img)
    assert [overlap_min(i.bbox, form) >= 0.5 for i in found] == [True], (form, [i.bbox for i in found])


@pytest.mark.parametrize("ground", ["", GRADIENT], ids=["white", "gradient"])
@pytest.mark.parametrize("direction", ["row", "row-reverse"])
def test_a_whole_hero_has_no_hole(direction, ground):
    img, _ = _render(_page(direction, ground), hide=False)
    assert blank_area.detect(img) == []


@pytest.mark.parametrize("kind", ["textured", "streaked"])
def test_a_hero_on_a_picture_beside_its_text_is_design(kind):
    """Text on one side of a page whose background is a picture, the picture showing beside it: the
    same bare side as a missing column between the same rules, but neither one colour nor a CSS
    gradient, so not a hole."""
    html = _page().replace("background: #ffffff;", f"background: url({_picture_uri(kind)}) center / cover;") \
        .replace(".next { background: #ececec;", ".next { border-top: 1px solid #d5d8dc;")
    img, _ = _render(html, hide=True)
    assert blank_area.detect(img) == []


def test_a_margin_beside_an_offset_column_is_not_a_column():
    """A hero whose text starts a little way in from the screen's edge, the form beside it: the strip
    left of the text lies between the same rules, facing the same block, but is a margin (narrower
    than a quarter of the screen), not a missing column."""
    html = _page().replace("padding: 80px; }", "padding: 80px 80px 80px 280px; }")
    img, _ = _render(html, hide=False)
    assert blank_area.detect(img) == []


def test_a_single_column_band_under_a_wide_heading_is_design():
    """A band whose heading runs across its whole width, with a short text centred below it on the
    left: the space right of the text is one column's whitespace (a heading above it, not the straight
    edge of a band that held two columns)."""
    html = _page().replace(
        '<section class="hero"><div class="text"><h1>Build sites faster</h1>',
        '<section class="hero" style="flex-direction: column; align-items: flex-start; height: auto; '
        'padding-bottom: 150px">'
        '<h1 style="font-size: 60px; margin: 0">The best place to find your next home</h1>'
        '<div class="text" style="margin: 60px 0 0">').replace(
        '</p></div>', '</p><p>Homes, flats and rooms to rent or buy in every town.</p>'
        '<p style="margin-top: 20px"><b>Start searching</b></p></div>').replace(
        '<div class="form" id="form">', '<div class="form" id="form" style="display: none">')
    img, _ = _render(html, hide=True)
    assert blank_area.detect(img) == []
