"""The one record every detector, DOM check and model review produces (see DESIGN.md)."""
from __future__ import annotations

from dataclasses import asdict, dataclass, field

CATEGORIES = (
    "text-overlap", "element-overlap", "text-truncation", "low-contrast", "broken-image",
    "misalignment", "blank-area", "small-text", "small-target", "overflow", "accessibility",
)
SEVERITIES = ("error", "warning", "info")
SOURCES = ("visual", "dom", "model")
SEVERITY_RANK = {s: i for i, s in enumerate(SEVERITIES)}


@dataclass
class Issue:
    """One defect: what, where (screenshot pixels, [x, y, w, h]), how bad, and how to fix it."""

    category: str
    bbox: list[int]
    severity: str
    message: str
    source: str = "visual"
    fix: str = ""
    selector: str | None = None
    confirmed_by: list[str] = field(default_factory=list)
    score: float = 1.0

    def __post_init__(self) -> None:
        if self.category not in CATEGORIES:
            raise ValueError(f"unknown issue category {self.category!r}")
        if self.severity not in SEVERITIES:
            raise ValueError(f"unknown severity {self.severity!r}")
        if self.source not in SOURCES:
            raise ValueError(f"unknown source {self.source!r}")
        self.bbox = [int(round(v)) for v in self.bbox]

    def to_json(self) -> dict:
        """The DESIGN.md shape plus the optional `selector` / `confirmed_by` extras when set."""
        d = asdict(self)
        d.pop("score")
        if not d["selector"]:
            d.pop("selector")
        if not d["confirmed_by"]:
            d.pop("confirmed_by")
        return d


def clip_box(box, width: int, height: int) -> list[int]:
    """A box limited to the image; at least 1x1."""
    x, y, w, h = (int(round(v)) for v in box)
    x0, y0 = max(0, min(x, width - 1)), max(0, min(y, height - 1))
    x1, y1 = max(x0 + 1, min(x + w, width)), max(y0 + 1, min(y + h, height))
    return [x0, y0, x1 - x0, y1 - y0]


def union(a, b) -> list[int]:
    x0, y0 = min(a[0], b[0]), min(a[1], b[1])
    x1, y1 = max(a[0] + a[2], b[0] + b[2]), max(a[1] + a[3], b[1] + b[3])
    return [x0, y0, x1 - x0, y1 - y0]


def inter_area(a, b) -> float:
    w = min(a[0] + a[2], b[0] + b[2]) - max(a[0], b[0])
    h = min(a[1] + a[3], b[1] + b[3]) - max(a[1], b[1])
    return float(max(0, w) * max(0, h))


def overlap_min(a, b) -> float:
    """Intersection over the smaller box's area (0..1): how much the two boxes share."""
    m = min(a[2] * a[3], b[2] * b[3])
    return inter_area(a, b) / m if m > 0 else 0.0
