"""Naming's OCR of one-row crops (a field's value): pages rendered in Chromium."""
from __future__ import annotations

import numpy as np
import pytest

from debug_pages import render_with_boxes
from vision.video import naming
from vision.video.naming import _row_input, field_label, field_text, read_region

VALUES = ["orchid42", "Jasmine lantern", "fossil78@quartz.com"]


def test_a_row_crop_gets_margins_up_to_a_multiple_of_32():
    for h, total, top in ((48, 64, 8), (42, 64, 11), (60, 96, 18)):
        padded, got = _row_input(np.full((h, 832, 3), 255, np.uint8))
        assert padded.shape == (total, 832, 3) and got == top
        assert not padded[:top].any() and not padded[top + h:].any() and padded[top:top + h].all()


def _rows(size: int):
    """Bordered one-line boxes (as text fields look), the page and each text's own box."""
    rows = "".join(f"<div id='r{i}' style='margin:18px;width:380px;font:{size}px sans-serif;padding:6px;"
                   f"border:1px solid #999;white-space:nowrap'><span id='t{i}'>{v}</span></div>"
                   for i, v in enumerate(VALUES))
    img, boxes = render_with_boxes(f"<body style='margin:20px;background:#fff'>{rows}</body>",
                                   ids=[f"r{i}" for i in range(len(VALUES))])
    _, text = render_with_boxes(f"<body style='margin:20px;background:#fff'>{rows}</body>",
                                ids=[f"t{i}" for i in range(len(VALUES))], text=True)
    return np.asarray(img)[:, :, :3], boxes, text


@pytest.mark.parametrize("size", [13, 16, 20])
def test_a_tight_text_row_is_read_and_placed(size):
    """The value is read from a crop that is the text row and little more, and the line is
    placed where the page drew it (the margins added for detection are taken off again)."""
    img, boxes, text = _rows(size)
    for i, value in enumerate(VALUES):
        x, y, w, h = (int(round(v)) for v in boxes[f"r{i}"])
        tx, ty, tw, th = text[f"t{i}"]
        row = (x + 7, int(ty), w - 14, int(round(th)))
        assert field_text(img, (x, y, w, h), row) == value
        pad = max(3, row[3] // 5)
        lines = read_region(img, (x + 2, row[1] - pad, w - 4, row[3] + 2 * pad), None,
                            lambda b: list(range(len(b))), one_row=True)
        assert len(lines) == 1 and lines[0].text == value
        ly0, ly1 = lines[0].box[1], lines[0].box[1] + lines[0].box[3]
        assert abs(ly0 - ty) <= 4 and abs(ly1 - (ty + th)) <= 4


def test_overlapping_readings_get_their_own_front_end():
    """A reading that starts while another holds the OCR front end gets a second one sharing
    the same models, and no more are made than `MAX_FRONTS`."""
    with naming._front() as a, naming._front() as b:
        assert a is not b and a.text_det is b.text_det and a.text_rec is b.text_rec
        assert a.cfg is not b.cfg
    assert naming._FRONTS == naming.MAX_FRONTS


def test_readings_on_two_threads_read_what_one_thread_reads():
    """Value rows (read with the detector's padding switched off on the front end) and labels
    (with it on), read on two threads at once, give exactly the serial readings."""
    from concurrent.futures import ThreadPoolExecutor

    img, boxes, text = _rows(16)
    jobs = []
    for i in range(len(VALUES)):
        x, y, w, h = (int(round(v)) for v in boxes[f"r{i}"])
        row = (x + 7, int(text[f"t{i}"][1]), w - 14, int(round(text[f"t{i}"][3])))
        jobs += [(field_text, (x, y, w, h), row), (field_label, (x, y, w, h), row)]
    serial = [fn(img, field, row) for fn, field, row in jobs]
    assert serial[0::2] == VALUES
    with ThreadPoolExecutor(2) as pool:
        for _ in range(3):
            assert list(pool.map(lambda j: j[0](img, j[1], j[2]), jobs + jobs[::-1])) == serial + serial[::-1]
