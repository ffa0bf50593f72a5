"""broken-image: the browser's broken-image icon (with its frame and alt text when drawn), or the
rest of its frame when something drawn over the image (a fixed header) hides the icon."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import cv2
import numpy as np

from .issue import Issue, overlap_min
from .pixels import distance, mode_color

ASSETS = Path(__file__).with_name("assets")
MAX_MSE = 220.0  # mean squared difference per channel on the icon's opaque pixels
HILL = (88, 174, 57)  # the green hill of Chromium's broken-image icon
FRAME = (192, 192, 192)  # the 1-px silver border Chromium draws around a broken image
MIN_SIDE = 10  # the least frame a covered image must still show on each side, px


@lru_cache(maxsize=1)
def _templates() -> list[tuple[np.ndarray, np.ndarray]]:
    """Chromium's icon (RGBA, captured from Chromium) at 1x and 2x device pixel ratios."""
    from PIL import Image

    out = []
    rgba = np.asarray(Image.open(ASSETS / "chromium_broken_image.png").convert("RGBA"))
    for scale in (1, 2):
        t = rgba if scale == 1 else cv2.resize(rgba, None, fx=scale, fy=scale, interpolation=cv2.INTER_NEAREST)
        alpha = (t[:, :, 3] > 200).astype(np.float32)
        out.append((t[:, :, :3].astype(np.float32), np.dstack([alpha] * 3)))
    return out


def _mostly(patch: np.ndarray, tpl: np.ndarray, mask: np.ndarray, share: float = 0.85) -> bool:
    """The icon matches on all but a corner or an edge: a rounded or clipped image box cuts a
    few of its pixels off, which alone lifts the mean difference past MAX_MSE."""
    err = ((patch - tpl) ** 2 * mask).sum(axis=2) / 3.0
    on = mask[:, :, 0] > 0
    e = np.sort(err[on])
    keep = e[:int(share * len(e))]
    return len(keep) > 0 and float(keep.mean()) < MAX_MSE / 4


def _frame(img: np.ndarray, x: int, y: int, tw: int) -> list[int] | None:
    """The image box around an icon at (x, y): Chromium draws a 1-px grey border just outside it."""
    H, W = img.shape[:2]
    for off in (1, 2, 3):
        fx, fy = x - off, y - off
        if fx < 1 or fy < 1:
            continue
        c = img[fy, fx].astype(int)
        if abs(c - img[fy + 1, fx + 1].astype(int)).max() < 25 or abs(c - img[fy - 1, fx - 1].astype(int)).max() < 25:
            continue  # no line here: the border differs from both the inside and the outside
        row = np.abs(img[fy, fx:].astype(int) - c).max(axis=-1) <= 12
        col = np.abs(img[fy:, fx].astype(int) - c).max(axis=-1) <= 12
        w = int(np.argmin(row)) if not row.all() else W - fx
        h = int(np.argmin(col)) if not col.all() else H - fy
        if w >= tw + 4 and h >= tw + 4:
            return [fx, fy, w, h]
    return None


def _candidates(img: np.ndarray) -> list[tuple[int, int, int, int]]:
    """Windows around small patches of the icon's green hill: matching runs only there."""
    green = (distance(img, HILL) <= 30).astype(np.uint8)
    n, _, stats, _ = cv2.connectedComponentsWithStats(green, connectivity=8)
    H, W = img.shape[:2]
    out = []
    for i in range(1, n):
        x, y, w, h, a = (int(v) for v in stats[i])
        if a >= 4 and w <= 34 and h <= 20:
            out.append((max(0, x - 36), max(0, y - 40), min(W, x + w + 36), min(H, y + h + 12)))
    return out


def _side_up(silver: np.ndarray, x: int, yb: int) -> int:
    """How far a frame's silver side runs up from its bottom corner at (x, yb)."""
    col = silver[:yb + 1, x][::-1]
    return int(np.argmin(col)) if not col.all() else yb + 1


def _gapped_side(silver: np.ndarray, x: int, yb: int, up: int) -> bool:
    """A side broken by something small drawn across it (a badge, a label's box) that still runs
    up as far as the other side: most of its height silver, its top rows too."""
    col = silver[yb - up + 1:yb + 1, x]
    return bool(col.mean() >= 0.6 and col[:2].any())


def _edge_over(img: np.ndarray, yt: int, x0: int, x1: int, bg) -> bool:
    """The covering element's straight lower edge just over the sides' top: a row unlike the
    frame's inside all along, right over them or up to two rows higher, with only rows of one
    colour between (a near-white header over a white page shows its edge as a thin border line
    over a row or two of its own ground, which differs from the page by a shade)."""
    for r in range(yt - 1, max(-1, yt - 4), -1):
        row = img[r, x0:x1 + 1].astype(int)
        if (distance(img[r:r + 1, x0:x1 + 1], bg)[0] > 16).mean() >= 0.95:
            return True
        if int((row.max(axis=0) - row.min(axis=0)).max()) > 4:
            return False  # not one straight edge: something else drawn there
    return False


def _covered_frames(img: np.ndarray) -> list[list[int]]:
    """The visible part of broken images whose top lies under something drawn over them: the
    icon sits in the frame's top-left corner, so a fixed header over it leaves only Chromium's
    silver frame: a bottom edge, two sides of one height running up into the covering element's
    straight lower edge, and nothing inside. A whole frame (top edge showing) is left alone: with
    no icon in it, it is some other box."""
    H, W = img.shape[:2]
    lo, hi = np.array(FRAME) - 2, np.array(FRAME) + 2
    mask = cv2.inRange(np.ascontiguousarray(img[:, :, :3]), lo, hi)
    silver = mask > 0
    rows = cv2.morphologyEx(mask, cv2.MORPH_OPEN, np.ones((1, 4 * MIN_SIDE + 1), np.uint8))
    n, _, stats, _ = cv2.connectedComponentsWithStats(rows, connectivity=4)
    out = []
    for i in range(1, n):
        x0, yb, w, h, _ = (int(v) for v in stats[i])
        x1 = x0 + w - 1
        if h != 1 or yb < MIN_SIDE + 1:
            continue
        # a side may stand a pixel off the bottom edge's end (fractional sizes, corner pixels)
        left, x0 = max((_side_up(silver, x, yb), x) for x in (x0 - 1, x0, x0 + 1) if x >= 0)
        right, x1 = max((_side_up(silver, x, yb), x) for x in (x1 - 1, x1, x1 + 1) if x < W)
        w = x1 - x0 + 1
        up = max(left, right)
        if up < MIN_SIDE or not (abs(right - left) <= 1 or _gapped_side(silver, x0 if left < right else x1, yb, up)):
            continue
        yt = yb - up + 1  # the topmost row of the sides that shows
        if yt < 1 or silver[yt, x0 + 1:x1].mean() > 0.5:
            continue  # reaches the top of the screen, or the frame is whole
        inside = img[yt:yb, x0 + 1:x1]
        if inside.size == 0:
            continue
        bg, share = mode_color(inside)
        if share >= 0.97 and _edge_over(img, yt, x0, x1, bg):
            out.append([x0, yt, w, yb - yt + 1])
    return out


def _alt_only(img: np.ndarray, line: list[int], x0: int, y: int, th: int) -> list[int]:
    """The alt text's part of a line read after the icon: the recogniser runs on across the gap
    into the next element's text ("Team picture   Get started"), so the line ends at the first
    gap wider than a word space (0.6 of the icon's height, as tall as the alt text's line)."""
    lx, ly, lw, lh = line
    x1 = lx + lw
    band = img[max(0, y):y + th, max(x0, lx):x1]
    if band.size == 0 or x1 - x0 < 4 * th:
        return line
    bg, _ = mode_color(band)
    cols = (distance(band, bg) > 40).any(axis=0)
    inked = np.nonzero(cols)[0]
    if not len(inked):
        return line
    gap = max(8, int(0.6 * th))
    steps = np.diff(inked)
    wide = np.nonzero(steps > gap)[0]
    if not len(wide):
        return line
    end = max(x0, lx) + int(inked[wide[0]]) + 1
    return [lx, ly, end - lx, lh]


def detect(img: np.ndarray, text_boxes: list) -> list[Issue]:
    out: list[Issue] = []
    taken: list[tuple[int, int]] = []
    for wx0, wy0, wx1, wy1 in _candidates(img):
        win = img[wy0:wy1, wx0:wx1].astype(np.float32)
        for tpl, mask in _templates():
            th, tw = tpl.shape[:2]
            if win.shape[0] < th or win.shape[1] < tw:
                continue
            sq = cv2.matchTemplate(win, tpl, cv2.TM_SQDIFF, mask=mask) / float(mask.sum())
            best, _, (bx, by), _ = cv2.minMaxLoc(sq)
            if best >= MAX_MSE and not (best < 4 * MAX_MSE and _mostly(win[by:by + th, bx:bx + tw], tpl, mask)):
                continue
            x, y = wx0 + bx, wy0 + by
            if any(abs(x - a) < tw and abs(y - b) < th for a, b in taken):
                continue
            taken.append((x, y))
            box = _frame(img, x, y, tw) or [x, y, tw, th]
            # the alt text follows the icon; the recogniser often reads the icon into its line
            alt = [tb for tb in text_boxes if abs(tb[1] + tb[3] / 2 - (y + th / 2)) <= th
                   and (abs(tb[0] - (x + tw)) <= 6 or tb[0] <= x + tw // 2 < tb[0] + tb[2])]
            if alt and box[2] <= tw + 6:  # no frame beyond the icon's own border: box the alt text too
                a = _alt_only(img, max(alt, key=lambda b: b[0] + b[2]), x + tw, y, th)
                x0, y0 = min(box[0], a[0]), min(box[1], a[1])
                box = [x0, y0, max(box[0] + box[2], a[0] + a[2]) - x0, max(box[1] + box[3], a[1] + a[3]) - y0]
            out.append(Issue("broken-image", box, "error",
                             "Image failed to load: the browser shows its broken-image icon"
                             + (" and the alt text instead" if alt else ""),
                             "visual", "Fix the image URL (path, case, deployment) or remove the <img>; "
                                       "give it a width/height so layout does not jump", score=1.0))
    for box in _covered_frames(img):
        if not any(overlap_min(box, i.bbox) > 0 for i in out):
            out.append(Issue("broken-image", box, "error",
                             "Image failed to load: the browser's frame of a broken image shows below "
                             "the element drawn over it", "visual",
                             "Fix the image URL (path, case, deployment) or remove the <img>; check "
                             "that the fixed or sticky element above does not cover it", score=0.8))
    return out
