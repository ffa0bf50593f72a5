"""blank-area: a button gone from under a centred column's lines in a hero band beside a picture. The
column stays where it was centred with the button, so the space under its lines is larger than the
space over them by the button's height: a hole. The whole band, and a column set level with the
picture's top, are design."""
from __future__ import annotations

from debug_pages import render_with_boxes
from vision.defects import blank_area
from vision.defects.issue import overlap_min

HERO = """<!doctype html><html><head><meta charset="utf-8"><style>
body {{ margin: 0; font: 18px 'Liberation Sans', sans-serif; background: #fff; color: #222; }}
nav {{ height: 64px; display: flex; justify-content: flex-end; align-items: center; gap: 40px; padding: 0 60px; }}
.band {{ display: flex; align-items: {align}; height: 340px; background: linear-gradient(#3a3b52, #1f2030); }}
.pic {{ width: 380px; height: 330px; margin: 0 20px 0 160px; background: #e3e3e3; }}
.col {{ flex: 1; text-align: center; color: #fff; padding-top: {pad}px; }}
.col h1 {{ margin: 0 0 14px; font-size: 40px; }}
.col p {{ margin: 0; font-size: 22px; line-height: 36px; }}
.col b {{ display: inline-block; margin-top: 24px; width: 220px; height: 56px; background: #76b83f; }}
.next {{ height: 300px; background: #fafafa; }}
</style></head><body><nav><span>Products</span><span>Forum</span><span>Languages</span></nav>
<div class="band"><div class="pic"></div><div class="col"><h1>Torrent Web</h1>
<p>Play torrents while you download.<br>Ideal for new users.</p>{button}</div></div>
<div class="next"></div></body></html>"""

BUTTON = '<b id="button"></b>'
HIDE = "() => { document.getElementById('button').style.visibility = 'hidden'; }"


def test_a_button_gone_from_under_a_centred_column_is_a_hole():
    img, boxes = render_with_boxes(HERO.format(align="center", pad=0, button=BUTTON), ("button",), before=HIDE,
                                   width=1280, height=720)
    found = [i.bbox for i in blank_area.detect(img)]
    assert [overlap_min(b, boxes["button"]) >= 0.5 for b in found] == [True], (boxes, found)


def test_the_whole_band_has_no_hole():
    img, _ = render_with_boxes(HERO.format(align="center", pad=0, button=BUTTON), width=1280, height=720)
    assert [i.bbox for i in blank_area.detect(img)] == []


def test_a_column_level_with_the_picture_top_is_design():
    """No button: the column's lines start level with the picture's top, the band's slack all
    under them."""
    img, _ = render_with_boxes(HERO.format(align="flex-start", pad=0, button=""), width=1280, height=720)
    assert [i.bbox for i in blank_area.detect(img)] == []
