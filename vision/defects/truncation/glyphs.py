"""text-truncation, the shape of the glyph a line ends in: text sliced without an ellipsis shows
in its last glyph. A straight cut through two or more strokes at full strength, a quote mark or a
dotless i/j that is really the sliver of a letter, a bare stroke at the end (left unread, or read as
a t or a 1, which are never bare), a stem read as a letter that never ends in one (a cut "n" read
"r"), a last stem thinner than its word's others or only its faint rim (`stem`), a t's stem and the
left arm of its crossbar with nothing right of them; and inside a line, a word ending in such a cut
with the sentence going on after it."""
from __future__ import annotations

import numpy as np

from ..ink_words import strong_runs
from ..pixels import TextInfo, distance
from .ink import has_cjk, line_ink, other_alphabet, rule_row, rule_rows
from .stem import faint_last_stem, thin_last_stem

# glyphs whose right edge is two strokes ending on one column (a dot over a stem, bars, terminals):
# a straight cut through other glyphs looks like this. Also the letters whose strokes end in
# terminals cut straight down (C, s, e), the digits with such ends, and the two bowls of 8 and B
MULTI_STROKE_END = set("iíìîïjĳ!¡?ftrŧCcÇçGSsŠšeéèêëB2356890")
BARRED_END = set("EÈÉÊË≡")  # three bars end on one column: no cut is told from these
# glyphs whose right edge is two marks or bars (a colon's dots, a semicolon, an equals sign): read
# alone after a word space, a third stroke is a cut letter's, whose sliver the recogniser took for
# one of these ("Documentation s" read "Documentation :"); elsewhere they are left out like bars (an
# icon's grid of dots read ":::")
TWO_MARK_END = set(";:=")
# round letters whose right edge is two terminals (or a bowl's end and a terminal) on one column:
# kept at half their width or less, they are the left part of the letter a cut left, whose arcs
# it crosses ("QuickConne|c", "DATA S|C"), so two strokes are enough
ROUND_END = set("cCÇçeéèêësSšŠG")
# small e and s: a whole one ends in a curve and a terminal that rarely both meet the last column
# at full strength (rendered in five common faces at 12-36 px, regular and bold: none of 1,300
# lines ending in them did; a whole c's two terminals do, one line in twenty), while a letter cut
# through its bowl, read as one of them, shows two strokes there
SMALL_ROUND = set("eséèêë")
SLICE_WIDTH = 0.5  # widest share of its own height a round letter's left part has (a whole c: 0.8)
# glyphs whose right edge is never a stem from top to bottom of the x-height band (a curve, a
# diagonal, an arm or bars): read last over such a stem, they are the recogniser's guess at what
# a cut left ("busi|n" read "busir")
NO_STEM_END = set("ceorsvwxyzkSGEYACOQVX")
# glyphs that are one narrow upright stroke: a sliver of a cut letter could be read as these
NARROW = set("lIi1j|!ı'’`")
# glyphs the recogniser reads a bare stroke as that are never one (a bar, a flag or an arm)
NEVER_BARE = set("t1fr")
# glyphs a "t" or an "f" cut just past its stem is read as: the stem and the crossbar's left arm
CROSSED = set("t1f|l")
# glyphs that are one upright stroke rising above the x-height band (to the ascender or the
# capital's height): a stroke no taller than the band, read as one of these, is a cut letter's stem
TALL_STROKE = set("lI1|")


def sliced_end(img: np.ndarray, t: TextInfo) -> bool:
    """Glyphs cut by a straight vertical edge: the line's last ink column crosses two or more
    strokes at full strength and nothing at all follows. A glyph's own right edge is the outside of
    a curve or a stem, anti-aliased, or one stroke; the few read last whose right edge is two
    strokes (i, t, F, C, ...) or two marks (:, =) need a third, as does any line in another alphabet
    read with Latin look-alikes, and those with three bars (E) are left out. Horizontal rules (an
    underline, a box's border) do not count as strokes."""
    x, y, w, h = t.ink_box
    W = img.shape[1]
    last = t.text[-1:]
    if h < 8 or t.x_height < 5 or x + w + 4 >= W or not last or last in BARRED_END \
            or (last in TWO_MARK_END and not t.text[-2:-1].isspace()) \
            or ord(last) >= 0x2E80:  # CJK strokes end anywhere
        return False
    top = float(distance(np.array([[t.fg]]), t.bg)[0, 0])
    if top < 40:
        return False
    d = distance(img[y:y + h, x + w - 1:x + w + 3], t.bg) / top
    if d[:, 1:].max() >= 0.15:
        return False  # the ink fades out: a glyph's own edge, or something follows
    strong = d[:, 0] >= 0.8
    edges = np.diff(np.concatenate([[0], strong.astype(np.int8), [0]]))
    runs = list(zip(np.nonzero(edges == 1)[0], np.nonzero(edges == -1)[0]))
    # the glyphs read last whose own edge shows two strokes need a third (the recogniser may also
    # have dropped a sliver of the cut glyph and read the one before it)
    need = 3 if (last in MULTI_STROKE_END and last not in SMALL_ROUND and not _round_slice(img, t)) \
        or (last in TWO_MARK_END and not _mark_rises(img, t)) or other_alphabet(t.text) else 2
    if len(runs) < need:
        return False
    # rows crossing most of the line in one stretch are rules (an underline, a box's border), not
    # glyphs: a run of strong ink within them does not count. The top row of capitals ("SERVICE")
    # is inked as widely, but glyph by glyph
    rules = np.array([rule_row(r) for r in distance(img[y:y + h, x:x + w], t.bg) >= 0.45 * top])
    return sum(not rules[a:b].all() for a, b in runs) >= need


def _mark_rises(img: np.ndarray, t: TextInfo) -> bool:
    """The last glyph, read as a colon, semicolon or equals sign, reaches well above the x-height
    band: those marks sit inside it (a colon's dots on the band's top and bottom), so it is the
    slice of a taller glyph, a digit's or a capital's ("Goal of 2|" read "Goal of :"). The band's
    top is the row most of the line's ink columns start at (small letters outnumber capitals and
    ascenders in a line; a line in capitals gives the capitals' top, above which no slice rises)."""
    m = line_ink(img, t, 0)
    if m is None:
        return False
    ink = (m[0] >= 0.4) & ~rule_rows(m[0])[:, None]  # a link's underline is no glyph
    cols = np.nonzero(ink.any(axis=0))[0]
    gaps = np.nonzero(np.diff(cols) > 1)[0]
    if not len(gaps):
        return False
    start = int(cols[gaps[-1] + 1])
    tops = np.argmax(ink[:, cols[cols < start]], axis=0)
    rows = np.nonzero(ink[:, start:].any(axis=1))[0]
    return int(rows[0]) <= int(np.bincount(tops).argmax()) - max(2, round(0.15 * t.x_height))


def _round_slice(img: np.ndarray, t: TextInfo) -> bool:
    """The line's last glyph, read as a round letter (c, e, s, C), is a slice of one: at most half
    as wide as it is tall, where the whole letter is about as wide as tall."""
    if t.text[-1:] not in ROUND_END:
        return False
    x, y, w, h = t.ink_box
    top = float(distance(np.array([[t.fg]]), t.bg)[0, 0])
    ink = distance(img[y:y + h, x:x + w], t.bg) >= 0.45 * top
    cols = np.nonzero(ink.any(axis=0))[0]
    gaps = np.nonzero(np.diff(cols) > 1)[0]
    if not len(gaps):
        return False
    start = int(cols[gaps[-1] + 1])
    rows = np.nonzero(ink[:, start:].any(axis=1))[0]
    tall = int(rows[-1] - rows[0] + 1)
    return tall >= t.x_height - 1 and w - start <= SLICE_WIDTH * tall


def stem_end(img: np.ndarray, t: TextInfo) -> bool:
    """The line's ink ends in an upright stroke through the whole x-height band, yet the glyph read
    last never ends so (r, e, s, ...): the stem left of a letter the container's edge cut off
    ("busi|ness" read "busir")."""
    last = t.text.rstrip()[-1:]
    if len(t.text.rstrip()) < 4 or last not in NO_STEM_END:
        return False
    m = line_ink(img, t, 3)
    if m is None:
        return False
    d, b0, b1 = m
    if d.shape[1] < 6 or d[:, -3:].max() >= 0.15 or b1 - b0 < 4:
        return False  # too narrow for a stem and a glyph before it, something follows, or no band
    return any(float((d[b0:b1 + 1, k] >= 0.8).mean()) >= 0.8 for k in (-4, -5)) \
        and not _solid_end(d[:, :-3], b0, b1, t.x_height)


def _solid_end(d: np.ndarray, b0: int, b1: int, x_height: int) -> bool:
    """The line's ink (`d`, ending at its last column) ends in a block inked at full strength down
    the whole x-height band for more than half an x-height: a filled shape (an icon, a badge, the
    end of a button) the line's box took in, not a letter's stem. A stem is a stroke, a quarter of
    the x-height wide even in heavy bold, so its straight side may be a cut letter's; a block's
    says nothing of one."""
    full = (d[b0:b1 + 1] >= 0.8).mean(axis=0) >= 0.8
    width = len(full) - (int(np.nonzero(~full)[0][-1]) + 1 if (~full).any() else 0)
    return width > 0.5 * x_height


def thin_stem(img: np.ndarray, t: TextInfo) -> bool:
    """The line ends in a stem cut square, thinner than its word's others (see `thin_last_stem`),
    or in the faint rim of one whose body was cut off (see `faint_last_stem`), nothing after it."""
    m = line_ink(img, t, 3)
    if m is None or has_cjk(t.text):
        return False
    d, b0, b1 = m
    return float(d[:, -3:].max()) < 0.15 and (thin_last_stem(d[:, :-3], b0, b1, t.x_height)
                                              or faint_last_stem(d[:, :-3], b0, b1, t.x_height))


def sliver(img: np.ndarray, t: TextInfo) -> bool:
    """The line ends in one bare upright stroke two pixels wide at most, the first columns of a
    letter the container's edge cut off ("Thank you t|o", "the p|ower"): either left unread after a
    space, read as a glyph that is never a bare stroke ("busit" for "busi|ness"), or read as a tall
    stroke (l, I) it is too short to be ("infor|l" for "infor|m")."""
    text = t.text.rstrip()
    last = text[-1:]
    read = last in NEVER_BARE
    tall = last in TALL_STROKE and last not in NEVER_BARE
    if len(text) < 4 or not (read or tall or (last.isalnum() and last not in NARROW)):
        return False
    m = line_ink(img, t, 3)
    if m is None:
        return False
    d, b0, b1 = m
    if d[:, -3:].max() >= 0.15:
        return False
    # a link's underline runs under the stroke too; rules in the top half as well are a frame's
    # sides (a button's border), whose upright side is no stroke
    rules = rule_rows(d[:, :-3])
    framed = bool(rules[:len(rules) // 2].any())
    if not framed:
        d = np.where(rules[:, None], 0.0, d)
    # columns apart at half strength: a stroke may touch the glyph before it in one faint pixel
    # (the arm of an r kerned up to it)
    cols = np.nonzero((d[:, :-3] >= 0.45).any(axis=0))[0]
    gaps = np.nonzero(np.diff(cols) > 1)[0]
    if not len(gaps):
        return False
    start, before = int(cols[gaps[-1] + 1]), int(cols[gaps[-1]])
    mark = d[:, start:-3] >= 0.3
    rows = np.nonzero(mark.any(axis=1))[0]
    if mark.shape[1] > 2 or rows[-1] - rows[0] + 1 < 0.6 * (b1 - b0 + 1):
        return False
    # left unread, a stroke hanging from the band's top down most of it may stand tight after the
    # last letter read (the stem of a cut "U" after "SOL", curving away before the baseline); a
    # shorter one only after a word space
    # (Latin only: a Cyrillic "ы" or a CJK glyph may end in such a stroke of its own)
    banded = not framed and abs(int(rows[0]) - b0) <= 1 and rows[-1] <= b1 + 1 \
        and not other_alphabet(text) and not has_cjk(text)
    if start - before - 1 < (1 if read or tall or banded else 0.35 * t.x_height):
        return False
    # no higher than the band while the glyphs before it rise above it: not an l or an I
    above = b0 - max(2, int(0.25 * t.x_height)) + 1  # the rows an ascender or a capital reaches
    if tall and (rows[0] < b0 - 1 or above <= 0 or not (d[:above, :start] >= 0.3).any()):
        return False
    # a stroke standing on the baseline, or the stem of a p hanging from the band's top below it
    # (a divider rises above the band and hangs below it)
    return banded or b1 - 2 <= rows[-1] <= b1 or (rows[0] >= b0 - 1 and rows[-1] > b1)


def stray_mark(img: np.ndarray, t: TextInfo) -> bool:
    """The last glyph was read as a mark that cannot stand where its ink is: a quote mark whose ink
    lies down inside the x-height band (quote marks hang above it), or an i or j with no dot over
    it. Both are the slice of a letter left at a container's edge ("Already ha'" for
    "have", "Haj" for "Happy")."""
    last = t.text[-1:]
    if len(t.text) < 4 or last not in "'’`ij" or not t.text[-2].isalpha() or t.x_height < 6:
        return False
    x, y, w, h = t.ink_box
    if x + w + 2 >= img.shape[1]:
        return False
    d = distance(img[y:y + h, x:x + w + 2], t.bg)
    top = float(distance(np.array([[t.fg]]), t.bg)[0, 0])
    ink = d >= 0.4 * top
    if ink[:, -2:].any():
        return False  # something follows
    prof = ink.sum(axis=1).astype(np.float64)
    band = np.nonzero(prof >= 0.35 * prof.max())[0]
    cols = np.nonzero(ink.any(axis=0))[0]
    gaps = np.nonzero(np.diff(cols) > 1)[0]
    start = int(cols[gaps[-1] + 1]) if len(gaps) else None
    if start is None or len(band) < 4:
        return False
    g = ink[:, start:]
    rows = np.nonzero(g.any(axis=1))[0]
    b0, b1 = int(band[0]), int(band[-1])
    if last in "'’`":
        # reaches half way down the band; a quote mark, or a slice read as one, is narrow: a whole
        # letter there is one the recogniser dropped after the mark ("Avañe'ẽ" read "Avañe'")
        return rows[-1] >= (b0 + b1) / 2 and g.shape[1] - 2 <= 0.5 * t.x_height
    # one narrow stroke with no dot over it (a gap between a dot and its stem), as tall as half the
    # x-height at least, as a stem is: a shorter mark is punctuation the recogniser left out of its
    # reading (the comma of "Safari,"), which has no dot either
    return g.shape[1] <= 0.7 * t.x_height and len(rows) == rows[-1] - rows[0] + 1 and len(rows) >= 0.5 * t.x_height


def sliced_inside(t: TextInfo, d: np.ndarray, words: list[tuple[int, int]]) -> bool:
    """A word inside the line ends in a straight cut through three or more strokes at full
    strength, a word space before the next: an element clipped inside a sentence, the sentence
    running on after it ("our Terms of S| and"). No glyph's own right edge is three full-strength
    strokes ending on one column but those of three bars (E, a menu icon's lines): the cut ones
    must be joined by the glyph's ink between them."""
    if has_cjk(t.text):
        return False  # CJK strokes end anywhere
    said = t.text.split()
    rules = None
    for k, (a, b) in enumerate(words[:-1]):
        if len(words) == len(said) and said[k][-1:] in BARRED_END | TWO_MARK_END:
            continue
        if int((d[:, b] >= 0.8).sum()) < 3:
            continue
        rules = rule_rows(d) if rules is None else rules
        runs = strong_runs(d, b, rules)
        inked = (d[:, a:b + 1] >= 0.45).any(axis=1)
        joined = 1
        for (_, e0), (s1, _) in zip(runs, runs[1:]):
            joined = joined + 1 if inked[e0:s1].all() else 1
            if joined >= 3:
                return True
    return False


def unread_fragment(img: np.ndarray, t: TextInfo, d: np.ndarray, words: list[tuple[int, int]]) -> bool:
    """The line's ink ends in a word the recogniser did not read, no wider than an x-height, whose
    last column cuts two or more strokes at full strength with nothing after it: the sliver of a
    letter left at a container's edge ("Cookies (" of "Cookies consent"). The recogniser reads a
    whole short word; a cut one it often drops."""
    x, y, w, h = t.ink_box
    a, b = words[-1] if words else (0, 0)
    if has_cjk(t.text) or len(words) <= len(t.text.split()) or b - a + 1 > t.x_height or x + w + 4 >= img.shape[1]:
        return False
    top = float(distance(np.array([[t.fg]]), t.bg)[0, 0])
    if float((distance(img[y:y + h, x + w:x + w + 3], t.bg) / top).max()) >= 0.15:
        return False  # something follows
    return len(strong_runs(d, b, rule_rows(d))) >= 2


def cut_cross(img: np.ndarray, t: TextInfo) -> bool:
    """The line ends in a stem rising above the x-height band with an arm to its left at the band's
    top and nothing to its right: a "t" (or "f") cut just past its stem, its crossbar's right arm
    and its foot's hook gone ("email t|o" read "email 1"). A whole t or f has ink right of its
    stem (the crossbar runs across it, the foot or the top hooks right); a 1's flag leaves the top
    of its stem, a capital T's bar is its top, and a serif's arm sits on the baseline."""
    text = t.text.rstrip()
    if len(text) < 4 or text[-1] not in CROSSED:
        return False
    m = line_ink(img, t, 3)
    if m is None:
        return False
    d, b0, b1 = m
    if d[:, -3:].max() >= 0.15 or b1 - b0 < 4 or b0 < 2:
        return False
    d = d[:, :-3]
    cols = np.nonzero((d >= 0.3).any(axis=0))[0]
    gaps = np.nonzero(np.diff(cols) > 1)[0]
    if not len(gaps):
        return False
    start = int(cols[gaps[-1] + 1])
    g = d[:, start:]
    if g.shape[1] > 0.8 * t.x_height:
        return False
    # the stem: the glyph's right columns at half strength down the band below the crossbar
    upright = (g[b0 + 2:b1] >= 0.5).mean(axis=0) >= 0.8
    strong = np.nonzero((g >= 0.5).any(axis=0))[0]
    if not len(strong) or not upright[strong[-1]]:
        return False
    first = int(strong[-1])
    while first > 0 and upright[first - 1]:
        first -= 1
    rows = np.nonzero((g[:, first:] >= 0.3).any(axis=1))[0]
    arm = np.nonzero((g[:, :first] >= 0.45).any(axis=1))[0]
    if not len(arm) or rows[0] > b0 - 2 or rows[-1] < b1 - 1:
        return False  # no arm, or a stem no taller than the band or not on the baseline
    return int(arm[0]) >= max(int(rows[0]) + 2, b0 - 1) and int(arm[-1]) <= b0 + max(2, round(0.25 * t.x_height))
