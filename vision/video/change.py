"""Per-frame facts from the proxy stream: where and how much the page changed, where the pointer is.

Each analysed frame is reduced to one small record (`FrameInfo`), so a recording of any length
costs a few numbers per frame; the frames themselves are dropped at once.
"""
from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np

from vision.video.cursor import CursorTracker, Hit
from vision.video.proxy import ProxyFrame
from vision.video.scroll import vertical_shift

DIFF_LEVEL = 20          # grey levels (after area averaging) that count as a change
BLOB_MAX = 360           # full-res px: bigger blobs are page changes, not the pointer
SCROLL_MIN_FRAC = 0.04   # a scroll changes at least this share of the frame


@dataclass
class FrameInfo:
    t: float
    cursor: tuple[int, int] | None      # pointer hotspot, full-res px
    kind: str | None                    # arrow|hand|ibeam
    moved: bool                         # the pointer moved since the previous analysed frame
    change: int                         # changed proxy px not explained by the pointer
    frac: float                         # change as a share of the frame
    box: tuple[int, int, int, int] | None  # full-res box of that change
    scroll: float | None                # content shift, full-res px (negative: scrolled down)
    ptr_box: tuple[int, int, int, int] | None = None  # full-res box the pointer covers
    ptr_scale: float = 1.0
    blank: bool = False                 # nearly uniform frame (a page being loaded)


class FrameAnalyzer:
    """Feed proxy frames in order; get one FrameInfo each."""

    def __init__(self) -> None:
        self.prev: ProxyFrame | None = None
        self.tracker = CursorTracker()
        self.last_shift = 0.0

    def _hit_box_small(self, hit: Hit | None, scale: float, shape: tuple[int, int]) -> tuple[int, int, int, int] | None:
        if hit is None:
            return None
        x, y, w, h = hit.box
        x0, y0 = int(x * scale) - 2, int(y * scale) - 2
        x1, y1 = int((x + w) * scale) + 3, int((y + h) * scale) + 3
        return max(0, x0), max(0, y0), min(shape[1], x1), min(shape[0], y1)

    def feed(self, pf: ProxyFrame) -> FrameInfo:
        prev, self.prev = self.prev, pf
        hit0 = self.tracker.hit
        if prev is None or prev.small.shape != pf.small.shape or pf.small is prev.small:
            # (the same proxy: the decoder's picture did not change at all)
            return self._info(pf.t, hit0, False, 0, pf, None, None)
        diff = cv2.absdiff(pf.small, prev.small)
        mask = (diff > DIFF_LEVEL).astype(np.uint8)
        n = int(cv2.countNonZero(mask))
        if n == 0:
            return self._info(pf.t, hit0, False, 0, pf, None, None)
        s = pf.scale
        frac_all = n / mask.size
        blobs: list[tuple[int, int, int, int]] = []
        if frac_all < 0.25:
            contours, _ = cv2.findContours(cv2.dilate(mask, np.ones((3, 3), np.uint8)), cv2.RETR_EXTERNAL,
                                           cv2.CHAIN_APPROX_SIMPLE)
            for c in contours:
                x, y, w, h = cv2.boundingRect(c)
                if w / s <= BLOB_MAX and h / s <= BLOB_MAX:
                    blobs.append((int(x / s), int(y / s), int(w / s) + 1, int(h / s) + 1))
            blobs.sort(key=lambda b: b[2] * b[3])
            blobs = blobs[:6]
        # a scroll moves the page's own marks (icons, bullets) by one offset, and some of them
        # match a pointer shape weakly: while the content shifts, the pointer is looked for only
        # where it was (a wheel scroll leaves it there), not among the blobs the shift made
        dy = vertical_shift(prev.small, pf.small, prior=self.last_shift) if frac_all >= SCROLL_MIN_FRAC else None
        if dy is not None:
            blobs = []
        hit, moved = self.tracker.update(pf.luma, blobs) if blobs else (hit0, False)
        if not blobs and hit0 is not None:
            hit, moved = self.tracker.update(pf.luma, [hit0.box])
        if moved or (hit is not None and hit0 is not None and hit.kind != hit0.kind):
            # where the pointer was and is now; a still pointer changes nothing, and what appears
            # under it (typed text) is a real change
            for hb in (self._hit_box_small(hit0, s, mask.shape), self._hit_box_small(hit, s, mask.shape)):
                if hb is not None:
                    mask[hb[1]:hb[3], hb[0]:hb[2]] = 0
        change = int(cv2.countNonZero(mask))
        box = None
        if change:
            bx, by, bw, bh = cv2.boundingRect(cv2.findNonZero(mask))
            box = (int(bx / s), int(by / s), int(np.ceil(bw / s)), int(np.ceil(bh / s)))
        if box is not None and any(_within(box, h.box, 4) for h in (hit0, hit) if h is not None):
            change, box = 0, None  # only the pointer's own edges (it shifted by a pixel, or changed shape)
        shift = None
        if change / mask.size >= SCROLL_MIN_FRAC and dy is not None:
            shift = dy / s
        self.last_shift = shift * s if shift is not None else 0.0
        blank = float(cv2.meanStdDev(pf.small)[1][0, 0]) < 6.0
        return self._info(pf.t, hit, moved, change, pf, box, shift, blank)

    @staticmethod
    def _info(t: float, hit: Hit | None, moved: bool, change: int, pf: ProxyFrame,
              box: tuple[int, int, int, int] | None, shift: float | None, blank: bool = False) -> FrameInfo:
        return FrameInfo(t, (hit.x, hit.y) if hit else None, hit.kind if hit else None, moved, change,
                         change / pf.small.size, box, shift, tuple(hit.box) if hit else None,
                         hit.scale if hit else 1.0, blank)


def _within(inner: tuple[int, int, int, int], outer: tuple[int, int, int, int], pad: int) -> bool:
    return (inner[0] >= outer[0] - pad and inner[1] >= outer[1] - pad
            and inner[0] + inner[2] <= outer[0] + outer[2] + pad and inner[1] + inner[3] <= outer[1] + outer[3] + pad)
