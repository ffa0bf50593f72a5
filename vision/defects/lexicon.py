"""English words, to tell a word cut short from a whole one.

Text clipped between two letters leaves no sliced glyph: the line simply stops ("Search any IP
addr"). What still shows is the language: the last word is no word, yet the start of one. The list
(assets/words_en.txt, built by bench/build_wordlist.py from Vim's English spell file) holds
about 124,000 lower-case words, inflections and common names included.
"""
from __future__ import annotations

import bisect
from functools import lru_cache
from pathlib import Path

WORDS = Path(__file__).with_name("assets") / "words_en.txt"
# the list's words that English writes only capitalised ("Mobil", "Bel", "Monday"): names, which
# the word list holds lower-cased among the words
NAMES = Path(__file__).with_name("assets") / "names_en.txt"


@lru_cache(maxsize=1)
def _words() -> list[str]:
    """The list in order (the file is sorted), for binary search; read once, on first use."""
    return WORDS.read_text(encoding="utf-8").split()


def _after(word: str) -> tuple[list[str], int]:
    """The list and the index of the first entry not before `word`."""
    ordered = _words()
    return ordered, bisect.bisect_left(ordered, word)


def is_word(word: str) -> bool:
    """An English word (any case)."""
    w = word.lower()
    ordered, k = _after(w)
    return k < len(ordered) and ordered[k] == w


def begins_word(word: str) -> bool:
    """The start of a longer English word ("addr" of "address")."""
    w = word.lower()
    ordered, k = _after(w)
    if k < len(ordered) and ordered[k] == w:
        k += 1
    return k < len(ordered) and ordered[k].startswith(w)


def words_beginning(word: str) -> int:
    """How many words of the list begin with `word` (itself included)."""
    w = word.lower()
    ordered, k = _after(w)
    return bisect.bisect_left(ordered, w + "\uffff", lo=k) - k


@lru_cache(maxsize=1)
def _names() -> frozenset[str]:
    return frozenset(NAMES.read_text(encoding="utf-8").split())


def name_only(word: str) -> bool:
    """A word in small letters that English writes only as a capitalised name ("mobil", "bel"):
    no whole word written small, so read last in small letters it is the start of a longer one."""
    return word.isalpha() and word.islower() and word in _names()
