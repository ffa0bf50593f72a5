"""A line's text colour when its OCR box takes in an object of another colour (2026-11-30: a
Quora logo's red "a" above-left of the grey tagline made the tagline's colour red, so its cut
last letter went unseen). Each page is rendered in Chromium and the line measured as the page OCR
boxes it."""
from __future__ import annotations

import numpy as np

from debug_pages import render_with_boxes
from vision.defects.pixels import distance, text_info
from vision.ocr import TextLine

GREY = (0x63, 0x64, 0x66)  # the tagline's colour
BLUE = (0x14, 0x50, 0xc8)  # the link's colour

LOGO = """<!doctype html><html><head><meta charset="utf-8"><style>
body { margin: 0; background: #fff; }
#logo { position: absolute; left: 40px; top: 20px; font: 48px 'Liberation Serif', serif; color: #b92b27; }
#t { position: absolute; left: 60px; top: 74px; font: bold 15px 'Liberation Sans', sans-serif; color: #636466;
     white-space: nowrap; }
</style></head><body><span id="logo">Qa</span><span id="t">A place to share knowledge and better understand</span>
</body></html>"""

ICON = """<!doctype html><html><head><meta charset="utf-8"><style>
body { margin: 0; background: #fff; font: 16px 'Liberation Sans', sans-serif; }
#t { position: absolute; left: 60px; top: 60px; color: #1450c8; white-space: nowrap; }
#t b { display: inline-block; width: 12px; height: 12px; background: #000; margin-right: 6px; }
</style></head><body><span id="t"><b></b>Read the full shipping and returns policy</span></body></html>"""


def _near(colour, want, tol: float = 30.0) -> bool:
    return float(distance(np.array([[colour]]), want)[0, 0]) <= tol


def test_logo_letter_inside_the_box_is_not_the_text_colour():
    """The box of the grey tagline reaches up into the bottom of the logo's red "a": red is
    farther from the white ground than the grey, but it sits in a few columns at the box's start
    while the grey runs the whole line."""
    img, boxes = render_with_boxes(LOGO, ("logo", "t"), text=True)
    lx, ly, lw, lh = boxes["logo"]
    x, y, w, h = boxes["t"]
    top = int(ly + 0.8 * lh)  # the box's top cuts through the logo letters' lower part
    box = (int(x) - 4, top, int(w) + 8, int(y + h) + 2 - top)
    t = text_info(img, TextLine("A place to share knowledge and better understand", box, 0.99))
    assert t is not None
    assert (distance(img[box[1]:box[1] + box[3], box[0]:box[0] + box[2]], (185, 43, 39)) <= 30).any(), boxes
    assert _near(t.fg, GREY), (t.fg, boxes)


def test_black_icon_before_a_link_is_not_the_text_colour():
    """A black square icon before a blue link: black is farther from white than the blue, but
    the blue letters fill the line."""
    img, boxes = render_with_boxes(ICON, ("t",), text=True)
    x, y, w, h = (int(round(v)) for v in boxes["t"])
    t = text_info(img, TextLine("Read the full shipping and returns policy", (x - 4, y - 2, w + 8, h + 4), 0.99))
    assert t is not None
    assert _near(t.fg, BLUE), (t.fg, boxes)



COVER = """<!doctype html><html><head><meta charset="utf-8"><style>
body { margin: 0; background: #fff; font: bold 16px 'Liberation Sans', sans-serif; }
#t { position: absolute; left: 60px; top: 60px; color: #707070; white-space: pre; letter-spacing: 2px; }
#box { position: absolute; left: 20px; top: 52px; height: 34px; background: #dc2626; border-radius: 4px; }
</style></head><body><span id="t"><span id="a">OCEAN  </span>NOAA II</span><div id="box"></div></body></html>"""
# the red box ends in the word space before "NOAA": the words it hides are gone whole
COVER_TO_SPACE = """(() => { const r = document.getElementById('a').getBoundingClientRect();
document.getElementById('box').style.width = (r.right - 4 - 20) + 'px'; })()"""


def test_box_laid_over_the_line_start_is_kept_with_the_line():
    """A red box hides the first word of a grey line and the recogniser's box starts on its edge:
    the red runs down the whole box height, the side of a box, not a letter or an icon beside the
    text, so the line keeps it and element-overlap still sees the box laid over the line."""
    from vision.defects import element_overlap

    img, boxes = render_with_boxes(COVER, ("t", "a"), text=True, before=COVER_TO_SPACE)
    x, y, w, h = (int(round(v)) for v in boxes["t"])
    left = int(boxes["a"][0] + boxes["a"][2]) - 4 - 2
    box = (left, y - 4, x + w + 4 - left, h + 8)
    t = text_info(img, TextLine("NOAA II", box, 0.99))
    assert t is not None
    assert element_overlap.detect(img, [t]), (t, boxes)
