"""The debug path splits rapidocr's recognition batches made only of long lines (vision.ocr
`alone`): each of those lines is read alone, not padded to the batch's longest, so a page of long
lines costs less; batches holding a short line read as rapidocr reads them."""
from __future__ import annotations

import numpy as np
import pytest
from debug_pages import render_with_boxes

from vision import ocr
from vision.defects import OCR_MIN_SCORE, read_text

STYLE = """<style>
body { margin: 0; padding: 30px; font: 15px 'Liberation Sans', sans-serif; color: #222; background: #fff; }
p { margin: 0 0 18px 0; white-space: nowrap; }
</style>"""

# one line across the page, five lines a few words long (rapidocr batches them with the long line,
# six to a batch, widest last) and six single-word labels (a batch of their own)
PAGE = f"""<!doctype html><html><head><meta charset="utf-8">{STYLE}</head><body>
<p id="long">Our stores open at nine every morning and close at six, except on public holidays when every store stays closed all day long</p>
<p id="mid1">Free delivery on orders over fifty pounds</p>
<p id="mid2">Returns are accepted within thirty days</p>
<p id="mid3">Contact our support team by email</p>
<p id="mid4">Gift cards never expire</p>
<p id="mid5">Sign up for weekly offers</p>
<p id="w1">Home</p><p id="w2">Account</p><p id="w3">Basket</p><p id="w4">Help</p><p id="w5">Stores</p><p id="w6">Offers</p>
</body></html>"""
IDS = ("long", "mid1", "mid2", "mid3", "mid4", "mid5", "w1", "w2", "w3", "w4", "w5", "w6")


@pytest.fixture(scope="module")
def page():
    img, boxes = render_with_boxes(PAGE, IDS, text=True, width=1280, height=560)
    bgr = np.ascontiguousarray(img[:, :, ::-1])
    crops = {}
    for name, (x, y, w, h) in boxes.items():
        x0, y0, x1, y1 = int(x) - 4, int(y) - 3, int(x + w) + 4, int(y + h) + 3
        crops[name] = np.ascontiguousarray(bgr[y0:y1, x0:x1])
    return img, crops


def _columns(monkeypatch) -> list[int]:
    """Columns of every batch the recogniser computes (padding included), appended as it runs."""
    rec = ocr.get_ocr().text_rec
    seen: list[int] = []
    real = rec.session

    class Counting:
        def __call__(self, batch):
            seen.append(batch.shape[0] * batch.shape[3])
            return real(batch)

        def __getattr__(self, name):
            return getattr(real, name)

    monkeypatch.setattr(rec, "session", Counting())
    return seen


def test_a_long_line_reads_the_same_whatever_longer_lines_share_its_batch(page):
    _, crops = page
    mids = [crops[k] for k in ("mid1", "mid2", "mid3")]
    with ocr._LOCK:
        by_themselves = ocr._recognize_alone(mids)
        beside_long = ocr._recognize_alone(mids + [crops["long"]])[:3]
    assert [t for t, _ in by_themselves] == ["Free delivery on orders over fifty pounds",
                                             "Returns are accepted within thirty days",
                                             "Contact our support team by email"]
    assert by_themselves == beside_long


def test_batches_of_short_words_read_as_rapidocr_reads_them(page):
    _, crops = page
    words = [crops[k] for k in ("w1", "w2", "w3", "w4", "w5", "w6")]
    with ocr._LOCK:
        alone = ocr._recognize_alone(words)
        batched = ocr._recognize_crops(words)
    assert [t for t, _ in alone] == ["Home", "Account", "Basket", "Help", "Stores", "Offers"]
    assert alone == batched


def test_reading_alone_computes_far_less_padding_on_a_page_with_a_long_line(page, monkeypatch):
    img, _ = page
    seen = _columns(monkeypatch)
    batched = ocr.read_lines(img, OCR_MIN_SCORE)
    batched_cols, seen[:] = sum(seen), []
    alone = ocr.read_lines(img, OCR_MIN_SCORE, alone=True)
    alone_cols = sum(seen)
    assert [ln.text for ln in alone] == [ln.text for ln in batched]
    assert [ln.box for ln in alone] == [ln.box for ln in batched]
    assert alone_cols < 0.5 * batched_cols


def test_the_debug_path_reads_lines_alone(page):
    img, _ = page
    got = read_text(img)
    want = ocr.read_lines(img, OCR_MIN_SCORE, alone=True)
    assert [(ln.text, ln.box, ln.conf) for ln in got] == [(ln.text, ln.box, ln.conf) for ln in want]
    assert len(got) == len(IDS)
