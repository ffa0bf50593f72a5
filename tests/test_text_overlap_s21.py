"""text-overlap, session 21: lines laid a third of a line under another, rendered in Chromium.

A line drawn a third of its height under the end of a paragraph's line mixes its glyphs with that
line's: the recogniser reads through both with confidence ("... built-in Twittew arrivals here"),
but where they meet the letters' dense band is far taller than in the line's other words. The
line's own x-height, measured over the whole line, takes in the merged band too; bounded by the
size the line's width tells, it still parts the line's words at their word spaces.

A line laid a quarter to a third of a line under a link at a paragraph's end is read with the
link as one confident line ("and PrivacyNPelicrrivals here"): its dense band is two lines'
merged and its letters stand on two baselines, or its crossing words are tall against the
baseline of the line's ordinary words (the other line's words past the link's end, lower, are
left out of that baseline).

A monospace line laid a third of a line under prose is found by its tall words even where the
recogniser's box for the next line takes in its tails: only the next line's own rows are its glyphs.
"""
from __future__ import annotations

import pytest

from debug_pages import lands_on, render_with_boxes

from vision.defects import detect, read_text, text_overlap
from vision.defects.pixels import text_info
from vision.ocr import TextLine

PAGE = """<!doctype html><html><head><meta charset="utf-8"><style>
body { margin: 0; background: #fff; font-family: 'Liberation Sans', sans-serif; }
p { position: absolute; left: 40px; width: 520px; margin: 0; }
#pc { top: 30px; font: italic 16px 'Liberation Sans', sans-serif; line-height: 24px; color: #888; }
#pc b, #nc { color: #0b3d6b; font-weight: bold; font-style: italic; }
.n { position: absolute; font-size: 16px; white-space: nowrap; }
</style></head><body>
<p id="pc">We created it as a trackable shortening service for the built-in <b id="tc">Twitter integration.</b>
At the time, we opened it up to the public, because there were not enough.</p>
<div class="n" id="nc">New arrivals here</div>
</body></html>"""

# the injected line a third of its target's text box under it, from 0.4 of the target's width
PLACE = """() => { const r = document.getElementById('tc').getClientRects()[0], s = document.getElementById('nc').style;
  s.left = (r.left + 0.4 * r.width) + 'px'; s.top = (r.top + r.height / 3) + 'px'; }"""


def test_lines_laid_a_third_of_a_line_under_another_are_found():
    img, b = render_with_boxes(PAGE, ("nc",), before=PLACE, width=640, height=160)
    found = [i for i in detect(img, read_text(img)) if i.category == "text-overlap"]
    box = [round(v) for v in b["nc"]]
    assert lands_on(found, box), (found, box)
    # nothing on the paragraph's other lines, set apart as a paragraph's lines are
    assert all(lands_on([i], box) for i in found), found


CODE = """<!doctype html><html><head><meta charset="utf-8"><style>
body { margin: 0; background: #fff; }
p { position: absolute; left: 40px; top: 30px; width: 560px; margin: 0; font: 16px 'Liberation Sans', sans-serif;
    line-height: 26px; color: #222; }
code { font: 15px 'Liberation Mono', monospace; background: #eef; padding: 1px 4px; }
#n { position: absolute; font: 15px 'Liberation Mono', monospace; color: #222; white-space: nowrap; }
</style></head><body>
<p>No, the data on <code>lencr.org</code> is never malicious. When a device connects to it,
it is because client software on that device connected to another site.</p>
<div id="n">New arrivals here</div></body></html>"""

# a monospace line a third of the paragraph's line (26 px) under the inline code, from 0.6 of its width
CODE_PLACE = """() => { const c = document.querySelector('code').getBoundingClientRect(), s = document.getElementById('n').style;
  s.left = (c.left + 0.6 * c.width) + 'px'; s.top = (c.top + 26 / 3) + 'px'; }"""


def test_a_line_over_prose_is_found_where_the_next_lines_box_takes_in_its_tails():
    """The recogniser's box for the next line often reaches up into the tails of the line laid
    over the prose: that box meets the tall words, but the next line's own rows (parted from the
    tails by blank rows) do not, so those tall words are no glyphs of the next line."""
    img, b = render_with_boxes(CODE, ("n",), before=CODE_PLACE, width=640, height=120)
    first, second = read_text(img)[:2]
    x, y, w, h = second.box
    taller = TextLine(second.text, (x, y - 6, w, h + 6), second.conf)
    found = text_overlap.detect([text_info(img, first), text_info(img, taller)], img)
    assert lands_on(found, [round(v) for v in b["n"]]), (found, b["n"])


LINK = """<!doctype html><html><head><meta charset="utf-8"><style>
body { margin: 0; background: #fff; font-family: 'Liberation Sans', sans-serif; }
p { position: absolute; left: 40px; top: 30px; width: 520px; margin: 0; font-size: FSpx; line-height: 1.4; color: #939598; }
a, #n { color: #2e69ff; }
#n { position: absolute; font-size: FSpx; white-space: nowrap; }
</style></head><body>
<p>By continuing you indicate that you agree to Quora's Terms of Service and <a id="t">Privacy Policy.</a></p>
<div id="n">New arrivals here</div></body></html>"""

# the line from the middle of the link, a share of the link's text box under it
LINK_PLACE = """() => { const r = document.getElementById('t').getClientRects()[0], s = document.getElementById('n').style;
  s.left = (r.left + 0.5 * r.width) + 'px'; s.top = (r.top + r.height * SHARE) + 'px'; }"""


@pytest.mark.parametrize("size, share", [(14, "0.33"), (16, "0.25"), (16, "0.33")])
def test_a_line_laid_a_quarter_to_a_third_under_a_link_is_found(size, share):
    img, b = render_with_boxes(LINK.replace("FS", str(size)), ("n",), before=LINK_PLACE.replace("SHARE", share),
                               width=640, height=160)
    found = [i for i in detect(img, read_text(img)) if i.category == "text-overlap"]
    assert lands_on(found, [round(v) for v in b["n"]]), (found, b["n"])
