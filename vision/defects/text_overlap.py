"""text-overlap: text lines whose glyphs collide with other text."""
from __future__ import annotations

from .issue import Issue, union
from .pixels import TextInfo


def _merged(infos: list[TextInfo]) -> list[Issue]:
    """Colliding lines the OCR read as one: a doubtful line much taller than the lines around it."""
    out = []
    for i, t in enumerate(infos):
        if t.conf >= 0.9:
            continue
        x, y, w, h = t.box
        near = [o.box[3] for j, o in enumerate(infos) if j != i and abs(o.box[1] - y) < 4 * h
                and min(o.box[0] + o.box[2], x + w) - max(o.box[0], x) > -h and o.conf >= 0.9]
        if len(near) < 2:
            continue
        ref = float(sorted(near)[len(near) // 2])
        if h >= 1.55 * ref and t.ink_height >= 1.4 * ref * 0.7:
            out.append(Issue("text-overlap", list(t.box), "error",
                             f"Text lines collide around \"{t.text[:40]}\" (glyphs of two lines drawn over each other)",
                             "visual", "Remove the negative margin / absolute offset that stacks them, "
                                       "or give the lines room (line-height, padding, flex gap)", score=h / ref))
    return out


def detect(infos: list[TextInfo]) -> list[Issue]:
    """Two read lines whose ink boxes cross: in a sound layout lines never share pixels."""
    out = _merged(infos)
    for i, a in enumerate(infos):
        for b in infos[i + 1:]:
            ax, ay, aw, ah = a.ink_box
            bx, by, bw, bh = b.ink_box
            iw = min(ax + aw, bx + bw) - max(ax, bx)
            ih = min(ay + ah, by + bh) - max(ay, by)
            small_h = min(ah, bh)
            if small_h < 5 or iw < max(4, 0.6 * small_h) or ih < 0.25 * small_h:
                continue
            if ih > 0.85 * max(ah, bh) and (iw < 0.25 * min(aw, bw)):
                continue  # same baseline, boxes just touching: one line read as two pieces
            out.append(Issue("text-overlap", union(a.box, b.box), "error",
                             f"Text \"{a.text[:30]}\" and \"{b.text[:30]}\" overlap",
                             "visual", "Remove the negative margin / absolute offset that stacks them, "
                                       "or give the lines room (line-height, padding, flex gap)", score=ih / small_h))
    return out
