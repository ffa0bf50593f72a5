"""OCR with rapidocr (PP-OCR models shipped inside the wheel: no download).

One engine per process, created on first use. Tall full-page screenshots are read in
overlapping horizontal bands so that the detector never shrinks them below legibility.
"""
from __future__ import annotations

import logging
import os
import threading
from dataclasses import dataclass

import numpy as np

BAND_HEIGHT = 2000
BAND_OVERLAP = 160


@dataclass
class TextLine:
    """One line of text as read: `box` is (x, y, w, h) in image pixels."""

    text: str
    box: tuple[int, int, int, int]
    conf: float

    @property
    def x2(self) -> int:
        return self.box[0] + self.box[2]

    @property
    def y2(self) -> int:
        return self.box[1] + self.box[3]


_ENGINE = None
_LOCK = threading.Lock()


def get_ocr():
    """The process's one rapidocr engine."""
    global _ENGINE
    with _LOCK:
        if _ENGINE is None:
            from rapidocr import RapidOCR

            logging.getLogger("RapidOCR").setLevel(logging.ERROR)
            threads = int(os.environ.get("V2C_OCR_THREADS", "0")) or -1
            _ENGINE = RapidOCR(params={
                "Global.log_level": "error",
                "Global.max_side_len": 100_000,
                "Global.min_side_len": 30,
                "Global.use_cls": False,
                "Global.text_score": 0.5,
                "EngineConfig.onnxruntime.intra_op_num_threads": threads,
                "Det.limit_side_len": 736,
                "Det.limit_type": "min",
            })
        return _ENGINE


def _read_band(img: np.ndarray, y0: int) -> list[TextLine]:
    engine = get_ocr()
    with _LOCK:  # onnxruntime sessions are thread-safe, rapidocr's pre/post state is not
        out = engine(np.ascontiguousarray(img[:, :, ::-1]))
    if out is None or out.boxes is None or out.txts is None:
        return []
    lines = []
    for quad, txt, score in zip(out.boxes, out.txts, out.scores):
        txt = (txt or "").strip()
        if not txt:
            continue
        q = np.asarray(quad, dtype=np.float64)
        x0, y_0 = q.min(axis=0)
        x1, y1 = q.max(axis=0)
        lines.append(TextLine(txt, (int(round(x0)), int(round(y_0)) + y0, max(1, int(round(x1 - x0))),
                                    max(1, int(round(y1 - y_0)))), float(score)))
    return lines


def read_lines(img: np.ndarray) -> list[TextLine]:
    """All text lines of an RGB image, top to bottom, left to right."""
    h = img.shape[0]
    if h <= BAND_HEIGHT + BAND_OVERLAP:
        lines = _read_band(img, 0)
    else:
        lines = []
        step = BAND_HEIGHT
        for y0 in range(0, h, step):
            y1 = min(h, y0 + BAND_HEIGHT + BAND_OVERLAP)
            band = _read_band(img[y0:y1], y0)
            for ln in band:
                cy = ln.box[1] + ln.box[3] / 2
                # each band owns the lines whose centre lies in [y0, y0 + step); the overlap only
                # ensures lines on the boundary are seen whole by one band
                if y0 <= cy < y0 + step or (y1 == h and cy >= y0):
                    lines.append(ln)
            if y1 == h:
                break
    lines.sort(key=lambda l: (l.box[1], l.box[0]))
    return lines
