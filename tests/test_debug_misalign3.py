"""Centred stacks with one member 9 px off their centre line (a sign-in card's second button, a
wrapped centred paragraph in a tile): found up to 10 px off, the same stacks in line stay quiet.
Each page is rendered in Chromium and read by the real OCR."""
from __future__ import annotations

import pytest

from debug_pages import render_with_boxes
from vision.defects import detect, read_text
from vision.defects.issue import overlap_min

STYLE = """<!doctype html><html><head><meta charset="utf-8"><style>
body { margin: 0; padding: 24px; font: 16px 'Liberation Sans', sans-serif; color: #1c1e21; background: #f0f2f5; }
.card { width: 396px; margin: 0 auto; background: #fff; padding: 16px; text-align: center; }
.field { height: 50px; margin-bottom: 12px; background: #e4e6eb; }
.primary { height: 48px; line-height: 48px; background: #0866ff; color: #fff; font-size: 20px; font-weight: bold; }
</style></head><body>"""


def _sign_in(shift: int) -> str:
    return STYLE + f"""<div class="card"><div class="field"></div><div class="field"></div>
<div class="primary">Log in</div><p style="margin:16px 0;color:#0866ff;font-size:14px">Forgotten password</p>
<div style="height:1px;background:#dadde1;margin:20px 0"></div>
<div><span id="moved" style="display:inline-block;position:relative;left:{shift}px;background:#42b72a;color:#fff;
font-weight:bold;font-size:17px;padding:14px 16px">Create new account</span></div></div></body></html>"""


def _tile(shift: int) -> str:
    return STYLE + f"""<div class="card" style="width:420px;padding:40px 30px">
<h3 style="margin:0 0 24px;letter-spacing:1px;color:#555">DATA SOLUTIONS</h3>
<div style="width:52px;height:40px;margin:0 auto 24px;background:#d8dde3"></div>
<p id="moved" style="margin:0 0 30px;position:relative;left:{shift}px;font-size:19px;font-weight:bold;color:#333">
Tap into digital behavioural data for insights, targeting, and personalisation.</p>
<div style="width:280px;height:62px;margin:0 auto;background:#5bb04f"></div></div></body></html>"""


def _misaligned(html: str):
    img, boxes = render_with_boxes(html, ("moved",), width=1000, height=600)
    return [i for i in detect(img, read_text(img)) if i.category == "misalignment"], boxes["moved"]


@pytest.mark.parametrize("page, shift", [(_sign_in, 9), (_sign_in, -9), (_tile, -9)])
def test_member_nine_px_off_a_centred_stack_is_found(page, shift):
    found, moved = _misaligned(page(shift))
    hits = [i for i in found if overlap_min(i.bbox, moved) >= 0.5]
    assert hits, (moved, [(i.bbox, i.message) for i in found])
    assert "centre line" in hits[0].message and ("right" if shift > 0 else "left") in hits[0].message


@pytest.mark.parametrize("page", [_sign_in, _tile])
def test_centred_stack_in_line_is_quiet(page):
    found, _ = _misaligned(page(0))
    assert found == [], [(i.bbox, i.message) for i in found]


def _docs(shift: int) -> str:
    code = ("font-family:'Liberation Mono',monospace;background:#eee;border:1px solid #e0e0e0;"
            "padding:2px 6px;border-radius:3px")
    return STYLE.replace("background: #f0f2f5", "background: #fff") + f"""<div style="width:900px;margin-left:120px">
<p style="margin:0 0 16px;color:#06c">Read this page in another language.</p>
<p style="margin:0 0 16px">Last updated: Sep 30, 2022 | See all documentation</p>
<h2 style="margin:0 0 16px;font-size:32px;font-weight:normal">What is this domain?</h2>
<p id="moved" style="margin:0 0 16px;position:relative;left:{shift}px"><code style="{code}">lencr.org</code>
is a domain name owned by the project. We use it to host data referenced inside our certificates.</p>
<h2 style="margin:0 0 16px;font-size:32px;font-weight:normal">Why is my computer fetching this data?</h2>
<p style="margin:0">No, the data is never harmful. When a device connects to the site it checks the certificate.</p>
</div></body></html>"""


def test_line_starting_with_inline_code_lines_up_by_its_chip():
    """A paragraph that opens with inline code starts at the code's painted box, not at its first
    letter's ink 7 px further right: in line with the column, it is quiet."""
    found, _ = _misaligned(_docs(0))
    assert found == [], [(i.bbox, i.message) for i in found]


def test_line_starting_with_inline_code_moved_is_found():
    """The chip moves with its line: the same paragraph 6 px off the column is still found."""
    found, moved = _misaligned(_docs(6))
    assert any(overlap_min(i.bbox, moved) >= 0.5 and "px right" in i.message for i in found), \
        (moved, [(i.bbox, i.message) for i in found])
