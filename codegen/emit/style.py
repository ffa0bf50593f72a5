"""Corrections the refinement loop learns between renders, kept as data so the emitter can apply them."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Tweaks:
    """Per text node id: a font-size factor and x/y offsets in mockup pixels."""

    font_scale: dict[int, float] = field(default_factory=dict)
    dy: dict[int, float] = field(default_factory=dict)
    dx: dict[int, float] = field(default_factory=dict)

    def copy(self) -> "Tweaks":
        return Tweaks(dict(self.font_scale), dict(self.dy), dict(self.dx))
