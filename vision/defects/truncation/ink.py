"""text-truncation, the line's ink near its end: measured against its ground, with the rules (an
underline, a border) and the icons after the words told apart from the glyphs, for the clues in
`glyphs` and `fragments`."""
from __future__ import annotations

import re
import unicodedata
from dataclasses import replace

import numpy as np

from ..ink_words import ink_strength, ink_words, is_tofu
from ..pixels import TextInfo, distance

OTHER_COLOUR = 80  # colour distance from a line's text colour where ink is another element's paint (an icon)
FILLED_SHARE = 0.6  # share of a line's ink box at half its text's strength or more where it is a filled shape
TRAILING_MARKS = re.compile(r"[^\w\s]+$")


def rule_row(ink: np.ndarray) -> bool:
    """One row of a line's ink is a rule: inked across most of the line, in one long stretch or
    with few breaks (an underline skips the descenders)."""
    share = float(ink.mean())
    if share < 0.6:
        return False
    edges = np.diff(np.concatenate([[0], ink.astype(np.int8), [0]]))
    longest = int((np.nonzero(edges == -1)[0] - np.nonzero(edges == 1)[0]).max())
    return share >= 0.85 or longest >= 0.5 * len(ink)


def rule_rows(d: np.ndarray) -> np.ndarray:
    """Which rows of the line's ink are rules (an underline, a border), not glyphs."""
    return np.array([rule_row(r) for r in d >= 0.45])


def other_alphabet(text: str) -> bool:
    """The line holds letters of an alphabet other than Latin (Greek, Cyrillic): the recogniser
    reads such words with Latin look-alikes ("Ελληνικά" as "Eλληviká"), so the letter read last
    says little about the shape of the glyph that ends the line (a final alpha's two flicks end on
    one column)."""
    return any(ch.isalpha() and ord(ch) < 0x2E80 and not unicodedata.name(ch, "LATIN").startswith("LATIN")
               for ch in text)


def has_cjk(text: str) -> bool:
    """CJK glyphs are set without spaces and their strokes end anywhere: ink words and cut strokes
    say nothing in such a line."""
    return any(ord(ch) >= 0x2E80 for ch in text)


def line_ink(img: np.ndarray, t: TextInfo, pad: int) -> tuple[np.ndarray, int, int] | None:
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


def clean_stop(img: np.ndarray, t: TextInfo, reach: float = 1.0) -> bool:
    """Past the line's last glyph lies background for `reach` x-heights or more (a pale column of
    the next glyph, sliced thin, may show right at the edge)."""
    x, y, w, h = t.ink_box
    span = int(round(reach * t.x_height))
    after = distance(img[y:y + h, x + w:min(img.shape[1], x + w + span)], t.bg)
    top = float(distance(np.array([[t.fg]]), t.bg)[0, 0])
    return after.shape[1] >= span and float(after[:, 2:].max()) < 40 and float(after[:, :2].max()) < 0.5 * top


def filled(d: np.ndarray | None) -> bool:
    """Most of the line's ink box is as strong as its text colour: glyphs leave most of their box
    to the ground (heavy bold about half of it), so this is a filled shape measured as the text
    (the frame of a broken image with its alt text, a button, a photo behind pale text), whose
    edges say nothing about cut glyphs."""
    return d is not None and float((d >= 0.5).mean()) > FILLED_SHARE


def without_icons(img: np.ndarray, t: TextInfo, d: np.ndarray, words: list[tuple[int, int]]) \
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


def painted_apart(img: np.ndarray, t: TextInfo, k: int) -> bool:
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
