"""blank-area: one card of a row left empty beside cards whose lines are set close. Their text leaves
few blank cells between its lines, yet those cells average to the cards' ground; a wider panel of the
hole's colour beside a narrow empty one is no card of its row."""
from __future__ import annotations

from debug_pages import render_with_boxes
from vision.defects import blank_area
from vision.defects.issue import overlap_min

TEXT = ("The WordReference language forum is the largest repository of knowledge and advice about the "
        "English language, as well as a number of other languages. If you have a question about language "
        "usage, first search the hundreds of thousands of existing questions.")

CARDS = """<!doctype html><html><head><meta charset="utf-8"><style>
body {{ margin: 0; font: 16px 'Liberation Sans', sans-serif; color: #333; background: #fff; }}
.top {{ height: 260px; text-align: center; padding-top: 60px; color: #666; }}
.row {{ display: flex; justify-content: center; gap: 40px; align-items: flex-start; }}
.card {{ width: 360px; border: 1px solid #bbb; background: #f6f6f6; }}
.card h3 {{ margin: 0; padding: 12px; background: #ededed; border-bottom: 1px solid #bbb; text-align: center;
            font-size: 17px; color: #1a4a8a; }}
.card p {{ margin: 0; padding: 14px 16px; line-height: 27px; text-align: justify; color: #888; }}
.foot {{ text-align: center; padding: 40px; font-size: 13px; }}
</style></head><body><div class="top">Virtual dictionaries for non-English language pairs</div>
<div class="row"><div class="card"><h3>Spanish Dictionaries</h3><p>{text}</p></div>
<div class="card"><h3>French and Italian Dictionaries</h3><p id="gone">{text}</p></div>
<div class="card"><h3>Language Forums</h3><p>{text}</p></div></div>
<div class="foot">About | Privacy Policy | Terms of Service</div></body></html>"""

PANELS = """<!doctype html><html><head><meta charset="utf-8"><style>
body {{ margin: 0; font: 16px 'Liberation Sans', sans-serif; color: #222; background: #fff; }}
nav {{ height: 90px; background: #0071dc; }}
.row {{ display: flex; gap: 24px; padding: 24px; align-items: flex-start; }}
.small {{ width: 280px; height: 210px; background: #e6e6e6; border-radius: 12px; }}
.big {{ width: 800px; background: #e6e6e6; border-radius: 12px; padding: 40px; box-sizing: border-box; }}
.big p {{ margin: 0 0 24px; line-height: 26px; }}
.big b {{ display: block; font-size: 44px; }}
</style></head><body><nav></nav><div class="row"><div><div class="small"></div></div>
<div class="big"><p>{text}</p><p>{text}</p><p>{text}</p><b>$359</b></div></div></body></html>"""

HIDE_GONE = "() => { document.getElementById('gone').style.visibility = 'hidden'; }"
SIZE = dict(width=1440, height=900)


def test_an_empty_card_beside_closely_set_text_is_a_hole():
    img, boxes = render_with_boxes(CARDS.format(text=TEXT), ("gone",), before=HIDE_GONE, **SIZE)
    found = [i.bbox for i in blank_area.detect(img)]
    assert [overlap_min(b, boxes["gone"]) >= 0.5 for b in found] == [True], (boxes["gone"], found)


def test_the_filled_row_of_cards_has_no_hole():
    img, _ = render_with_boxes(CARDS.format(text=TEXT), **SIZE)
    assert blank_area.detect(img) == []


def test_a_narrow_empty_panel_beside_a_wide_filled_one_is_no_card_of_a_row():
    """Placeholders of a page still loading: a small grey panel beside a large one of the same grey
    that holds text; a row's cards share a width, these do not."""
    img, _ = render_with_boxes(PANELS.format(text=TEXT), width=1280, height=800)
    assert blank_area.detect(img) == []
