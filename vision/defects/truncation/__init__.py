"""text-truncation: text cut off by an ellipsis or sliced at a container edge.

An ellipsis at the end of a line (read, or three dots on the baseline the recogniser missed), or
inside a line that ran on past the truncated element, is a finding unless the text is its own:
a placeholder well short of its field's right side, or the last line of a wrapped paragraph
(`ellipsis`, `room`, `layout`). Text sliced without an ellipsis shows in its last glyph (`glyphs`,
`stem`) or in where its words stop (`fragments`, `words`). This module puts the clues together into
findings.
"""
from __future__ import annotations

import numpy as np

from ..ink_words import ink_strength, ink_words
from ..issue import Issue
from ..pixels import TextInfo
from .ellipsis import ELLIPSES, MID_ELLIPSIS, MIN_DOTTED_TEXT, dots_end, painted_ellipsis, quoted_ellipsis
from .fragments import (MIN_WORD_CONF, cut_inside, cut_word, dangling_word, lone_capital, lone_letter,
                                   misread_end, open_bracket)
from .glyphs import (cut_cross, sliced_end, sliced_inside, sliver, stem_end, stray_mark, thin_stem,
                     unread_fragment)
from .ink import filled, without_icons
from .layout import wrapped_last_line, wraps_on
from .room import in_closed_box, room_after
from .words import fragment_before_ellipsis, invites_input, own_ellipsis, short_fragment_inside

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
        dots = None if text.endswith(ELLIPSES) else dots_end(img, t)
        mid = MID_ELLIPSIS.search(text)
        if (len(text) >= 4 and text.endswith(ELLIPSES) or len(text) >= MIN_DOTTED_TEXT and dots is not None) \
                and not text.rstrip(".… ").lower().endswith("etc"):
            if room_after(img, t) or own_ellipsis(text) or quoted_ellipsis(img, t) \
                    or (invites_input(text) and in_closed_box(img, t)) \
                    or (wrapped_last_line(t, infos) and not fragment_before_ellipsis(text)):
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
        spaced = painted_ellipsis(img, t)
        if spaced is not None:
            out.append(_issue_ellipsis(_box_upto(t, spaced), text[:spaced]))
            continue
        inside = cut_inside(img, t)
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
        plain, e, said = without_icons(img, t, d, words) if words else (img, t, words)
        if not e.text:
            continue
        glyphs = not filled(d)
        if glyphs and (sliced_end(plain, e) or thin_stem(plain, e) or (len(e.text) >= 4 and len(said) >= 1
                       and (unread_fragment(plain, e, d, said) or sliced_inside(t, d, words)))):
            out.append(Issue("text-truncation", list(t.box), "error",
                             f"Text \"{text[:40]}\" is sliced at its container's edge", "visual", SLICED_FIX, score=1.0))
        elif (lone_capital(plain, e)
              or glyphs and (stray_mark(plain, e) or stem_end(plain, e) or sliver(plain, e) or cut_cross(plain, e))
              or lone_letter(plain, e, infos) or open_bracket(plain, e, infos) or cut_word(plain, e, infos)
              or dangling_word(plain, e, infos) or misread_end(plain, e)) \
                and not wraps_on(t, infos):
            out.append(Issue("text-truncation", list(t.box), "warning",
                             f"Text \"{text[:40]}\" ends part-way into a word: probably sliced at its "
                             "container's edge", "visual", SLICED_FIX, score=0.7))
    return out
