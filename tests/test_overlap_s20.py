"""element-overlap and text-overlap, session 20: pages rendered here.

A box laid over a line's last word from the word gap before it cuts no glyph: the line's ink stops
a word space before the box, as it would before a button set after the text. A designed control
is set a margin wider than a word space from text, and an inline badge is no taller than its line.

A logo tile, a row of pictograms over its name, read as one doubtful line: two rows on two
baselines with a dense band spanning both, but parted by blank rows, so no collision.
"""
from __future__ import annotations

from debug_pages import read_line, render_with_boxes

from vision.defects import element_overlap, text_overlap
from vision.defects.issue import overlap_min
from vision.defects.pixels import text_info
from vision.ocr import TextLine

GAP_PAGE = """<!doctype html><html><head><meta charset="utf-8"><style>
body { margin: 0; background: #373737; }
.t { position: absolute; left: 40px; font: 18px 'Liberation Sans', sans-serif; color: #a0a0a0; white-space: nowrap; }
.b { position: absolute; background: #dc2626; color: #fff; border-radius: 4px;
     font: 600 13px sans-serif; display: flex; align-items: center; justify-content: center; }
.badge { display: inline-block; background: #dc2626; color: #fff; border-radius: 4px; padding: 0 6px;
         font: 600 12px sans-serif; line-height: 18px; vertical-align: 1px; }
</style></head><body>
<div class="t" id="a" style="top: 40px">Photo &amp; Video Sharing</div><div class="b" id="ba">Chat</div>
<div class="t" style="top: 120px"><span id="c">Photo &amp; Video</span></div><div class="b" id="bc">Chat</div>
<div class="t" style="top: 200px"><span id="d">Photo &amp; Video</span> <span class="badge">New</span></div>
</body></html>"""

# the box over "Sharing" from the end of the space before it; a designed button 16 px after
# "Photo & Video"; both 12 px above and below the line, 73 px wide
PLACE = """() => {
  const a = document.getElementById('a'), tn = a.firstChild, k = tn.textContent.indexOf(' Sharing');
  const g = document.createRange(); g.setStart(tn, k); g.setEnd(tn, k + 1); const sp = g.getBoundingClientRect();
  const put = (id, left, line) => { const b = document.getElementById(id).style;
    b.left = left + 'px'; b.top = (line.top - 12) + 'px'; b.width = '73px'; b.height = (line.height + 24) + 'px'; };
  put('ba', Math.round(sp.right), a.getBoundingClientRect());
  const c = document.getElementById('c').getBoundingClientRect();
  put('bc', c.right + 16, c);
}"""

RECTS_JS = """() => { const box = (r) => [r.left, r.top, r.width, r.height];
  const text = (id, end) => { const tn = document.getElementById(id).firstChild, g = document.createRange();
    g.setStart(tn, 0); g.setEnd(tn, end === undefined ? tn.textContent.length : tn.textContent.indexOf(end));
    return box(g.getBoundingClientRect()); };
  const el = (id) => box(document.getElementById(id).getBoundingClientRect());
  return {a: text('a', ' Sharing'), c: text('c'), d: text('d'), ba: el('ba'), bc: el('bc')}; }"""


def _gap_page():
    """The page rendered, and its boxes: the text each line shows, and the two red boxes."""
    from codegen.render import get_renderer

    seen = {}

    def page_fn(p):
        p.evaluate(PLACE)
        seen.update(p.evaluate(RECTS_JS))

    res = get_renderer().render(html=GAP_PAGE, width=720, height=260, full_page=False, mobile_check=False,
                                page_fn=page_fn, timeout_s=20)
    return res.image, seen


def test_a_box_laid_over_the_last_word_from_the_word_gap_is_found():
    img, b = _gap_page()
    found = element_overlap.detect(img, [read_line(img, b["a"], "Photo & Video")])
    assert [i.category for i in found] == ["element-overlap"], found
    assert overlap_min(found[0].bbox, [round(v) for v in b["ba"]]) > 0.8, (found[0].bbox, b["ba"])


def test_a_button_set_a_margin_after_text_and_an_inline_badge_are_no_overlap():
    img, b = _gap_page()
    lines = [read_line(img, b["c"], "Photo & Video"), read_line(img, b["d"], "Photo & Video")]
    assert element_overlap.detect(img, lines) == []


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


FOOT_PAGE = """<!doctype html><html><head><meta charset="utf-8"><style>
body { margin: 0; background: #fafafa; }
#pic { position: absolute; left: 70px; top: 20px; width: 40px; height: 40px; background: #3bb0d0; border-radius: 50%; }
#name { position: absolute; left: 60px; top: 61px; font: bold 14px 'Liberation Sans', sans-serif; color: #555; }
</style></head><body><div id="pic"></div><div id="name">hCaptcha</div></body></html>"""


def test_a_word_under_a_picture_whose_foot_its_box_takes_in_is_no_collision():
    """The recogniser's box for a name set under a logo reaches up into the logo's foot: the ink
    it holds is far taller than the word's letters are wide (two lines in one box, by their
    width), but blank rows part the foot from the letters: the line's own rows are one line."""
    img, b = render_with_boxes(FOOT_PAGE, ("name",), text=True, height=120)
    x, y, w, h = (int(round(v)) for v in b["name"])
    top = 60 - 4  # the round picture's foot: its last 4 rows
    line = text_info(img, TextLine("hCaptcha", (x - 3, top, w + 6, y + h - top), 0.94))
    assert text_overlap._too_tall(line, img), "the box takes in the picture's foot"
    assert text_overlap.detect([line], img) == []
