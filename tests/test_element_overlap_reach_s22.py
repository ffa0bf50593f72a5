"""element-overlap: a box covering the start of a line up to a whole letter or two, which the
recogniser can drop from the line it reads (on a benchmark page "Alrea|dy have an account?" was
read "have an account?", its box starting inside the y): the box is looked for past those letters
too, as long as their ink touches its edge (Chromium; the page's own OCR for the other lines)."""
from __future__ import annotations

from debug_pages import render_with_boxes
from vision.defects import detect
from vision.defects import read_text as read_lines
from vision.defects.issue import overlap_min
from vision.ocr import TextLine

PAGE = """<!doctype html><html><head><meta charset="utf-8"><style>
body { margin: 0; font-family: 'Liberation Sans', sans-serif; background: #000; color: #e7e9ea; }
p { position: absolute; margin: 0; white-space: nowrap; font-weight: bold; }
.box { position: absolute; background: #2563eb; }
</style></head><body>
<p id="a" style="left: 120px; top: 80px; font-size: 17px">Alread<span id="y1">y</span> <span id="h1">have an account?</span></p>
<p id="b" style="left: 120px; top: 200px; font-size: 22px">Alread<span id="y2">y</span> <span id="h2">have an account?</span></p>
<div id="cover1" class="box"></div><div id="cover2" class="box"></div>
</body></html>"""

# each box ends a quarter into the "d" of "Already": "dy" stays, two letters beside the cut
PLACE = """() => {
  for (const [pid, boxId] of [['a', 'cover1'], ['b', 'cover2']]) {
    const p = document.getElementById(pid), node = p.firstChild, i = node.textContent.indexOf('d');
    const g = document.createRange(); g.setStart(node, i); g.setEnd(node, i + 1); const c = g.getBoundingClientRect();
    const r = p.getBoundingClientRect(), b = document.getElementById(boxId);
    Object.assign(b.style, {left: (c.left + 0.25 * c.width - 90) + 'px', top: (r.top - 10) + 'px', width: '90px', height: (r.height + 20) + 'px'});
  }
}"""

CLEAN = """<!doctype html><html><head><meta charset="utf-8"><style>
body { margin: 0; font-family: 'Liberation Sans', sans-serif; background: #000; color: #e7e9ea; }
p { position: absolute; margin: 0; white-space: nowrap; font-weight: bold; }
.box { position: absolute; background: #2563eb; border-radius: 4px; }
</style></head><body>
<div class="box" style="left: 30px; top: 70px; width: 90px; height: 40px"></div>
<p style="left: 140px; top: 80px; font-size: 17px">Already have an account?</p>
<div class="box" style="left: 30px; top: 190px; width: 90px; height: 46px"></div>
<p style="left: 146px; top: 200px; font-size: 22px">Already have an account?</p>
</body></html>"""


def test_a_box_is_found_past_two_letters_the_recogniser_dropped():
    img, boxes = render_with_boxes(PAGE, ("cover1", "cover2", "h1", "h2", "y1", "y2"), before=PLACE,
                                   width=700, height=300)
    # the reading the benchmark page got: the line from "have" on, its box taking in the y's tail
    lines = [ln for ln in read_lines(img) if "have" not in ln.text]
    for k, g in (("h1", "y1"), ("h2", "y2")):
        x, y, w, h = (int(round(v)) for v in boxes[k])
        start = int(boxes[g][0] + boxes[g][2]) - 2
        lines.append(TextLine("have an account?", (start, y - 2, x + w + 3 - start, h + 4), 0.99))
    found = [i for i in detect(img, lines) if i.category == "element-overlap"]
    for k in ("cover1", "cover2"):
        assert [i for i in found if overlap_min(i.bbox, boxes[k]) >= 0.5], (k, boxes[k], [i.bbox for i in found])


def test_a_box_set_a_word_space_before_a_line_covers_nothing():
    img, _ = render_with_boxes(CLEAN, (), width=700, height=300)
    assert not [i for i in detect(img, read_lines(img)) if i.category == "element-overlap"]
