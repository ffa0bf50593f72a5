"""DOM checks on what a user actually sees: text hidden on purpose (screen-reader-only labels,
clipped or see-through text, a control drawn over its own label) is not "covered", while a box
over visible text still is; a wide block in a faded-out slide is overflow (pages rendered in
Chromium)."""
from __future__ import annotations

import pytest

from codegen.debug.pipeline import dom_findings
from vision.defects.issue import Issue

HIDDEN = """<!doctype html><html><head><title>t</title><style>
body { margin: 0; font-family: 'Liberation Sans', sans-serif; background: #fff; color: #111; font-size: 16px; }
.sr-only { position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden;
           clip: rect(0, 0, 0, 0); white-space: nowrap; border: 0; }
.vh { position: absolute !important; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
.row { position: absolute; left: 20px; height: 40px; width: 600px; }
#icon { position: absolute; left: 0; top: 0; width: 24px; height: 24px; }
#band { position: absolute; left: 0; top: 0; width: 600px; height: 40px; background: #246; }
#field { position: relative; width: 300px; height: 40px; }
#field label { position: absolute; left: 8px; top: 10px; }
#email { position: absolute; left: 0; top: 0; width: 300px; height: 40px; background: #fff; border: 1px solid #888; box-sizing: border-box; }
#float { position: relative; width: 300px; height: 40px; }
#float span { position: absolute; left: 8px; top: 10px; background: #fff; z-index: 1; }
#search { position: absolute; left: 0; top: 0; width: 300px; height: 40px; background: transparent; border: 1px solid #888; z-index: 2; box-sizing: border-box; }
#frame { position: relative; overflow: hidden; height: 40px; width: 600px; }
#slid { position: absolute; left: 0; top: 50px; }
#ghost { color: transparent; position: absolute; left: 0; top: 0; z-index: -1; }
#box { position: absolute; left: 120px; top: 0; width: 90px; height: 40px; background: #d22; }
</style></head><body>
<div class="row" style="top: 10px"><a href="#"><img id="icon" alt="" src="data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' width='24' height='24'%3E%3Crect width='24' height='24' fill='%23333'/%3E%3C/svg%3E"><span class="sr-only">Search the whole site</span></a></div>
<div class="row" style="top: 60px"><h2 class="vh" style="margin:0">Navigation menu heading</h2><div id="band"></div></div>
<div class="row" style="top: 110px"><div id="field"><label for="email">Email address</label><input id="email" type="email"></div></div>
<div class="row" style="top: 160px"><div id="float"><span>Search this website</span><input id="search" type="search"></div></div>
<div class="row" style="top: 210px"><div id="frame"><div id="slid">Caption slid out of its frame</div></div><div id="band2" style="position:absolute;left:0;top:40px;width:600px;height:40px;background:#333"></div></div>
<div class="row" style="top: 300px"><div id="ghost">Sign in to continue to the mail</div><div style="position:absolute;left:0;top:0;width:600px;height:40px;background:#eef"></div></div>
<div class="row" style="top: 360px"><p id="shown" style="margin:0">This sentence is plainly visible to every reader</p><div id="box"></div></div>
</body></html>"""

FADER = """<!doctype html><html><head><title>t</title><style>
body { margin: 0; font-family: 'Liberation Sans', sans-serif; background: #fff; color: #111; }
#slider { position: relative; overflow: hidden; height: 300px; }
.slide { position: absolute; left: 0; top: 0; right: 0; bottom: 0; opacity: 0; }
.slide.on { opacity: 1; }
.desc { position: absolute; left: 0; top: 0; right: 0; }
#wide { min-width: 1455px; max-width: none; height: 120px; }
</style></head><body>
<div id="slider">
  <div class="slide on"><div class="desc"><h2>Wi-Fi for the whole house</h2></div></div>
  <div class="slide"><div class="desc"><div id="wide"><p>Join the team</p></div></div></div>
  <div class="slide"><div class="desc"><h2 id="fits">Cameras for every room</h2></div></div>
</div>
</body></html>"""


def _write(tmp_path_factory, name: str, html: str):
    page = tmp_path_factory.mktemp(name) / f"{name}.html"
    page.write_text(html, encoding="utf-8")
    return page


def _found(tmp_path_factory, name: str, html: str, size: tuple[int, int], category: str) -> list[Issue]:
    """The DOM checks' findings of one category on the page, rendered at `size`."""
    return [f for f in dom_findings(_write(tmp_path_factory, name, html), *size) if f.category == category]


@pytest.fixture(scope="module")
def covered(tmp_path_factory) -> list[Issue]:
    return _found(tmp_path_factory, "hidden", HIDDEN, (800, 600), "element-overlap")


@pytest.fixture(scope="module")
def fader(tmp_path_factory) -> list[Issue]:
    return _found(tmp_path_factory, "fader", FADER, (1280, 800), "overflow")


def test_a_box_over_visible_text_is_still_reported(covered):
    """The control: a red box drawn over a sentence anyone can see."""
    assert any("This sentence is plainly" in f.message for f in covered), [f.message for f in covered]


@pytest.mark.parametrize("words", ["Search the whole site", "Navigation menu heading", "Email address",
                                   "Search this website", "Caption slid out", "Sign in to continue"])
def test_text_hidden_on_purpose_is_not_covered(covered, words):
    """Screen-reader-only text (clip rect, clip-path inset), a label under its own field (label[for]),
    a placeholder stand-in under a see-through field sharing its wrapper, text clipped out of its
    frame, and see-through text show nothing to cover."""
    assert not [f for f in covered if words in f.message], [f.message for f in covered]


def test_a_wide_block_in_a_faded_out_slide_is_overflow(fader):
    """The slide waits at opacity 0; when it fades in its 1455px block is cut at the frame's edge."""
    hits = [f for f in fader if "#wide" in (f.selector or "")]
    assert hits, [(f.selector, f.message) for f in fader]
    assert hits[0].severity == "warning" and "faded out" in hits[0].message
    assert hits[0].bbox[0] == 0 and hits[0].bbox[2] == 1280


def test_faded_slides_that_fit_are_not_overflow(fader):
    """Only the wide block: the other slides (shown or waiting) fit their frame."""
    assert [f.selector.split(" > ")[-1] for f in fader] == ["#wide"], [(f.selector, f.message) for f in fader]


LAYERS = """<!doctype html><html><head><title>t</title><style>
body { margin: 0; font-family: 'Liberation Sans', sans-serif; background: #fff; color: #111; font-size: 16px; }
#top { position: fixed; left: 0; top: 0; width: 800px; height: 50px; background: #124; }
#under { position: absolute; left: 20px; top: 30px; margin: 0; }
#story { position: absolute; left: 20px; top: 120px; margin: 0; }
#finder { position: absolute; left: 10px; top: 110px; width: 400px; height: 40px; opacity: 0; }
#parked { position: absolute; left: 770px; top: 200px; width: 300px; }
#hero { position: absolute; left: 0; top: 190px; width: 800px; height: 80px; background: #532; }
#foot { position: absolute; left: 20px; top: 560px; margin: 0; }
#cookies { position: fixed; left: 0; bottom: 0; width: 800px; height: 70px; background: #222; }
</style></head><body>
<p id="under">Welcome back to the garden centre</p>
<div id="top"></div>
<p id="story">Spring bulbs are in stock this week</p>
<input id="finder" type="search">
<div id="parked"><p>Helpful links for the garden</p></div>
<div id="hero"></div>
<p id="foot">Garden centre opening hours and address</p>
<div id="cookies"></div>
</body></html>"""

WIDE = """<!doctype html><html><head><title>t</title><style>
body { margin: 0; font-family: 'Liberation Sans', sans-serif; background: #fff; color: #111; overflow: hidden; }
#app { position: absolute; left: 0; top: 0; right: 0; bottom: 0; overflow: auto; }
#header { position: relative; height: 60px; }
#menu { position: absolute; right: 40px; top: 50px; min-width: 1458px; max-width: none; height: 100px; background: #eee; }
#hero { min-width: 1500px; max-width: none; height: 200px; margin-top: 120px; background: #cde; }
#frame { position: relative; overflow: hidden; height: 120px; }
#band { position: absolute; left: -230px; top: 0; width: 1460px; height: 100px; background: #fdb; }
#shelf { overflow-x: auto; height: 120px; white-space: nowrap; }
#shelf div { display: inline-block; width: 300px; height: 100px; margin-right: 10px; background: #ddd; }
</style></head><body><div id="app">
<div id="header"><div id="menu">Products Support Company</div></div>
<div id="hero">Our new season is here</div>
<div id="frame"><div id="band">Free delivery on every order this month</div></div>
<div id="shelf"><div>One</div><div>Two</div><div>Three</div><div>Four</div><div>Five</div></div>
</div></body></html>"""


@pytest.fixture(scope="module")
def layered(tmp_path_factory) -> list[Issue]:
    return _found(tmp_path_factory, "layers", LAYERS, (800, 600), "element-overlap")


@pytest.fixture(scope="module")
def wide(tmp_path_factory) -> list[Issue]:
    return _found(tmp_path_factory, "wide", WIDE, (1280, 800), "overflow")


def test_a_header_pinned_over_the_first_text_covers_it(layered):
    """The control: a fixed header over the page's opening line at the top is a real defect."""
    assert any("Welcome back" in f.message for f in layered), [f.message for f in layered]


@pytest.mark.parametrize("words", ["Spring bulbs", "Helpful links", "Garden centre opening"])
def test_see_through_controls_parked_panels_and_bottom_bars_cover_nothing(layered, words):
    """An input at opacity 0 over a line paints nothing; a panel parked mostly past the screen's
    side shows too little to be covered; a cookie bar pinned along the bottom covers what
    scrolls beneath it by design."""
    assert not [f for f in layered if words in f.message], [f.message for f in layered]


def test_a_dropdown_grown_past_the_left_edge_is_overflow(wide):
    """Right-aligned, 1458 px wide: it runs off the screen's left side, where nothing scrolls to it."""
    hits = [f for f in wide if "#menu" in (f.selector or "")]
    assert hits and "left" in hits[0].message, [(f.selector, f.message) for f in wide]


def test_a_block_wider_than_the_app_scroller_is_overflow(wide):
    """A full-screen scrolling root stands in for the viewport: a block wider than it overflows."""
    assert [f for f in wide if "#hero" in (f.selector or "")], [(f.selector, f.message) for f in wide]


def test_a_positioned_band_wider_than_its_frame_is_overflow_wherever_it_starts(wide):
    """Parked 230 px left of its frame but wider than the frame itself: no position shows it whole."""
    assert [f for f in wide if "#band" in (f.selector or "")], [(f.selector, f.message) for f in wide]


def test_a_short_sideways_scroller_is_not_overflow(wide):
    """A shelf that scrolls sideways on purpose keeps its wide content inside; only the three
    defects are reported."""
    assert sorted(f.selector.split(" > ")[-1] for f in wide) == ["#band", "#hero", "#menu"], \
        [(f.selector, f.message) for f in wide]



SIDEWAYS = """<!doctype html><html><head><title>t</title><style>
body { margin: 0; font-family: 'Liberation Sans', sans-serif; background: #fff; color: #111; }
#form { position: relative; width: 700px; margin: 300px 0 0 250px; }
#field { display: flex; min-width: 1460px; max-width: none; height: 44px; background: #eee; }
</style></head><body><div id="form"><div id="field"><input id="q" type="search"></div></div>
<script>window.scrollTo(300, 0);</script></body></html>"""


def test_a_page_scrolled_sideways_keeps_its_edges(tmp_path):
    """An autofocused field can leave the page scrolled sideways: the 1460 px row still runs past
    the page's right edge, and its 700 px parent, pushed past the viewport's left side only by the
    scroll, is neither overflow nor a reason to skip the row."""
    page = tmp_path / "sideways.html"
    page.write_text(SIDEWAYS, encoding="utf-8")
    found = [f for f in dom_findings(page, 1280, 800) if f.category == "overflow"]
    assert [f.selector.split(" > ")[-1] for f in found] == ["#field"], [(f.selector, f.message) for f in found]


def test_a_missing_page_fails_before_the_screenshot_is_read(tmp_path, monkeypatch):
    """The DOM checks run beside OCR, but a bad --html path is reported at once, not after OCR."""
    import numpy as np

    import vision.defects as defects
    from codegen.debug.pipeline import DebugInputError, analyse

    def no_ocr(img):
        raise AssertionError("OCR ran before the page was checked")

    monkeypatch.setattr(defects, "read_text", no_ocr)
    with pytest.raises(DebugInputError):
        analyse(np.full((600, 800, 3), 255, np.uint8), "shot.png", html=tmp_path / "missing.html")


def test_analyse_merges_the_dom_findings_made_alongside_ocr(tmp_path_factory):
    """With the page, the DOM checks' overflow finding reaches the merged list, and the DOM
    part's own time and the time waited for it are both recorded."""
    from debug_pages import render_with_boxes

    from codegen.debug.pipeline import analyse

    img, _ = render_with_boxes(FADER, width=1280, height=800)
    res = analyse(img, "fader.png", html=_write(tmp_path_factory, "fader2", FADER), lines=[])
    assert any(i.category == "overflow" and i.source == "dom" and "#wide" in (i.selector or "") for i in res.issues)
    assert res.stages["dom"] > 0 and "dom_wait" in res.stages
