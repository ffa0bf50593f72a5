"""text-overlap, session 20: pages rendered here.

A logo tile, a row of pictograms over its name, read as one doubtful line: two rows on two
baselines with a dense band spanning both, but parted by blank rows, so no collision.
"""
from __future__ import annotations

from debug_pages import read_line, render_with_boxes

from vision.defects import text_overlap
from vision.defects.pixels import text_info
from vision.ocr import TextLine

LOGO_PAGE = """<!doctype html><html><head><meta charset="utf-8"><style>
body { margin: 0; background: #fff; font-family: 'Liberation Sans', sans-serif; }
#logo { position: absolute; left: 60px; top: 40px; width: 54px; height: 54px; background: #fb7701; border-radius: 12px; }
#icons { position: absolute; left: 8px; top: 12px; display: flex; gap: 3px; align-items: flex-end; }
#icons div { width: 8px; height: 9px; background: #fff; }
#icons .r { border-radius: 50%; } #icons .t { height: 7px; }
#name { position: absolute; left: 7px; top: 24px; font: bold 14px 'Liberation Sans', sans-serif; color: #fff; letter-spacing: 1px; }
.n { position: absolute; font-size: 16px; color: #1f2937; white-space: nowrap; }
</style></head><body>
<div id="logo"><div id="icons"><div></div><div class="r"></div><div class="t"></div><div class="r"></div></div>
<div id="name">TEMU</div></div>
<div class="n" id="p" style="left: 140px; top: 22px">Free shipping</div>
<div class="n" id="q" style="left: 140px; top: 58px">All data will be encrypted</div>
<div class="n" id="s" style="left: 140px; top: 94px">Special for you</div>
</body></html>"""


def test_a_logo_with_a_row_of_pictograms_over_its_name_is_no_collision():
    """The recogniser reads a logo tile (pictograms over the name) as one doubtful line whose box
    takes in the page round the tile's corners: its dense band spans both rows, far taller than
    the lines beside it, and its pictograms and letters stand on two baselines, yet blank rows
    part the two rows: they are set one above the other, not drawn over each other."""
    img, b = render_with_boxes(LOGO_PAGE, ("logo", "p", "q", "s"), height=160)
    x, y, w, h = (int(round(v)) for v in b["logo"])
    logo = text_info(img, TextLine("TEMU", (x - 2, y + 5, w + 4, h - 10), 0.52))
    lines = [logo] + [read_line(img, b[k], t) for k, t in
                      (("p", "Free shipping"), ("q", "All data will be encrypted"), ("s", "Special for you"))]
    assert text_overlap.detect(lines, img) == []
