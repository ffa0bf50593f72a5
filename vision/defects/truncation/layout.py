"""text-truncation, the lines around a line: whether its text goes on (a paragraph wrapping below, a
line to its right, a phrase under it), which makes the end of the line no cut."""
from __future__ import annotations

import numpy as np

from ..pixels import TextInfo, distance




def text_below(img: np.ndarray, t: TextInfo, infos: list[TextInfo]) -> bool:
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


def continues(t: TextInfo, infos: list[TextInfo], bracket: bool = False) -> bool:
    """The text goes on past this line: in one a few spaces to its right on the same row, or in a
    line of the same type just below (see `wraps_on`)."""
    x, _, w, _ = t.ink_box
    cy = t.box[1] + t.box[3] / 2
    for u in infos:
        if u is not t and _same_type(t, u) and abs(u.box[1] + u.box[3] / 2 - cy) < 0.5 * t.box[3] \
                and x + w <= u.ink_box[0] <= x + w + 4 * t.x_height:
            return True
    return wraps_on(t, infos, bracket)


def _same_type(t: TextInfo, u: TextInfo) -> bool:
    return abs(u.x_height - t.x_height) <= max(2, 0.25 * t.x_height)


def wraps_on(t: TextInfo, infos: list[TextInfo], bracket: bool = False) -> bool:
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


def wrapped_last_line(t: TextInfo, infos: list[TextInfo]) -> bool:
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
