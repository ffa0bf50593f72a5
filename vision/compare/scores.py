"""The fidelity scores of DESIGN.md between a mockup and a render of it.

block, text, position and color come from matched text blocks (Design2Code's definitions);
visual and ssim from the pixels with the text painted out; overall is the mean of the first four.
Per-block details tell the refinement loop what the render got wrong where.
"""
from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field
from typing import Sequence

import numpy as np

from .blocks import TextBlock
from .colorspace import deltaE_ciede2000, rgb2lab
from .match import Match, match_blocks
from .visual import Side, cell_size, fit_to, paint_text_out, prepare, ssim_from, ssim_size, visual_from

SCORE_NAMES = ("block", "text", "position", "color", "visual", "ssim", "overall")


@dataclass
class BlockDetail:
    """How one matched group of mockup blocks came out in the render.

    dx, dy: render centre minus mockup centre, in mockup pixels (from normalised centres);
    w_ratio, h_ratio: render box size over mockup box size, in pixels (font-size scale);
    color_de: CIEDE2000 between the text colours (None when either is unknown).
    """

    ia: list[int]
    ib: list[int]
    sim: float
    mockup_box: tuple[float, float, float, float]
    render_box: tuple[float, float, float, float]
    dx: float
    dy: float
    w_ratio: float
    h_ratio: float
    color_de: float | None


@dataclass
class Scores:
    """The seven scores in [0, 1], the matches behind them and per-block details."""

    block: float
    text: float
    position: float
    color: float
    visual: float
    ssim: float
    overall: float
    matches: list[Match] = field(default_factory=list)
    details: list[BlockDetail] = field(default_factory=list)
    missing: list[int] = field(default_factory=list)
    extra: list[int] = field(default_factory=list)
    seconds: float = 0.0

    def as_dict(self) -> dict[str, float]:
        return {k: float(getattr(self, k)) for k in SCORE_NAMES}

    def by_mockup(self) -> dict[int, BlockDetail]:
        """Each matched mockup block index -> the detail of the group it belongs to."""
        return {i: d for d in self.details for i in d.ia}


def union_box(blocks: Sequence[TextBlock], idx: Sequence[int]) -> tuple[float, float, float, float]:
    b = np.array([blocks[i].box for i in idx], np.float64)
    x0, y0 = b[:, 0].min(), b[:, 1].min()
    x1, y1 = (b[:, 0] + b[:, 2]).max(), (b[:, 1] + b[:, 3]).max()
    return (float(x0), float(y0), float(x1 - x0), float(y1 - y0))


def group_color(blocks: Sequence[TextBlock], idx: Sequence[int]) -> tuple[int, int, int] | None:
    """The colour of the group's largest block that has one."""
    known = [blocks[i] for i in idx if blocks[i].color is not None]
    return max(known, key=lambda b: b.area).color if known else None


def color_delta_e(c1: Sequence[int], c2: Sequence[int]) -> float:
    lab = rgb2lab(np.array([[c1, c2]], np.float64) / 255.0)
    return float(deltaE_ciede2000(lab[0, 0], lab[0, 1]))


def visible(blocks: Sequence[TextBlock], size: tuple[int, int]) -> list[int]:
    """Indices of the blocks the picture shows: at least 2x2 px, at least half inside the image
    (the DOM also reports skip links parked off-screen and 1-px clipped labels)."""
    w, h = size
    out = []
    for k, b in enumerate(blocks):
        x, y, bw, bh = b.box
        if bw < 2 or bh < 2:
            continue
        iw = min(x + bw, w) - max(x, 0)
        ih = min(y + bh, h) - max(y, 0)
        if iw > 0 and ih > 0 and iw * ih >= 0.5 * bw * bh:
            out.append(k)
    return out


def _text_scores(mb: Sequence[TextBlock], rb: Sequence[TextBlock], size_m: tuple[int, int],
                 size_r: tuple[int, int], matches: list[Match], vis_m: Sequence[int],
                 vis_r: Sequence[int]) -> tuple[dict, list[BlockDetail]]:
    (wm, hm), (wr, hr) = size_m, size_r
    area_m = {i: mb[i].area / (wm * hm) for i in vis_m}
    area_r = {j: rb[j].area / (wr * hr) for j in vis_r}
    matched = sum(area_m[i] for m in matches for i in m.ia) + sum(area_r[j] for m in matches for j in m.ib)
    total = sum(area_m.values()) + sum(area_r.values())
    cols = [(group_color(mb, m.ia), group_color(rb, m.ib)) for m in matches]
    known = [k for k, (cm, cr) in enumerate(cols) if cm is not None and cr is not None]
    des: dict[int, float] = {}
    if known:
        lab = rgb2lab(np.array([[cols[k][0] for k in known], [cols[k][1] for k in known]], np.float64) / 255.0)
        des = dict(zip(known, (float(v) for v in deltaE_ciede2000(lab[0], lab[1]))))
    details, pos, col = [], [], []
    for k, m in enumerate(matches):
        bm, br = union_box(mb, m.ia), union_box(rb, m.ib)
        cxm, cym = (bm[0] + bm[2] / 2) / wm, (bm[1] + bm[3] / 2) / hm
        cxr, cyr = (br[0] + br[2] / 2) / wr, (br[1] + br[3] / 2) / hr
        pos.append(1.0 - max(abs(cxr - cxm), abs(cyr - cym)))
        de = des.get(k)
        if de is not None:
            col.append(max(0.0, 1.0 - de / 100.0))
        details.append(BlockDetail(m.ia, m.ib, m.sim, bm, br, (cxr - cxm) * wm, (cyr - cym) * hm,
                                   br[2] / max(bm[2], 1e-6), br[3] / max(bm[3], 1e-6), de))
    if not vis_m and not vis_r:
        vals = dict(block=1.0, text=1.0, position=1.0, color=1.0)
    elif not matches:
        vals = dict(block=0.0, text=0.0, position=0.0, color=0.0)
    else:
        vals = dict(block=matched / total if total > 0 else 1.0,
                    text=float(np.mean([m.sim for m in matches])),
                    position=float(np.clip(np.mean(pos), 0.0, 1.0)),
                    color=float(np.mean(col)) if col else 1.0)
    return vals, details


# The refinement loop scores several renders against one mockup: its painted-out side is kept
# for the last (mockup, blocks) pair seen, recognised by identity (the objects are held here, so
# their ids cannot be reused; callers do not modify a mockup while scoring against it).
_LAST_MOCKUP: list[tuple[np.ndarray, Sequence[TextBlock], int, Side]] = []
_LAST_LOCK = threading.Lock()


def _mockup_side(mockup: np.ndarray, blocks: Sequence[TextBlock]) -> Side:
    with _LAST_LOCK:
        for m, b, n, side in _LAST_MOCKUP:
            if m is mockup and b is blocks and n == len(blocks):
                return side
    h, w = mockup.shape[:2]
    side = prepare(paint_text_out(mockup, blocks), cell_size(w), ssim_size(w, h))
    with _LAST_LOCK:
        _LAST_MOCKUP[:] = [(mockup, blocks, len(blocks), side)]
    return side


def fidelity_scores(mockup: np.ndarray, render: np.ndarray, mockup_blocks: Sequence[TextBlock],
                    render_blocks: Sequence[TextBlock]) -> Scores:
    """Score `render` (any size) against `mockup`; blocks are in each image's own pixels.

    Blocks the picture cannot show (off the image, under 2 px) take no part; indices in the
    result refer to the lists given.
    """
    t0 = time.perf_counter()
    hm, wm = mockup.shape[:2]
    hr, wr = render.shape[:2]
    vis_m, vis_r = visible(mockup_blocks, (wm, hm)), visible(render_blocks, (wr, hr))
    matches = [Match([vis_m[i] for i in m.ia], [vis_r[j] for j in m.ib], m.sim)
               for m in match_blocks([mockup_blocks[i] for i in vis_m], [render_blocks[j] for j in vis_r],
                                     (wm, hm), (wr, hr))]
    vals, details = _text_scores(mockup_blocks, render_blocks, (wm, hm), (wr, hr), matches, vis_m, vis_r)
    side_m = _mockup_side(mockup, mockup_blocks)
    side_r = prepare(fit_to(paint_text_out(render, render_blocks), (wm, hm)), cell_size(wm), ssim_size(wm, hm))
    vals["visual"] = visual_from(side_m, side_r)
    vals["ssim"] = ssim_from(side_m, side_r)
    vals["overall"] = (vals["block"] + vals["text"] + vals["position"] + vals["color"]) / 4
    used_m = {i for m in matches for i in m.ia}
    used_r = {j for m in matches for j in m.ib}
    return Scores(**{k: float(np.clip(vals[k], 0.0, 1.0)) for k in SCORE_NAMES}, matches=matches,
                  details=details, missing=[i for i in vis_m if i not in used_m],
                  extra=[j for j in vis_r if j not in used_r],
                  seconds=time.perf_counter() - t0)


def ocr_blocks(image: np.ndarray) -> list[TextBlock]:
    """TextBlocks of an image read by OCR (the costly path: use DOM blocks for renders)."""
    from vision.ocr import read_lines

    from .blocks import blocks_from_ocr

    return blocks_from_ocr(read_lines(image), image)
