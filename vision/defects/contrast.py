"""low-contrast: text whose WCAG contrast ratio against its local background is too low."""
from __future__ import annotations

from .issue import Issue
from .pixels import TextInfo, font_px, hex_color

NORMAL_MIN, LARGE_MIN = 4.5, 3.0
LARGE_PX = 24.0  # WCAG "large text": 18 pt


def detect(infos: list[TextInfo]) -> list[Issue]:
    out = []
    for t in infos:
        if t.bg_share < 0.45 or len(t.text.strip()) < 2:
            continue  # text over a picture or a gradient: no single background to measure against
        large = font_px(t) >= LARGE_PX
        need = LARGE_MIN if large else NORMAL_MIN
        if t.ratio >= need:
            continue
        sev = "error" if t.ratio < 3.0 else "warning"
        out.append(Issue(
            "low-contrast", list(t.box), sev,
            f"Text \"{t.text[:40]}\" has contrast {t.ratio:.2f}:1 ({hex_color(t.fg)} on {hex_color(t.bg)}); "
            f"WCAG AA needs {need:g}:1 for {'large' if large else 'normal'} text",
            "visual", f"Darken the text or lighten the background until the ratio is at least {need:g}:1 "
                      f"(e.g. `color` further from {hex_color(t.bg)})", score=need - t.ratio))
    return out
