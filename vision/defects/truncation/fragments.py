"""text-truncation, where a line's words stop part-way into a word or a phrase: a sentence ending at
a lone capital or letter, inside brackets it opened, on a fragment that begins an English word
without being one, on a word no phrase ends on, or on a glyph the recogniser read as what a slice
of a letter looks like; and a fragment inside a line, the sentence running on after a clipped
element. Clues read in the words alone are in `words`; these also read the ink and the
lines around."""
from __future__ import annotations

import re
import unicodedata

import numpy as np

from ..ink_words import ink_strength, ink_words
from ..lexicon import begins_word, is_word, name_only
from ..pixels import TextInfo, distance
from .ink import OTHER_COLOUR, clean_stop, other_alphabet, painted_apart
from .layout import continues, text_below
from .room import room_after
from .words import (article_participle, capitals_fragment, copyright_holder, english_but_names, misread_last,
                    rare_pair, shown_whole, vowelless, y_read_as_v)

# words that never end an English phrase: what follows them was cut off
DANGLING = {"a", "an", "the", "to", "of", "for", "and", "or", "nor", "with", "from", "than",
            "your", "our", "my", "their"}
# small letters that are words of their own, or that icons are read as (a chevron, a close cross)
LONE_WORDS = set("aeiouyvxcl")
# those of them that stand alone after English words: the article, and the icons read as letters
# (an English "i" is a capital, and e, o, u, y are words in other languages only)
ENGLISH_LONE = set("avxcl")
BRACKET_REACH = 2.5  # x-heights past a line left inside brackets where the closing one may stand (two spaces)
WORD = re.compile(r"[A-Za-z]+")
TAIL_WORD = re.compile(r"([A-Za-z]+)[.,;:]?$")  # a sentence's own stop may follow an element cut inside it
WORD_BREAK = " -/(\"“‘"  # what may stand before a word: a space, a hyphen, a slash, an opening mark
MIN_WORD_CONF = 0.8  # a line read with doubt may end in a misread word
TURKISH = set("ğĞşŞİı")  # letters only Turkish writes: a dotless i among them is a letter of its own


def lone_capital(img: np.ndarray, t: TextInfo) -> bool:
    """A sentence that stops at one capital letter after a space ("Watch anywhere. C", "JSON, X",
    "Photo & V"): the start of a word whose rest was cut off. Ink must stop cleanly after it. A
    footer's middle dots and bars part words as spaces do, and the recogniser may read the space
    after a comma as none ("Press·©Quora,I" for "Press · © Quora, I|nc.")."""
    words = re.findall(r"[^\s·•|,]+", t.text)
    # "Photo & V": a word joined on ("Q & A" is not)
    joined = len(words) >= 3 and words[-2] == "&" and len(words[-3]) >= 3
    if len(words) < 3 or len(words[-1]) != 1 or not ("A" <= words[-1] <= "Z") or (len(words[-2]) < 2 and not joined):
        return False
    return clean_stop(img, t)


def lone_letter(img: np.ndarray, t: TextInfo, infos: list[TextInfo]) -> bool:
    """A phrase that stops at one small letter after a word ("Log in w"): the start of a word whose
    rest was cut off, unless that letter is a word of its own (a, e, i, o, u, y in the languages
    written in Latin letters; after English words only "a", as English writes its "I" as a capital:
    "available i" is a cut "in"), a unit after a number ("24 h"), or an icon the recogniser read as
    a letter (a chevron "v", a close "x", a brand's "f" painted in another colour than the line's
    text). A line that wraps on below ends in whatever word fits."""
    words = t.text.split()
    if len(words) < 3 or len(words[-1]) != 1 or not ("a" <= words[-1] <= "z") \
            or len(words[-2]) < 2 or not words[-2][-1].isalpha():
        return False
    if words[-1] in (ENGLISH_LONE if english_but_names(" ".join(words[:-1])) else LONE_WORDS):
        return False
    return clean_stop(img, t) and not continues(t, infos) and not _other_colour_end(img, t)


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


def open_bracket(img: np.ndarray, t: TextInfo, infos: list[TextInfo]) -> bool:
    """A line that stops inside brackets it opened ("English (Ca"): the closing bracket was cut off
    with the rest, unless the text wraps on below or goes on to the right, or the bracket closes
    a space or two further on (code sets one inside its brackets, `html( "Next" )`, and the
    recogniser may leave the lone bracket, often in another colour, out of the line). A bracket
    glued to a word that is no English one is a misreading, not prose's bracket (an icon font's
    ligature name read as "arfr(udroptatedown"); the word is all the letters before the bracket,
    accented ones too ("arérow(", not "row(")."""
    text = t.text.rstrip()
    k = max(text.rfind("("), text.rfind("["))
    if len(text) < 4 or k < 1 or not any(ch.isalnum() for ch in text[k + 1:]) or ")" in text[k:] \
            or "]" in text[k:]:
        return False
    glued = re.search(r"([^\W\d_]+)$", text[:k])  # all its letters: "arérow(" glues "arérow", not "row"
    if glued is not None and not is_word(glued.group(1)):
        return False
    return clean_stop(img, t, BRACKET_REACH) and not continues(t, infos, bracket=True)


def cut_word(img: np.ndarray, t: TextInfo, infos: list[TextInfo]) -> bool:
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
    (see `misread_last`), but a word that is English with a "y" for its last "v" is a misread y (see
    `y_read_as_v`). A word the screen shows whole elsewhere is the page's own (see
    `shown_whole`). A last word run together with the one before it is read apart (see
    `_respaced`). After a copyright notice's mark and year the holder's name is the line's one
    word (see `copyright_holder`)."""
    text = _respaced(img, t)
    m = TAIL_WORD.search(text)
    if m is None or t.conf < MIN_WORD_CONF:
        return False
    if capitals_fragment(text):
        return clean_stop(img, t) and not room_after(img, t)
    last, before = m.group(1), text[:m.start(1)]
    if len(last) < 2 or not last[1:].islower() or not before or before[-1] not in WORD_BREAK:
        return False
    words = [m for m in WORD.finditer(before) if len(m.group()) >= 2 and not m.group().isupper()]
    if not english_but_names(before) and not copyright_holder(before):
        return False
    # a capitalised last word after a small-letter one, inside a sentence, is a name the list lacks
    # ("Connect with Temu"), as inside the line; a title's words are all capitalised
    if last[0].isupper() and words and words[-1].group()[0].islower() and before.rstrip()[-1:] not in ".!?:":
        return False
    abbreviation = vowelless(last, before) and m.end(1) == len(text)  # no stop after it
    cut = ((not is_word(last) or rare_pair(last, before) or name_only(last)) and begins_word(last)
           or abbreviation or misread_last(last)) \
        and not y_read_as_v(last)
    others = [u.text for u in infos if u is not t and u.text.strip() != t.text.strip()]
    return cut and clean_stop(img, t) and not room_after(img, t) and not shown_whole(last, others)


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


def misread_end(img: np.ndarray, t: TextInfo) -> bool:
    """The recogniser's reading of the last glyph says it is a slice of one: a dotless "ı" in an
    English line (a letter's first stem, its dot never drawn: "walr|us" read "walrı"), a closing
    bracket or a bar glued to a word with nothing opened before it ("WARHO]", "sup|": the stem and
    foot of a cut letter), an opening bracket glued to a word with nothing after it, which opens
    nothing ("with G(" for "with G|o": the left arc of a cut round letter), or a word in capitals
    ending in "I" that is no word, where the letters before the I's begin one ("RECUPERATII" for
    "RECUPERATI|ON": a cut N's first stem), or a lone letter of another alphabet ("southerly π" for
    "southerly m|"). The words before must be English and the ink must stop cleanly after the
    line. A closing round bracket glued to the start of a word that is no word, nothing opened
    before it, is the left half of a cut y or v ("Privac)" for "Privac|y"); a round bracket closing
    a whole word is the end of a parenthesis wrapped from the line above, so the fragment is what
    tells, and it does even in a line of one word."""
    text = t.text.rstrip()
    words = text.split()
    if t.conf < MIN_WORD_CONF or not words:
        return False
    last = words[-1]
    head = re.fullmatch(r"([A-Za-z]{4,})\)", last)
    paren = head is not None and "(" not in text and not is_word(head.group(1)) and begins_word(head.group(1))
    if paren:
        return clean_stop(img, t)
    if len(words) < 2 or not _english_before(words[:-1]):
        return False
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
        and not other_alphabet(text[:-1])
    return (dotless or unopened or arc or stem or foreign) and clean_stop(img, t)


def cut_inside(img: np.ndarray, t: TextInfo) -> int | None:
    """Where a word inside the line stops that is no English word but the start of one, the other
    words English ("with fixes for vulnerabiliti (CVE-2024-24989,"): an element clipped inside a
    sentence, the sentence running on after it. Returns the character index just past that word,
    or None. Words in small letters only, four or more of them (a short fragment or a name in
    capitals says little), or three painted apart from the word after them (see `painted_apart`:
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
                and (len(word) >= 4 or painted_apart(img, t, k)):
            return m.start() + len(word)
    return None


def dangling_word(img: np.ndarray, t: TextInfo, infos: list[TextInfo]) -> bool:
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
    if not english_but_names(" ".join(words[:-1])) or text_below(img, t, infos):
        return False
    return clean_stop(img, t) and not room_after(img, t)
