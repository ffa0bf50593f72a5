"""Visual UI defect detectors: pixels (and OCR lines) in, `Issue`s with boxes out.

`detect(image)` runs every detector; pass `lines` (`read_text` output) when they are already
known so OCR runs once. `read_text` keeps the lines the recogniser doubts (score down to
OCR_MIN_SCORE): glyphs of two lines drawn over each other read as gibberish with a low score, and
that doubt is itself evidence; every other detector only looks at lines scored RELIABLE or more.
Glyph-like ink no line covers is read again in crops (`reread`) for text-overlap alone.
"""
from __future__ import annotations

import numpy as np

from . import blank_area, broken_image, contrast, element_overlap, faint, misalignment, reread, small, text_overlap, truncation
from .issue import CATEGORIES, SEVERITY_RANK, Issue, overlap_min
from .pixels import RELIABLE, TextInfo, text_info

__all__ = ["CATEGORIES", "OCR_READING", "Issue", "TextInfo", "detect", "measure_lines", "read_text"]

OCR_MIN_SCORE = 0.2  # keep doubtful lines (collisions read as gibberish)
OCR_READING = "rapidocr batches; all-long-line batches line by line"  # change with read_text's reading


def read_text(image: np.ndarray):
    """OCR lines for the detectors, the doubtful ones included; long lines batched only with
    long lines are read alone (no padding to the longest: a dense page's recognition costs about
    a third less)."""
    from vision.ocr import read_lines

    return read_lines(image, min_score=OCR_MIN_SCORE, alone=True)


def measure_lines(img: np.ndarray, lines) -> list[TextInfo]:
    infos = []
    for ln in lines:
        t = text_info(img, ln)
        if t is not None:
            infos.append(t)
    return infos


def detect(image: np.ndarray, lines=None) -> list[Issue]:
    """All visual findings, most severe first."""
    if lines is None:
        lines = read_text(image)
    ink = small.ink_mask(image)
    every = measure_lines(image, lines)
    # read again only to see collisions: a crop's detector cuts lines less cleanly than the page's
    again = measure_lines(image, reread.unread_lines(image, lines, ink, OCR_MIN_SCORE))
    infos = [t for t in every if t.conf >= RELIABLE]
    text_boxes = [tuple(t.box) for t in every + again]
    found: list[Issue] = []
    found += blank_area.detect(image)
    if found and found[0].bbox[2] == image.shape[1] and found[0].bbox[3] == image.shape[0]:
        return found  # a blank screen has nothing else to inspect
    found += text_overlap.detect(every + again, image)
    found += element_overlap.detect(image, infos)
    found += truncation.detect(image, infos)
    # a line too pale for the page's reading can be read in a crop of its own, and one too faint
    # for the page's OCR to find at all with its contrast stretched: their contrast is what
    # matters most, and a confident reading of three different letters or more is text (a run of
    # missing-glyph boxes reads as "000000")
    pale = [t for t in again + measure_lines(image, faint.faint_lines(image, text_boxes))
            if t.conf >= 0.9 and len({ch.lower() for ch in t.text if ch.isalnum()}) >= 3]
    found += contrast.detect(infos + pale, image)
    found += broken_image.detect(image, text_boxes)
    found += misalignment.detect(infos, image)
    found += small.detect_text(every, image)  # it weighs doubtful readings' words by their ink alone
    found += small.detect_unread_text(image, text_boxes, ink)
    found += small.detect_targets(image, every)
    found = _without_alt_text_findings(found)
    found.sort(key=lambda i: (SEVERITY_RANK[i.severity], -i.score))
    return found


def _without_alt_text_findings(found: list[Issue]) -> list[Issue]:
    """The alt text a browser draws in a broken image's frame is part of that defect: its
    contrast and its clipping at the frame's edge are not defects of their own."""
    frames = [i.bbox for i in found if i.category == "broken-image"]
    return [i for i in found if i.category not in ("low-contrast", "text-truncation")
            or not any(overlap_min(i.bbox, b) >= 0.5 for b in frames)]
