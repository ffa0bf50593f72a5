"""blank-area: a picture gone from a row of like cards on a grey section. The card's ground shows in
its slot, a light colour a little unlike the tiles' light grey pictures; with a hero above, the row's
captions lie past the screen's bottom edge, and the slot is reported before the hero's larger hole."""
from __future__ import annotations

from debug_pages import render_with_boxes
from vision.defects import blank_area
from vision.defects.issue import overlap_min

PAGE = """<!doctype html><html><head><meta charset="utf-8"><style>
body {{ margin: 0; font: 16px 'Liberation Sans', sans-serif; color: #222; background: #fff; }}
nav {{ height: 64px; background: #4b2e83; }}
.hero {{ height: 420px; background: linear-gradient(90deg, #e0e0e0, #c0c0c0); position: relative; }}
.hero h1 {{ position: absolute; left: 220px; top: 80px; width: 600px; margin: 0; font-size: 44px; color: #fff; }}
.hero p {{ position: absolute; left: 220px; top: 170px; width: 600px; margin: 0; font-size: 20px; line-height: 40px; }}
.strip {{ height: 90px; background: #4b2e83; }}
.news {{ background: #d4d4d4; padding: 40px 0 0; }}
.news h2 {{ text-align: center; margin: 0 0 24px; }}
.row {{ display: flex; gap: 18px; width: 1160px; margin: 0 auto; }}
.card {{ width: 375px; background: #efebe5; }}
.pic {{ height: 340px; background: linear-gradient(#e8e8e8, #e2e2e2); display: flex; align-items: center;
        justify-content: center; }}
.pic i {{ width: 48px; height: 36px; border: 3px solid #b8b8b8; border-radius: 4px; }}
.card p {{ margin: 0; padding: 16px 20px; font-size: 12px; font-weight: bold; }}
</style></head><body><nav></nav>{hero}<div class="news"><h2>News and events</h2><div class="row">
<div class="card"><div class="pic"><i></i></div><p>HONORS AND AWARDS</p></div>
<div class="card"><div class="pic" id="gone"><i></i></div><p>SUSTAINABILITY</p></div>
<div class="card"><div class="pic"><i></i></div><p>HEALTH AND MEDICINE</p></div>
</div></div></body></html>"""

HERO = """<div class="hero"><h1>Energized for change</h1><p>A story of students and the city's climate,
told in pictures and in numbers, from the first survey of the lake to the new power plant, with the people
who made it happen and those who will carry it on. Read the story and watch the film.</p></div>
<div class="strip"></div>"""

HIDE_GONE = "() => { document.getElementById('gone').style.visibility = 'hidden'; }"
SIZE = dict(width=1920, height=1012)


def _found(html: str):
    img, boxes = render_with_boxes(html, ("gone",), before=HIDE_GONE, **SIZE)
    return boxes["gone"], [i.bbox for i in blank_area.detect(img)]


def test_a_picture_gone_from_a_row_of_cards_is_a_hole():
    """The card's ground in the slot is lighter than the tiles' light grey by a little more than a
    flat colour's noise: unlike them."""
    box, found = _found(PAGE.format(hero=""))
    assert [overlap_min(b, box) >= 0.5 for b in found] == [True], (box, found)


def test_the_slot_is_reported_before_a_larger_plainer_empty_area():
    """Under a hero whose right half is empty (a column hole), the row is cut off by the screen's
    bottom edge: the slot is shut in but for that edge, and reported before the hero's larger hole."""
    box, found = _found(PAGE.format(hero=HERO))
    assert [overlap_min(b, box) >= 0.5 for b in found] == [True], (box, found)


def test_the_whole_row_has_no_hole():
    img, _ = render_with_boxes(PAGE.format(hero=""), **SIZE)
    assert [i.bbox for i in blank_area.detect(img)] == []
