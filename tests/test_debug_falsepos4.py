"""False findings on clean pages (2026-11-30 evening): each page is rendered in Chromium and shows
something a detector used to take for a defect, measured the way the detector measures it; where
a defect is also shown, the same measurement still finds it."""
from __future__ import annotations

from debug_pages import render_with_boxes
from vision.defects import truncation
from vision.defects.truncation import glyphs as truncation_glyphs
from vision.defects.pixels import text_info
from vision.ocr import TextLine

FONT = "font-family: 'Liberation Sans', sans-serif"


def _line(img, box, text: str, grow: int = 0):
    """The line as the page OCR would box it: the text's box, `grow` px wider on the left."""
    x, y, w, h = (int(round(v)) for v in box)
    return text_info(img, TextLine(text, (x - grow, y, w + grow, h), 0.99))


PANEL = f"""<!doctype html><html><head><meta charset="utf-8"><style>
body {{ margin: 0; {FONT}; background: repeating-linear-gradient(#cccccc 0 1px, #cacaca 1px 2px); }}
h1 {{ display: inline-block; margin: 60px 0 0 60px; padding: 0 24px; font-size: 56px; line-height: 64px;
      color: #fff; background: #002676; }}
</style></head><body><h1 id="t">2024!</h1></body></html>"""


def test_textured_ground_at_the_box_edge_is_no_cut_word():
    """A heading set on a dark panel whose OCR box takes in one column of the light, finely striped
    page beside the panel: that column's strength wobbles about full strength from row to row,
    which is one edge, not three cut strokes of a word clipped inside the line."""
    img, boxes = render_with_boxes(PANEL, ("t",))
    t = _line(img, boxes["t"], "2024!", grow=1)
    assert t is not None
    assert truncation.detect(img, [t]) == [], boxes


CUT = f"""<!doctype html><html><head><meta charset="utf-8"><style>
body {{ margin: 0; {FONT}; background: #fff; }}
div {{ position: absolute; font-size: 30px; color: #222; white-space: nowrap; }}
</style></head><body>
<div id="greek" style="left: 240px; top: 60px; font-size: 16px; font-family: 'Noto Sans'; color: #a0a0a0">Ελληνικά</div>
<div id="cut" style="left: 40px; top: 120px; overflow: hidden">Hello</div>
<div id="probe" style="left: 40px; top: 200px">Hell</div>
</body></html>"""
# the clipping box ends half way through the "o": a straight cut through its bowl's two sides
HALF_O = """(() => { const p = document.getElementById('probe'), c = document.getElementById('cut');
const full = c.getBoundingClientRect().width; c.style.width = (p.getBoundingClientRect().width
+ (full - p.getBoundingClientRect().width) / 2) + 'px'; p.remove(); })()"""


def test_greek_word_read_with_latin_look_alikes_is_not_a_cut():
    """A Greek word the recogniser reads with Latin look-alikes ("Eλληviká"): its final alpha ends
    in two flicks on one column, as a cut through two strokes would, but the "a" read last never
    does, so no cut can be told from it; a Latin word cut by its box's edge through a letter's
    middle ("Hel|lo") is still found."""
    img, boxes = render_with_boxes(CUT, ("greek", "cut"), before=HALF_O)
    greek = _line(img, boxes["greek"], "Eλληviká")
    cut = _line(img, boxes["cut"], "Hello")
    assert truncation_glyphs.sliced_end(img, greek) is False
    assert [i.category for i in truncation.detect(img, [cut])] == ["text-truncation"], boxes


PILL = f"""<!doctype html><html><head><meta charset="utf-8"><style>
body {{ margin: 0; padding: 60px; {FONT}; background: #1e1e1e; }}
a {{ display: inline-block; border: 2px solid #f39c12; border-radius: 22px; padding: 8px 22px;
     color: #fff; font-size: 20px; font-weight: bold; text-decoration: none; }}
</style></head><body><a id="pill" href="#"><span id="label">Get Started</span></a></body></html>"""


def test_glyph_box_leaves_out_the_border_of_the_button_a_label_sits_in():
    """The OCR box of a label in an outlined pill takes in the pill's top and bottom borders, cut
    off wherever the box ends: the line's ink box starts at the box's edge, its glyph box where
    the letters start (the edge a misalignment check must compare)."""
    from vision.defects.glyph_box import glyph_box

    img, boxes = render_with_boxes(PILL, ("pill", "label"))
    px, py, pw, ph = (int(round(v)) for v in boxes["pill"])
    t = text_info(img, TextLine("Get Started", (px + 12, py, pw - 24, ph), 0.99))
    assert t.ink_box[0] == px + 12, (t.ink_box, boxes)
    assert abs(glyph_box(img, t)[0] - boxes["label"][0]) <= 2, (glyph_box(img, t), boxes)


GRADIENT = f"""<!doctype html><html><head><meta charset="utf-8"><style>
html, body {{ height: 100%; }}
body {{ margin: 0; {FONT}; background: linear-gradient(90deg, #3a5ac2, #1a3a92); }}
p {{ position: absolute; left: 100px; top: 100px; margin: 0; font-size: 16px; line-height: 20px; color: #fff; }}
div {{ position: absolute; left: 90px; top: 122px; width: 240px; height: 200px; background: #dadada; }}
</style></head><body><p id="t">See More Details about shipping to any address</p><div></div></body></html>"""


def test_glyph_box_measures_ink_against_the_lines_own_ground():
    """A line on a gradient, a grey picture just below it: the ring around its OCR box falls
    mostly on the picture (the gradient spreads over many colours), so the ink box is the whole
    OCR box; measured against the colour at the box's own ends, the glyphs start where they do."""
    from vision.defects.glyph_box import glyph_box

    img, boxes = render_with_boxes(GRADIENT, ("t",), text=True)
    x, y, w, h = (int(round(v)) for v in boxes["t"])
    t = text_info(img, TextLine("See More Details about shipping to any address", (x - 5, y - 1, w + 10, h + 3), 0.99))
    assert t.ink_box[0] == x - 5, (t, boxes)
    assert abs(glyph_box(img, t)[0] - x) <= 2, (glyph_box(img, t), boxes)


CJK_ROW = """<!doctype html><html><head><meta charset="utf-8"><style>
body { margin: 0; font-family: 'Noto Sans CJK SC', sans-serif; font-size: 18px; color: #222; }
p { margin: 0; position: absolute; left: 0; right: 0; text-align: center; }
</style></head><body>
<p style="top: 100px"><span id="a">通过交互式地图将人员位置和数据连接起来使用智能数据</span></p>
<p style="top: 132px"><span id="b1">式和直观分析工具。</span><span id="b2" style="margin-left: 30px">与全世界或特定群组分享您的见解。</span></p>
<p style="top: 164px"><span id="c">了解有关详细信息</span></p>
</body></html>"""


def test_row_ending_in_a_full_width_stop_has_no_centre():
    """A centred line the recogniser read as two pieces side by side, ending in a full-width stop
    whose ink sits at the left of its em: the row's ink is not centred on the line the lines
    above and below share, and that says nothing about its alignment."""
    from vision.defects import misalignment

    ids = ("a", "b1", "b2", "c")
    img, boxes = render_with_boxes(CJK_ROW, ids, text=True)
    texts = {"a": "通过交互式地图将人员位置和数据连接起来使用智能数据", "b1": "式和直观分析工具。",
             "b2": "与全世界或特定群组分享您的见解。", "c": "了解有关详细信息"}
    infos = [_line(img, boxes[k], texts[k]) for k in ids]
    assert misalignment.detect(infos, img) == [], boxes


WORDMARK = f"""<!doctype html><html><head><meta charset="utf-8"><style>
body {{ margin: 0; background: #fff; {FONT}; }}
div {{ position: absolute; left: 40px; font-size: 26px; color: #5f6368; white-space: nowrap; }}
b {{ font-weight: bold; }}
</style></head><body>
<div id="logo" style="top: 40px"><b><span style="color:#4285f4">G</span><span style="color:#ea4335">o</span><span
 style="color:#fbbc05">o</span><span style="color:#4285f4">g</span><span style="color:#34a853">l</span><span
 style="color:#ea4335">e</span></b> Trust Services</div>
<div id="plain" style="top: 120px"><b style="color:#fbbc05">Google</b> Trust Services</div>
</body></html>"""


def test_word_painted_in_several_colours_is_a_logo():
    """A wordmark whose letters each have their own colour, one of them pale yellow, before grey
    text that passes: logotypes are exempt (WCAG 1.4.3), and the rest of the line passes; the same
    word in pale yellow alone is text and still fails."""
    from vision.defects import contrast

    img, boxes = render_with_boxes(WORDMARK, ("logo", "plain"))
    logo = _line(img, boxes["logo"], "Google Trust Services")
    plain = _line(img, boxes["plain"], "Google Trust Services")
    assert contrast.detect([logo], img) == [], boxes
    assert [i.category for i in contrast.detect([plain], img)] == ["low-contrast"], boxes


UNDERLINED = f"""<!doctype html><html><head><meta charset="utf-8"><style>
body {{ margin: 0; background: #fff; {FONT}; font-size: 16px; }}
.field {{ position: absolute; left: 40px; top: 60px; width: 320px; padding: 8px 0; border-bottom: 2px solid #1a73e8; }}
.note {{ position: absolute; left: 40px; top: 180px; }}
.button {{ position: absolute; left: 40px; top: 210px; width: 320px; height: 40px; border: 1px solid #888;
          border-radius: 20px; }}
</style></head><body>
<div class="field"><span id="ph" style="color: #c8c8c8">QuickConnect ID</span></div>
<div class="note"><span id="note" style="color: #c8c8c8">Already have an account?</span></div><div class="button"></div>
</body></html>"""


def test_hint_in_an_underlined_field_is_a_placeholder():
    """Grey hint text in a field drawn as a line under it (a material-style input) is its
    placeholder, which axe-core leaves out of its contrast rule; the same grey over a rounded
    button's top edge (a box with sides, no underline) is a label and still fails."""
    from vision.defects import contrast

    img, boxes = render_with_boxes(UNDERLINED, ("ph", "note"), text=True)
    ph = _line(img, boxes["ph"], "QuickConnect ID")
    note = _line(img, boxes["note"], "Already have an account?")
    found = contrast.detect([ph, note], img)
    assert [i.category for i in found] == ["low-contrast"] and found[0].bbox[1] > 150, (boxes, found)
