"""low-contrast, session 20: text too pale to be ink by the line's own measure, or to be read.

A footer's grey copyright notice run on into a dark link is read as one line whose ink box holds
only the dark words; a line at about 1.5:1 is never found by the page's OCR. Pages rendered here
in Chromium; the first boxed the way the page OCR boxes it, the second read by the OCR itself."""
from __future__ import annotations

import base64

import cv2
import numpy as np

from debug_pages import render_with_boxes

from vision.defects import contrast, detect
from vision.defects.issue import overlap_min
from vision.defects.pixels import text_info
from vision.ocr import TextLine

FOOTER = """<!doctype html><html><head><meta charset="utf-8"><style>
body { margin: 0; background: #fff; font: 16px 'Liberation Sans', sans-serif; }
p { position: absolute; left: 40px; margin: 0; white-space: nowrap; }
a { color: #111; text-decoration: none; }
</style></head><body>
<p id="pale" style="top: 40px"><span id="p" style="color: #c5c5c5">Copyright 1999-2024 Example, LLC. All rights reserved.</span> <a>Privacy</a></p>
<p id="dark" style="top: 100px"><span style="color: #595959">Copyright 1999-2024 Example, LLC. All rights reserved.</span> <a>Privacy</a></p>
</body></html>"""


def _line(img, box, read):
    x, y, w, h = (int(round(v)) for v in box)
    return text_info(img, TextLine(read, (x - 3, y - 3, w + 6, h + 6), 0.97))


def test_pale_words_run_on_into_a_dark_link_are_low_contrast():
    img, b = render_with_boxes(FOOTER, ("pale", "dark", "p"), text=True, height=160)
    read = "Copyright 1999-2024 Example, LLC. All rights reserved. Privacy"
    found = contrast.detect([_line(img, b["pale"], read)], img)
    assert [i.category for i in found] == ["low-contrast"], found
    assert overlap_min(found[0].bbox, list(b["p"])) > 0.8
    assert contrast.detect([_line(img, b["dark"], read)], img) == []


FAINT = """<!doctype html><html><head><meta charset="utf-8"><style>
body { margin: 0; background: #fff; color: #1c1e21; font: 16px 'Liberation Sans', sans-serif; }
div { position: absolute; left: 60px; white-space: nowrap; }
.card { left: 420px; top: 60px; width: 200px; height: 90px; border-radius: 12px; background: #f4f4f4; }
</style></head><body>
<div id="h" style="top: 20px; font-size: 22px">Create a new account</div>
<div id="f" style="top: 80px; color: #d7d7d7">Get the app.</div>
<div id="g" style="top: 140px; color: #6b6b6b">Get the app.</div>
<div class="card"></div>
</body></html>"""


def test_a_line_too_faint_for_the_page_ocr_is_low_contrast():
    """The page OCR's detector can miss a line at 1.44:1 altogether (it did on a 1760 px wide page
    full of content): the lines handed over are the others, boxed as the OCR boxes them."""
    img, b = render_with_boxes(FAINT, ("h", "f", "g"), text=True, height=220)
    lines = []
    for k, read in (("h", "Create a new account"), ("g", "Get the app.")):
        x, y, w, h = (int(round(v)) for v in b[k])
        lines.append(TextLine(read, (x - 3, y - 3, w + 6, h + 6), 0.99))
    found = [i for i in detect(img, lines) if i.category == "low-contrast"]
    assert len(found) == 1, found
    assert overlap_min(found[0].bbox, list(b["f"])) > 0.5 and "Get the app" in found[0].message


def _gradient_uri(rows: list[int], greys: list[int]) -> str:
    """A PNG, as a data URI, whose rows run through the grey levels `greys` at rows `rows` (a hero
    picture's gradient, easing towards its light end, drawn without the browser's dithering)."""
    col = np.interp(np.arange(rows[-1]), rows, greys).round().astype(np.uint8)
    ok, png = cv2.imencode(".png", np.repeat(col[:, None, None], 8, axis=1).repeat(3, axis=2))
    return "data:image/png;base64," + base64.b64encode(png.tobytes()).decode()


HERO = """<!doctype html><html><head><meta charset="utf-8"><style>
body { margin: 0; background: #fff; font: bold 56px 'Liberation Sans', sans-serif; color: #fff; }
.hero { position: absolute; left: 0; top: 0; width: 900px; height: 160px; background: url(GRADIENT); background-size: 100% 100%; }
.flat { position: absolute; left: 0; top: 180px; width: 900px; height: 100px; background: #a9a9a9; }
div span { position: absolute; left: 60px; white-space: nowrap; }
</style></head><body>
<div class="hero"><span id="g" style="top: 46px">Building the Future of IT</span></div>
<div class="flat"><span id="f" style="top: 16px">Building the Future of IT</span></div>
</body></html>"""


def test_white_heading_on_a_gradient_it_clears_on_most_of_is_no_finding():
    """White on a ground running from dark to light grey behind the letters (a hero picture's
    gradient): readable where the ground is dark, and the contrast reported would be that of
    wherever the box's edge fell. The same heading on a flat #a9a9a9 fails everywhere."""
    html = HERO.replace("GRADIENT", _gradient_uri([0, 80, 160], [0x30, 0x96, 0xb0]))
    img, b = render_with_boxes(html, ("g", "f"), text=True, width=900, height=300)
    read = "Building the Future of IT"
    assert contrast.detect([_line(img, b["g"], read)], img) == []
    found = contrast.detect([_line(img, b["f"], read)], img)
    assert [i.category for i in found] == ["low-contrast"], found


HEADING = """<!doctype html><html><head><meta charset="utf-8"><style>
body { margin: 0; background: #f9f9f9; font-family: 'Liberation Serif', serif; }
p { position: absolute; left: 40px; margin: 0; white-space: nowrap; color: #404040; font-size: 26px; }
a { font-size: 16px; text-decoration: none; margin-left: 8px; }
</style></head><body>
<p id="p" style="top: 30px">NOTICIAS<a id="a" style="color: #86aad4">ver más →</a></p>
<p id="d" style="top: 90px">NOTICIAS<a style="color: #2a5a94">ver más →</a></p>
</body></html>"""


def test_a_pale_link_after_a_heading_in_capitals_is_low_contrast():
    """The line's dense band is the capitals' height; the pale lowercase link after it is about
    three quarters of that, and was taken for too thin a run to be words."""
    img, b = render_with_boxes(HEADING, ("p", "a", "d"), text=True, height=150)
    found = contrast.detect([_line(img, b["p"], "NOTICIAS ver más")], img)
    assert [i.category for i in found] == ["low-contrast"], found
    assert overlap_min(found[0].bbox, list(b["a"])) > 0.5
    assert contrast.detect([_line(img, b["d"], "NOTICIAS ver más")], img) == []
