"""small-text (glyphs under 12 px) and small-target (control-like boxes under 24x24 px)."""
from __future__ import annotations

import dataclasses

import cv2
import numpy as np

from .glyph_extent import ASCENDING, CAP, DESCENDING, extent_px, line_extent_px, text_em
from .issue import Issue, overlap_min
from .own_rows import own_rows
from .paint import blend_of, largest_piece, paint_colour
from .pixels import TextInfo, distance, font_px, line_colour, mode_color, rule_rows, strong_ink, uncovered, word_boxes

MIN_FONT_PX = 12.0
PALE_SHARE = 0.15  # ink threshold (share of the strongest ink) for a line whose words are mostly paler
MIN_TARGET_PX = 24
TRUSTED = 0.6     # a line read with this score or more is sized by its letters
DOUBTFUL = 0.4    # a line read with less is too likely no text at all (a picture's texture, an icon)


def _issue_text(box, text: str, px: float) -> Issue:
    return Issue("small-text", list(box), "error" if px < 10 else "warning",
                 f"Text \"{text[:40]}\" is about {px:.0f} px high; body text should be at least 12 px",
                 "visual", "Raise `font-size` to at least 12px (16px for body copy)", score=MIN_FONT_PX - px)


def _cjk(text: str) -> bool:
    return any("\u2e80" <= ch <= "\u9fff" or "\uac00" <= ch <= "\ud7af" for ch in text)


def _text_under(t: TextInfo, words: list[tuple[int, int, int, int, int]], i: int, j: int) -> str:
    """The recogniser's text of ink words i..j-1: its own words when they line up with the ink's,
    else the slice of the line's text under those columns."""
    names = t.text.split()
    if len(names) == len(words):
        return " ".join(names[i:j])
    lw, n = max(1, t.ink_box[2]), len(t.text)
    return t.text[int(n * words[i][0] / lw):int(np.ceil(n * words[j - 1][1] / lw))].strip()


def _ink_shows(img: np.ndarray, t: TextInfo, wd: tuple[int, int, int, int, int], name: str) -> bool:
    """Whether a word's ink reaches above its dense band (and below it) where its letters claim an
    ascender (a descender): both by at least a sixth of the word's height."""
    x, y, w, h = t.ink_box
    d = distance(img[y:y + h, x + wd[0]:x + wd[1]], t.bg)
    if d.size == 0:
        return False
    prof = strong_ink(d).sum(axis=1).astype(np.float64)
    inked = np.nonzero(prof > 0)[0]
    if not len(inked):
        return False
    dense = np.nonzero(prof >= 0.35 * prof.max())[0]
    margin = max(2.0, (wd[3] - wd[2]) / 6)
    up = not any(ch in ASCENDING for ch in name) or dense[0] - inked[0] >= margin
    down = not any(ch in DESCENDING for ch in name) or inked[-1] - dense[-1] >= margin
    return bool(up and down)


def _small_words(img: np.ndarray, t: TextInfo, read: bool = True) -> list[Issue]:
    """Words set in a much smaller font inside a line of normal text (a tiny link, a shrunk
    span): the line as a whole measures normal, so each word's own height is compared.

    A word's size is taken as the larger of its dense band read as an x-height and its whole ink
    height (a capital word's dense band is its cap height, which only errs towards larger), so
    a run is flagged only when it is small by both and clearly smaller than the line's other words,
    by its dense band and by its whole ink (the dense band of spaced-out capitals can be a
    crossbar's few rows). CJK glyphs have no x-height: they fill about 0.88 em, so their ink
    height alone gives their size; Latin words in a CJK line keep the Latin measure.
    `read` off: the recogniser's letters are in doubt, so only the ink is compared.
    """
    share = 0.4
    words = word_boxes(img, t)
    if sum(b - a for a, b, *_ in words) < 0.5 * t.ink_box[2]:
        # most of the line is paler than its strongest words (grey text around a few dark ones):
        # measured against the strongest, the pale words vanish and leave nothing to compare with
        share = PALE_SHARE
        words = word_boxes(img, t, share=share)
    # the gap between words scales with the line's dense band, which digits or capitals can make a
    # cap height: split again by the words' own band, or a small word after a space is kept
    # joined to the word before it
    band = int(np.median([wd[4] for wd in words])) if words else 0
    if 3 <= band < t.x_height:
        words = word_boxes(img, dataclasses.replace(t, x_height=band), share=share)
    if len(words) < 2:
        return []
    names = [_text_under(t, words, k, k + 1) for k in range(len(words))]
    sizes = [(wd[3] - wd[2]) / 0.88 if _cjk(name) else max(wd[4] / 0.53, (wd[3] - wd[2]) / 1.1)
             for wd, name in zip(words, names)]
    # a 10 px word's x-height band rounds to 6 px, which reads as 11.3 px: its whole ink over the
    # em its letters span is the sharper measure where its letters are known. Where the
    # recogniser's words do not line up with the ink's, a slice of the line's text by columns can
    # give a word its neighbours' letters: the em is kept only where the ink shows the ascender
    # and descender those letters claim
    aligned = len(t.text.split()) == len(words)
    ems = [None if not read or _cjk(name) or not (aligned or _ink_shows(img, t, wd, name)) else text_em(name)
           for wd, name in zip(words, names)]
    sure = [(wd[3] - wd[2]) / em if em else None for wd, em in zip(words, ems)]
    small = [(px < MIN_FONT_PX - 0.5 or (s is not None and s < MIN_FONT_PX - 1)) and wd[4] >= 3 and wd[3] - wd[2] >= 5
             for wd, px, s in zip(words, sizes, sure)]
    out = []
    i = 0
    while i < len(words):
        if not small[i]:
            i += 1
            continue
        j = i
        while j < len(words) and small[j]:
            j += 1
        run, rest = words[i:j], words[:i] + words[j:]
        # one word to compare with is a weaker witness than several: it must be far larger
        lone = len(rest) == 1 and len(_text_under(t, words, *((0, 1) if i else (j, j + 1))).strip()) >= 3
        ref = float(np.median([wd[4] for wd in rest])) if len(rest) >= 2 or lone else 0.0
        ref_ink = float(np.median([wd[3] - wd[2] for wd in rest])) if len(rest) >= 2 or lone else 0.0
        keep = 0.6 if lone else 0.7
        x0, x1 = run[0][0], run[-1][1]
        xh = max(wd[4] for wd in run)
        ink = max(wd[3] - wd[2] for wd in run)
        text = _text_under(t, words, i, j)
        by_band = xh <= keep * ref and ink <= (keep if lone else 0.85) * ref_ink and ref / 0.53 >= MIN_FONT_PX
        # by the whole ink over the em: the run's letters and its neighbours' all known
        run_sure = [s for s in sure[i:j] if s is not None]
        rest_sure = [s for s in sure[:i] + sure[j:] if s is not None]
        by_em = len(run_sure) == j - i and len(rest_sure) >= 2 and max(run_sure) < MIN_FONT_PX - 1 \
            and float(np.median(rest_sure)) >= MIN_FONT_PX and max(run_sure) <= 0.85 * float(np.median(rest_sure))
        if x1 - x0 >= 4 * xh and (by_band or by_em) and sum(ch.isalnum() for ch in text) >= 2:
            top, bottom = min(wd[2] for wd in run), max(wd[3] for wd in run)
            box = [t.ink_box[0] + x0 - 1, t.ink_box[1] + top - 1, x1 - x0 + 2, bottom - top + 2]
            out.append(_issue_text(box, text, max(run_sure) if by_em and not by_band else max(sizes[i:j])))
        i = j
    return out


def _cut_off(img: np.ndarray, t: TextInfo) -> bool:
    """Glyphs cut by another surface drawn over them (a banner, a sticky footer): the row right
    under (or over) the line's ink is all one colour other than the line's background; or by the
    screen's own edge. Their ink ends mid-letter, so its height says nothing about the font size."""
    H = img.shape[0]
    x, y, w, h = t.ink_box
    if y <= 1 or y + h >= H - 1:
        return True  # cut by the screen's own edge (the last row holds only the cut strokes' pale ends)
    return _cut_by_edge(img, (x, y, w, h), t.bg)


def _cut_by_edge(img: np.ndarray, box: tuple[int, int, int, int], bg) -> bool:
    """The row right under (or over) the ink is all one colour other than its ground: the edge of a
    surface drawn over the glyphs (a sticky footer's border), which leaves only their tops."""
    H = img.shape[0]
    x, y, w, h = box
    # the ground between the glyphs: a line on a band of its own colour (a code box, a tinted
    # bar) whose ring fell partly outside the band has its ground, not the ring's, under the ink
    ground, _ = mode_color(img[y:y + h, x:x + w])
    for r in (y + h, y - 1):
        if not 0 <= r < H:
            continue
        row = img[r, x:x + w]
        colour = np.median(row, axis=0)
        if len(row) >= 8 and (distance(row, bg) > 10).mean() >= 0.95 \
                and distance(row, colour).max() < 12 and distance(np.array([[colour]]), ground)[0, 0] > 10:
            return True
    return False


def _size(t: TextInfo, img: np.ndarray | None = None) -> float:
    """The font size the dense band gives. Where the text read spans under half of the line's
    ink at that size (a script the recogniser does not know reads as a few stops and digits), the
    read letters say nothing of the unread glyphs' case: the band is taken as an x-height, the
    larger reading, unless it already is one. So it is where a capitals reading has letters
    rising well above the band (`_rises_above_band`)."""
    px = font_px(t)
    n = len(t.text.strip())
    alnum = sum(ch.isalnum() for ch in t.text.strip())
    span = px * (0.5 * alnum + 0.28 * (n - alnum))  # Latin UI fonts' advance per letter and per stop
    if not _cjk(t.text) and (span < 0.5 * t.ink_box[2] or (img is not None and _rises_above_band(img, t))):
        return max(px, t.x_height / 0.53)
    return px


def _without_underline(img: np.ndarray, t: TextInfo) -> TextInfo:
    """The line with an underline at the foot of its ink box left out of its ink height: a link's
    underline sits a pixel or two under the baseline and would size its letters a pixel or two
    taller, which at 9-11 px is the difference between small text and not."""
    x, y, w, h = t.ink_box
    ink = strong_ink(distance(img[y:y + h, x:x + w], t.bg))
    under = rule_rows(ink, max(8, w // 2))
    rows = np.flatnonzero(ink.any(axis=1) & ~under)
    if not under[-1:].any() or not len(rows):
        return t
    bottom = int(rows[-1]) + 1
    return dataclasses.replace(t, ink_box=(x, y, w, bottom), ink_height=bottom)


def _rises_above_band(img: np.ndarray, t: TextInfo) -> bool:
    """Ink standing well above the line's dense band: the band is an x-height with capitals or
    ascenders over it, whatever the reading says. Lowercase letters shaped like small capitals
    (Cyrillic "онконг", Latin "owns") read as capitals ("OHKOH"); a line truly in capitals fills
    its band up to its top, bar an accent or a dollar sign's stub of a pixel or so."""
    x, y, w, h = t.ink_box
    ink = strong_ink(distance(img[y:y + h, x:x + w], t.bg))
    prof = ink.sum(axis=1)
    if not len(prof) or prof.max() <= 0:
        return False
    band_top = int(np.flatnonzero(prof >= 0.35 * prof.max())[0])
    return band_top >= max(2, 0.2 * t.x_height)


def detect_text(infos: list[TextInfo], img: np.ndarray | None = None) -> list[Issue]:
    """Lines whose x-height (or cap height) says under 12 px, unless the full height of their
    words' ink, read against the letters they hold, says 12 px or more; and smaller words in a
    line of normal text."""
    out = []
    for t in infos:
        if sum(ch.isalnum() for ch in t.text) < 2:
            continue  # punctuation alone has no x-height to measure a font size by
        if img is not None and _cut_off(img, t):
            continue
        if img is not None:
            # a descender or underline of the line above in its box sizes nothing; a cut thinner than
            # the line's dense band is no line of its own (hollow boxes drawn for missing glyphs
            # leave only their top and bottom strokes once their sides count as a surface's edge)
            own = own_rows(img, t)
            t = own if own.ink_box[3] >= min(t.ink_box[3], t.x_height) else t
        if t.conf < TRUSTED:
            # a reading in doubt (a script the recogniser does not know reads as a few stops and
            # digits) says nothing of the letters, but its ink still shows words to compare
            if img is not None and t.conf >= DOUBTFUL:
                out += _small_words(img, t, read=False)
            continue
        px = _size(t, img)
        # a whole-pixel x-height is in doubt by a pixel; the words' full ink height can clear it
        if px < MIN_FONT_PX - 0.5 and (img is None or (extent_px(img, t) or 0.0) < MIN_FONT_PX - 0.5):
            out.append(_issue_text(t.box, t.text, px))
            continue
        if img is None:
            continue
        # the dense band can be a cap height read as an x-height (digits, capitals, a short line
        # of ascenders), making small text look large: the line's whole ink height is the witness
        line = line_extent_px(_without_underline(img, t))
        if line is not None and line < MIN_FONT_PX - 1.0 and (extent_px(img, t) or 0.0) < MIN_FONT_PX - 0.5:
            out.append(_issue_text(t.box, t.text, line))
        else:
            out += _small_words(img, t)
    return out


def _bg_map(img: np.ndarray, tile: int = 24) -> np.ndarray:
    """A per-tile dominant colour (median), upsampled: the local background under small objects."""
    H, W = img.shape[:2]
    h2, w2 = max(1, H // tile), max(1, W // tile)
    small = cv2.resize(img, (w2, h2), interpolation=cv2.INTER_AREA)
    med = cv2.medianBlur(small, 3) if min(h2, w2) >= 3 else small
    return cv2.resize(med, (W, H), interpolation=cv2.INTER_NEAREST)


def _tile_medians(img: np.ndarray, tile: int = 24, step: int = 4) -> np.ndarray:
    """Each tile's median colour over a grid of samples: the colour most of the tile shows
    (a tile's mean blends two surfaces where it straddles their edge into a colour neither has)."""
    H, W = img.shape[:2]
    th, tw = max(1, H // tile), max(1, W // tile)
    ys = (np.arange(th)[:, None] * H // th + np.arange(step // 2, tile, step)[None, :]).clip(0, H - 1)
    xs = (np.arange(tw)[:, None] * W // tw + np.arange(step // 2, tile, step)[None, :]).clip(0, W - 1)
    samples = img[ys.reshape(-1)][:, xs.reshape(-1)].reshape(th, ys.shape[1], tw, xs.shape[1], 3)
    return np.median(samples.transpose(0, 2, 1, 3, 4).reshape(th, tw, -1, 3), axis=2).astype(np.uint8)


def _far(a: np.ndarray, b: np.ndarray, thresh: int) -> np.ndarray:
    """Where two uint8 colour images differ by more than `thresh` in some channel."""
    d = cv2.absdiff(a, b)
    return cv2.max(cv2.max(d[..., 0], d[..., 1]), d[..., 2]) > thresh


def target_mask(img: np.ndarray, tile: int = 24, thresh: int = 40, same: int = 16) -> np.ndarray:
    """Pixels (1) clearly apart from the dominant colour of their own tile and not the colour
    (within `same`) of one of the eight tiles around.

    A surface's edge rarely falls on a tile's edge: the strip of a button that reaches into a tile
    of page background would stand out as ink there and join a small control on the button into
    one large shape; it is the colour of the button's tile next door, so it is no ink here. Only
    that colour itself: a white control next to a light grey surface is still ink.
    """
    H, W = img.shape[:2]
    med = _tile_medians(img, tile).astype(np.uint8)
    th, tw = med.shape[:2]
    mask = _far(img, cv2.resize(med, (W, H), interpolation=cv2.INTER_NEAREST), thresh)
    # only tiles with a neighbour of another colour can hold such strips
    padded = cv2.copyMakeBorder(med, 1, 1, 1, 1, cv2.BORDER_REPLICATE)
    shifts = [(dy, dx) for dy in (-1, 0, 1) for dx in (-1, 0, 1) if dy or dx]
    edge = np.zeros((th, tw), bool)
    for dy, dx in shifts:
        edge |= _far(med, padded[1 + dy:1 + dy + th, 1 + dx:1 + dx + tw], thresh)
    ys, xs = np.nonzero(mask)
    ty, tx = ys * th // H, xs * tw // W
    sel = edge[ty, tx]
    if not sel.any():
        return mask.astype(np.uint8)
    ys, xs, ty, tx = ys[sel], xs[sel], ty[sel], tx[sel]
    px = img[ys, xs]
    keep = np.ones(len(ys), bool)
    for dy, dx in shifts:
        keep &= _far(px[:, None], padded[ty + 1 + dy, tx + 1 + dx][:, None], same)[:, 0]
    # a surface's strip runs on for a few pixels at least; lone pixels of that colour (the
    # anti-aliasing of a mark or a corner) stay ink
    drop = np.zeros((H, W), np.uint8)
    drop[ys[~keep], xs[~keep]] = 1
    drop = cv2.morphologyEx(drop, cv2.MORPH_OPEN, np.ones((1, 3), np.uint8)) | \
        cv2.morphologyEx(drop, cv2.MORPH_OPEN, np.ones((3, 1), np.uint8))
    return (mask & (drop == 0)).astype(np.uint8)


def _is_glyph(img: np.ndarray, box: list[int], comp: np.ndarray, filled: bool, lines: list[TextInfo]) -> bool:
    """Whether a small square shape is a letter of a text line rather than a control beside it.

    The recogniser often reads a small button next to a line (`×`, `+`, `›`) into that line, so
    lying inside a line's box is not enough: a filled square carrying a mark, a shape in a colour
    far from the line's ink, or a square outline closed on all four sides (outside CJK text, whose
    glyphs can be boxes) is no letter.
    """
    x, y, w, h = box
    for t in lines:
        if overlap_min(box, list(t.box)) <= 0.5 or t.box[2] <= 2.5 * w:
            continue
        if filled:
            return False
        # the shape's paint where its strokes fully cover pixels (a thin frame's anti-aliased edges
        # are most of its pixels, lighter than the ink of the line it may belong to)
        pix = img[y:y + h, x:x + w][comp].reshape(-1, 1, 3)
        colour = line_colour(pix, distance(pix, t.bg))
        if distance(np.array([[colour]]), t.fg)[0, 0] > 60:
            return False
        sides = [comp[0].mean(), comp[-1].mean(), comp[:, 0].mean(), comp[:, -1].mean()]
        return _cjk(t.text) or min(sides) < 0.75
    return False


def ink_mask(img: np.ndarray) -> np.ndarray:
    """Pixels standing clearly apart from the local background (1) under small objects."""
    return _far(np.ascontiguousarray(img), _bg_map(img), 40).astype(np.uint8)


UNREAD_MAX = 6    # candidates read per screenshot (one recognition batch)
UNREAD_ZOOM = 3.0


def detect_unread_text(img: np.ndarray, text_boxes, mask: np.ndarray | None = None) -> list[Issue]:
    """Text too small for the OCR detector (7-8 px fonts): rows of tiny ink marks outside every
    line read, confirmed by the recogniser reading words in the enlarged crop.

    The recogniser is the witness: icons, rules and picture texture do not read as words.
    """
    from vision.ocr import read_boxes

    H, W = img.shape[:2]
    whole = ink_mask(img) if mask is None else mask
    ink = uncovered(whole, text_boxes, pad=2)
    joined = cv2.dilate(ink, np.ones((1, 5), np.uint8))
    n, _, stats, _ = cv2.connectedComponentsWithStats(joined, connectivity=8)
    cands = []
    for i in range(1, n):
        x, y, w, h, _ = (int(v) for v in stats[i])
        if not (4 <= h <= 9 and w >= 24 and w >= 4 * h) or x < 2 or y < 2 or x + w > W - 2 or y + h > H - 2:
            continue
        fill = ink[y:y + h, x:x + w].mean()
        if not 0.15 <= fill <= 0.7:
            continue  # a rule or a bar is solid, a hairline frame is empty
        if whole[y - 1, x:x + w].any() or whole[y + h, x:x + w].any():
            continue  # the rest of a read line's glyphs, cut off by its box: not a line of its own
        if _cut_by_edge(img, (x, y, w, h), mode_color(img[y:y + h, x:x + w])[0]):
            continue  # the tops of a line a surface's edge cuts: their height is no font size
        cands.append((w, (x - 2, y - 2, w + 4, h + 4)))
    cands = [b for _, b in sorted(cands, reverse=True)[:UNREAD_MAX]]
    out = []
    for box, (text, score) in zip(cands, read_boxes(img, cands, zoom=UNREAD_ZOOM)):
        text = (text or "").strip()
        if score < 0.7 or sum(ch.isalnum() for ch in text) < 3:
            continue
        # the ink's height over the em the letters read span (a cap height at least: errs towards larger)
        px = (box[3] - 4) / (text_em(text) or CAP)
        if px < MIN_FONT_PX - 0.5:
            out.append(_issue_text(box, text, px))
    return out


def _square(comp: np.ndarray, area: int) -> tuple[bool, bool]:
    """(filled, outlined) for a small shape: a solid square, or a closed frame whose inside is
    mostly empty (a control's outline holds its mark apart; a pictogram's strokes, a picture's
    hills or an envelope's flap, run into its frame, so much of its inside is the same shape)."""
    h, w = comp.shape
    filled = area / (w * h) >= 0.85
    edge = np.concatenate([comp[0], comp[-1], comp[:, 0], comp[:, -1]])
    return filled, bool(edge.mean() >= 0.8 and comp[2:-2, 2:-2].mean() < 0.2)


def _written_on(inside: np.ndarray) -> bool:
    """Whether the mark on a filled square is writing (a character or a word on a tag: "hot",
    "new"): it covers over a third of the inside, where a control's sign (x, +, a chevron, a
    question mark) is a few thin strokes on the fill."""
    if inside.size == 0:
        return False
    fill, _ = mode_color(inside)
    return bool((distance(inside, fill) >= 40).mean() >= 0.35)


def _target_issue(box: list[int]) -> Issue:
    w, h = box[2], box[3]
    return Issue("small-target", box, "warning",
                 f"Control-like element is {w}x{h} px; touch and click targets should be at least 24x24 px",
                 "visual", "Give the control `min-width: 24px; min-height: 24px` (or padding) "
                           "or keep 24 px of free space around it", score=float(MIN_TARGET_PX - min(w, h)))


def _sized(w: int, h: int) -> bool:
    return 9 <= w < MIN_TARGET_PX and 9 <= h < MIN_TARGET_PX and 0.6 <= w / h <= 1.6


def _longest_run(v: np.ndarray) -> float:
    """The longest unbroken run of set pixels in a row or column, as a share of its length."""
    best = run = 0
    for on in v:
        run = run + 1 if on else 0
        best = max(best, run)
    return best / max(1, len(v))


def _trimmed(comp: np.ndarray, x: int, y: int) -> tuple[int, int, np.ndarray]:
    """A shape without the stray pixels at its sides (a glyph's anti-aliased edge touching a frame
    drawn over it): up to two sparse outer rows and columns dropped on each side."""
    for _ in range(2):
        h, w = comp.shape
        if h < 3 or w < 3:
            break
        top, bottom = comp[0].mean() < 0.3, comp[-1].mean() < 0.3
        left, right = comp[:, 0].mean() < 0.3, comp[:, -1].mean() < 0.3
        comp = comp[int(top):h - int(bottom), int(left):w - int(right)]
        x, y = x + int(left), y + int(top)
    return x, y, comp


def _shade(colour, t: TextInfo) -> bool:
    """Whether a colour is the line's own ink mixed with its ground (an anti-aliased glyph edge)."""
    return bool(blend_of(np.array([[colour]], np.float32), t.bg, t.fg, tol=16.0)[0, 0])


def _in_word(crop: np.ndarray, lab: np.ndarray, stats: np.ndarray, i: int, paint, t: TextInfo) -> bool:
    """Whether a shape has letters of its own colour right beside it on its row: a round letter
    (o, 0, D) of a word in a link's colour, not a control drawn over the line (whose paint
    differs from the glyphs it covers). A shape painted in no shade of the line's ink on its
    ground takes no neighbour in such a shade for a letter of its own colour: that is the
    anti-aliased edge of the line's own glyphs (a blue control over a blue link's text)."""
    x, y, w, h, _ = (int(v) for v in stats[i])
    gap = max(2, int(0.35 * h))
    own_shade = _shade(paint, t)
    for j in range(1, len(stats)):
        jx, jy, jw, jh, _ = (int(v) for v in stats[j])
        if j == i or jh < 0.4 * h or min(y + h, jy + jh) - max(y, jy) < 0.5 * min(h, jh):
            continue
        if max(jx - (x + w), x - (jx + jw)) > gap:
            continue
        colour = np.median(crop[jy:jy + jh, jx:jx + jw][lab[jy:jy + jh, jx:jx + jw] == j], axis=0)
        if not own_shade and _shade(colour, t):
            continue
        if distance(np.array([[colour]]), paint)[0, 0] <= 40:
            return True
    return False


def _labelled(box: list[int], lines: list[TextInfo]) -> bool:
    """Whether a line of text starts just right of a small square, on its row: a checkbox or a
    radio button and its label, which is part of the control's hit box (clicking it toggles the
    box), so the target is the label's size, not the square's."""
    x, y, w, h = box
    size = max(w, h)
    for t in lines:
        lx, ly, lw, lh = t.ink_box
        if t.conf < 0.5 or sum(ch.isalnum() for ch in t.text) < 2 or lh > 3 * size:
            continue
        if 0 <= lx - (x + w) <= 2.5 * size and abs((ly + lh / 2) - (y + h / 2)) <= h / 2:
            return True
    return False


def _over_lines(img: np.ndarray, lines: list[TextInfo], found: list[list[int]]) -> list[Issue]:
    """Small controls drawn over a text line: their ink joins the glyphs', so they never stand
    alone; in a colour far from both the line's ink and its background they come apart from the
    glyphs, and a closed square frame or a solid square with a mark in that colour is no letter."""
    H, W = img.shape[:2]
    out = []
    for t in lines:
        x, y, w, h = t.box
        x0, y0, x1, y1 = max(0, x - 3), max(0, y - 3), min(W, x + w + 3), min(H, y + h + 3)
        crop = img[y0:y1, x0:x1]
        if crop.size == 0:
            continue
        crop = np.ascontiguousarray(crop)
        other = (_far(crop, np.full_like(crop, t.fg), 60) & _far(crop, np.full_like(crop, t.bg), 60)).astype(np.uint8)
        n, lab, stats, _ = cv2.connectedComponentsWithStats(other, connectivity=8)
        for i in range(1, n):
            cx, cy, cw, ch, _ = (int(v) for v in stats[i])
            if not (9 <= cw <= 3 * MIN_TARGET_PX and 9 <= ch <= 3 * MIN_TARGET_PX):
                continue
            comp = lab[cy:cy + ch, cx:cx + cw] == i
            # glyphs of a third colour (a link, a grey word in a white line) touching the control
            # join it here: keep only the pixels that blend the control's own paint with the ground
            pix = crop[cy:cy + ch, cx:cx + cw]
            paint = paint_colour(pix[comp], t.bg)
            comp = largest_piece(comp & blend_of(pix, t.bg, paint))
            ys, xs = np.nonzero(comp)
            if not len(ys) or _in_word(crop, lab, stats, i, paint, t):
                continue
            comp = comp[ys.min():ys.max() + 1, xs.min():xs.max() + 1]
            cx, cy, comp = _trimmed(comp, cx + int(xs.min()), cy + int(ys.min()))
            ch, cw = comp.shape
            box = [x0 + cx, y0 + cy, cw, ch]
            if not _sized(cw, ch) or any(overlap_min(box, b) > 0.5 for b in found):
                continue
            filled, _ = _square(comp, int(comp.sum()))
            # the frame's rounded, anti-aliased corners blend with the background below the colour
            # test: each side is judged on its own, about two thirds of it drawn in one unbroken
            # stroke (the serifs of an H, a letter of another colour, leave a gap in the middle)
            sides = [_longest_run(v) for v in (comp[0], comp[-1], comp[:, 0], comp[:, -1])]
            outlined = min(sides) >= 0.6 and comp[2:-2, 2:-2].mean() < 0.2
            inside = crop[cy + 2:cy + ch - 2, cx + 2:cx + cw - 2]
            if outlined or (filled and inside.size and
                            distance(inside, np.median(inside.reshape(-1, 3), axis=0)).max() >= 40):
                found.append(box)
                out.append(_target_issue(box))
        out += _solid_in_ink(crop, t, x0, y0, found)
    return out


def _solid_in_ink(crop: np.ndarray, t: TextInfo, x0: int, y0: int, found: list[list[int]]) -> list[Issue]:
    """A solid square in the line's own ink colour with a mark on it: a filled button painted
    like the text (or the very shape that lent the line its measured ink colour). Glyph strokes
    never fill a square; a heading's square full stop carries no mark."""
    ink = (~_far(crop, np.full_like(crop, t.fg), 60) & _far(crop, np.full_like(crop, t.bg), 60)).astype(np.uint8)
    n, lab, stats, _ = cv2.connectedComponentsWithStats(ink, connectivity=8)
    out = []
    for i in range(1, n):
        cx, cy, cw, ch, area = (int(v) for v in stats[i])
        box = [x0 + cx, y0 + cy, cw, ch]
        if not _sized(cw, ch) or any(overlap_min(box, b) > 0.5 for b in found):
            continue
        filled, _ = _square(lab[cy:cy + ch, cx:cx + cw] == i, area)
        inside = crop[cy + 2:cy + ch - 2, cx + 2:cx + cw - 2]
        if filled and inside.size and distance(inside, np.median(inside.reshape(-1, 3), axis=0)).max() >= 40 \
                and not _written_on(inside):
            found.append(box)
            out.append(_target_issue(box))
    return out


def detect_targets(img: np.ndarray, lines: list[TextInfo]) -> list[Issue]:
    """Small square-ish boxes, filled or outlined, standing alone or drawn over a text line: icon
    buttons, checkboxes, close marks. Found in `target_mask`, not the shared `ink_mask`, whose
    tile means join a control near a surface's edge to the surface."""
    H, W = img.shape[:2]
    mask = target_mask(img)
    n, lab, stats, _ = cv2.connectedComponentsWithStats(mask, connectivity=8)
    out = []
    for i in range(1, n):
        x, y, w, h, area = (int(v) for v in stats[i])
        if not _sized(w, h) or x < 4 or y < 4 or x + w > W - 4 or y + h > H - 4:
            continue
        comp = lab[y:y + h, x:x + w] == i
        filled, outlined = _square(comp, area)
        if not (filled or outlined):
            continue
        # standing alone: nothing else within a few pixels around it
        pad = 5
        y0, y1, x0, x1 = max(0, y - pad), min(H, y + h + pad), max(0, x - pad), min(W, x + w + pad)
        around = mask[y0:y1, x0:x1].copy()
        around[y - y0:y - y0 + h, x - x0:x - x0 + w] = 0
        if around.mean() > 0.02:
            continue
        inside = img[y + 2:y + h - 2, x + 2:x + w - 2]
        if filled and inside.size and distance(inside, np.median(inside.reshape(-1, 3), axis=0)).max() < 40:
            continue  # a plain swatch, no mark on it: not a control
        if filled and _written_on(inside):
            continue  # a badge with a word or a character on it (a "hot" or "new" tag): a label
        box = [x, y, w, h]
        if _is_glyph(img, box, comp, filled, lines) or _labelled(box, lines):
            continue
        out.append(_target_issue(box))
    return out + _over_lines(img, lines, [i.bbox for i in out])
