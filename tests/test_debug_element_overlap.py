"""element-overlap on the screenshot: a box whose cut glyph the recogniser left out of the line,
and a rounded button beside a line that covers nothing (pages rendered in Chromium, real OCR)."""
from __future__ import annotations

import pytest

from debug_pages import render_with_boxes
from vision.defects import detect
from vision.defects import read_text as read_lines
from vision.defects.issue import overlap_min

CUT = """<!doctype html><html><head><meta charset="utf-8"><style>
body { margin: 0; font-family: 'Liberation Sans', sans-serif; color: #1f2933; background: #fff; }
p { position: absolute; margin: 0; white-space: nowrap; }
.box { position: absolute; border-radius: 4px; }
</style></head><body>
<p id="login" style="left: 120px; top: 100px; font: bold 15px 'Liberation Sans', sans-serif; color: #3b5998">Log in with Facebook</p>
<p id="mid" style="left: 120px; top: 200px; font-size: 22px">A software collaboration platform that provides</p>
<div id="cover1" class="box" style="background: #1f2937"></div>
<div id="cover2" class="box" style="background: #2563eb"></div>
</body></html>"""

# each box ends 70% of the way through a letter (the h of "with", the m of "platform"): the piece
# left of that letter is too narrow for the recogniser, which reads the line from the next word
PLACE = """() => {
  const place = (pid, word, at, boxId, w) => {
    const p = document.getElementById(pid), node = p.firstChild, i = node.textContent.indexOf(word) + at;
    const g = document.createRange(); g.setStart(node, i); g.setEnd(node, i + 1); const c = g.getBoundingClientRect();
    const r = p.getBoundingClientRect(), b = document.getElementById(boxId), right = c.left + 0.7 * c.width;
    Object.assign(b.style, {left: (right - w) + 'px', top: (r.top - 8) + 'px', width: w + 'px', height: (r.height + 16) + 'px'});
  };
  place('login', 'with', 3, 'cover1', 140);
  place('mid', 'platform', 7, 'cover2', 100);
}"""


def test_a_box_is_found_past_the_sliver_of_the_glyph_it_cuts():
    img, boxes = render_with_boxes(CUT, ("cover1", "cover2"), before=PLACE, width=800, height=320)
    found = [i for i in detect(img, read_lines(img)) if i.category == "element-overlap"]
    for k in ("cover1", "cover2"):
        assert [i for i in found if overlap_min(i.bbox, boxes[k]) >= 0.5], (k, boxes[k], [i.bbox for i in found])


PILLS = """<!doctype html><html><head><meta charset="utf-8"><style>
body { margin: 0; font-family: 'Liberation Sans', sans-serif; color: #27416a; background: #fff; }
p { position: absolute; margin: 0; white-space: nowrap; line-height: 46px; font-size: 20px; }
.pill { position: absolute; left: 220px; width: 180px; height: 46px; border-radius: 23px; background: #f8225d;
        color: #fff; font-size: 15px; letter-spacing: 3px; line-height: 46px; text-align: center; }
</style></head><body>
<div class="pill" style="top: 20px">GET A DEMO</div><p style="top: 20px; left: 406px">SALE</p>
<div class="pill" style="top: 100px">GET A DEMO</div><p style="top: 100px; left: 414px">SALE</p>
</body></html>"""


AVATARS = """<!doctype html><html><head><meta charset="utf-8"><style>
body { margin: 0; font-family: 'Liberation Sans', sans-serif; background: #e4e4e4; }
.card { position: absolute; left: 100px; width: 300px; height: 64px; background: #999; border-radius: 8px; }
.av { position: absolute; left: 8px; top: 8px; width: 48px; height: 48px; border-radius: 50%; background: #dedede; }
p { position: absolute; top: 20px; margin: 0; color: #fefefe; font-size: 16px; font-weight: bold; white-space: nowrap; }
</style></head><body>
<div class="card" style="top: 10px"><div class="av"></div><p style="left: 62px">Forest guide</p></div>
<div class="card" style="top: 80px"><div class="av"></div><p style="left: 68px">Forest guide</p></div>
</body></html>"""


@pytest.mark.parametrize("page, size", [(PILLS, (800, 200)), (AVATARS, (600, 160))], ids=["pill", "avatar"])
def test_a_rounded_shape_beside_a_line_covers_nothing(page, size):
    """Past the line's first letter lies a button's or a round picture's curved edge, blended with
    the background: ink that touches the shape, but no piece of a glyph (a pixel nearer the
    text's colour than the shape's), so nothing is cut. The pale round picture beside white text
    is near the text's colour itself."""
    img, _ = render_with_boxes(page, (), width=size[0], height=size[1])
    found = [i for i in detect(img, read_lines(img)) if i.category == "element-overlap"]
    assert found == [], [(i.bbox, i.message) for i in found]


NARROW_COVER = """<!doctype html><html><head><title>t</title><style>
body { margin: 0; font-family: 'Liberation Sans', sans-serif; background: #fff; color: #111; }
#line { position: absolute; left: 20px; top: 100px; margin: 0; font-size: 18px; white-space: nowrap; }
#chip { position: absolute; top: 92px; height: 38px; width: 60px; background: #2563eb; border-radius: 4px; }
</style></head><body>
<p id="line">A software collaboration platform that provides bug tracking and code hosting</p>
<div id="chip"></div>
<script>
const r = document.getElementById('line').getBoundingClientRect();
document.getElementById('chip').style.left = (r.left + 0.55 * r.width) + 'px';
</script>
</body></html>"""


def test_dom_check_finds_a_box_narrower_than_a_fifth_of_the_line(tmp_path):
    """A 60 px box over a 650 px line, between where five evenly spread probes would fall: the
    DOM check probes the line a line height apart, so a box that hides a word is hit."""
    from codegen.debug.pipeline import dom_findings

    page = tmp_path / "narrow.html"
    page.write_text(NARROW_COVER, encoding="utf-8")
    found = [f for f in dom_findings(page, 800, 300) if f.category == "element-overlap"]
    assert [f for f in found if "#chip" in (f.selector or "")], [(f.selector, f.message) for f in found]
