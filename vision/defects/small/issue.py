"""The small-text finding and what sizing text needs to know of its script."""
from __future__ import annotations

from ..issue import Issue

MIN_FONT_PX = 12.0


def _issue_text(box, text: str, px: float) -> Issue:
    return Issue("small-text", list(box), "error" if px < 10 else "warning",
                 f"Text \"{text[:40]}\" is about {px:.0f} px high; body text should be at least 12 px",
                 "visual", "Raise `font-size` to at least 12px (16px for body copy)", score=MIN_FONT_PX - px)


def _cjk(text: str) -> bool:
    return any("\u2e80" <= ch <= "\u9fff" or "\uac00" <= ch <= "\ud7af" for ch in text)
