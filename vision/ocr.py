"""OCR with rapidocr (PP-OCR models shipped inside the wheel: no download).

One engine per process, created on first use. Detection runs on a copy scaled so that the page
is about `DET_WIDTH` px wide (UI text stays legible there and detection cost falls with area);
recognition reads crops from the full-resolution image. Tall full-page screenshots are detected
in overlapping horizontal bands.
"""
from __future__ import annotations

import importlib
import logging
import os
import sys
import threading
from dataclasses import dataclass
from typing import Callable

import cv2
import numpy as np

DET_WIDTH = 1280
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
_LOCK = threading.RLock()  # read_lines holds it while _detect calls get_ocr()
_LOCK_WARM = threading.Lock()
_WARMING = False
_IMPORT_LOCK = threading.Lock()


def import_rapidocr():
    """rapidocr's `RapidOCR` class, for this module's page engine and the video naming engine.

    rapidocr's import parses its 85 KB model table (default_models.yaml) into OmegaConf twice, in
    two modules that only read it; OmegaConf's node building makes each parse cost about 0.8 s of
    a cold start on these cores. During the first import a second load of the same file returns
    the first's object. The patch is process-wide, hence the lock."""
    with _IMPORT_LOCK:
        if "rapidocr.main" not in sys.modules:
            from omegaconf import OmegaConf

            original = OmegaConf.__dict__["load"]
            parsed: dict[str, object] = {}

            def load_once(file_):
                key = str(file_)
                if key not in parsed:
                    parsed[key] = original.__func__(file_)
                return parsed[key]

            OmegaConf.load = staticmethod(load_once)
            try:
                importlib.import_module("rapidocr.main")
            finally:
                OmegaConf.load = original
        from rapidocr import RapidOCR
    return RapidOCR


def get_ocr():
    """The process's one rapidocr engine."""
    global _ENGINE
    with _LOCK:
        if _ENGINE is None:
            RapidOCR = import_rapidocr()
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
            _ENGINE._load_det_model()
            _ENGINE._load_rec_model()
        return _ENGINE


def warm_up(then: Callable[[], None] | None = None) -> None:
    """Create the engine on a background thread (importing rapidocr and loading its models costs
    about 2 s, which callers overlap with image loading and the browser's start), then run `then`
    there (more loading, which overlaps with OCR itself: onnxruntime releases the GIL)."""
    global _WARMING
    with _LOCK_WARM:
        if _ENGINE is not None or _WARMING:
            return
        _WARMING = True

    def load() -> None:
        get_ocr()
        if then is not None:
            then()

    threading.Thread(target=load, name="v2c-ocr-init", daemon=True).start()


def _detect(img_bgr: np.ndarray, scale: float) -> list[tuple[int, int, int, int]]:
    """Axis-aligned text boxes (x0, y0, x1, y1) in `img_bgr` coordinates."""
    engine = get_ocr()
    src = img_bgr
    if scale < 1.0:
        src = cv2.resize(img_bgr, (max(32, round(img_bgr.shape[1] * scale)), max(32, round(img_bgr.shape[0] * scale))),
                         interpolation=cv2.INTER_AREA)
    h, w = src.shape[:2]
    # the detector wants at least 32 px a side and sizes that are multiples of 32 after its own resize
    pad_h, pad_w = max(0, 64 - h), max(0, 64 - w)
    if pad_h or pad_w:
        src = cv2.copyMakeBorder(src, 0, pad_h, 0, pad_w, cv2.BORDER_REPLICATE)
    det = engine.text_det(src)
    if det.boxes is None:
        return []
    out = []
    H, W = img_bgr.shape[:2]
    for quad in det.boxes:
        q = np.asarray(quad, dtype=np.float64) / scale
        x0, y0 = np.floor(q.min(axis=0)).astype(int)
        x1, y1 = np.ceil(q.max(axis=0)).astype(int)
        x0, y0, x1, y1 = max(0, x0), max(0, y0), min(W, x1), min(H, y1)
        if x1 - x0 >= 3 and y1 - y0 >= 3:
            out.append((x0, y0, x1, y1))
    return out


def _recognize(img_bgr: np.ndarray, boxes: list[tuple[int, int, int, int]],
               alone: bool = False) -> list[tuple[str, float]]:
    crops = [np.ascontiguousarray(img_bgr[y0:y1, x0:x1]) for x0, y0, x1, y1 in boxes]
    return _recognize_alone(crops) if alone else _recognize_crops(crops)


def _recognize_alone(crops: list[np.ndarray]) -> list[tuple[str, float]]:
    """rapidocr's batches, less their padding where it costs most: a batch made only of lines
    longer than the recogniser's minimum width is split, each of its lines read alone.

    rapidocr sorts crops by aspect ratio and pads each batch of 6 to its widest, so on a page of
    long lines most of the recogniser's work is padding (the last batch of a dense page:
    6 x 1976 columns computed for 5550 columns of text). Batches holding a line no longer than the
    minimum (320 columns) are read as rapidocr reads them: their padding is small, and a short line
    padded to a long neighbour's width reads with more doubt, which the detectors' thresholds were
    set on (reading those alone lost a truncation and a text-overlap case)."""
    if not crops:
        return []
    rec = get_ocr().text_rec
    _, rec_h, rec_w = rec.rec_image_shape[:3]
    order = np.argsort(np.array([c.shape[1] / float(c.shape[0]) for c in crops]))  # as rapidocr sorts
    out: list[tuple[str, float]] = [("", 0.0)] * len(crops)
    for start in range(0, len(crops), rec.rec_batch_num):
        batch = [int(i) for i in order[start:start + rec.rec_batch_num]]
        if all(crops[i].shape[1] * rec_h > rec_w * crops[i].shape[0] for i in batch):
            reads = [_recognize_crops([crops[i]])[0] for i in batch]
        else:
            reads = _recognize_crops([crops[i] for i in batch])
        for i, read in zip(batch, reads):
            out[i] = read
    return out


def _recognize_crops(crops: list[np.ndarray]) -> list[tuple[str, float]]:
    from rapidocr.ch_ppocr_rec import TextRecInput

    if not crops:
        return []
    res = get_ocr().text_rec(TextRecInput(img=crops, return_word_box=False))
    return list(zip(res.txts or [""] * len(crops), res.scores or [0.0] * len(crops)))


def read_boxes(img: np.ndarray, boxes: list[tuple[int, int, int, int]], zoom: float = 1.0) -> list[tuple[str, float]]:
    """Recognition alone on given (x, y, w, h) boxes of an RGB image, each crop enlarged `zoom`
    times first: text too small for the detector to find can still be read when enlarged."""
    if not boxes:
        return []
    crops = []
    for x, y, w, h in boxes:
        c = np.ascontiguousarray(img[y:y + h, x:x + w, ::-1])
        if zoom != 1.0:
            c = cv2.resize(c, (max(1, round(w * zoom)), max(1, round(h * zoom))), interpolation=cv2.INTER_CUBIC)
        crops.append(c)
    with _LOCK:
        return _recognize_crops(crops)


def read_lines(img: np.ndarray, min_score: float = 0.5, alone: bool = False) -> list[TextLine]:
    """All text lines of an RGB image, top to bottom, left to right. `alone`: the recogniser's
    batches made only of long lines are split, each line read alone (`_recognize_alone`: a dense
    page's recognition costs about a third less); off, lines are batched exactly as rapidocr
    does, as the mockup path was measured with."""
    bgr = np.ascontiguousarray(img[:, :, ::-1])
    h, w = bgr.shape[:2]
    scale = min(1.0, DET_WIDTH / max(w, 1))
    band_h = int(BAND_HEIGHT / scale)
    overlap = int(BAND_OVERLAP / scale)
    boxes: list[tuple[int, int, int, int]] = []
    with _LOCK:  # onnxruntime sessions are thread-safe, rapidocr's pre/post state is not
        y0 = 0
        while True:
            y1 = min(h, y0 + band_h + overlap)
            for x0, by0, x1, by1 in _detect(bgr[y0:y1], scale):
                cy = (by0 + by1) / 2 + y0
                # each band owns the lines whose centre lies in [y0, y0 + band_h); the overlap only
                # ensures lines on the boundary are seen whole by one band
                if y0 <= cy < y0 + band_h or y1 == h:
                    boxes.append((x0, by0 + y0, x1, by1 + y0))
            if y1 == h:
                break
            y0 += band_h
        texts = _recognize(bgr, boxes, alone)
    lines = []
    for (x0, y0, x1, y1), (txt, score) in zip(boxes, texts):
        txt = (txt or "").strip()
        if txt and score >= min_score:
            lines.append(TextLine(txt, (x0, y0, x1 - x0, y1 - y0), float(score)))
    lines.sort(key=lambda l: (l.box[1], l.box[0]))
    return lines
