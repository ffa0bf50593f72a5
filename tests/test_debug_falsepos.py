"""Clean page features that looked like defects: tight leading (text-overlap) and placeholders
(low-contrast). Pages rendered in Chromium; the collision and the pale label stay reported."""
from __future__ import annotations

from debug_pages import render_with_boxes
from vision.defects import contrast, measure_lines, read_text, text_overlap
from vision.defects.issue import overlap_min
from vision.ocr import TextLine

LEADING = """<!doctype html><html><head><meta charset="utf-8"><style>
body { margin: 0; padding: 40px; font: 22px 'Liberation Serif', serif; color: #555; background: #fff; }
div { line-height: 1.05; width: 600px; }
#over { position: absolute; left: 150px; top: 0.5em; white-space: nowrap; }
</style></head><body>
<div><span id="one">Finish setting up your gift shop today</span><br>
<span id="two">Keep typing past the happy yellow gate</span></div>
<div style="margin-top: 60px; position: relative"><span id="under">Quietly playing piano by the fireplace</span>
<span id="over">Subscribe for updates</span></div>
</body></html>"""


def _line(text: str, box, grow: float) -> TextLine:
    """A line as the recogniser boxes it: taller than the glyphs, taking in a neighbour's ink."""
    x, y, w, h = (int(round(v)) for v in box)
    pad = int(round(grow * h))
    return TextLine(text, (x - 2, y - pad, w + 4, h + 2 * pad), 0.98)


def test_tight_leading_is_no_collision_but_half_a_line_is():
    """Two lines a little over 1 em apart whose boxes reach into each other are not reported; a
    line drawn half a line below another is."""
    img, boxes = render_with_boxes(LEADING, ("one", "two", "under", "over"), text=True)
    tight = [_line("Finish setting up your gift shop today", boxes["one"], 0.3),
             _line("Keep typing past the happy yellow gate", boxes["two"], 0.3)]
    infos = measure_lines(img, tight)
    assert infos[0].ink_box[1] + infos[0].ink_box[3] > infos[1].ink_box[1]  # the boxes do meet
    assert text_overlap.detect(infos, img) == []
    stacked = [_line("Quietly playing piano by the fireplace", boxes["under"], 0.1),
               _line("Subscribe for updates", boxes["over"], 0.1)]
    found = text_overlap.detect(measure_lines(img, stacked), img)
    assert [i for i in found if overlap_min(i.bbox, boxes["over"]) >= 0.5], [(i.bbox, i.message) for i in found]


FIELDS = """<!doctype html><html><head><meta charset="utf-8"><style>
body { margin: 0; padding: 40px; font: 16px 'Liberation Sans', sans-serif; color: #222; background: #fff; }
input { display: block; width: 420px; padding: 10px 12px; font: 16px 'Liberation Sans', sans-serif;
        border: 1px solid #c8c8c8; border-radius: 4px; margin-bottom: 30px; }
input::placeholder { color: #a1a1a1; }
.pale { color: #a1a1a1; margin: 0 0 30px 0; }
.button { display: inline-block; padding: 10px 40px; border: 1px solid #c8c8c8; color: #a1a1a1; }
</style></head><body>
<input id="field" placeholder="Search the whole catalogue">
<p id="label" class="pale">Delivery takes three working days</p>
<span id="button" class="button">Continue shopping</span>
</body></html>"""


def test_placeholder_in_a_field_is_not_low_contrast():
    """Grey hint text alone at the start of an input is a placeholder (axe-core leaves those out);
    the same grey as page text, or centred in a button, is reported."""
    img, boxes = render_with_boxes(FIELDS, ("field", "label", "button"))
    infos = [t for t in measure_lines(img, read_text(img)) if t.conf >= 0.5]
    found = contrast.detect(infos, img)
    assert not [i for i in found if overlap_min(i.bbox, boxes["field"]) >= 0.5], [(i.bbox, i.message) for i in found]
    for k in ("label", "button"):
        assert [i for i in found if overlap_min(i.bbox, boxes[k]) >= 0.5], (k, [(i.bbox, i.message) for i in found])


DARK_LEGAL = """<!doctype html><html><head><meta charset="utf-8"><style>
body { margin: 0; padding: 40px; font: 15px 'DejaVu Sans Light', sans-serif; color: #71767b; background: #000; }
a { color: #1d9bf0; text-decoration: none; } .dim { color: #4a4a4a; }
</style></head><body>
<p>By signing up, you agree to the <a href="#">Terms of Service</a> <span id="and">and</span> <a href="#">Privacy Policy</a>, including <a href="#">Cookie Use</a>.</p>
<p>Already have an account? <a href="#">Sign in</a> or <span id="dim" class="dim">browse as a guest for now</span> today.</p>
</body></html>"""


def test_thin_grey_word_between_links_on_black_passes():
    """A grey word at 4.6:1 between bright links on black, in a thin font: no stroke fully covers
    a pixel, so the word measured alone reads darker than its colour (3.7:1); not reported. Words
    at 2.4:1 in the same kind of line are."""
    img, boxes = render_with_boxes(DARK_LEGAL, ("and", "dim"), text=True)
    infos = [t for t in measure_lines(img, read_text(img)) if t.conf >= 0.5]
    found = contrast.detect(infos, img)
    assert not [i for i in found if overlap_min(i.bbox, boxes["and"]) >= 0.5], [(i.bbox, i.message) for i in found]
    assert [i for i in found if overlap_min(i.bbox, boxes["dim"]) >= 0.5], [(i.bbox, i.message) for i in found]


ICON_AND_STACK = """<!doctype html><html><head><meta charset="utf-8"><style>
body { margin: 0; padding: 40px; font: 16px 'Liberation Sans', sans-serif; color: #333; background: #fff; }
svg { vertical-align: middle; margin-right: 8px; }
#stack { position: relative; margin-top: 60px; white-space: nowrap; }
#over { position: absolute; left: 30px; top: 0.5em; }
</style></head><body>
<div><span id="icon"><svg width="22" height="26" viewBox="0 0 22 26"><polyline points="0,13 5,13 8,2 12,24 15,8 17,13 22,13"
 fill="none" stroke="#333" stroke-width="2"/></svg>Sound effects library</span></div>
<div id="stack"><span id="under">Read the full story today</span><span id="over">Limited offer here</span></div>
</body></html>"""


def test_icon_read_into_a_line_is_no_second_line():
    """A tall icon the recogniser reads as a letter makes the line's ink tall, but its words are
    one line high: no collision. Two lines drawn half a line apart in one box are one."""
    img, boxes = render_with_boxes(ICON_AND_STACK, ("icon", "under", "over"), text=True)
    icon = TextLine("W Sound effects library", tuple(int(round(v)) for v in boxes["icon"]), 0.9)
    assert text_overlap.detect(measure_lines(img, [icon]), img) == []
    u, o = boxes["under"], boxes["over"]
    x0, y0 = min(u[0], o[0]), min(u[1], o[1])
    x1, y1 = max(u[0] + u[2], o[0] + o[2]), max(u[1] + u[3], o[1] + o[3])
    both = TextLine("ReadLimitedofferherestory today", (int(x0), int(y0), int(x1 - x0), int(y1 - y0)), 0.7)
    found = text_overlap.detect(measure_lines(img, [both]), img)
    assert [i for i in found if overlap_min(i.bbox, boxes["over"]) >= 0.5], [(i.bbox, i.message) for i in found]


CJK_AND_BANNER = """<!doctype html><html><head><meta charset="utf-8"><style>
body { margin: 0; padding: 40px; font: 13px 'WenQuanYi Zen Hei', sans-serif; color: #444; background: #fff; }
p { margin: 0 0 40px 0; } .tiny { font-size: 8px; }
#cjk { color: #b3b6bd; background: #e5e5e5; padding: 8px; }
#cut { font: 18px 'Liberation Sans', sans-serif; }
</style></head><body>
<p id="cjk">知乎专栏 · 圆桌 · 发现 · 移动应用 · 联系我们 · 来知乎工作 · 注册机构号</p>
<p id="mixed">知乎专栏 · 圆桌 · <span id="small" class="tiny">发现移动应用</span> · 联系我们 · 来知乎工作</p>
<p id="cut">Production ready templates for every project</p>
</body></html>"""


def test_cjk_words_and_cut_letters_are_not_small_text():
    """CJK glyphs have no x-height: words are sized by their ink (about 0.88 em), so pale 13 px
    words between middle dots are not small and an 8 px run among them is (read as x-heights, it
    was not). Letters cut by a banner drawn over their lower part have no measurable size."""
    from vision.defects import small

    img, boxes = render_with_boxes(CJK_AND_BANNER, ("cjk", "mixed", "small", "cut"), text=True)
    infos = [t for t in measure_lines(img, read_text(img)) if t.conf >= 0.5]
    found = small.detect_text(infos, img)
    assert not [i for i in found if overlap_min(i.bbox, boxes["cjk"]) >= 0.5], [(i.bbox, i.message) for i in found]
    assert [i for i in found if overlap_min(i.bbox, boxes["small"]) >= 0.5], [(i.bbox, i.message) for i in found]
    x, y, w, h = (int(round(v)) for v in boxes["cut"])
    seen = (x, y, w, int(0.6 * h))  # the recogniser boxes what shows above the banner
    img = img.copy()
    img[y + seen[3]:y + h + 20, :] = (226, 226, 226)
    line = TextLine("Production ready templates for every project", seen, 0.95)
    assert small.detect_text(measure_lines(img, [line]), img) == []
