"""The second OCR look (vision.defects.reread) reads unread ink with the recogniser alone, cut into
bands, and text-overlap tells two collided lines in one band by their two baselines."""
from __future__ import annotations

import pytest
from debug_pages import render_with_boxes

from vision.defects import OCR_MIN_SCORE, measure_lines, reread, small, text_overlap
from vision.defects.issue import overlap_min
from vision.ocr import TextLine

STYLE = """<style>
body { margin: 0; padding: 40px; font: 16px 'Liberation Sans', sans-serif; color: #222; background: #fff; }
.abs { position: absolute; white-space: nowrap; }
</style>"""

# a button label with a promo line drawn 11 px lower over it (an absolute offset gone wrong), a
# sentence with many descenders, and two lines set with tight but sound leading
PAGE = f"""<!doctype html><html><head><meta charset="utf-8">{STYLE}</head><body>
<span id="under" class="abs" style="left:40px; top:40px">Create your account today</span>
<span id="over" class="abs" style="left:60px; top:51px">Limited offer for members</span>
<span id="single" class="abs" style="left:40px; top:140px">Enjoy quietly typing long paragraphs</span>
<div id="tight" class="abs" style="left:40px; top:220px; line-height:19px">Reading the manual takes time<br>and patience from everyone</div>
</body></html>"""


@pytest.fixture(scope="module")
def page():
    return render_with_boxes(PAGE, ("under", "over", "single", "tight"), text=True)


def _info(img, box):
    return measure_lines(img, [TextLine("x" * 30, tuple(int(v) for v in box), 0.6)])[0]


def _grow(box, pad=3):
    x, y, w, h = (int(v) for v in box)
    return (x - pad, y - pad, w + 2 * pad, h + 2 * pad)


def test_collided_lines_stay_one_band_and_lines_apart_split(page):
    img, boxes = page
    free = small.ink_mask(img)
    collided = reread.bands(free, _grow((40, 38, 260, 40), 4))
    assert len(collided) == 1, collided
    tight = reread.bands(free, _grow(boxes["tight"], 4))
    assert len(tight) == 2, tight


def test_two_baselines_only_where_lines_collide(page):
    img, boxes = page
    x0 = min(boxes["under"][0], boxes["over"][0])
    x1 = max(boxes["under"][0] + boxes["under"][2], boxes["over"][0] + boxes["over"][2])
    y1 = boxes["over"][1] + boxes["over"][3]
    both = (x0, boxes["under"][1], x1 - x0, y1 - boxes["under"][1])
    assert text_overlap._two_baselines(img, _info(img, both))
    # descenders end lower than the baseline but their tops stay level: one line
    assert not text_overlap._two_baselines(img, _info(img, boxes["single"]))
    # two lines a sound line-height apart: their baselines are over two x-heights apart
    assert not text_overlap._two_baselines(img, _info(img, boxes["tight"]))


def test_reread_runs_no_detector_and_its_band_is_reported(page, monkeypatch):
    """The unread collision is read without the text detector (whose 25x enlargement of a thin
    crop cost more than the page's OCR) and reported as text-overlap."""
    import vision.ocr

    def no_detector(*_a, **_k):
        raise AssertionError("the second look must not run the text detector")

    monkeypatch.setattr(vision.ocr, "_detect", no_detector)
    img, boxes = page
    again = reread.unread_lines(img, [], small.ink_mask(img), OCR_MIN_SCORE)
    both = [ln for ln in again if overlap_min(ln.box, boxes["under"]) >= 0.8 and overlap_min(ln.box, boxes["over"]) >= 0.8]
    assert len(both) == 1, [(ln.text, ln.box) for ln in again]
    found = text_overlap.detect(measure_lines(img, again), img)
    assert [i for i in found if overlap_min(i.bbox, boxes["over"]) >= 0.5], [(i.bbox, i.message) for i in found]
    assert not [i for i in found if overlap_min(i.bbox, boxes["single"]) > 0.3 or overlap_min(i.bbox, boxes["tight"]) > 0.3]
