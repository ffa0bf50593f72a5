"""Naming the text under the pointer reads the nearest row first: pages rendered in Chromium."""
from __future__ import annotations

import numpy as np

from debug_pages import render_with_boxes
from vision.video import naming
from vision.video.naming import _d, _rows_reach, _row_chain, read_region, text_at

LONG = ("Palace tunnel archive blanket native radar center copper circle wonder lunar vision border "
        "onion berry tower summer harbor direct golden dawn feather portal nickel vision season")
SHORT = "Winter"
W, H = 1280, 800


def _page():
    """A paragraph of long lines with a short last word close under it (within the reach of a
    pointer on that word), and the word's box."""
    html = (f"<body style='margin:40px;background:#fff;font:16px sans-serif'>"
            f"<p style='width:900px;line-height:20px;margin:0'>{LONG}</p>"
            f"<p style='margin:4px 0 0'><span id='w'>{SHORT}</span></p></body>")
    img, boxes = render_with_boxes(html, ids=["w"], text=True, width=W, height=H)
    return np.asarray(img)[:, :, :3], boxes["w"]


def _recognised(monkeypatch) -> list[list[naming.Box]]:
    """Record, per reading, the boxes that went to the recogniser."""
    seen: list[list[naming.Box]] = []
    real = naming.read_lines

    def spy(img, select=None, one_row=False, further=None):
        got: list[naming.Box] = []
        seen.append(got)

        def sel(boxes):
            idx = select(boxes)
            got.extend(boxes[i] for i in set(idx))
            return idx

        def more(boxes, tried, read):
            idx = further(boxes, tried, read)
            got.extend(boxes[i] for i in set(idx) - tried)
            return idx

        return real(img, sel if select else None, one_row, more if further else None)

    monkeypatch.setattr(naming, "read_lines", spy)
    return seen


def test_the_word_under_the_pointer_is_read_without_the_paragraph_above(monkeypatch):
    """The paragraph's long lines lie within the pointer's reach but farther than the word under
    it: they are not recognised (most of the cost), and the name is what reading every line
    within reach gives."""
    img, (x, y, w, h) = _page()
    p = (int(x + w / 2), int(y + h / 2))
    reach = 0.04 * W
    rw, rh = int(0.22 * W), max(48, int(0.05 * H))
    region = (p[0] - rw, p[1] - rh, 2 * rw, 2 * rh)
    every = read_region(img, region, None,
                        lambda b: _row_chain(b, [i for i, bb in enumerate(b) if _d(p, bb) <= reach + 2]))
    assert len(every) >= 2  # the paragraph's lines are within reach too
    nearest = min(every, key=lambda ln: _d(p, ln.box))
    seen = _recognised(monkeypatch)
    text, box = text_at(img, p)
    assert (text, box) == (nearest.text, nearest.box) and text == SHORT
    assert len(seen) == 1 and len(seen[0]) == 1


def test_a_row_split_in_pieces_counts_as_near_as_its_whole_span():
    """Two pieces of one row (a gap a merge closes) reach a point above the gap at the height
    between them, nearer than either piece: a line read elsewhere must beat that, not the pieces."""
    boxes = [(100, 100, 80, 20), (188, 100, 80, 20)]
    p = (184, 90)
    assert _rows_reach(boxes, [0, 1], p) == 10
    assert min(_d(p, b) for b in boxes) > 10
    far = [(100, 100, 80, 20), (400, 100, 80, 20)]  # too far apart to join: each on its own
    assert _rows_reach(far, [0, 1], (300, 90)) == min(_d((300, 90), b) for b in far)
