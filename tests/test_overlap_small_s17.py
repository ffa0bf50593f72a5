"""text-overlap and small-text on pages rendered here (Chromium), session 17.

- A collision read as one doubtful line with no confident lines around it (a nav bar's item):
  its dense band is taller than any one line's, measured against the em its width gives.
- A doubtful one-letter reading over a whole run of colliding glyphs does not hide them from the
  second look (`reread`).
- A 9 px line the page OCR does not find, read in the enlarged crop, is sized by the letters read
  (its descenders), not as if its ink were a cap height.
- A line the recogniser reads in doubt (a script it does not know) still has ink words to compare.
"""
from __future__ import annotations

from debug_pages import render_with_boxes

from vision.defects import reread, small, text_overlap
from vision.defects.issue import overlap_min
from vision.defects.pixels import text_info
from vision.ocr import TextLine


def _line(img, box, text, conf, pad=(4, 2)):
    x, y, w, h = (int(round(v)) for v in box)
    return text_info(img, TextLine(text, (x - pad[0], y - pad[1], w + 2 * pad[0], h + 2 * pad[1]), conf))


NAV = """<!doctype html><html><head><meta charset="utf-8"><style>
body { margin: 0; background: #f4f4f4; color: #555; font: 16px 'Liberation Sans', sans-serif; }
div { position: absolute; white-space: nowrap; }
</style></head><body>
<div id="a" style="top: 40px; left: 20px">Help Cache Flush</div>
<div id="b" style="top: 45px; left: 60px">New arrivals here</div>
<div id="c" style="top: 140px; left: 20px">Help Cache Flush</div>
</body></html>"""


def test_a_lone_doubtful_line_with_two_lines_bands_merged():
    img, b = render_with_boxes(NAV, ("a", "b", "c"), text=True, height=200)
    ax, ay, aw, ah = b["a"]
    bx, by, bw, bh = b["b"]
    box = (ax, ay, bx + bw - ax, by + bh - ay)
    hit = _line(img, box, "Help Crehe alusals here", 0.85)
    found = text_overlap.detect([hit], img)
    assert [i.category for i in found] == ["text-overlap"], [(i.bbox, i.message) for i in found]
    alone = _line(img, b["c"], "Help Cache Flush", 0.85)
    assert text_overlap.detect([alone], img) == []


LINK = """<!doctype html><html><head><meta charset="utf-8"><style>
body { margin: 0; background: #fff; color: #000; font: 16px 'Liberation Serif', serif; }
div { position: absolute; white-space: nowrap; }
a { color: #00e; }
</style></head><body>
<div id="p" style="top: 60px; left: 40px">To contact us for any reason, please fill out the form after <a href="#">clicking here</a>.</div>
<div style="top: 68px; left: 420px; color: #00e">Read the full story</div>
</body></html>"""


def test_a_doubtful_sign_over_a_wide_box_leaves_the_ink_unread():
    img, b = render_with_boxes(LINK, ("p",), text=True, height=160)
    x, y, w, h = (int(v) for v in b["p"])
    junk = TextLine("o", (x - 4, y - 20, w + 140, h + 40), 0.37)
    again = reread.unread_lines(img, [junk], small.ink_mask(img), 0.2)
    assert again and overlap_min(list(again[0].box), [x, y, w, h]) > 0.5, again


TINY = """<!doctype html><html><head><meta charset="utf-8"><style>
body { margin: 0; background: #6b6b6b; color: #e8e8e8; font: 9px 'Liberation Sans', sans-serif; }
div { position: absolute; white-space: nowrap; }
</style></head><body>
<div id="t" style="top: 60px; left: 200px">Watch anywhere. Cancel anytime.</div>
</body></html>"""


def test_an_unread_9px_line_with_descenders_is_small():
    img, b = render_with_boxes(TINY, ("t",), text=True, height=160)
    found = small.detect_unread_text(img, [])
    assert any(overlap_min(i.bbox, list(b["t"])) >= 0.3 for i in found), ([i.bbox for i in found], b["t"])


CYRILLIC = """<!doctype html><html><head><meta charset="utf-8"><style>
body { margin: 0; background: #f7f9f9; color: #3b3b3b; font: 16px 'Liberation Serif', serif; }
div { position: absolute; white-space: nowrap; }
span { font: bold 8px 'Liberation Sans', sans-serif; }
</style></head><body>
<div id="p" style="top: 60px; left: 40px">Последнее обновление сайта: <span id="d">Thu, 23 May 2024 21:56:12 MSK</span></div>
</body></html>"""


def test_a_doubtful_reading_still_compares_its_words_by_ink():
    img, b = render_with_boxes(CYRILLIC, ("p", "d"), text=True, height=160)
    line = _line(img, b["p"], ",   2042156:1", 0.47)
    found = small.detect_text([line], img)
    assert any(overlap_min(i.bbox, list(b["d"])) >= 0.3 for i in found), ([i.bbox for i in found], b["d"])
    assert small.detect_text([_line(img, b["p"], ",   2042156:1", 0.3)], img) == []


PARAGRAPH = """<!doctype html><html><head><meta charset="utf-8"><style>
body { margin: 0; background: #fff; color: #888; font: italic 16px/24px 'Liberation Sans', sans-serif; }
div { position: absolute; left: 40px; white-space: nowrap; }
b { color: #003366; font-style: italic; }
</style></head><body>
<div id="a" style="top: 40px">We created the link as a trackable shortening service</div>
<div id="m" style="top: 64px">It also has built-in <b>Twitter integration</b>.</div>
<div style="top: 77px; left: 260px; color: #003366; font-weight: bold">Subscribe for updates</div>
<div id="c" style="top: 88px">At the time, we opened it</div>
</body></html>"""


def test_an_unread_collision_between_two_lines_read_is_read_again():
    """The crop's margin reaches into the lines read above and below (half of the next line's
    box lies in it): that line is no reading of the band, whose middle it does not reach."""
    img, b = render_with_boxes(PARAGRAPH, ("a", "m", "c"), text=True, height=160)
    read = [TextLine(t, (int(x) - 4, int(y) - 2, int(w) + 8, int(h) + 4), 0.99)
            for t, (x, y, w, h) in (("We created the link as a trackable shortening service", b["a"]),
                                    ("At the time, we opened it", b["c"]))]
    again = reread.unread_lines(img, read, small.ink_mask(img), 0.2)
    assert any(overlap_min(list(ln.box), list(b["m"])) > 0.5 for ln in again), (again, b)
