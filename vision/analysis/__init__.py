"""UI structure analysis: OCR text, boxes, images, colours and the layout tree of a mockup."""
from __future__ import annotations

import time
from dataclasses import dataclass, field

import numpy as np

from vision.analysis.colors import RGB, dominant_color
from vision.analysis.layout import arrange, build_region
from vision.analysis.roles import assign_roles
from vision.analysis.text import Line, Paragraph, group_paragraphs, measure_lines
from vision.analysis.tree import Node
from vision.ocr import TextLine, read_lines

MIN_CONF = 0.55


@dataclass
class Analysis:
    """Everything the code generators need to know about one mockup."""

    width: int
    height: int
    bg: RGB
    ocr: list[TextLine]
    lines: list[Line]
    paragraphs: list[Paragraph]
    root: Node
    seconds: dict[str, float] = field(default_factory=dict)

    def elements(self) -> list[Node]:
        return [n for n in self.root.walk() if n.kind in ("box", "image", "rule", "text")]


def page_background(img: np.ndarray) -> RGB:
    """The page colour: the dominant colour of the outer margins (falls back to the whole image)."""
    h, w = img.shape[:2]
    m = max(1, w // 40)
    edges = np.concatenate([img[:, :m].reshape(-1, 3), img[:, -m:].reshape(-1, 3)])
    color, share = dominant_color(edges)
    if share < 0.3:
        color, _ = dominant_color(img)
    return color


def analyze(img: np.ndarray, ocr: list[TextLine] | None = None) -> Analysis:
    """OCR (unless given), measure text, find elements, build the layout tree and roles."""
    times: dict[str, float] = {}
    t = time.perf_counter()
    if ocr is None:
        ocr = read_lines(img)
        times["ocr"] = time.perf_counter() - t
        t = time.perf_counter()
    ocr = [l for l in ocr if l.conf >= MIN_CONF and l.text.strip()
           and not (len(l.text.strip()) <= 2 and l.conf < 0.9)]
    h, w = img.shape[:2]
    lines = measure_lines(img, ocr)
    paras = group_paragraphs(lines)
    bg = page_background(img)
    children = build_region(img, (0, 0, w, h), bg, paras)
    root = Node("box", (0, 0, w, h), bg=bg, role="page")
    if children:
        root.children = [arrange(children, root.box)]
    assign_roles(root, bg, w, h)
    for i, n in enumerate(root.walk()):
        n.id = i
    for i, p in enumerate(paras):
        p.id = i
    times["analysis"] = time.perf_counter() - t
    return Analysis(w, h, bg, ocr, lines, paras, root, times)
