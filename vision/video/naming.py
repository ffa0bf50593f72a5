"""Name what an action touched, by reading the text around it (OCR of small crops only).

A button or link is named by the text under the pointer; a text field by its label (the text
just above it or just left of it), else by what is written in it; typed values are read from the
field's final state. The pointer itself is painted out of the crop first so it cannot hide or
invent letters.
"""
from __future__ import annotations

import copy
import logging
import queue
import threading
from contextlib import contextmanager
from typing import Callable, Iterator

import cv2
import numpy as np

from vision.ocr import TextLine, import_rapidocr

_ENGINE = None
_LOCK = threading.Lock()          # guards creating the engine and its front ends
_FREE: queue.Queue = queue.Queue()  # front ends not in use
_FRONTS = 0                       # front ends made so far
MAX_FRONTS = 2                    # readings at once: the naming left after the pass, on two cores
TEXT_SCORE = 0.5   # recognitions less sure than this are dropped (as the engine's own setting)


def _engine():
    """A rapidocr engine for small crops: never enlarges them (the page engine enlarges to read
    whole screenshots, which would make every crop cost as much as a full page)."""
    global _ENGINE
    if _ENGINE is None:
        RapidOCR = import_rapidocr()
        logging.getLogger("RapidOCR").setLevel(logging.ERROR)
        _ENGINE = RapidOCR(params={
            "Global.log_level": "error", "Global.use_cls": False, "Global.text_score": TEXT_SCORE,
            "Global.max_side_len": 4000, "Global.min_side_len": 30,
            "EngineConfig.onnxruntime.intra_op_num_threads": 1,
            # onnxruntime's memory arena: the same tensors again and again, reused rather than
            # allocated for every call; about a tenth less CPU a reading, a few MB more
            "EngineConfig.onnxruntime.enable_cpu_mem_arena": True,
            "Det.limit_side_len": 960, "Det.limit_type": "max",
        })
    return _ENGINE


@contextmanager
def _front() -> Iterator[object]:
    """An OCR front end to oneself for one reading. rapidocr's front end keeps per-call settings
    on itself (what to run, the padding switch), so concurrent readings each need their own: a
    second one is made only when two readings overlap (the naming left after the pass, on two
    threads), as a shallow copy that shares the loaded models (onnxruntime runs one session from
    several threads at once), costing its own settings and buffers only."""
    global _FRONTS
    with _LOCK:
        eng = _engine()
        if _FRONTS == 0:
            _FRONTS = 1
            _FREE.put(eng)
        if _FREE.empty() and _FRONTS < MAX_FRONTS:
            eng._load_det_model()
            eng._load_rec_model()
            extra = copy.copy(eng)
            extra.cfg = copy.deepcopy(eng.cfg)
            _FRONTS += 1
            _FREE.put(extra)
    front = _FREE.get()
    try:
        yield front
    finally:
        _FREE.put(front)


Box = tuple[int, int, int, int]

ROW_MARGIN = 8     # px of black above and below a one-row crop for the text detector


def _row_input(bgr: np.ndarray) -> tuple[np.ndarray, int]:
    """A crop of one text row (a field's value) as the text detector sees it, and the rows added
    above it: black margins up to the detector's next multiple of 32 rows, as it misses text that
    touches a crop's edge. rapidocr's own padding makes a thin crop a quarter as high as it is
    wide (an 832x48 row becomes 832x208, four times the detector's work for the same line)."""
    h = bgr.shape[0]
    total = -(-(h + 2 * ROW_MARGIN) // 32) * 32
    top = (total - h) // 2
    return cv2.copyMakeBorder(bgr, top, total - h - top, 0, 0, cv2.BORDER_CONSTANT, value=(0, 0, 0)), top


def _detect(eng, bgr: np.ndarray, one_row: bool):
    """Detected text quadrilaterals in the crop's coordinates (None when there are none)."""
    h, w = bgr.shape[:2]
    if not one_row or (h > 30 and w / h <= 8):  # (rapidocr pads only crops as thin as this)
        quads = getattr(eng(bgr, use_det=True, use_cls=False, use_rec=False), "boxes", None)
        return None if quads is None or len(quads) == 0 else quads
    padded, top = _row_input(bgr)
    eng.cfg.Global.use_vertical_padding = False  # read per call, from this front end's own settings
    try:
        quads = getattr(eng(padded, use_det=True, use_cls=False, use_rec=False), "boxes", None)
    finally:
        eng.cfg.Global.use_vertical_padding = True
    if quads is None or len(quads) == 0:
        return None
    q = np.array(quads, dtype=np.float32)
    q[..., 1] = np.clip(q[..., 1] - top, 0, h)  # clipped to the crop, as rapidocr does
    return q


def _quad_box(quad) -> Box:
    q = np.asarray(quad, dtype=np.float64)
    x0, y0 = q.min(axis=0)
    x1, y1 = q.max(axis=0)
    return (int(round(x0)), int(round(y0)), max(1, int(round(x1 - x0))), max(1, int(round(y1 - y0))))


Further = Callable[[list[Box], set[int], set[int]], list[int]]


def read_lines(img: np.ndarray, select: Callable[[list[Box]], list[int]] | None = None,
               one_row: bool = False, further: Further | None = None) -> list[TextLine]:
    """OCR lines of a small RGB crop. With `select` (detected boxes in, indices of those worth
    reading out), text detection runs first and only the chosen lines are recognised, each on
    its own: recognition is most of the cost, and most lines in a crop are never used.
    `one_row` (with `select`): the crop is one row of text, detected with small margins.
    `further` (with `select`): called after each round with the boxes, the indices tried and
    those read (text sure enough), it names more lines to recognise, none when the answer is
    settled, so a caller can read the likeliest lines first and stop there."""
    bgr = np.ascontiguousarray(img[:, :, ::-1])
    lines = []
    with _front() as eng:
        if select is None:
            out = eng(bgr, use_det=True, use_cls=False, use_rec=True)
            if out is None or getattr(out, "boxes", None) is None or out.txts is None:
                return []
            found = [(_quad_box(q), t, s) for q, t, s in zip(out.boxes, out.txts, out.scores)]
        else:
            from rapidocr.utils.process_img import get_rotate_crop_image

            quads = _detect(eng, bgr, one_row)
            if quads is None:
                return []
            boxes = [_quad_box(q) for q in quads]
            found = []
            tried: set[int] = set()
            read: set[int] = set()
            todo = sorted(set(select(boxes)))
            while todo:
                for i in todo:
                    tried.add(i)
                    crop = get_rotate_crop_image(bgr, np.asarray(quads[i], dtype=np.float32).copy())
                    if crop.size == 0:
                        continue
                    rec = eng(crop, use_det=False, use_cls=False, use_rec=True)
                    txts, scores = getattr(rec, "txts", None), getattr(rec, "scores", None)
                    if txts and scores and float(scores[0]) >= TEXT_SCORE:
                        found.append((boxes[i], txts[0], scores[0]))
                        if (txts[0] or "").strip():
                            read.add(i)
                todo = sorted(set(further(boxes, tried, read)) - tried) if further is not None else []
    for box, txt, score in found:
        txt = (txt or "").strip()
        if txt:
            lines.append(TextLine(txt, box, float(score)))
    lines.sort(key=lambda ln: (ln.box[1], ln.box[0]))
    return merge_rows(lines)


def _row_chain(boxes: list[Box], seeds: list[int]) -> list[int]:
    """The seed boxes and every box `merge_rows` could join to them (same row, small gap)."""
    keep = set(seeds)
    grew = True
    while grew:
        grew = False
        for i, b in enumerate(boxes):
            if i in keep:
                continue
            for j in list(keep):
                o = boxes[j]
                oy = min(o[1] + o[3], b[1] + b[3]) - max(o[1], b[1])
                gap = max(b[0] - (o[0] + o[2]), o[0] - (b[0] + b[2]))
                if oy >= 0.6 * min(o[3], b[3]) - 1 and gap <= 0.35 * max(o[3], b[3]) + 4:
                    keep.add(i)
                    grew = True
                    break
    return sorted(keep)


def merge_rows(lines: list[TextLine]) -> list[TextLine]:
    """Join pieces of one line of text that detection split (by a pointer, or wide spacing)."""
    out: list[TextLine] = []
    for ln in sorted(lines, key=lambda ln: (ln.box[0])):
        for i, o in enumerate(out):
            oy = min(o.y2, ln.y2) - max(o.box[1], ln.box[1])
            gap = ln.box[0] - o.x2
            if oy >= 0.6 * min(o.box[3], ln.box[3]) and -2 <= gap <= 0.35 * max(o.box[3], ln.box[3]):
                x0, y0 = o.box[0], min(o.box[1], ln.box[1])
                out[i] = TextLine(f"{o.text} {ln.text}", (x0, y0, ln.x2 - x0, max(o.y2, ln.y2) - y0),
                                  min(o.conf, ln.conf))
                break
        else:
            out.append(ln)
    out.sort(key=lambda ln: (ln.box[1], ln.box[0]))
    return out


def _crop(img: np.ndarray, box: tuple[int, int, int, int]) -> tuple[np.ndarray, int, int]:
    H, W = img.shape[:2]
    x0, y0 = max(0, int(box[0])), max(0, int(box[1]))
    x1, y1 = min(W, int(box[0] + box[2])), min(H, int(box[1] + box[3]))
    return img[y0:y1, x0:x1], x0, y0


Pointer = tuple[tuple[int, int, int, int], np.ndarray]  # drawn box and the pointer's own pixels


def read_region(img: np.ndarray, box: tuple[int, int, int, int], pointer: Pointer | None = None,
                select: Callable[[list[Box]], list[int]] | None = None, one_row: bool = False,
                further: Further | None = None) -> list[TextLine]:
    """OCR lines of one region, in full-frame coordinates, with the pointer painted out; `select`
    and `further` (as in `read_lines`, boxes in full-frame coordinates) limit recognition to some
    lines; `one_row` as in `read_lines`."""
    crop, x0, y0 = _crop(img, box)
    if crop.size == 0 or crop.shape[0] < 8 or crop.shape[1] < 8:
        return []
    crop = np.ascontiguousarray(crop)
    if pointer is not None:
        (px, py, pw, ph), pmask = pointer
        m = np.zeros(crop.shape[:2], np.uint8)
        ox, oy = px - x0, py - y0
        sx0, sy0 = max(0, -ox), max(0, -oy)
        dx0, dy0 = max(0, ox), max(0, oy)
        w = min(pw - sx0, m.shape[1] - dx0)
        h = min(ph - sy0, m.shape[0] - dy0)
        if w > 0 and h > 0:
            m[dy0:dy0 + h, dx0:dx0 + w] = pmask[sy0:sy0 + h, sx0:sx0 + w] * 255
            m = cv2.dilate(m, np.ones((3, 3), np.uint8))
            crop = cv2.inpaint(crop, m, 2, cv2.INPAINT_TELEA)
    scale = 1.0
    if crop.shape[0] < 64:  # the detector wants some height; small crops read better enlarged
        scale = 2.0
        crop = cv2.resize(crop, None, fx=scale, fy=scale, interpolation=cv2.INTER_CUBIC)
    def full(boxes: list[Box]) -> list[Box]:
        return [(int(b[0] / scale) + x0, int(b[1] / scale) + y0, max(1, int(b[2] / scale)),
                 max(1, int(b[3] / scale))) for b in boxes]

    def pick(boxes: list[Box]) -> list[int]:
        return select(full(boxes))

    def more(boxes: list[Box], tried: set[int], read: set[int]) -> list[int]:
        return further(full(boxes), tried, read)

    out = []
    for ln in read_lines(crop, pick if select is not None else None, one_row,
                         more if select is not None and further is not None else None):
        x, y, w, h = ln.box
        out.append(TextLine(ln.text, (int(x / scale) + x0, int(y / scale) + y0, max(1, int(w / scale)),
                                      max(1, int(h / scale))), ln.conf))
    return out


def _d(p: tuple[int, int], box: tuple[int, int, int, int]) -> float:
    dx = max(box[0] - p[0], 0, p[0] - (box[0] + box[2]))
    dy = max(box[1] - p[1], 0, p[1] - (box[1] + box[3]))
    return (dx * dx + dy * dy) ** 0.5


def _rows_reach(boxes: list[Box], idx: list[int], p: tuple[int, int]) -> float:
    """The least distance from `p` that any line read from these boxes could have: lines that
    `merge_rows` joins span the union of their pieces, so each group of boxes that could join
    counts as the union of its boxes."""
    left = set(idx)
    least = float("inf")
    while left:
        sub = sorted(left)
        group = [sub[j] for j in _row_chain([boxes[i] for i in sub], [0])]
        left -= set(group)
        x0 = min(boxes[i][0] for i in group)
        y0 = min(boxes[i][1] for i in group)
        x1 = max(boxes[i][0] + boxes[i][2] for i in group)
        y1 = max(boxes[i][1] + boxes[i][3] for i in group)
        least = min(least, _d(p, (x0, y0, x1 - x0, y1 - y0)))
    return least


def text_at(img: np.ndarray, p: tuple[int, int], pointer: Pointer | None = None
            ) -> tuple[str, tuple[int, int, int, int] | None]:
    """The text line under (or nearest to) a point, and its box."""
    H, W = img.shape[:2]
    rw, rh = int(0.22 * W), max(48, int(0.05 * H))
    reach = 0.04 * W

    def seeds(boxes: list[Box]) -> list[int]:
        return [i for i, b in enumerate(boxes) if _d(p, b) <= reach + 2]

    def nearest(boxes: list[Box], among: list[int]) -> list[int]:
        """The nearest line's row, everything it could join with."""
        return _row_chain(boxes, [min(among, key=lambda i: _d(p, boxes[i]))]) if among else []

    def further(boxes: list[Box], tried: set[int], read: set[int]) -> list[int]:
        near = seeds(boxes)
        unread = [i for i in _row_chain(boxes, near) if i not in tried]
        if not unread:
            return []
        merged = merge_rows([TextLine("", boxes[i], 1.0) for i in sorted(read)])
        best = min((_d(p, ln.box) for ln in merged), default=float("inf"))
        if best + 2 < _rows_reach(boxes, unread, p):  # (2 px: the crop may be read enlarged)
            return []
        return nearest(boxes, [i for i in unread if i in near] or unread)

    # the nearest row first: the others (a paragraph's long lines) only where they could be nearer
    lines = read_region(img, (p[0] - rw, p[1] - rh, 2 * rw, 2 * rh), pointer,
                        lambda boxes: nearest(boxes, seeds(boxes)), further=further)
    if not lines:
        return "", None
    best = min(lines, key=lambda ln: _d(p, ln.box))
    if _d(p, best.box) > reach:
        return "", None
    return best.text, best.box


def field_label(img: np.ndarray, field: tuple[int, int, int, int], row: tuple[int, int, int, int],
                pointer: Pointer | None = None) -> str:
    """The label of a text field: the nearest line above the field's text row, else to its left."""
    H, W = img.shape[:2]
    fx0, fx1 = field[0], field[0] + field[2]
    top = row[1]
    region = (fx0 - int(0.25 * W), top - int(0.09 * H), (fx1 - fx0) + int(0.25 * W) + 8, int(0.09 * H) + row[3] + 4)

    def is_above(b: Box) -> bool:
        return b[1] + b[3] / 2 < top and b[1] + b[3] <= top + row[3] // 3 and b[0] + b[2] > fx0 - 4 and b[0] < fx1

    def is_left(b: Box) -> bool:
        return b[0] + b[2] <= fx0 + 4 and min(b[1] + b[3], row[1] + row[3]) - max(b[1], row[1]) > 0

    def wanted(boxes: list[Box]) -> list[int]:
        above = [i for i, b in enumerate(boxes) if is_above(b)]
        if above:  # the lowest line above wins: read it (and what joins it), not every line
            low = max(boxes[i][1] + boxes[i][3] for i in above)
            above = [i for i in above if boxes[i][1] + boxes[i][3] >= low - 0.5 * boxes[i][3]]
        return _row_chain(boxes, above + [i for i, b in enumerate(boxes) if is_left(b)])

    lines = read_region(img, region, pointer, wanted)
    above = [ln for ln in lines if is_above(ln.box)]
    if above:
        return max(above, key=lambda ln: (ln.box[1] + ln.box[3], -ln.box[0])).text
    left = [ln for ln in lines if is_left(ln.box)]
    if left:
        return max(left, key=lambda ln: ln.x2).text
    return ""


def field_text(img: np.ndarray, field: tuple[int, int, int, int], row: tuple[int, int, int, int],
               pointer: Pointer | None = None) -> str:
    """What is written in a field's text row."""
    pad_y = max(3, row[3] // 5)
    region = (field[0] + 2, row[1] - pad_y, field[2] - 4, row[3] + 2 * pad_y)

    def in_row(b: Box) -> bool:
        return row[1] <= b[1] + b[3] / 2 <= row[1] + row[3]

    lines = read_region(img, region, pointer,
                        lambda boxes: _row_chain(boxes, [i for i, b in enumerate(boxes) if in_row(b)]), one_row=True)
    lines = [ln for ln in lines if in_row(ln.box)]
    lines.sort(key=lambda ln: ln.box[0])
    return " ".join(ln.text for ln in lines).strip()
