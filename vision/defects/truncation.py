"""text-truncation: text cut off by an ellipsis or sliced at a container edge.

An ellipsis at the end of a line (read, or three dots on the baseline the recogniser missed), or
inside a line that ran on past the truncated element, is a finding unless the text is its own:
a placeholder well short of its field's right side, or the last line of a wrapped paragraph.
Text sliced without an ellipsis shows in its last glyph: a straight cut through two or more
strokes at full strength, a quote mark or a dotless i/j that is really the sliver of a letter, a
bare stroke at the end (left unread, or read as a t or a 1, which are never bare), a stem read as a
letter that never ends in one (a cut "n" read "r"), a last stem thinner than its word's others
(`truncation_stem`), or a sentence stopping at a lone capital.
Clues read in the words alone are in `truncation_words`.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import replace

import cv2
import numpy as np

from .ink_words import ink_strength, ink_words, is_tofu, strong_runs
from .issue import Issue
from .lexicon import begins_word, is_word
from .truncation_stem import thin_last_stem
from .truncation_words import (article_participle, capitals_fragment, english_but_names, fragment_before_ellipsis,
                               misread_last, own_ellipsis, rare_pair, short_fragment_inside, shown_whole, vowelless)
from .pixels import TextInfo, distance, mode_color

ELLIPSES = ("…", "...", "．．．", "。。。", "..")
# an ellipsis inside a line: the OCR line ran on past a truncated element into the text after it
# (a sentence's own stop or comma may follow the truncated element: "at Shaun…. Building"). An
# element cut at a word space shows its ellipsis after the space: only with the sentence's stop
# right after it ("Twitter …. At the"), as a spaced ellipsis in prose ("wait ... what") has none
# An "&" joins two words: nothing written ends on one, so an ellipsis right after it is a cut
# element's too ("Media &… , Publishing"; a "+" may end a name, "C++…"). So does a "/" with the
# sentence's stop after the ellipsis ("HTTP/… , HTTP/2"; a path's "src/…" in prose has none). The
# stop may be read a space off the ellipsis: a clipped inline box keeps the width it was given,
# wider than what it shows, and prose never sets a space before its comma
MID_ELLIPSIS = re.compile(r"(?:[^\W_]|&)(?:(\.{2,3}|…)[.,;:]?|\s(\.{3}|…)\s?[.,;:])\s+\S"
                          r"|/(\.{3}|…)\s?[.,;:]\s+\S")
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
# words that never end an English phrase: what follows them was cut off
DANGLING = {"a", "an", "the", "to", "of", "for", "and", "or", "nor", "with", "from", "than",
            "your", "our", "my", "their"}
# glyphs that are one narrow upright stroke: a sliver of a cut letter could be read as these
NARROW = set("lIi1j|!ı'’`")
# glyphs the recogniser reads a bare stroke as that are never one (a bar, a flag or an arm)
NEVER_BARE = set("t1fr")
# glyphs that are one upright stroke rising above the x-height band (to the ascender or the
# capital's height): a stroke no taller than the band, read as one of these, is a cut letter's stem
TALL_STROKE = set("lI1|")
# small letters that are words of their own, or that icons are read as (a chevron, a close cross)
LONE_WORDS = set("aeiouyvxcl")

# shortest line (in x-heights) whose unread ellipsis is looked for: one short word ("Word …"), its
# baseline given by the whole line's band
MIN_DOTS_LINE = 2.5
MIN_DOTTED_TEXT = 3  # characters read before an unread ellipsis: one short word ("One …")
OTHER_COLOUR = 80  # colour distance from a line's text colour where ink is another element's paint (an icon)
FILLED_SHARE = 0.6  # share of a line's ink box at half its text's strength or more where it is a filled shape
FRAME_SHARE = 0.85  # share of a row or column of the line's box inked where it is a frame's side (a field's border)
BRACKET_REACH = 2.5  # x-heights past a line left inside brackets where the closing one may stand (two spaces)
WORD = re.compile(r"[A-Za-z]+")
TAIL_WORD = re.compile(r"([A-Za-z]+)[.,;:]?$")  # a sentence's own stop may follow an element cut inside it
TRAILING_MARKS = re.compile(r"[^\w\s]+$")
WORD_BREAK = " -/(\"“‘"  # what may stand before a word: a space, a hyphen, a slash, an opening mark
MIN_WORD_CONF = 0.8  # a line read with doubt may end in a misread word
TURKISH = set("ğĞşŞİı")  # letters only Turkish writes: a dotless i among them is a letter of its own


def _rule_row(ink: np.ndarray) -> bool:
    """One row of a line's ink is a rule: inked across most of the line, in one long stretch or
    with few breaks (an underline skips the descenders)."""
    share = float(ink.mean())
    if share < 0.6:
        return False
    edges = np.diff(np.concatenate([[0], ink.astype(np.int8), [0]]))
    longest = int((np.nonzero(edges == -1)[0] - np.nonzero(edges == 1)[0]).max())
    return share >= 0.85 or longest >= 0.5 * len(ink)


def _other_alphabet(text: str) -> bool:
    """The line holds letters of an alphabet other than Latin (Greek, Cyrillic): the recogniser
    reads such words with Latin look-alikes ("Ελληνικά" as "Eλληviká"), so the letter read last
    says little about the shape of the glyph that ends the line (a final alpha's two flicks end on
    one column)."""
    return any(ch.isalpha() and ord(ch) < 0x2E80 and not unicodedata.name(ch, "LATIN").startswith("LATIN")
               for ch in text)


def _sliced_end(img: np.ndarray, t: TextInfo) -> bool:
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
        or (last in TWO_MARK_END and not _mark_rises(img, t)) or _other_alphabet(t.text) else 2
    if len(runs) < need:
        return False
    # rows crossing most of the line in one stretch are rules (an underline, a box's border), not
    # glyphs: a run of strong ink within them does not count. The top row of capitals ("SERVICE")
    # is inked as widely, but glyph by glyph
    rules = np.array([_rule_row(r) for r in distance(img[y:y + h, x:x + w], t.bg) >= 0.45 * top])
    return sum(not rules[a:b].all() for a, b in runs) >= need


def _mark_rises(img: np.ndarray, t: TextInfo) -> bool:
    """The last glyph, read as a colon, semicolon or equals sign, reaches well above the x-height
    band: those marks sit inside it (a colon's dots on the band's top and bottom), so it is the
    slice of a taller glyph, a digit's or a capital's ("Goal of 2|" read "Goal of :"). The band's
    top is the row most of the line's ink columns start at (small letters outnumber capitals and
    ascenders in a line; a line in capitals gives the capitals' top, above which no slice rises)."""
    m = _line_ink(img, t, 0)
    if m is None:
        return False
    ink = (m[0] >= 0.4) & ~_rules(m[0])[:, None]  # a link's underline is no glyph
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


def _line_ink(img: np.ndarray, t: TextInfo, pad: int) -> tuple[np.ndarray, int, int] | None:
    """The line's ink strength (0 background, 1 text colour) with `pad` columns past its end, and
    its x-height band's first and last rows (the rows most glyphs cross)."""
    x, y, w, h = t.ink_box
    if h < 8 or t.x_height < 5 or x + w + pad >= img.shape[1]:
        return None
    top = float(distance(np.array([[t.fg]]), t.bg)[0, 0])
    if top < 40:
        return None
    d = distance(img[y:y + h, x:x + w + pad], t.bg) / top
    prof = (d >= 0.4).sum(axis=1)
    band = np.nonzero(prof >= 0.35 * prof.max())[0]
    return d, int(band[0]), int(band[-1])


def _stem_end(img: np.ndarray, t: TextInfo) -> bool:
    """The line's ink ends in an upright stroke through the whole x-height band, yet the glyph read
    last never ends so (r, e, s, ...): the stem left of a letter the container's edge cut off
    ("busi|ness" read "busir")."""
    last = t.text.rstrip()[-1:]
    if len(t.text.rstrip()) < 4 or last not in NO_STEM_END:
        return False
    m = _line_ink(img, t, 3)
    if m is None:
        return False
    d, b0, b1 = m
    if d.shape[1] < 6 or d[:, -3:].max() >= 0.15 or b1 - b0 < 4:
        return False  # too narrow for a stem and a glyph before it, something follows, or no band
    return any(float((d[b0:b1 + 1, k] >= 0.8).mean()) >= 0.8 for k in (-4, -5))


def _thin_stem(img: np.ndarray, t: TextInfo) -> bool:
    """The line ends in a stem cut square, thinner than its word's others (see `thin_last_stem`),
    nothing after it."""
    m = _line_ink(img, t, 3)
    if m is None or _has_cjk(t.text):
        return False
    d, b0, b1 = m
    return float(d[:, -3:].max()) < 0.15 and thin_last_stem(d[:, :-3], b0, b1, t.x_height)


def _sliver(img: np.ndarray, t: TextInfo) -> bool:
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
    m = _line_ink(img, t, 3)
    if m is None:
        return False
    d, b0, b1 = m
    if d[:, -3:].max() >= 0.15:
        return False
    # a link's underline runs under the stroke too; rules in the top half as well are a frame's
    # sides (a button's border), whose upright side is no stroke
    rules = _rules(d[:, :-3])
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
        and not _other_alphabet(text) and not _has_cjk(text)
    if start - before - 1 < (1 if read or tall or banded else 0.35 * t.x_height):
        return False
    # no higher than the band while the glyphs before it rise above it: not an l or an I
    above = b0 - max(2, int(0.25 * t.x_height)) + 1  # the rows an ascender or a capital reaches
    if tall and (rows[0] < b0 - 1 or above <= 0 or not (d[:above, :start] >= 0.3).any()):
        return False
    # a stroke standing on the baseline, or the stem of a p hanging from the band's top below it
    # (a divider rises above the band and hangs below it)
    return banded or b1 - 2 <= rows[-1] <= b1 or (rows[0] >= b0 - 1 and rows[-1] > b1)


def _stray_mark(img: np.ndarray, t: TextInfo) -> bool:
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
    # one narrow stroke with no dot over it (a gap between a dot and its stem)
    return g.shape[1] <= 0.7 * t.x_height and len(rows) == rows[-1] - rows[0] + 1


def _clean_stop(img: np.ndarray, t: TextInfo, reach: float = 1.0) -> bool:
    """Past the line's last glyph lies background for `reach` x-heights or more (a pale column of
    the next glyph, sliced thin, may show right at the edge)."""
    x, y, w, h = t.ink_box
    span = int(round(reach * t.x_height))
    after = distance(img[y:y + h, x + w:min(img.shape[1], x + w + span)], t.bg)
    top = float(distance(np.array([[t.fg]]), t.bg)[0, 0])
    return after.shape[1] >= span and float(after[:, 2:].max()) < 40 and float(after[:, :2].max()) < 0.5 * top


def _lone_capital(img: np.ndarray, t: TextInfo) -> bool:
    """A sentence that stops at one capital letter after a space ("Watch anywhere. C", "JSON, X",
    "Photo & V"): the start of a word whose rest was cut off. Ink must stop cleanly after it. A
    footer's middle dots and bars part words as spaces do, and the recogniser may read the space
    after a comma as none ("Press·©Quora,I" for "Press · © Quora, I|nc.")."""
    words = re.findall(r"[^\s·•|,]+", t.text)
    # "Photo & V": a word joined on ("Q & A" is not)
    joined = len(words) >= 3 and words[-2] == "&" and len(words[-3]) >= 3
    if len(words) < 3 or len(words[-1]) != 1 or not ("A" <= words[-1] <= "Z") or (len(words[-2]) < 2 and not joined):
        return False
    return _clean_stop(img, t)


def _lone_letter(img: np.ndarray, t: TextInfo, infos: list[TextInfo]) -> bool:
    """A phrase that stops at one small letter after a word ("Log in w"): the start of a word whose
    rest was cut off, unless that letter is a word of its own (a, e, i, o, u, y in the languages
    written in Latin letters), a unit after a number ("24 h"), or an icon the recogniser read as a
    letter (a chevron "v", a close "x", a brand's "f" painted in another colour than the line's
    text). A line that wraps on below ends in whatever word fits."""
    words = t.text.split()
    if len(words) < 3 or len(words[-1]) != 1 or not ("a" <= words[-1] <= "z") or words[-1] in LONE_WORDS \
            or len(words[-2]) < 2 or not words[-2][-1].isalpha():
        return False
    return _clean_stop(img, t) and not _continues(t, infos) and not _other_colour_end(img, t)


def _other_colour_end(img: np.ndarray, t: TextInfo) -> bool:
    """The line's last word of ink is painted in another colour than the words before it: an icon
    beside the text (a social network's mark read as a letter), not a letter of the same words.
    The line's measured text colour may be the icon's own, the strongest ink in it."""
    d = ink_strength(img, t)
    words = ink_words(d, t.x_height) if d is not None else []
    if len(words) < 2:
        return False
    x, y, w, h = t.ink_box
    box = img[y:y + h, x:x + w]
    strong = d >= 0.6
    end, rest = strong.copy(), strong.copy()
    end[:, :words[-1][0]] = False
    rest[:, words[-2][1] + 1:] = False
    if not end.any() or not rest.any():
        return False
    paint = [np.median(box[m].reshape(-1, img.shape[2]), axis=0) for m in (end, rest)]
    return float(distance(np.array([[paint[0]]]), paint[1])[0, 0]) > OTHER_COLOUR


def _open_bracket(img: np.ndarray, t: TextInfo, infos: list[TextInfo]) -> bool:
    """A line that stops inside brackets it opened ("English (Ca"): the closing bracket was cut off
    with the rest, unless the text wraps on below or goes on to the right, or the bracket closes
    a space or two further on (code sets one inside its brackets, `html( "Next" )`, and the
    recogniser may leave the lone bracket, often in another colour, out of the line). A bracket
    glued to a word that is no English one is a misreading, not prose's bracket (an icon font's
    ligature name read as "arfr(udroptatedown")."""
    text = t.text.rstrip()
    k = max(text.rfind("("), text.rfind("["))
    if len(text) < 4 or k < 1 or not any(ch.isalnum() for ch in text[k + 1:]) or ")" in text[k:] \
            or "]" in text[k:]:
        return False
    glued = re.search(r"([A-Za-z]+)$", text[:k])
    if glued is not None and not is_word(glued.group(1)):
        return False
    return _clean_stop(img, t, BRACKET_REACH) and not _continues(t, infos, bracket=True)


def _cut_word(img: np.ndarray, t: TextInfo, infos: list[TextInfo]) -> bool:
    """The line stops part-way into a word: its last word is no English word but the start of one
    ("Search any IP addr", "A software collaboration pla"), while the words before it are all
    English (the recogniser read the line well, in the language the word list knows: a line in
    another one has words the list lacks, "Visitez notre boutique en ligne"). A word alone is left
    out (a search field's half-typed query, a name), and so are acronyms and names in capitals (the
    list holds few) but in a heading all in capitals (see `capitals_fragment`); a capitalised name
    it lacks inside a sentence ("about Sovrn, please") is passed over when two other words are
    English. The sentence's own stop may follow the fragment (a link
    cut inside a sentence: "read our support docum."). A line wrapping on below ends in a whole
    word, so none is looked for. Ink must stop cleanly after it, and not well short of the field or
    button it sits in (a query typed into a search box). A vowelless abbreviation read last counts
    as no word (see `vowelless`), and so does a word whose last letter is a cut one's misreading
    (see `misread_last`). A word the screen shows whole elsewhere is the page's own (see
    `shown_whole`). A last word run together with the one before it is read apart (see
    `_respaced`)."""
    text = _respaced(img, t)
    m = TAIL_WORD.search(text)
    if m is None or t.conf < MIN_WORD_CONF:
        return False
    if capitals_fragment(text):
        return _clean_stop(img, t) and not _room_after(img, t)
    last, before = m.group(1), text[:m.start(1)]
    if len(last) < 2 or not last[1:].islower() or not before or before[-1] not in WORD_BREAK:
        return False
    words = [m for m in WORD.finditer(before) if len(m.group()) >= 2 and not m.group().isupper()]
    if not english_but_names(before):
        return False
    # a capitalised last word after a small-letter one, inside a sentence, is a name the list lacks
    # ("Connect with Temu"), as inside the line; a title's words are all capitalised
    if last[0].isupper() and words and words[-1].group()[0].islower() and before.rstrip()[-1:] not in ".!?:":
        return False
    abbreviation = vowelless(last, before) and m.end(1) == len(text)  # no stop after it
    cut = (not is_word(last) or rare_pair(last, before)) and begins_word(last) or abbreviation or misread_last(last)
    others = [u.text for u in infos if u is not t and u.text.strip() != t.text.strip()]
    return cut and _clean_stop(img, t) and not _room_after(img, t) and not shown_whole(last, others)


def _respaced(img: np.ndarray, t: TextInfo) -> str:
    """The line's text with the word space the recogniser dropped in its last word put back: a
    large heading's tight word space is often read as none ("Onemor" for "One mor|e"), while its
    ink shows one word more than the text. The space goes where the ink words split the letters (by
    their widths; a letter off only when that is the one way) and must leave an English word before
    a fragment that begins one without being one; otherwise the text is left as read."""
    text = t.text.rstrip()
    said = text.split()
    d = ink_strength(img, t) if t.x_height >= 5 and t.ink_box[3] >= 8 else None
    words = ink_words(d, t.x_height) if d is not None else []
    last = said[-1] if said else ""
    if len(words) != len(said) + 1 or not re.fullmatch(r"[A-Za-z]{5,}", last) or is_word(last) or begins_word(last):
        return text
    (a, b), (c, e) = words[-2:]
    k0 = round(len(last) * (b - a + 1) / (b - a + e - c + 2))
    fits = [k for k in (k0, k0 - 1, k0 + 1) if 2 <= k <= len(last) - 2 and is_word(last[:k])
            and not is_word(last[k:]) and begins_word(last[k:]) and last[k:].islower()]
    if not fits or (fits[0] != k0 and len(fits) > 1):
        return text  # no split, or two a letter off either way
    # the last ink word must be as wide as the fragment's letters: the missing space is not
    # elsewhere in the line
    pitch = (words[-1][1] - words[0][0] + 1) / max(1, len(text) - 1)
    if not 0.67 <= (e - c + 1) / (len(last) - fits[0]) / pitch <= 1.5:
        return text
    return text[:len(text) - len(last)] + last[:fits[0]] + " " + last[fits[0]:]


def _english_before(words: list[str]) -> bool:
    """The words before a line's last are English (the list knows them; capitals too): the
    recogniser read the line well, in the language the word list knows."""
    known = [w for w in WORD.findall(" ".join(words)) if len(w) >= 2]
    return bool(known) and all(is_word(w) for w in known)


def _misread_end(img: np.ndarray, t: TextInfo) -> bool:
    """The recogniser's reading of the last glyph says it is a slice of one: a dotless "ı" in an
    English line (a letter's first stem, its dot never drawn: "walr|us" read "walrı"), a closing
    bracket or a bar glued to a word with nothing opened before it ("WARHO]", "sup|": the stem and
    foot of a cut letter), an opening bracket glued to a word with nothing after it, which opens
    nothing ("with G(" for "with G|o": the left arc of a cut round letter), or a word in capitals
    ending in "I" that is no word, where the letters before the I's begin one ("RECUPERATII" for
    "RECUPERATI|ON": a cut N's first stem), or a lone letter of another alphabet ("southerly π" for
    "southerly m|"). The words before must be English and the ink must stop cleanly after the
    line."""
    text = t.text.rstrip()
    words = text.split()
    if len(words) < 2 or t.conf < MIN_WORD_CONF or not _english_before(words[:-1]):
        return False
    last = words[-1]
    core = last.rstrip("I")
    after_letter = last[-2:-1].isalpha()
    dotless = last[-1:] == "ı" and after_letter and not any(ch in TURKISH for ch in text[:-1])
    unopened = last[-1:] in "]|" and after_letter and not any(ch in "[|" for ch in text[:-1])
    arc = last[-1:] == "(" and after_letter
    stem = last.isupper() and last.isalpha() and len(last) >= 4 and core != last and len(core) >= 3 \
        and not is_word(last) and begins_word(core)
    # one letter of another alphabet after English words: the recogniser's guess at a sliver
    # ("southerly π" for a cut "m")
    foreign = len(last) == 1 and unicodedata.name(last, "").startswith(("GREEK", "CYRILLIC")) \
        and not _other_alphabet(text[:-1])
    return (dotless or unopened or arc or stem or foreign) and _clean_stop(img, t)


def _cut_inside(img: np.ndarray, t: TextInfo) -> int | None:
    """Where a word inside the line stops that is no English word but the start of one, the other
    words English ("with fixes for vulnerabiliti (CVE-2024-24989,"): an element clipped inside a
    sentence, the sentence running on after it. Returns the character index just past that word,
    or None. Words in small letters only, four or more of them (a short fragment or a name in
    capitals says little), or three painted apart from the word after them (see `_painted_apart`:
    "The French dic has over"); at least two other words must vouch for the language, and none
    may be a misreading."""
    if t.conf < MIN_WORD_CONF:
        return None
    said = list(re.finditer(r"\S+", t.text.rstrip()))
    for k, m in enumerate(said):
        # the recogniser may glue the bracket that follows to the fragment: "vulnerabilitie(CVE-",
        # the sentence going on in it even in the line's last word
        word = m.group().split("(")[0]
        glued = word != m.group() and any(ch.isalnum() for ch in m.group()[len(word):])
        if (k == len(said) - 1 and not glued) or not re.fullmatch(r"[a-z]{3,}", word) or is_word(word) \
                or not begins_word(word) or (glued and len(word) < 4):
            continue
        rest = [w.group() for j, w in enumerate(said) if j != k] + ([m.group()[len(word):]] if glued else [])
        others = [w for w in WORD.findall(" ".join(rest)) if len(w) >= 2 and not w.isupper()]
        # a word in small letters that is no word and begins none: the recogniser misread the
        # line, and may have misread the fragment too ("attibution information abou all"); a word
        # run into digits is a name in a version or date ("2024-02-14nginx-1.25.4"), not a misreading
        words = [re.sub(r"^\W+|\W+$", "", w) for w in rest]
        misread = any(w.isalpha() and w.islower() and len(w) >= 3 and not is_word(w) and not begins_word(w)
                      for w in words)
        if len(others) >= 2 and sum(map(is_word, others)) >= 0.8 * len(others) and not misread \
                and (len(word) >= 4 or _painted_apart(img, t, k)):
            return m.start() + len(word)
    return None


def _painted_apart(img: np.ndarray, t: TextInfo, k: int) -> bool:
    """The line's k-th word is painted in another colour than the word after it: the end of an
    element set apart from the sentence around it (a link, a bold name), which is what a clip
    inside a sentence cuts; a three-letter fragment in the sentence's own paint is more often a
    misreading or a typo ("as wel as"). Needs one word of ink per word read."""
    d = ink_strength(img, t) if t.x_height >= 5 and t.ink_box[3] >= 8 else None
    words = ink_words(d, t.x_height) if d is not None else []
    if len(words) != len(t.text.split()) or k + 1 >= len(words):
        return False
    x, y, w, h = t.ink_box
    box = img[y:y + h, x:x + w]
    paint = []
    for a, b in words[k:k + 2]:
        part = d[:, a:b + 1]
        core = part >= 0.8 * float(part.max())  # the strokes' middles, off the anti-aliased edges
        paint.append(np.median(box[:, a:b + 1][core].reshape(-1, img.shape[2]), axis=0))
    return float(distance(np.array([[paint[0]]]), paint[1])[0, 0]) > OTHER_COLOUR


def _without_icons(img: np.ndarray, t: TextInfo, d: np.ndarray, words: list[tuple[int, int]]) \
        -> tuple[np.ndarray, TextInfo, list[tuple[int, int]]]:
    """The screenshot, the line and its ink words as they would be without the hollow boxes ending
    the line (an icon font's glyphs drawn as missing, which the recogniser reads as a mark, a lone
    letter or not at all), painted over in the line's ground: a label clipped before its icon is cut where its
    words end, and the box's own straight sides are no cut."""
    n = 0
    while len(words) - n >= 2 and is_tofu(d, words[-1 - n], t.x_height):
        n += 1
    if not n:
        return img, t, words
    x, y, w, h = t.ink_box
    plain = img.copy()
    plain[y:y + h, x + words[-n][0]:x + w] = t.bg
    text = TRAILING_MARKS.sub("", t.text.rstrip()).rstrip()
    # a box read as a lone letter after a word space ("Products ε"): more words read than kept
    while len(text.split()) > len(words) - n and len(text.split()[-1]) == 1:
        text = text[:-1].rstrip()
    return plain, replace(t, text=text, ink_box=(x, y, words[-1 - n][1] + 1, h)), words[:len(words) - n]


def _filled(d: np.ndarray | None) -> bool:
    """Most of the line's ink box is as strong as its text colour: glyphs leave most of their box
    to the ground (heavy bold about half of it), so this is a filled shape measured as the text
    (the frame of a broken image with its alt text, a button, a photo behind pale text), whose
    edges say nothing about cut glyphs."""
    return d is not None and float((d >= 0.5).mean()) > FILLED_SHARE


def _has_cjk(text: str) -> bool:
    """CJK glyphs are set without spaces and their strokes end anywhere: ink words and cut strokes
    say nothing in such a line."""
    return any(ord(ch) >= 0x2E80 for ch in text)


def _rules(d: np.ndarray) -> np.ndarray:
    """Which rows of the line's ink are rules (an underline, a border), not glyphs."""
    return np.array([_rule_row(r) for r in d >= 0.45])


def _sliced_inside(t: TextInfo, d: np.ndarray, words: list[tuple[int, int]]) -> bool:
    """A word inside the line ends in a straight cut through three or more strokes at full
    strength, a word space before the next: an element clipped inside a sentence, the sentence
    running on after it ("our Terms of S| and"). No glyph's own right edge is three full-strength
    strokes ending on one column but those of three bars (E, a menu icon's lines): the cut ones
    must be joined by the glyph's ink between them."""
    if _has_cjk(t.text):
        return False  # CJK strokes end anywhere
    said = t.text.split()
    rules = None
    for k, (a, b) in enumerate(words[:-1]):
        if len(words) == len(said) and said[k][-1:] in BARRED_END | TWO_MARK_END:
            continue
        if int((d[:, b] >= 0.8).sum()) < 3:
            continue
        rules = _rules(d) if rules is None else rules
        runs = strong_runs(d, b, rules)
        inked = (d[:, a:b + 1] >= 0.45).any(axis=1)
        joined = 1
        for (_, e0), (s1, _) in zip(runs, runs[1:]):
            joined = joined + 1 if inked[e0:s1].all() else 1
            if joined >= 3:
                return True
    return False


def _unread_fragment(img: np.ndarray, t: TextInfo, d: np.ndarray, words: list[tuple[int, int]]) -> bool:
    """The line's ink ends in a word the recogniser did not read, no wider than an x-height, whose
    last column cuts two or more strokes at full strength with nothing after it: the sliver of a
    letter left at a container's edge ("Cookies (" of "Cookies consent"). The recogniser reads a
    whole short word; a cut one it often drops."""
    x, y, w, h = t.ink_box
    a, b = words[-1] if words else (0, 0)
    if _has_cjk(t.text) or len(words) <= len(t.text.split()) or b - a + 1 > t.x_height or x + w + 4 >= img.shape[1]:
        return False
    top = float(distance(np.array([[t.fg]]), t.bg)[0, 0])
    if float((distance(img[y:y + h, x + w:x + w + 3], t.bg) / top).max()) >= 0.15:
        return False  # something follows
    return len(strong_runs(d, b, _rules(d))) >= 2


def _dangling_word(img: np.ndarray, t: TextInfo, infos: list[TextInfo]) -> bool:
    """The line stops on a word that cannot end an English phrase (an article, "to", "of", "and",
    a possessive: "Already have an", "Power to"): text clipped at a word gap leaves whole words,
    but not a whole phrase. The words before must be English (the list knows them), the line must
    not wrap on below (checked by the caller) nor have ink or room after it, as for a cut word.
    Words that end phrasal verbs and credits ("Sign in", "Powered by") are not among them. So does
    a past participle right after "a" or "an" (see `article_participle`). A name the list lacks may
    stand among the words before, as for a cut word ("Enter your QuickConnect ID to")."""
    text = t.text.rstrip()
    words = text.split()
    # in small letters: a capital "A" may be a letter of its own ("Q & A")
    if t.conf < MIN_WORD_CONF or len(words) < 2 or (words[-1] not in DANGLING and not article_participle(words)):
        return False
    if not english_but_names(" ".join(words[:-1])) or _text_below(img, t, infos):
        return False
    return _clean_stop(img, t) and not _room_after(img, t)


def _text_below(img: np.ndarray, t: TextInfo, infos: list[TextInfo]) -> bool:
    """Another line starts just below, under this one, in any size or alignment: the phrase
    may go on there (a centred heading wrapping, "Download on the / App Store"), read or only inked
    (a pale line the recogniser missed); or the screen ends where such a line would be."""
    x, y, w, h = t.box
    reach = 3.5 * t.x_height
    if y + h + reach > img.shape[0]:
        return True
    # ink under the line in its own colour: a line the recogniser missed (pale text on a picture)
    below = distance(img[y + h:y + h + int(reach), x:x + w], t.bg)
    top = float(distance(np.array([[t.fg]]), t.bg)[0, 0])
    if below.size and int((below >= max(24.0, 0.5 * top)).sum()) >= 4 * t.x_height:
        return True
    # under half of it at least: the next line of a wrapped phrase starts under it or is centred
    # with it; one reaching under its last letters only is another element (a button's label)
    return any(u is not t and y + h / 2 < u.box[1] + u.box[3] / 2 and u.box[1] - (y + h) <= reach
               and min(x + w, u.box[0] + u.box[2]) - max(x, u.box[0]) >= 0.5 * min(w, u.box[2]) for u in infos)


def _continues(t: TextInfo, infos: list[TextInfo], bracket: bool = False) -> bool:
    """The text goes on past this line: in one a few spaces to its right on the same row, or in a
    line of the same type just below (see `_wraps_on`)."""
    x, _, w, _ = t.ink_box
    cy = t.box[1] + t.box[3] / 2
    for u in infos:
        if u is not t and _same_type(t, u) and abs(u.box[1] + u.box[3] / 2 - cy) < 0.5 * t.box[3] \
                and x + w <= u.ink_box[0] <= x + w + 4 * t.x_height:
            return True
    return _wraps_on(t, infos, bracket)


def _same_type(t: TextInfo, u: TextInfo) -> bool:
    return abs(u.x_height - t.x_height) <= max(2, 0.25 * t.x_height)


def _wraps_on(t: TextInfo, infos: list[TextInfo], bracket: bool = False) -> bool:
    """A line of the same type starts just below at the same x, a paragraph's pitch away (under
    twice the x-height plus a generous leading, or, for a line left inside brackets, a little more
    when that line closes them): the text wraps there, so this line ends in whatever whole word
    fit ("... NOMBRES DE / DOMINIO PARA .DO A / PARTIR DEL"), and the glyph shapes the weaker clues
    read at its end (a lone letter, a bare stroke) are the word's own. A clipped line does not wrap."""
    x = t.ink_box[0]
    cy = t.box[1] + t.box[3] / 2
    for u in infos:
        if u is t or not _same_type(t, u) or abs(u.ink_box[0] - x) > max(2, 0.3 * t.x_height):
            continue
        pitch = u.box[1] + u.box[3] / 2 - cy
        xh = max(t.x_height, u.x_height)
        if 0 < pitch and (pitch <= 3.5 * xh or (bracket and pitch <= 5 * xh and _closes_first(u.text))):
            return True
    return False


def _closes_first(text: str) -> bool:
    """The text closes a bracket before it opens one: it goes on from a line left inside them."""
    ends = [k for k in (text.find(")"), text.find("]")) if k >= 0]
    opens = [k for k in (text.find("("), text.find("[")) if k >= 0]
    return bool(ends) and (not opens or min(ends) < min(opens))


def _band_bottom(img: np.ndarray, t: TextInfo) -> int | None:
    """The baseline as the last row of the whole line's x-height band (the rows most glyphs
    cross), in the line's ink box; None when the line's ink cannot be measured. The few glyphs
    just before an ellipsis may not show it: a question mark's hook ends above it ("Solutions? W…")."""
    m = _line_ink(img, t, 0)
    return None if m is None else m[2] + 1


def _dots_end(img: np.ndarray, t: TextInfo) -> int | None:
    """The line's ink ends in three small dots on the baseline, evenly spaced: an ellipsis the
    recogniser did not read (it often drops it, reads it as one full stop, or leaves it out of the
    line's box when a space precedes it). Returns the x just past the dots, or None."""
    x, y, w, h = t.ink_box
    W = img.shape[1]
    if t.x_height < 5 or w < MIN_DOTS_LINE * t.x_height:
        return None
    x0, x1 = max(x, x + w - 4 * t.x_height), min(W, x + w + 3 * t.x_height)
    crop = img[y:y + h, x0:x1]
    top = float(distance(np.array([[t.fg]]), t.bg)[0, 0])
    ink = (distance(crop, t.bg) >= max(24.0, 0.4 * top)).astype(np.uint8)
    n, _, stats, _ = cv2.connectedComponentsWithStats(ink, connectivity=8)
    comps = sorted((tuple(int(v) for v in stats[i]) for i in range(1, n)), key=lambda c: c[0])
    if len(comps) < 4:
        return None
    dots, rest = comps[-3:], comps[:-3]
    size = max(2, 0.45 * t.x_height)
    if any(c[2] > size or c[3] > size or c[2] * 2.5 < c[3] or c[3] * 2.5 < c[2] for c in dots):
        return None
    if dots[0][0] > w + 2 * t.x_height + (x - x0):
        return None  # a gap wider than a space: dots of something else
    bottoms = [c[1] + c[3] for c in dots]
    base = max(c[1] + c[3] for c in rest)  # the glyphs' lowest ink: baseline or descenders
    body = [c for c in rest if c[3] >= 0.8 * t.x_height]
    if not body or max(bottoms) - min(bottoms) > 1:
        return None
    band = _band_bottom(img, t)
    baselines = {int(np.median([c[1] + c[3] for c in body]))} | ({band} if band is not None else set())
    if all(abs(bottoms[0] - b) > 2 for b in baselines) or base < min(baselines) - 1:
        return None
    gaps = [dots[1][0] - dots[0][0], dots[2][0] - dots[1][0]]
    if abs(gaps[0] - gaps[1]) > 1 or min(gaps) < max(dots[0][2], 2) + 1 or max(gaps) > 0.9 * t.x_height + 2:
        return None
    end = x0 + dots[2][0] + dots[2][2]
    # an ellipsis ends the text: glyphs going on past the dots make them something else's (the
    # corners of a pill or the points in a name beside a short word)
    after = distance(img[y:y + h, end:min(W, end + t.x_height)], t.bg)
    return end if not after.size or float(after.max()) < max(24.0, 0.4 * top) else None


def _edge_after(d: np.ndarray, tol: float) -> int | None:
    """Index of the first line of `d` (lines along axis 0) that is not background, if that line is
    an edge crossing the whole band (a border or the side of a filled box); None when the first
    thing met is anything else, or nothing is met."""
    hit = (d > tol).mean(axis=1)
    first = np.nonzero(hit > 0)[0]
    if not len(first):
        return None
    k = int(first[0])
    return k if hit[k:k + 3].max() >= 0.85 else None


def _box_room(img: np.ndarray, t: TextInfo) -> tuple[int, int] | None:
    """(left padding, room on the right) of the closed box the line sits in, a field or a button
    whose four sides show; None when no such box surrounds it closely."""
    x, y, w, h = t.ink_box
    H, W = img.shape[:2]
    xh = max(t.x_height, 4)
    tol = 24
    if x < 4 or x + w + 4 >= W:
        return None
    # from two pixels off the ink on (a faint anti-aliased column may lie just outside the box)
    right = _edge_after(distance(img[y:y + h, x + w + 2:min(W, x + w + 80 * xh)], t.bg).T, tol)
    left = _edge_after(distance(img[y:y + h, max(0, x - 6 * xh):x - 2][:, ::-1], t.bg).T, tol)
    if right is None or left is None:
        return None
    right, left = right + 2, left + 2
    x0, x1 = x - left, x + w + right  # the inside, between the sides
    up = _edge_after(distance(img[max(0, y - 2 * h):y, x0:x1][::-1], t.bg), tol)
    down = _edge_after(distance(img[y + h:min(H, y + 3 * h), x0:x1], t.bg), tol)
    if up is None or down is None:
        return None
    return left, right


def _against_inside(img: np.ndarray, t: TextInfo) -> TextInfo | None:
    """The line measured against the most common colour inside its box."""
    x, y, w, h = t.box
    x, y, w, h = x + 3, y + 3, w - 6, h - 6  # off the field's own edge, which the box follows
    if w < 4 or h < 4:
        return None
    crop = img[y:y + h, x:x + w]
    bg, share = mode_color(crop)
    if share < 0.4 or distance(np.array([[bg]]), t.bg)[0, 0] <= 24:
        return None
    d = np.where(distance(crop, t.bg) > 24, distance(crop, bg), 0)  # the colour outside is no ink either
    ink = d >= max(24.0, 0.35 * float(d.max()))
    rows, cols = np.nonzero(ink.any(axis=1))[0], np.nonzero(ink.any(axis=0))[0]
    if len(rows) == 0:
        return None
    prof = ink.sum(axis=1)
    dense = np.nonzero(prof >= 0.35 * prof.max())[0]
    box = (x + int(cols[0]), y + int(rows[0]), int(cols[-1] - cols[0] + 1), int(rows[-1] - rows[0] + 1))
    return replace(t, ink_box=box, bg=bg, bg_share=share, x_height=int(dense[-1] - dense[0] + 1))


def _inside_frame(img: np.ndarray, t: TextInfo) -> TextInfo | None:
    """The line with its ink box cut to the glyphs inside the frame it took in: the recogniser's box
    may start on a field's left border and span its height, so the border's sides and the top and
    bottom rows (inked across the box) are the field, not the text; None when no such side shows."""
    x, y, w, h = t.ink_box
    ink = distance(img[y:y + h, x:x + w], t.bg) > 24
    if not ink.size:
        return None
    rows, cols = ink.mean(axis=1) >= FRAME_SHARE, ink.mean(axis=0) >= FRAME_SHARE
    r0, r1, c0, c1 = 0, h, 0, w
    while r0 < r1 and rows[r0]:
        r0 += 1
    while r1 > r0 and rows[r1 - 1]:
        r1 -= 1
    while c0 < c1 and cols[c0]:
        c0 += 1
    while c1 > c0 and cols[c1 - 1]:
        c1 -= 1
    if c0 == 0 and c1 == w:
        return None  # no side of a frame at either end
    inner = ink[r0:r1, c0:c1]
    ys, xs = np.nonzero(inner.any(axis=1))[0], np.nonzero(inner.any(axis=0))[0]
    if not len(ys):
        return None
    box = (x + c0 + int(xs[0]), y + r0 + int(ys[0]), int(xs[-1] - xs[0] + 1), int(ys[-1] - ys[0] + 1))
    return replace(t, ink_box=box)


def _room_after(img: np.ndarray, t: TextInfo) -> bool:
    """The line stops well short of the right side of the field or button it sits in: text cut by
    its box's edge fills the box (an ellipsis there is the text's own, like a placeholder's
    "Search for ...")."""
    if t.ink_box[2] >= t.box[2] - 1:
        # "ink" from side to side of the box: the box took in the field itself (white on a coloured
        # bar), so the field was measured as ink; measure the text against the field's colour
        t = _against_inside(img, t) or t
    r = _box_room(img, t)
    if r is None and (framed := _inside_frame(img, t)) is not None:
        r = _box_room(img, framed)
    return r is not None and r[1] > r[0] + 2 * t.x_height


def _quoted_ellipsis(img: np.ndarray, t: TextInfo) -> bool:
    """The ellipsis read last closes a quotation the line opened ("change its HTML to 'Next
    Step...'"): a quote mark opens a word before it, and the ink goes on past the dots in one narrow
    mark hanging from the line's top, the closing quote the recogniser dropped. A truncated
    element's ellipsis is the last glyph it draws, so it quotes copy that has its own ellipsis."""
    text = t.text.rstrip()
    if not re.search(r"(?:^|\s)['\"‘“]\w", text):
        return False
    m = _line_ink(img, t, 0)
    if m is None:
        return False
    d, b0, b1 = m
    cols = np.nonzero((d >= 0.4).any(axis=0))[0]
    gaps = np.nonzero(np.diff(cols) > 1)[0]
    if not len(gaps):
        return False
    start = int(cols[gaps[-1] + 1])  # the last glyph, apart from the dots by a column of ground
    rows = np.nonzero((d[:, start:] >= 0.4).any(axis=1))[0]
    return d.shape[1] - start <= 0.6 * t.x_height and int(rows[-1]) <= (b0 + b1) / 2


def _wrapped_last_line(t: TextInfo, infos: list[TextInfo]) -> bool:
    """The last line of a wrapped paragraph: the line just above starts at the same x in the same
    type and runs on further right, so this text wraps and was not cut (an ellipsis there is the
    text's own, "and counting...")."""
    x, y, w, h = t.ink_box
    for u in infos:
        ux, uy, uw, uh = u.ink_box
        if u is t or abs(ux - x) > max(2, 0.3 * t.x_height) or abs(u.x_height - t.x_height) > max(2, 0.25 * t.x_height):
            continue
        # the next line of the same paragraph: a line's pitch is about twice the x-height (a
        # paragraph's margin adds to it)
        pitch = (t.box[1] + t.box[3] / 2) - (u.box[1] + u.box[3] / 2)
        if 0 < pitch <= 2.6 * max(t.x_height, u.x_height) and ux + uw >= x + w + 3 * t.x_height \
                and distance(np.array([[u.fg]]), t.fg)[0, 0] <= 40:
            return True
    return False


SLICED_FIX = ("Remove `overflow: hidden` / fixed width on the container, or add `text-overflow: ellipsis` "
              "and let it wrap")


def _issue_ellipsis(box, text: str) -> Issue:
    return Issue("text-truncation", list(box), "warning", f"Text \"{text[:40]}\" is cut off with an ellipsis",
                 "visual", "Let the text wrap (`white-space: normal`), widen its container, "
                           "or show the full text in a title/tooltip", score=0.8)


def _box_upto(t: TextInfo, k: int) -> list[int]:
    """The part of the line's box up to its k-th character, by the characters' share of its width."""
    x, y, w, h = t.box
    end = x + int(round(w * k / max(1, len(t.text.rstrip()))))
    return [x, y, end - x, h]


def detect(img: np.ndarray, infos: list[TextInfo]) -> list[Issue]:
    out = []
    for t in infos:
        text = t.text.rstrip()
        dots = None if text.endswith(ELLIPSES) else _dots_end(img, t)
        mid = MID_ELLIPSIS.search(text)
        if (len(text) >= 4 and text.endswith(ELLIPSES) or len(text) >= MIN_DOTTED_TEXT and dots is not None) \
                and not text.rstrip(".… ").lower().endswith("etc"):
            if _room_after(img, t) or own_ellipsis(text) or _quoted_ellipsis(img, t) \
                    or (_wrapped_last_line(t, infos) and not fragment_before_ellipsis(text)):
                continue
            box = list(t.box)
            if dots is not None and dots > box[0] + box[2]:
                box[2] = dots - box[0]
            out.append(_issue_ellipsis(box, text))
            continue
        if mid is not None and mid.start() >= 3:
            dots = max(mid.end(1), mid.end(2), mid.end(3))  # whichever form matched (the others give -1)
            out.append(_issue_ellipsis(_box_upto(t, dots), text[:dots]))
            continue
        inside = _cut_inside(img, t)
        if inside is None and t.conf >= MIN_WORD_CONF:
            inside = short_fragment_inside(text)
        if inside is not None:
            out.append(Issue("text-truncation", _box_upto(t, inside), "warning",
                             f"Text \"{text[:inside][-40:]}\" stops part-way into a word inside a sentence: probably "
                             "an element sliced at its edge", "visual", SLICED_FIX, score=0.7))
            continue
        d = ink_strength(img, t) if t.x_height >= 5 and t.ink_box[3] >= 8 else None
        words = ink_words(d, t.x_height) if d is not None else []
        # the line up to where its words end: an icon after a clipped label does not hide the cut
        plain, e, said = _without_icons(img, t, d, words) if words else (img, t, words)
        if not e.text:
            continue
        glyphs = not _filled(d)
        if glyphs and (_sliced_end(plain, e) or _thin_stem(plain, e) or (len(e.text) >= 4 and len(said) >= 1
                       and (_unread_fragment(plain, e, d, said) or _sliced_inside(t, d, words)))):
            out.append(Issue("text-truncation", list(t.box), "error",
                             f"Text \"{text[:40]}\" is sliced at its container's edge", "visual", SLICED_FIX, score=1.0))
        elif (_lone_capital(plain, e)
              or glyphs and (_stray_mark(plain, e) or _stem_end(plain, e) or _sliver(plain, e))
              or _lone_letter(plain, e, infos) or _open_bracket(plain, e, infos) or _cut_word(plain, e, infos)
              or _dangling_word(plain, e, infos) or _misread_end(plain, e)) \
                and not _wraps_on(t, infos):
            out.append(Issue("text-truncation", list(t.box), "warning",
                             f"Text \"{text[:40]}\" ends part-way into a word: probably sliced at its "
                             "container's edge", "visual", SLICED_FIX, score=0.7))
    return out
