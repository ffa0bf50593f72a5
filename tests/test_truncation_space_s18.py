"""text-truncation: an ellipsis set apart by a space is where a clip fell, session 18.

"Loading..." is copy's own ellipsis, right after its word; a box clipped just after a word space
shows "Using …", which is a cut even though "Using" is a whole -ing word. Rendered in Chromium."""
from __future__ import annotations

from debug_pages import read_line, render_with_boxes

from vision.defects import truncation

PAGE = """<!doctype html><html><head><meta charset="utf-8"><style>
body { margin: 0; padding: 30px; font: 22px 'Liberation Sans', sans-serif; color: #222; background: #fff; }
p { white-space: nowrap; margin: 0 0 24px 0; }
</style></head><body>
<p><span id="cut" style="display: inline-block; overflow: hidden; text-overflow: ellipsis; vertical-align: bottom">Using
the new editor</span></p><p><span id="probe">Using …</span></p><p id="own">Loading...</p>
</body></html>"""
FIT = """(() => { const p = document.getElementById('probe'), c = document.getElementById('cut');
c.style.maxWidth = (p.getBoundingClientRect().width + 1) + 'px'; p.remove(); })()"""


def test_an_ellipsis_after_a_word_space_is_a_cut_and_one_glued_to_the_word_is_not():
    img, boxes = render_with_boxes(PAGE, ("cut", "own"), before=FIT, height=220)
    assert [i.category for i in truncation.detect(img, [read_line(img, boxes["cut"], "Using ..")])] == ["text-truncation"]
    assert truncation.detect(img, [read_line(img, boxes["own"], "Loading...")]) == []


LINK = """<!doctype html><html><head><meta charset="utf-8"><style>
body { margin: 0; padding: 30px; font: 22px 'Liberation Sans', sans-serif; color: #3b73b9; background: #fff; }
p { white-space: nowrap; margin: 0 0 24px 0; }
</style></head><body>
<p><span id="cut" style="display: inline-block; overflow: hidden; vertical-align: bottom; max-width: 98px">Create business account</span></p>
<p id="own">Sign in to log in</p><p id="unit">Distance 12 km</p>
</body></html>"""


def test_a_rare_two_letter_word_read_last_is_the_start_of_a_cut_word():
    """The word list holds "bu" (and "si", "ba"), which copy never ends on: "Create bu" is a clip;
    "log in" ends on an everyday word, and "12 km" on a unit."""
    img, boxes = render_with_boxes(LINK, ("cut", "own", "unit"), height=220)
    assert [i.category for i in truncation.detect(img, [read_line(img, boxes["cut"], "Create bu")])] == ["text-truncation"]
    assert truncation.detect(img, [read_line(img, boxes["own"], "Sign in to log in")]) == []
    assert truncation.detect(img, [read_line(img, boxes["unit"], "Distance 12 km")]) == []
