"""small-text sized by the whole ink over the em its letters span, on pages rendered here (real
Chromium): lines whose dense band is a cap height, lines on a band of their own colour, and small
runs of words inside a larger line."""
from __future__ import annotations

import pytest
from debug_pages import render_with_boxes

from vision.defects import measure_lines, read_text, small
from vision.defects.glyph_extent import text_em
from vision.defects.issue import overlap_min
from vision.ocr import TextLine

STYLE = """<style>body { margin: 0; padding: 20px 30px; font-family: 'Liberation Sans', sans-serif;
color: #333; background: #fff; } p { margin: 0 0 18px 0; }</style>"""


def _found(img, box, text: str) -> list:
    """small-text findings for one line read as `text` in a box a little larger than its ink."""
    x, y, w, h = (int(round(v)) for v in box)
    line = TextLine(text, (x - 4, y - 3, w + 8, h + 6), 0.97)
    return small.detect_text(measure_lines(img, [line]), img)


def test_text_em_counts_only_letters_sure_to_reach_cap_height_or_a_descender():
    assert text_em("Ray ID: 888b4f8ee861857f") == pytest.approx(0.93)
    assert text_em("DMCA") == pytest.approx(0.72)
    assert text_em("are not at, we") is None  # a t and a comma are not sure of their extent
    assert text_em("you may") is None


CAPITAL_LINES = "<!doctype html><html><head><meta charset='utf-8'>" + STYLE + "</head><body>" + "".join(
    f'<p><span id="{k}{px}" style="font-size:{px}px">{text}</span></p>'
    for px in (10, 13) for k, text in (("ray", "Ray ID: 888b4f8ee861857f"),
                                       ("json", "Easy to integrate, available in JSON, XML, CSV, Newline, PHP"),
                                       ("pp", "Privacy Policy"))) + "</body></html>"


def test_a_line_whose_dense_band_is_its_cap_height_is_sized_by_its_whole_ink():
    """Digits and capitals fill the cap-height band, so a 10 px line's dense band reads as a 13-15 px
    x-height; its ink from the top of a capital to the foot of a descender says 10-11 px. The same
    lines at 13 px stay normal."""
    texts = {"ray": "Ray ID: 888b4f8ee861857f", "json": "Easy to integrate, available in JSON, XML, CSV, Newline, PHP",
             "pp": "Privacy Policy"}
    ids = [f"{k}{px}" for px in (10, 13) for k in texts]
    img, boxes = render_with_boxes(CAPITAL_LINES, ids, text=True)
    flagged = [i for i in ids if _found(img, boxes[i], texts[i.rstrip("0123456789")])]
    assert flagged == ["ray10", "json10", "pp10"]


BAND = """<!doctype html><html><head><meta charset='utf-8'>""" + STYLE + """</head><body>
<p style="font-size:16px">Load any file from the package using a URL like:</p>
<div style="background:#ededed; padding:3px 0 3px 200px; margin-top:30px; font-size:8px">
<span id="code" style="font-size:8px">unpkg.com/:package@:version/:file</span></div>
</body></html>"""


def test_a_line_on_a_band_of_its_own_colour_is_not_taken_for_cut_glyphs():
    """An 8 px line on a grey band a few pixels taller each way: the ring around its read box falls partly on the white page,
    so the line's ground is taken as white and the band's grey rows above and below its ink look like
    a surface drawn over the glyphs. They are the ground between the glyphs: the line is sized."""
    img, boxes = render_with_boxes(BAND, ["code"], text=True)
    x, y, w, h = (int(round(v)) for v in boxes["code"])
    line = TextLine("unpkg.com/:package@:version/:file", (x - 4, y - 7, w + 8, h + 14), 0.95)
    found = small.detect_text(measure_lines(img, [line]), img)
    assert [i.category for i in found] == ["small-text"]


def _inline_page(run_px: int) -> str:
    lines = [("Read the full guide to setting up your account and then", "choose a plan", "that fits your team."),
             ("Prices include tax and shipping to most countries", "terms apply", "")]
    body = "".join(f'<p style="font-size:16px">{a} <span id="r{k}" style="font-size:{run_px}px">{run}</span> {b}</p>'
                   for k, (a, run, b) in enumerate(lines))
    return "<!doctype html><html><head><meta charset='utf-8'>" + STYLE + "</head><body>" + body + "</body></html>"


@pytest.mark.parametrize("run_px,expected", [(10, True), (13, False)])
def test_a_small_run_inside_a_larger_line_is_found_by_its_whole_ink(run_px, expected):
    """A 10 px run inside a 16 px line: its x-height band rounds to 6 px, which reads as 11.3 px, but
    its ink from ascender to descender over the 0.93 em those letters span says 10-11 px, clearly
    below the line's other words. A 13 px run is not reported."""
    img, boxes = render_with_boxes(_inline_page(run_px), ["r0", "r1"], text=True, width=960)
    found = small.detect_text([t for t in measure_lines(img, read_text(img)) if t.conf >= 0.5], img)
    hits = [k for k in ("r0", "r1") if any(overlap_min(i.bbox, [int(v) for v in boxes[k]]) >= 0.3 for i in found)]
    assert (hits == ["r0", "r1"]) if expected else (found == []), [(i.bbox, i.message) for i in found]


TAGS = """<!doctype html><html><head><meta charset="utf-8"><style>
body { margin: 0; padding: 30px; font: 16px 'WenQuanYi Zen Hei', 'Liberation Sans', sans-serif; color: #333; background: #fff; }
p { margin: 0 0 40px 0; }
.tag { display: inline-block; width: 16px; height: 16px; background: #ff6600; color: #fff; font-size: 12px;
       line-height: 16px; text-align: center; border-radius: 2px; margin-left: 6px; vertical-align: middle; }
button { width: 16px; height: 16px; padding: 0; border: 1px solid #2563eb; border-radius: 3px; background: #2563eb;
         color: #fff; font: 11px/1 sans-serif; margin-left: 60px; vertical-align: middle; }
</style></head><body>
<p>新闻标题文字<span class="tag" id="hot">热</span></p>
<p>Latest headlines<span class="tag" id="new">N</span><button id="close">&times;</button></p>
</body></html>"""


def test_a_tag_with_writing_on_it_is_no_control_but_a_button_with_a_sign_is():
    """A 16 px orange tag carrying a character ("hot") after a headline is a label: its writing covers
    about half of it. A filled 16 px button with a close sign is a control under 24 px. A tag with one
    letter on it is left to the other signs (its mark is as thin as a control's)."""
    img, boxes = render_with_boxes(TAGS, ["hot", "close"])
    found = small.detect_targets(img, measure_lines(img, read_text(img)))
    boxes = {k: [int(round(v)) for v in b] for k, b in boxes.items()}
    assert not [i for i in found if overlap_min(i.bbox, boxes["hot"]) >= 0.5], [i.bbox for i in found]
    assert [i for i in found if overlap_min(i.bbox, boxes["close"]) >= 0.5], [i.bbox for i in found]


EDGE = """<!doctype html><html><head><meta charset='utf-8'>""" + STYLE + """</head><body>
<p id="cut" style="position:absolute; left:40px; top:476px; margin:0; font-size:16px">Messenger Instagram Help</p>
</body></html>"""


def test_a_line_cut_by_the_screen_edge_is_not_sized():
    """A 16 px line whose lower part lies below the screen: its ink stops at the edge, short of its
    descenders and baseline, so its height says nothing about its size."""
    img, boxes = render_with_boxes(EDGE, ["cut"], text=True)
    x, y, w, _ = (int(round(v)) for v in boxes["cut"])
    line = TextLine("Messenger Instagram Help", (x - 4, y - 3, w + 8, img.shape[0] - y + 3), 0.95)
    assert small.detect_text(measure_lines(img, [line]), img) == []
