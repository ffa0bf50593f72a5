"""Visual detectors on injected-defect cases of a page rendered here (real Chromium, real OCR)."""
from __future__ import annotations

from pathlib import Path

import pytest

from debug_pages import W, H, load_bench_module, render_with_boxes, write_page
from vision.defects import detect
from vision.defects.issue import overlap_min
from vision.defects import read_text as read_lines

VISUAL_KINDS = ("text-overlap", "element-overlap", "text-truncation", "low-contrast", "broken-image",
                "misalignment", "blank-area", "small-text", "small-target")


@pytest.fixture(scope="module")
def page(tmp_path_factory) -> Path:
    return write_page(tmp_path_factory.mktemp("debugpage"))


@pytest.fixture(scope="module")
def cases():
    return load_bench_module("debug_cases")


def test_clean_page_has_no_visual_errors(page, cases):
    img, _, _ = cases.render_case(page, None, 0, width=W, height=H)
    found = detect(img, read_lines(img))
    errors = [i for i in found if i.severity == "error" and i.category in VISUAL_KINDS]
    assert errors == [], [(i.category, i.bbox, i.message) for i in errors]
    assert len(found) <= 1, [(i.category, i.bbox, i.message) for i in found]


@pytest.mark.parametrize("category", VISUAL_KINDS)
def test_injected_defect_found_at_its_place(page, cases, category):
    img, info, _ = cases.render_case(page, category, 1, width=W, height=H)
    assert "box" in info, info
    found = detect(img, read_lines(img))
    hits = [i for i in found if i.category == category and overlap_min(i.bbox, info["box"]) >= 0.3]
    assert hits, (info, [(i.category, i.bbox) for i in found])
    assert all(i.source == "visual" and i.message and i.fix for i in hits)


def test_blank_screen():
    import numpy as np

    found = detect(np.full((300, 400, 3), 247, np.uint8), lines=[])
    assert [(i.category, i.bbox, i.severity) for i in found] == [("blank-area", [0, 0, 400, 300], "error")]


def test_contrast_message_gives_ratio_and_colours(page, cases):
    img, info, _ = cases.render_case(page, "low-contrast", 2, width=W, height=H)
    hits = [i for i in detect(img, read_lines(img)) if i.category == "low-contrast" and overlap_min(i.bbox, info["box"]) >= 0.3]
    assert hits
    msg = hits[0].message
    assert ":1" in msg and msg.count("#") >= 2


PALE_LINK = """<!doctype html><html><head><meta charset="utf-8"><style>
body { margin: 0; padding: 40px; font: 16px 'Liberation Sans', sans-serif; color: #222; background: #fff; }
a { color: #b4b4d2; text-decoration: none; }
</style></head><body>
<p id="dark">All the text of this sentence is dark and easy to read on white.</p>
<p>To change your settings later, <a id="pale" href="#">open the preferences page</a> from the menu.</p>
</body></html>"""


def test_pale_words_inside_a_dark_line():
    """One OCR line, two colours: the pale link is measured on its own and boxed, the dark line is not."""
    img, boxes = render_with_boxes(PALE_LINK, ("pale", "dark"))
    found = [i for i in detect(img, read_lines(img)) if i.category == "low-contrast"]
    hits = [i for i in found if overlap_min(i.bbox, boxes["pale"]) >= 0.5]
    assert hits, [(i.bbox, i.message) for i in found]
    assert hits[0].bbox[2] < 1.5 * boxes["pale"][2]  # the link, not the whole sentence
    assert not [i for i in found if overlap_min(i.bbox, boxes["dark"]) > 0.3], [(i.bbox, i.message) for i in found]


def test_small_text_needs_letters_to_measure():
    """Punctuation read as a line (`. .`) has no x-height: no font size, no small-text finding."""
    from vision.defects.pixels import TextInfo
    from vision.defects.small import detect_text

    def line(text):
        return TextInfo(text, (10, 10, 60, 12), (10, 12, 50, 6), (255, 255, 255), 0.9, (0, 0, 0), 21.0, 6, 4, 0.9)

    assert detect_text([line(".  .")]) == []
    assert [i.category for i in detect_text([line("tiny words")])] == ["small-text"]


TRUNCATION = """<!doctype html><html><head><meta charset="utf-8"><style>
body { margin: 0; padding: 30px 40px; font: 18px 'Liberation Sans', sans-serif; color: #222; background: #fff; }
p { margin: 0 0 26px 0; }
#cut { display: inline-block; white-space: nowrap; overflow: hidden; vertical-align: bottom; }
input { font: 16px 'Liberation Sans', sans-serif; width: 300px; padding: 8px 10px; border: 1px solid #999; border-radius: 4px; }
#wrapped { width: 260px; color: #555; }
</style></head><body>
<p><span id="cut">Collaboration software for teams</span></p>
<p><input id="search" placeholder="Search for ..."></p>
<p id="stem">Download the latest manual</p>
<p id="wrapped">Thousands of projects and more every day, and counting...</p>
</body></html>"""
# clip the first line through the middle of its ninth letter ("Collabor|a"), on a whole pixel
CLIP_JS = """() => { const s = document.getElementById('cut'); const r = document.createRange();
  r.setStart(s.firstChild, 8); r.setEnd(s.firstChild, 9); const c = r.getBoundingClientRect();
  s.style.maxWidth = Math.round(c.left + c.width / 2 - s.getBoundingClientRect().left) + 'px'; }"""


def test_truncation_clipped_without_ellipsis_and_natural_ellipses():
    """Text sliced mid-letter with no ellipsis is found; an input's placeholder "Search for ...",
    a line ending in a stem and the last line of a wrapped paragraph ending in "..." are not."""
    img, boxes = render_with_boxes(TRUNCATION, ("cut", "search", "stem", "wrapped"), before=CLIP_JS)
    found = [i for i in detect(img, read_lines(img)) if i.category == "text-truncation"]
    assert [i for i in found if overlap_min(i.bbox, boxes["cut"]) >= 0.3], (boxes["cut"], [(i.bbox, i.message) for i in found])
    for k in ("search", "stem", "wrapped"):
        assert not [i for i in found if overlap_min(i.bbox, boxes[k]) >= 0.3], (k, [(i.bbox, i.message) for i in found])


def test_truncation_ellipsis_inside_a_line():
    """An OCR line that runs on past a truncated element ("HTT... , HTTP/2 on") is found, boxed up to
    the ellipsis; "..." after a space or at the end of a sentence in mid-line is not an ellipsis cut."""
    import numpy as np

    from vision.defects.pixels import TextInfo
    from vision.defects.truncation import detect as detect_truncation

    img = np.full((40, 400, 3), 255, np.uint8)

    def line(text):
        return TextInfo(text, (10, 10, 300, 16), (12, 12, 296, 12), (255, 255, 255), 0.9, (0, 0, 0), 21.0, 12, 7, 0.9)

    hits = detect_truncation(img, [line("experimental HTT... , HTTP/2 on a per-server basis")])
    assert len(hits) == 1 and hits[0].bbox[2] < 150, [(i.bbox, i.message) for i in hits]
    assert detect_truncation(img, [line("Search for ... and more")]) == []


GRID = """<!doctype html><html><head><meta charset="utf-8"><style>
body { margin: 0; font: 16px/1.45 'Liberation Sans', sans-serif; color: #222; background: #fff; }
header { padding: 18px 40px; border-bottom: 1px solid #ddd; font-size: 20px; }
main { max-width: 920px; margin: 0 auto; padding: 36px 0; }
h2 { margin: 0 0 28px 0; font-size: 28px; text-align: center; }
.grid { display: grid; grid-template-columns: repeat(3, 1fr); gap: 36px; }
.item { background: CARD; border: 1px solid #d5dbe3; border-radius: 6px; padding: 18px; }
.item h3 { margin: 0 0 8px 0; font-size: 19px; }
.item p { margin: 0 0 8px 0; color: #444; }
</style></head><body>
<header>Harbour Tools</header>
<main><h2>Everything a workshop needs</h2><div class="grid">
<div class="item" id="c0"><h3>Saws</h3><p>Hand saws, coping saws and mitre saws for timber of every size.</p><p>Blades sharpened while you wait.</p></div>
<div class="item" id="c1"><h3>Drills</h3><p>Corded and cordless drills with bits for wood, metal and masonry.</p><p>Spare batteries in stock.</p></div>
<div class="item" id="c2"><h3>Clamps</h3><p>Bar clamps, G clamps and quick grips to hold work steady.</p><p>Sold singly or in sets.</p></div>
<div class="item" id="c3"><h3>Planes</h3><p>Block planes and jack planes, set up and ready to use.</p><p>Irons honed to a mirror.</p></div>
<div class="item" id="c4"><h3>Chisels</h3><p>Bevel edge and mortice chisels in fourteen widths.</p><p>Handles of ash or beech.</p></div>
<div class="item" id="c5"><h3>Files</h3><p>Flat, half round and needle files for fine shaping work.</p><p>Cards to keep them clean.</p></div>
</div><p style="margin-top: 40px">Open every day from eight until six. Parking behind the shop.</p></main>
</body></html>"""


@pytest.mark.parametrize("card", ["#ffffff", "#f2f5f8"])
@pytest.mark.parametrize("hidden", [None, "c4"])
def test_blank_area_hole_in_a_grid_and_not_ordinary_whitespace(tmp_path, hidden, card):
    """One card of a grid hidden: a hole with its neighbours all around, found where the card was
    (white cards, or tinted ones whose edges bound the hole with another colour). The same page
    whole, with its wide side margins and gaps between sections, has no blank area."""
    from codegen.render import get_renderer
    from vision.defects import blank_area

    page = tmp_path / "grid.html"
    page.write_text(GRID.replace("CARD", card), encoding="utf-8")
    box = {}

    def page_fn(p):
        if hidden:
            box["b"] = p.evaluate("(id) => { const e = document.getElementById(id); e.style.visibility = 'hidden';"
                                  " const r = e.getBoundingClientRect(); return [r.left, r.top, r.width, r.height]; }",
                                  hidden)

    res = get_renderer().render(path=str(page), width=1280, height=800, full_page=False, mobile_check=False,
                                page_fn=page_fn, timeout_s=20)
    found = blank_area.detect(res.image)
    if hidden is None:
        assert found == [], [(i.bbox, i.message) for i in found]
    else:
        assert [overlap_min(i.bbox, box["b"]) >= 0.3 for i in found] == [True], (box, [i.bbox for i in found])


STACKS = """<!doctype html><html><head><meta charset="utf-8"><style>
body { margin: 0; padding: 30px 40px; font: 16px 'Liberation Sans', sans-serif; color: #222; background: #fff;
       display: flex; gap: 60px; }
.stack { width: 300px; }
.stack > * { margin: 0 0 14px 0; }
h2 { font-size: 22px; }
.note { background: #e8eef6; border: 1px solid #b8c4d2; padding: 8px 0; text-align: center; }
button { display: block; font: 15px 'Liberation Sans', sans-serif; padding: 8px 18px; background: #2c6bc9;
         color: #fff; border: 0; border-radius: 3px; }
</style></head><body>
<div class="stack"><h2>Delivery</h2><p>Orders leave the warehouse the next working day.</p>
  <div class="note" id="shifted" style="position: relative; left: 7px">Free over 50 euros</div>
  <p>Tracking comes by email.</p><button>Order now</button></div>
<div class="stack" id="aligned"><h2>Returns</h2><p>Send it back within thirty days of delivery.</p>
  <div class="note">Labels are prepaid</div><p>Refunds take a week.</p><button>Start a return</button></div>
</body></html>"""


def test_misalignment_of_a_boxed_element_by_its_edge():
    """A box with a centred label moved 7 px right in a left-aligned stack is found by its painted
    edge (its text alone lines up with nothing); the same stack left in line is not flagged."""
    img, boxes = render_with_boxes(STACKS, ("shifted", "aligned"))
    found = [i for i in detect(img, read_lines(img)) if i.category == "misalignment"]
    hits = [i for i in found if overlap_min(i.bbox, boxes["shifted"]) >= 0.5]
    assert hits, (boxes["shifted"], [(i.bbox, i.message) for i in found])
    assert "7 px right" in hits[0].message, hits[0].message
    assert not [i for i in found if overlap_min(i.bbox, boxes["aligned"]) > 0], [(i.bbox, i.message) for i in found]


SMALL_WORDS = """<!doctype html><html><head><meta charset="utf-8"><style>
body { margin: 0; padding: 40px; font: 16px 'Liberation Serif', serif; color: #222; background: #fff; }
a { color: #2040c0; }
#tiny { font: 7px 'Liberation Sans', sans-serif; margin-top: 40px; }
</style></head><body>
<p id="normal">Please read these words, which are all set at the same size.</p>
<p>To contact us for any reason, fill out the form after <a id="link" href="#" style="font-size:10px">clicking here</a> today.</p>
<p id="tiny">Shipping times below are estimates only and may change</p>
</body></html>"""


def test_small_words_inside_a_line_and_a_7px_line():
    """A 10 px link inside a 16 px line (the line measures normal as a whole, so its words are
    measured apart) and a 7 px line: both boxed as small-text; the normal line is not."""
    img, boxes = render_with_boxes(SMALL_WORDS, ("link", "tiny", "normal"), text=True)
    found = [i for i in detect(img, read_lines(img)) if i.category == "small-text"]
    for k in ("link", "tiny"):
        hits = [i for i in found if overlap_min(i.bbox, boxes[k]) >= 0.3]
        assert hits, (k, boxes[k], [(i.bbox, i.message) for i in found])
    assert [i for i in found if overlap_min(i.bbox, boxes["link"]) >= 0.3][0].bbox[2] < 0.5 * 560
    assert not [i for i in found if overlap_min(i.bbox, boxes["normal"]) > 0.3]


TINY_LINES = """<!doctype html><html><head><meta charset="utf-8"><style>
body { margin: 0; padding: 40px; font: 16px 'Liberation Serif', serif; color: #222; background: #fff; }
</style></head><body>
<h2 id="big" style="font: 36px 'Liberation Serif', serif">NOTICIAS</h2>
<p id="a" style="font-size:7px; color:#335">Updated every day at noon</p>
<p id="b" style="font-size:6px">Terms apply to all orders</p>
</body></html>"""


def test_text_the_detector_missed_is_read_enlarged():
    """Tiny lines the OCR detector left out (here: told it found nothing) are found as rows of
    small ink and confirmed by reading the enlarged crop; a normal heading is not small text."""
    from vision.defects.small import detect_unread_text

    img, boxes = render_with_boxes(TINY_LINES, ("big", "a", "b"), text=True)
    found = detect_unread_text(img, text_boxes=[])
    for k in ("a", "b"):
        assert [i for i in found if overlap_min(i.bbox, boxes[k]) >= 0.5], (k, boxes[k], [(i.bbox, i.message) for i in found])
    assert not [i for i in found if overlap_min(i.bbox, boxes["big"]) > 0.1]
    assert all(i.category == "small-text" and "px high" in i.message for i in found)


STACKED = """<!doctype html><html><head><meta charset="utf-8"><style>
body { margin: 0; padding: 60px; font: bold 20px 'Liberation Sans', sans-serif; color: #1b3f8f; background: #fff; }
#over { position: absolute; left: 72px; top: 71px; white-space: nowrap; }
</style></head><body>
<div id="under">Sign Up Now</div><span id="over">Limited offer today</span>
</body></html>"""


def test_unread_ink_is_read_again_and_its_collision_found():
    """Text the first OCR pass left out (here: told it read nothing) is read again from a crop, and
    the two lines drawn over each other there (one band of ink, read as one line) are reported as
    text-overlap."""
    from vision.defects import OCR_MIN_SCORE, measure_lines, reread, small, text_overlap

    img, _ = render_with_boxes(STACKED)
    again = reread.unread_lines(img, [], small.ink_mask(img), OCR_MIN_SCORE)
    assert again, [(ln.text, ln.box) for ln in again]
    found = text_overlap.detect(measure_lines(img, again), img)
    assert found and all(overlap_min(i.bbox, [60, 60, 220, 45]) >= 0.5 for i in found), [(i.bbox, i.message) for i in found]


def test_contrast_near_the_threshold_is_not_evidence():
    """White text on Google blue passes AA (4.5:1 by its CSS colours) but anti-aliasing reads the ink
    a few levels darker (4.34:1): not reported; clearly pale grey on white is."""
    from vision.defects.contrast import NORMAL_MIN, SLACK_NORMAL, _surely_under
    from vision.defects.pixels import contrast_ratio

    assert contrast_ratio((248, 251, 255), (26, 115, 232)) < NORMAL_MIN
    assert not _surely_under((248, 251, 255), (26, 115, 232), NORMAL_MIN, SLACK_NORMAL)
    assert _surely_under((161, 161, 161), (255, 255, 255), NORMAL_MIN, SLACK_NORMAL)
    assert _surely_under((230, 230, 230), (20, 20, 20), NORMAL_MIN, SLACK_NORMAL) is False


ALT_TEXT = """<!doctype html><html><head><meta charset="utf-8"><style>
body { margin: 0; padding: 40px; font: 16px 'Liberation Sans', sans-serif; color: #222; background: #fff; }
#logo { width: 120px; height: 40px; background: #e5e5e5; color: #fff; font-size: 22px; }
</style></head><body>
<img id="logo" src="missing-logo.png" alt="logo">
<p>Welcome back to the account pages of this shop.</p>
</body></html>"""


def test_alt_text_of_a_broken_image_is_part_of_that_defect():
    """White alt text drawn in a broken image's grey frame: one broken-image finding boxing the icon
    and its alt text, which is not reported again as low contrast."""
    img, _ = render_with_boxes(ALT_TEXT)
    found = detect(img, read_lines(img))
    frame = [40, 40, 120, 40]
    broken = [i for i in found if i.category == "broken-image" and overlap_min(i.bbox, frame) >= 0.5]
    assert broken and broken[0].bbox[2] >= 50, [(i.category, i.bbox) for i in found]  # icon (16 px) and "logo"
    assert not [i for i in found if i.category in ("low-contrast", "text-truncation")
                and overlap_min(i.bbox, frame) >= 0.5], [(i.category, i.bbox, i.message) for i in found]
