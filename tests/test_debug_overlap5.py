"""text-overlap on clean pages at other screen sizes (2026-11-30, late): tightly set code, two
lines read as one box with blank rows between them, and an icon right after a line's last word
are no collisions; lines really drawn over each other are still found. Each page is rendered in
Chromium and its lines are boxed the way the page OCR boxes them."""
from __future__ import annotations

from debug_pages import render_with_boxes
from vision.defects import text_overlap
from vision.defects.pixels import text_info
from vision.ocr import TextLine

MONO = "font-family: 'DejaVu Sans Mono', monospace"
SANS = "font-family: 'Liberation Sans', sans-serif"


def _line(img, box, text: str, conf: float = 0.99, above: int = 0, below: int = 0):
    """The line as the page OCR boxes it: the text's box, `above` / `below` px taller (the
    recogniser's boxes of tightly set lines take in part of the neighbours)."""
    x, y, w, h = (int(round(v)) for v in box)
    return text_info(img, TextLine(text, (x, y - above, w, h + above + below), conf))


CODE = f"""<!doctype html><html><head><meta charset="utf-8"><style>
body {{ margin: 0; background: #fff; }}
pre {{ position: absolute; left: 40px; top: 60px; margin: 0; padding: 10px; background: #eee; {MONO};
       font-size: 15px; line-height: 17px; color: #222; }}
span {{ display: block; }}
</style></head><body><pre><span id="a">var hiddenBox = $( "#banner-message" );</span><span id="b">$( "#button-container button" ).on( "click", function( event ) {{</span><span id="c">  hiddenBox.show();</span></pre>
<div id="x" style="position: absolute; left: 40px; top: 200px; {MONO}; font-size: 15px; line-height: 17px; color: #222">var shownBox = $( "#banner-message" );</div>
<div id="y" style="position: absolute; left: 80px; top: 207px; {MONO}; font-size: 15px; line-height: 17px; color: #222">Limited offer today</div>
</body></html>"""


def test_tightly_set_code_is_not_a_collision():
    """Code at 15 px on a 17 px pitch: a monospace x-height near 0.6 em leaves the lines' letter
    bands about one band apart, and the recogniser's boxes overlap by a third of a line. A line
    drawn 7 px (0.4 of a line) down over another is still a collision."""
    img, boxes = render_with_boxes(CODE, ("a", "b", "c", "x", "y"), text=True)
    lines = [_line(img, boxes["a"], 'var hiddenBox = $( "#banner-message" );', below=6),
             _line(img, boxes["b"], '$( "#button-container button" ).on( "click", function( event ) {', below=6),
             _line(img, boxes["c"], "hiddenBox.show();", below=6)]
    assert all(lines)
    assert text_overlap.detect(lines, img) == []
    hit = [_line(img, boxes["x"], 'var shownBox = $( "#banner-message" );'), _line(img, boxes["y"], "Limited offer today")]
    assert [i.category for i in text_overlap.detect(hit, img)] == ["text-overlap"], boxes


TWO = f"""<!doctype html><html><head><meta charset="utf-8"><style>
body {{ margin: 0; background: #fff; {SANS}; color: #1a0dab; font-size: 24px; }}
div {{ position: absolute; left: 40px; width: 520px; line-height: 30px; }}
</style></head><body>
<div id="p" style="top: 40px">Президент определил национальные цели развития России</div>
<div id="q" style="top: 200px">Read the full story of the year</div>
<div id="r" style="top: 213px">Subscribe for updates today</div>
<div style="top: 320px">Другие новости дня</div><div style="top: 360px">Погода в Москве</div>
</body></html>"""


def test_two_separate_lines_read_as_one_box_are_no_collision():
    """A crop read again that takes in both lines of a wrapped heading comes back as one doubtful
    line twice as tall as a line: rows with no ink run between the two, so nothing is drawn over
    anything. Two lines drawn 13 px (under half a line) apart and read as one box leave no such rows."""
    img, boxes = render_with_boxes(TWO, ("p", "q", "r"))
    x, y, w, h = boxes["p"]
    merged = text_info(img, TextLine("hHe e", (int(x), int(y), int(w), int(h)), 0.5))
    assert merged is not None and text_overlap._stacked(img, merged)
    assert text_overlap.detect([merged], img) == []
    (qx, qy, qw, _), (_, ry, rw, rh) = boxes["q"], boxes["r"]
    both = text_info(img, TextLine("Rend thoe ful stoory", (int(qx), int(qy), int(max(qw, rw)), int(ry + rh - qy)), 0.5))
    assert both is not None and not text_overlap._stacked(img, both)


ICON = f"""<!doctype html><html><head><meta charset="utf-8"><style>
body {{ margin: 0; background: #eaeaea; {SANS}; font-size: 13px; color: #005ea2; }}
</style></head><body>
<div id="t" style="position: absolute; left: 40px; top: 4px; line-height: 22px">An official website of the
United States government <u>Here's how you know</u><span style="display: inline-block; width: 14px; height: 14px;
margin-left: 2px; background: #005ea2; vertical-align: -4px"></span></div>
</body></html>"""


def test_solid_icon_after_the_last_word_is_no_collision():
    """A filled square set right after a link's last word, lower than its baseline: the word and
    the square form one piece of ink taller than the line's other words, but a glyph of another
    line never fills whole columns side by side."""
    img, boxes = render_with_boxes(ICON, ("t",))
    t = _line(img, boxes["t"], "An official website of the United States government Here's how you know")
    assert t is not None
    assert text_overlap._tall_words(img, t) is None
