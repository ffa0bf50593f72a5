"""The layout tree's node type, shared by analysis (which builds it) and codegen (which emits it)."""
from __future__ import annotations

from dataclasses import dataclass, field

from vision.analysis.colors import RGB
from vision.analysis.text import Paragraph

Box = tuple[int, int, int, int]  # x, y, w, h in mockup pixels


@dataclass
class Node:
    """One node: an element (box, text, image, rule) or a group laid out as a row, column or stack.

    `box` containers have a fill (`bg`), a `border` or a background image; `role` carries what the
    analysis recognised (button, input, card, header, nav, footer...) for semantic tags.
    """

    kind: str
    box: Box
    children: list["Node"] = field(default_factory=list)
    bg: RGB | None = None
    border: tuple[RGB, int] | None = None
    radius: int = 0
    para: Paragraph | None = None
    role: str = ""
    image: bool = False          # a box whose background is a crop of the mockup
    id: int = -1

    @property
    def x2(self) -> int:
        return self.box[0] + self.box[2]

    @property
    def y2(self) -> int:
        return self.box[1] + self.box[3]

    def walk(self):
        yield self
        for c in self.children:
            yield from c.walk()


def union(boxes: list[Box]) -> Box:
    x0 = min(b[0] for b in boxes)
    y0 = min(b[1] for b in boxes)
    x1 = max(b[0] + b[2] for b in boxes)
    y1 = max(b[1] + b[3] for b in boxes)
    return x0, y0, x1 - x0, y1 - y0


def contains(outer: Box, inner: Box, slack: int = 2) -> bool:
    return (inner[0] >= outer[0] - slack and inner[1] >= outer[1] - slack
            and inner[0] + inner[2] <= outer[0] + outer[2] + slack
            and inner[1] + inner[3] <= outer[1] + outer[3] + slack)
