"""Per-element placement and text style, kept as data so refinement can adjust them between renders."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class TextStyle:
    size: float
    weight: int
    color: str
    line_height: float
    align: str = "left"
    letter_spacing: float = 0.0
    family: str = "sans"


@dataclass
class Tweaks:
    """Corrections the refinement loop learned, keyed by node id."""

    font_scale: dict[int, float] = field(default_factory=dict)
    dy: dict[int, float] = field(default_factory=dict)
    dx: dict[int, float] = field(default_factory=dict)
    nowrap: set[int] = field(default_factory=set)
    spacing: dict[int, float] = field(default_factory=dict)
