"""DOM overflow check: a block cut off inside a slider or a positioned bar, as against a carousel
that is cut on purpose (pages rendered in Chromium)."""
from __future__ import annotations

import pytest

from codegen.debug.pipeline import dom_findings
from vision.defects.issue import Issue

SLOTS = """<!doctype html><html><head><title>t</title><style>
body { margin: 0; font-family: 'Liberation Sans', sans-serif; background: #fff; color: #111; }
.frame { position: relative; overflow: hidden; height: 100px; margin-bottom: 10px; }
.slide { position: absolute; top: 0; width: 800px; height: 100px; }
.bar { position: absolute; left: 0; right: 0; top: 0; }
#wideslide { min-width: 1300px; height: 60px; }
#grid { display: grid; grid-template-columns: 1fr 1fr; min-width: 1200px; margin: 0; padding: 0; list-style: none; }
#grid li { width: 140px; }
#track { display: flex; }
#track > div { flex: 0 0 800px; height: 60px; }
#drawer { position: absolute; left: 600px; top: 0; width: 400px; height: 80px; background: #eee; }
#mark { position: absolute; left: 200px; top: 10px; width: 1100px; height: 24px; background: #c33; }
</style></head><body>
<div class="frame" id="slider">
  <div class="slide" style="left: 0"><div id="wideslide">Spring sale this week only: every tent, stove, sleeping bag and pair of hiking boots in the shop at half price, delivered free</div></div>
  <div class="slide" style="left: 800px"><div>Next slide, waiting past the edge</div></div>
</div>
<div class="frame" id="nav"><div class="bar"><ul id="grid"><li>Home</li><li>Shop</li><li>Help</li><li>Contact</li></ul></div></div>
<div class="frame"><div class="bar"><div id="track"><div>One</div><div>Two</div><div>Three</div></div></div></div>
<div class="frame"><div id="drawer">A panel slid in from the side</div></div>
<div class="frame"><div id="mark"></div></div>
</body></html>"""


@pytest.fixture(scope="module")
def overflow(tmp_path_factory) -> list[Issue]:
    page = tmp_path_factory.mktemp("slots") / "slots.html"
    page.write_text(SLOTS, encoding="utf-8")
    return [f for f in dom_findings(page, 800, 600) if f.category == "overflow"]


def _by(found: list[Issue], selector_part: str) -> list[Issue]:
    return [f for f in found if selector_part in (f.selector or "")]


def test_a_block_wider_than_the_slide_on_show_is_overflow(overflow):
    """The slide is positioned, but it stays inside the slider's frame: it is a slot, and a block
    wider than its slot is cut at the screen's edge by mistake, its text with it."""
    hits = _by(overflow, "#wideslide")
    assert hits, [(f.selector, f.message) for f in overflow]
    assert hits[0].severity == "error" and "#slider" in hits[0].message
    assert hits[0].bbox[0] == 0 and hits[0].bbox[2] == 800


def test_a_list_stretched_past_the_edge_of_a_positioned_bar_is_overflow(overflow):
    """A two-column grid pushed 400 px past the screen: its items all still show, so the part
    cut off is empty (a warning), but no carousel keeps its next slides there."""
    hits = _by(overflow, "#grid")
    assert hits, [(f.selector, f.message) for f in overflow]
    assert hits[0].severity == "warning"


def test_a_positioned_block_wider_than_its_whole_frame_is_overflow(overflow):
    """A panel positioned partly out of its frame may be parked there on purpose, but one wider
    than the frame itself could never be shown whole."""
    hits = _by(overflow, "#mark")
    assert hits and hits[0].severity == "warning", [(f.selector, f.message) for f in overflow]


def test_carousel_tracks_and_positioned_panels_are_cut_on_purpose(overflow):
    """A row of slides that each fit with the next ones past the edge, and a panel positioned
    partly out of its frame, are not reported; neither are the wide blocks' own children."""
    assert sorted(f.selector.split(" > ")[-1] for f in overflow) == ["#grid", "#mark", "#wideslide"], \
        [(f.selector, f.message) for f in overflow]


SCROLLERS = """<!doctype html><html><head><title>t</title><style>
body { margin: 0; font-family: 'Liberation Sans', sans-serif; background: #fff; color: #111; }
.scroller { overflow-x: auto; width: 500px; margin: 20px 150px; }
.centred { display: flex; justify-content: center; }
.centred > div, #table { min-width: 1100px; height: 40px; background: #9cf; }
</style></head><body>
<div class="scroller centred" id="lost"><div id="pokes">Speed test results, download and upload in Mbit/s</div></div>
<div class="scroller" id="table-scroller"><div id="table">A wide table the scroller lets you scroll along</div></div>
</body></html>"""


def test_what_sticks_out_before_a_scrollers_start_edge_is_overflow(tmp_path):
    """A block centred in a scroller and wider than the screen sticks out on the left, where no
    scrolling can reach it (a scroller's range starts at its left edge): reported, with the
    scroller named as what cuts it. The same block growing to the right is scrolled to: not reported."""
    page = tmp_path / "scrollers.html"
    page.write_text(SCROLLERS, encoding="utf-8")
    found = [f for f in dom_findings(page, 800, 600) if f.category == "overflow"]
    hits = _by(found, "#pokes") or [f for f in found if "#lost" in f.message]
    assert hits and "left" in hits[0].message, [(f.selector, f.message) for f in found]
    assert not _by(found, "#table"), [(f.selector, f.message) for f in found]
