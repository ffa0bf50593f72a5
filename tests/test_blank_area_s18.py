"""blank-area: the picture column of a two-column band gone, in a page set in a centred container with
wide margins. The band's rules above and below end where the container does, so the hole (cut back from
the margin to the column's width) faces the page's margin, not the screen's edge: that margin bounds
nothing, as the screen's edge does not."""
from __future__ import annotations

from debug_pages import render_with_boxes
from vision.defects import blank_area
from vision.defects.issue import overlap_min

PAGE = """<!doctype html><html><head><meta charset="utf-8"><style>
* { margin: 0; padding: 0; }
body { font: 16px 'Liberation Sans', sans-serif; color: #333; background: #fff; }
.container { width: 1110px; margin: 0 auto; }
.head { padding: 32px 0 58px; border-bottom: 3px solid #5f5f5f; overflow: hidden; }
.logo { float: left; width: 40px; height: 29px; background: #e4e4e4; margin-top: 10px; }
.visit { float: right; background: #3c4cfc; color: #fff; padding: 16px; border-radius: 5px; font-size: 14px; }
.mid { display: flex; padding: 40px 15px 90px; }
.mid > div { width: 50%; }
h2 { font-size: 37px; line-height: 48px; font-weight: normal; margin-top: 62px; }
.mid span { display: block; background: #ffd300; height: 3px; width: 96px; margin: 40px 0 35px; }
.mid p { font-size: 20px; margin-bottom: 30px; padding-right: 30px; }
.mid a { color: #3c4dff; }
.pic { height: 400px; background: linear-gradient(135deg, #3c4cfc, #8e97ff); border-radius: 8px; }
.foot { padding: 15px 15px 60px; border-top: 3px solid #5f5f5f; }
</style></head><body><div class="container">
<div class="head"><div class="logo"></div><div class="visit">VISIT SOVRN</div></div>
<div class="mid"><div><h2>Lijit is an ad serving domain owned by Sovrn Holdings, Inc.</h2><span></span>
<p>If you have questions about the purpose of this domain, or about Sovrn, please read our
<a>support documentation</a>.</p><p>For other questions, or to start advertising with Sovrn,
<a>contact us</a>.</p></div>
<div id="art"><div class="pic"></div></div></div>
<div class="foot">Power to the publisher.</div></div></body></html>"""

HIDE = "() => { document.getElementById('art').style.visibility = 'hidden'; }"
SIZE = dict(width=1360, height=768)


def test_a_band_column_gone_beside_a_wide_margin_is_a_hole():
    img, boxes = render_with_boxes(PAGE, ("art",), before=HIDE, **SIZE)
    found = [i.bbox for i in blank_area.detect(img)]
    assert [overlap_min(b, boxes["art"]) >= 0.5 for b in found] == [True], (boxes["art"], found)


def test_the_band_with_its_picture_has_no_hole():
    img, _ = render_with_boxes(PAGE, **SIZE)
    assert blank_area.detect(img) == []
