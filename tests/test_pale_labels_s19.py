"""low-contrast on labels the line's measurement used to miss, session 19.

A pale label in a button whose bright border the recogniser's box reached: the border was the
line's ink (its colour, its two rows) and the letters, under a third of its strength, no ink at
all. A line too pale for the page's reading is read again in a crop of its own; that reading
now counts for contrast, which is what such a line most likely fails. Pages rendered here."""
from __future__ import annotations

from debug_pages import render_with_boxes

from vision.defects import contrast, detect
from vision.defects.issue import overlap_min
from vision.defects.pixels import text_info
from vision.ocr import TextLine

BUTTON = """<!doctype html><html><head><meta charset="utf-8"><style>
body { margin: 0; background: #1e1e1e; font: bold 22px 'Liberation Sans', sans-serif; }
a { position: absolute; left: 40px; top: 40px; padding: 8px 30px; border: 3px solid #ff9100; border-radius: 30px;
    color: #636363; text-decoration: none; }
</style></head><body><a id="b" href="#">View Docs</a></body></html>"""


def test_a_pale_label_in_a_bright_bordered_button_is_measured_on_its_letters():
    img, b = render_with_boxes(BUTTON, ("b",), height=160)
    x, y, w, h = (int(v) for v in b["b"])
    # the recogniser's box: from the button's top border down past the label, inside its round ends
    line = text_info(img, TextLine("View Docs", (x + 14, y, w - 28, h - 2), 0.99))
    assert max(line.fg) < 130, line.fg  # the grey letters, not the orange border
    found = contrast.detect([line], img)
    assert len(found) == 1 and "#ff9100" not in found[0].message, found
    assert "2.7" in found[0].message or "2.8" in found[0].message, found[0].message


PALE = """<!doctype html><html><head><meta charset="utf-8"><style>
body { margin: 0; background: #fff; font: 18px 'Liberation Sans', sans-serif; color: #222; }
p { position: absolute; left: 40px; margin: 0; }
</style></head><body><p id="a" style="top: 30px">Download the application for your phone</p>
<p id="p" style="top: 90px; color: #b4b4b4">Get the app today</p>
<p id="c" style="top: 150px">Sign in with your account to continue</p></body></html>"""


def test_a_line_read_only_in_a_crop_of_its_own_is_checked_for_contrast():
    img, b = render_with_boxes(PALE, ("a", "p", "c"), text=True, height=220)
    # the page's reading: the two dark lines, not the pale one between them
    lines = [TextLine(text, (int(bx) - 4, int(by) - 3, int(bw) + 8, int(bh) + 6), 0.99)
             for text, (bx, by, bw, bh) in (("Download the application for your phone", b["a"]),
                                           ("Sign in with your account to continue", b["c"]))]
    found = [i for i in detect(img, lines) if i.category == "low-contrast"]
    assert any(overlap_min(i.bbox, b["p"]) > 0.5 for i in found), found
    assert all(overlap_min(i.bbox, b["p"]) > 0.5 for i in found), found
