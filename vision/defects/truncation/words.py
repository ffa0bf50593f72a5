"""text-truncation clues read in the recogniser's words alone: a fragment the word list would pass
(a vowelless cluster, a cut last letter read as its look-alike), a phrase left without its noun,
and an ellipsis that is the text's own."""
from __future__ import annotations

import re

from ..lexicon import begins_word, is_word, words_beginning

WORD = re.compile(r"[A-Za-z]+")
# a word with its contraction or possessive ending ("isn't", "we're", "today's"), read as one
TOKEN = re.compile(r"[A-Za-z]+(?:['\u2019][A-Za-z]+)?")
# English's contractions: a closed class, which the word list (letters only) leaves out
CONTRACTIONS = {
    "isn't", "aren't", "wasn't", "weren't", "don't", "doesn't", "didn't", "can't", "couldn't", "won't",
    "wouldn't", "shouldn't", "haven't", "hasn't", "hadn't", "mustn't", "needn't", "ain't", "i'm", "you're",
    "we're", "they're", "it's", "that's", "there's", "here's", "what's", "who's", "let's", "he's", "she's",
    "i'll", "you'll", "we'll", "they'll", "it'll", "that'll", "i've", "you've", "we've", "they've",
    "i'd", "you'd", "we'd", "they'd", "he'd", "she'd", "y'all"}
# words that join a noun to what follows it: a phrase does not end on one
PREPOSITIONS = {"about", "from", "with", "into", "over", "than", "for", "on", "at", "in", "of", "to", "by"}
# small letters a cut letter's left part looks like: a bowl's (d, o, a, e, g, q read "c"), the
# stems and arches of n, m, h ("r", "n"), the first stroke of a w ("v"), a lone stem ("i", "l")
CUT_LEFT = set("crnvilı")
# words of the list a consonant cluster that begins English words begins (st 1,875, pr 2,344, dr
# 532, ps 184): an initialism written small begins a handful (tv 4, pdf 2, km 2, ny 28)
ONSET_WORDS = 100


def own_ellipsis(text: str) -> bool:
    """The ellipsis ends a short phrase (four words at most, all English) that announces something
    still to come, which UI copy writes with its own ellipsis: more behind a link or a step, "more"
    last or before the noun that ends the phrase ("Read more...", "More information...", "One more
    step..."), or an activity going on ("Loading...", "and counting..."). A clip lands at the end of
    a whole word only now and then, and rarely just after such a phrase, while these phrases are
    common on their own. A short word or a preposition after "more" is no noun ending the phrase
    but where the clip fell ("Learn more ab...", "Learn more about..."). Copy sets its ellipsis
    right after the word; one set apart by a space ("Using …") is where a clip fell after a word
    space."""
    phrase = text.rstrip(" .…")
    if text[len(phrase):].startswith(" "):
        return False
    words = WORD.findall(phrase)
    if not words or len(phrase.split()) > 4 or not all(is_word(w) for w in words):
        return False
    low = [w.lower() for w in words]
    last = low[-1]
    noun = len(low) >= 2 and low[-2] == "more" and len(last) >= 4 and last not in PREPOSITIONS
    return last == "more" or noun or (len(last) >= 5 and last.endswith("ing"))


# verbs that ask the reader to put something in: a field's placeholder starts with one
INPUT_VERBS = {"search", "find", "type", "enter", "ask", "write", "filter", "look"}


def invites_input(text: str) -> bool:
    """The text is a short phrase (three words at most, all English) that starts with a verb
    asking for input and ends in an ellipsis ("Search for ...", "Type a message…"): a field's
    placeholder, whose ellipsis stands for what the reader is to type, the commonest ellipsis
    copy writes itself. Its field is a closed box (checked by the caller)."""
    phrase = text.rstrip(" .…")
    words = WORD.findall(phrase)
    return len(phrase) < len(text.rstrip()) and 1 <= len(phrase.split()) <= 3 and len(words) == len(phrase.split()) \
        and words[0].lower() in INPUT_VERBS and all(is_word(w) for w in words)


# two-letter words in everyday English; the word list also holds rare ones ("bu", "si", "ba"),
# which a clip leaves far more often than copy ends on them
COMMON_PAIRS = set("am an as at be by do go he hi if in is it me my no of oh ok on or ox so to up us we ye".split())


def rare_pair(word: str, before: str) -> bool:
    """A two-letter word in small letters that everyday English does not use, not a unit after a
    number ("12 km") nor an initialism written small (it begins few words: "tv"): read last, it is
    the start of a longer word a clip cut ("Create bu")."""
    return len(word) == 2 and word.islower() and word not in COMMON_PAIRS \
        and not before.rstrip()[-1:].isdigit() and words_beginning(word) >= ONSET_WORDS


def vowelless(word: str, before: str) -> bool:
    """A word in small letters with no vowel (a, e, i, o, u, y): English words all have one but a
    few interjections ("hmm"); the list's vowelless entries are abbreviations ("st", "pr"), which
    prose writes with their stop, or units, which follow a number ("12 px"). Read last, without
    a stop, such a word is the start of a longer one cut off ("Are you the st") when it is a
    cluster that begins English words (see `ONSET_WORDS`), not an initialism written small ("tv",
    "pdf", "km")."""
    return word.isalpha() and word.islower() and not any(ch in "aeiouy" for ch in word) \
        and not before.rstrip()[-1:].isdigit() and words_beginning(word) >= ONSET_WORDS


def misread_last(word: str) -> bool:
    """A long word that is no word and begins none, whose letters but the last begin one without
    being one: the last glyph is a cut letter the recogniser read as the letter its left part
    looks like (a "d" cut before its stem read "c": "triggerec"; an "m" cut read "n" or "r").
    A whole word misread at its last letter shows that letter's own shape, rarely one of these;
    a whole word followed by a stray glyph is left alone (its letters but the last are a word)."""
    head = word[:-1]
    return len(word) >= 5 and word.islower() and word[-1] in CUT_LEFT and not is_word(word) \
        and not begins_word(word) and not is_word(head) and begins_word(head)


def y_read_as_v(word: str) -> bool:
    """A word ending in "v" that is an English word with a "y" there ("readv" for "ready"): the
    recogniser reads a y as a v when its descender is faint, small or hidden (text whose bottom a
    box covers), as the two share their upper half; English words hardly end in "v" ("rev",
    "improv"), and the start of a longer word the list might pass ("readv" of "readvertise") is far
    rarer than the whole word misread."""
    return len(word) >= 3 and word.endswith("v") and not is_word(word) and is_word(word[:-1] + "y")


def article_participle(words: list[str]) -> bool:
    """The phrase ends on "a" or "an" and a past participle ("Using a fixed"): after an article a
    participle modifies the noun that follows it ("a fixed version"), so the phrase lacks its noun.
    A word in -ed whose stem is no word is no participle ("a hundred"), and "the" is left out, as
    it makes participles nouns of their own ("for the disabled")."""
    last = words[-1]
    if len(words) < 3 or words[-2] not in ("a", "an") or not re.fullmatch(r"[a-z]{3,}ed", last) \
            or last.endswith("eed"):
        return False
    return is_word(last[:-2]) or is_word(last[:-1])


def capitals_fragment(text: str) -> bool:
    """A heading set in capitals whose last word is no word but the start of one, every word before
    it English ("DATA SOLU" of "DATA SOLUTIONS"). Acronyms, which the list lacks, are short and
    mostly begin no word ("VISIT SOVRN", "SUPPORT NTP"); the few that do are of three letters
    ("API", "USA"), so the fragment needs four letters or more and a vowel."""
    words = text.split()
    if len(words) < 2 or not re.fullmatch(r"[A-Z]{4,}", words[-1]) or not any(ch in "AEIOUY" for ch in words[-1]):
        return False
    before = WORD.findall(" ".join(words[:-1]))
    if not before or any(w != w.upper() for w in before) or not any(len(w) >= 3 for w in before) \
            or not all(is_word(w) for w in before if len(w) >= 2):
        return False
    return not is_word(words[-1]) and begins_word(words[-1])


def english_but_names(text: str) -> bool:
    """The words of `text` (two letters or more, not capitals) are English, the list knowing them,
    but for names: a capitalised word the list lacks inside a sentence is one ("about Sovrn,
    please", "Enter your QuickConnect ID"), and two English words must then vouch for the language
    instead of one. At a sentence's start a capital says nothing ("Visitez notre boutique").
    Contractions and possessives are English words too ("Roku isn't available", "today's")."""
    words = [m for m in TOKEN.finditer(text) if len(m.group()) >= 2 and not m.group().isupper()]
    names = [m for m in words if m.group()[0].isupper() and not _english(m.group())
             and text[:m.start()].rstrip()[-1:] not in ("", ".", "!", "?", ":")]
    known = [_english(m.group()) for m in words if m not in names]
    return len(known) >= 1 + bool(names) and all(known)


def _english(token: str) -> bool:
    """A word of the list, one of English's contractions, or a word of the list with its
    possessive ending."""
    w = token.replace("\u2019", "'").lower()
    if "'" not in w:
        return is_word(w)
    return w in CONTRACTIONS or (w.endswith("'s") and is_word(w[:-2]))


def shown_whole(word: str, others: list[str]) -> bool:
    """One of the screen's other lines holds `word` (same letters, same case) as a whole word with
    text after it: a name of the page the word list lacks ("About Temu" over "Get the Temu App"). A
    clip leaves the start of a word only where it cut, so its fragment is no word of another line,
    while a site's own name, product or jargon recurs across its screen."""
    whole = re.compile(rf"(?<![A-Za-z]){re.escape(word)}(?![A-Za-z])[^A-Za-z]*[A-Za-z0-9]")
    return any(whole.search(text) for text in others)


def short_fragment_inside(text: str) -> int | None:
    """Where a sentence holds one small letter as a word, or a two-letter word everyday English
    does not use (see `rare_pair`), glued to the comma after it ("including experimental HTTP/3 s,
    HTTP/2", "HTTP/3 si,"): an element clipped inside the sentence after the start of its last word,
    the sentence's comma right after the clip. English writes no word of one small letter but "a"
    (and a letter named in a list, a unit after a number: "3 s,"); the words around must be
    English, as for a cut word inside a line (two at least, four in five known). Returns the index
    just past the fragment, or None."""
    for m in re.finditer(r"(?<=\s)([b-hj-z]|[a-z]{2})[,;](?=\s)", text):
        frag = m.group(1)
        if len(frag) == 2 and (frag in COMMON_PAIRS or words_beginning(frag) < ONSET_WORDS):
            continue
        before = text[:m.start()].split()
        listed = re.search(r"(?:^|\s)[a-z][,;]?\s*$", text[:m.start()]) \
            or re.match(r"\s*(?:(?:and|or)\s+)?[a-z](?:[,;.]|\s|$)", text[m.end():])
        if not before or re.fullmatch(r"[\d.,:]+", before[-1]) or listed:
            continue  # a unit after a number, or a list of letters ("x, y and z")
        rest = text[:m.start()] + " " + text[m.end():]
        others = [w for w in WORD.findall(rest) if len(w) >= 2 and not w.isupper()]
        if len(others) >= 2 and sum(map(is_word, others)) >= 0.8 * len(others):
            return m.end(1)
    return None


def fragment_before_ellipsis(text: str) -> bool:
    """The ellipsis ending `text` is glued to a fragment, not a word: one small letter other than
    "a" ("read our support d...") or a word in small letters that is no word but begins one
    ("docum..."). Copy writes its own ellipsis after whole words ("and counting..."), so this one
    is a clip's even where the line is the last of a wrapped paragraph."""
    m = re.search(r"(?:^|\s)([a-z]+)(?:\.{2,3}|…)$", text.rstrip())
    if m is None:
        return False
    word = m.group(1)
    return word != "a" if len(word) == 1 else not is_word(word) and begins_word(word)


# a copyright notice's lead-in: the mark (or the word) and a year or a range of years
COPYRIGHT = re.compile(r"^\s*(?:©|\(c\)|copyright)\s*(?:©\s*)?\d{4}(?:\s*[-–]\s*\d{4})?[,.]?\s*$", re.I)


def copyright_holder(before: str) -> bool:
    """The words before a line's last are a copyright notice's lead-in ("© 2024, "): what follows
    is the holder's name, the line's one word. The lead-in holds no English word to vouch that the
    line was read well, but its form does; a holder's name the word list knows as the start of a
    longer word and not as a word is the start of a name a clip cut ("© 2024, Amazo")."""
    return bool(COPYRIGHT.match(before))
