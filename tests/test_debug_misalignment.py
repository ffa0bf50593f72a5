"""Misalignment in stacks the plain sibling chain used to miss: a card whose content is split by an
empty frame, a centred stack broken by a row of items, a stack with a right-aligned link between
its members. Each page is rendered in Chromium and read by the real OCR; the same page left in
line must stay quiet."""
from __future__ import annotations

import pytest

from debug_pages import render_with_boxes
from vision.defects import detect, read_text
from vision.defects.issue import overlap_min

STYLE = """<!doctype html><html><head><meta charset="utf-8"><style>
body { margin: 0; padding: 16px; font: 15px 'Liberation Sans', sans-serif; color: #222; background: #f3f5f8; }
</style></head><body>"""


def _misaligned(html: str, ids: tuple[str, ...]):
    img, boxes = render_with_boxes(html, ids)
    return [i for i in detect(img, read_text(img)) if i.category == "misalignment"], boxes


def _found(html: str, moved: str, ids: tuple[str, ...] | None = None):
    """The misalignment finding on element `moved`, failing the test when there is none."""
    found, boxes = _misaligned(html, ids or (moved,))
    hits = [i for i in found if overlap_min(i.bbox, boxes[moved]) >= 0.5]
    assert hits, (moved, boxes[moved], [(i.bbox, i.message) for i in found])
    return hits[0]


def _assert_quiet(html: str) -> None:
    found, _ = _misaligned(html, ())
    assert found == [], [(i.bbox, i.message) for i in found]


def _card(shift: int) -> str:
    return STYLE + f"""<div style="background:#fff;border:1px solid #222;width:520px;padding:16px">
<h2 style="margin:0 0 10px;font-size:26px">One more step</h2>
<p id="moved" style="margin:0;position:relative;left:{shift}px">Please complete the check below to go on.</p>
<div style="height:120px"></div>
<p style="margin:0 0 12px">Why do you have to complete this check?</p>
<p style="margin:0">It proves you are a person and gives you access to the site.</p></div></body></html>"""


@pytest.mark.parametrize("shift", [6, -7])
def test_card_content_split_by_an_empty_frame_shares_one_edge(shift):
    """Inside a card the heading and the lines below an empty frame still set the content's left
    edge: a paragraph moved off it is found although only the heading sits close to it."""
    hit = _found(_card(shift), "moved")
    assert f"{abs(shift)} px {'right' if shift > 0 else 'left'}" in hit.message, hit.message


def test_card_content_in_line_is_quiet():
    _assert_quiet(_card(0))


def _centred(line: int, row: int) -> str:
    return STYLE + f"""<div style="width:560px;margin:0 auto;text-align:center">
<h2 style="margin:0 0 8px">Sign in or register</h2>
<div id="line" style="position:relative;left:{line}px;color:#1a7f37">All your data is encrypted</div>
<div id="row" style="display:flex;justify-content:center;gap:80px;margin:18px 0;position:relative;left:{row}px">
  <div><div style="width:40px;height:40px;background:#c8ccd2;margin:0 auto 6px"></div>Free shipping</div>
  <div><div style="width:40px;height:40px;background:#c8ccd2;margin:0 auto 6px"></div>Free returns</div></div>
<div style="margin:0 auto;width:300px;height:36px;background:#2563eb;color:#fff;line-height:36px">Continue</div>
</div></body></html>"""


@pytest.mark.parametrize("line,row,moved", [(6, 0, "line"), (0, -6, "row")])
def test_centred_stack_through_a_row_of_items(line, row, moved):
    """A row of two features centred under a centred heading counts by the middle of the row: a
    centred line above it moved 6 px is found, and so is the row itself moved 6 px."""
    hit = _found(_centred(line, row), moved, ("line", "row"))
    assert "centre line" in hit.message and 3 <= hit.score <= 8, hit.message


def test_centred_stack_with_row_in_line_is_quiet():
    _assert_quiet(_centred(0, 0))


def _form(shift: int) -> str:
    return STYLE + f"""<div style="background:#fff;width:400px;padding:20px">
<div style="border-bottom:1px solid #ddd;padding:10px 0">Enter the code from the text message</div>
<div style="text-align:right;padding:10px 0;color:#2563eb">Send the code again</div>
<div id="moved" style="margin-top:24px;height:36px;background:#2563eb;position:relative;left:{shift}px"></div>
<div style="border-bottom:1px solid #ddd;padding:24px 0 0"></div></div></body></html>"""


def test_stack_not_broken_by_a_right_aligned_link():
    """A rule, a right-aligned link, a button and a rule: the link fills the gap between the rule
    and the button, so the button moved 6 px is still judged against the rules."""
    hit = _found(_form(6), "moved")
    assert "6 px right" in hit.message, hit.message
    _assert_quiet(_form(0))


BAR = STYLE + """<div style="width:640px;margin:0 auto;text-align:center">
<h2 style="margin:0 0 10px">Developer news</h2>
<div style="display:flex;justify-content:space-between;padding:0 30px 0 20px;margin-bottom:10px">
  <b style="font-size:18px">Cloud</b><span>Overview Logs Console</span></div>
<div>Watch the latest videos about the platform</div></div></body></html>"""


def test_bar_spread_to_both_ends_has_no_middle():
    """A bar with a name at the left and links at the right (unequal padding puts the pair's
    middle 5 px off the centred lines) is not a centred row: nothing is flagged."""
    _assert_quiet(BAR)


def _column(shift: int) -> str:
    return STYLE.replace("padding: 16px", "padding: 40px") + f"""<div style="width:560px">
<h1 style="margin:0 0 12px;font-size:40px;font-weight:normal">Its here at last</h1>
<p style="margin:0 0 12px">Every plan includes hosting and nightly backups.</p>
<div style="border-top:3px solid #222;width:100px;margin:0 0 24px"></div>
<p style="margin:0 0 24px">If you have questions about your plan, read the guide.</p>
<p id="moved" style="margin:0 0 24px;position:relative;left:{shift}px">For other questions, write to our team.</p>
<p style="margin:0">Thanks for reading.</p></div></body></html>"""


def test_large_heading_whose_ink_starts_late_does_not_hide_a_shift():
    """A 40 px heading's first letter starts about 4 px inside its box, level with a paragraph
    further down moved 4 px right: the heading is explained by its side bearing, so the paragraph
    is still found; left in line, the column is quiet."""
    hit = _found(_column(4), "moved")
    assert "right of the left edge" in hit.message, hit.message
    _assert_quiet(_column(0))
