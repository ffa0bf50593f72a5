"""The offline analysis written out as text for a model: a model reads small grey text and exact
colours poorly from pixels, while OCR and the layout analysis measure them; giving both lets it
copy the words and hex values and spend its attention on structure.

Inputs are duck-typed so that any analysis (or bare OCR lines) can be formatted: a line has
`text`, `box` (x, y, w, h) and optionally `size`, `weight`, `color`; a layout node has `kind`,
`box`, `children` and optionally `bg`, `border`, `radius`, `role`, `para`, `image`, `src`.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterable, Sequence

Box = tuple[int, int, int, int]

MAX_LINES = 300
MAX_NODES = 250
MAX_TEXT = 120


@dataclass
class PageFacts:
    """What the prompt says about a picture (or about one region of it)."""

    width: int
    height: int
    bg: tuple[int, int, int] | None = None
    palette: list[tuple[int, int, int]] = field(default_factory=list)
    lines: list[Any] = field(default_factory=list)
    tree: Any = None
    images: list[dict] = field(default_factory=list)  # {"src": relative path, "box": (x, y, w, h)}


def hex_color(c: Sequence[int] | None) -> str:
    if c is None:
        return "?"
    return "#{:02x}{:02x}{:02x}".format(*(int(max(0, min(255, round(v)))) for v in list(c)[:3]))


def _quote(text: str) -> str:
    text = " ".join(str(text).split())
    if len(text) > MAX_TEXT:
        text = text[: MAX_TEXT - 3] + "..."
    return '"' + text.replace('"', "'") + '"'


def _box(b: Sequence[float], origin: tuple[int, int]) -> str:
    x, y, w, h = (int(round(v)) for v in b)
    return f"[{x - origin[0]},{y - origin[1]},{w},{h}]"


def _inside(b: Sequence[float], clip: Box | None) -> bool:
    if clip is None:
        return True
    cx, cy = b[0] + b[2] / 2, b[1] + b[3] / 2
    return clip[0] <= cx < clip[0] + clip[2] and clip[1] <= cy < clip[1] + clip[3]


def _line_text(line: Any, origin: tuple[int, int]) -> str:
    parts = [_box(line.box, origin)]
    size = getattr(line, "size", None)
    if size:
        parts.append(f"{float(size):.0f}px")
    weight = getattr(line, "weight", None)
    if weight:
        parts.append(str(int(weight)))
    color = getattr(line, "color", None)
    if color is not None:
        parts.append(hex_color(color))
    return " ".join(parts) + " " + _quote(line.text)


def _node_text(node: Any, origin: tuple[int, int], images: dict[tuple, str]) -> str:
    kind = getattr(node, "kind", "node")
    role = getattr(node, "role", "") or ""
    para = getattr(node, "para", None)
    bits = [kind + (f" {role}" if role else "")]
    if para is not None and getattr(para, "tag", ""):
        bits[0] = f"{kind} {para.tag}"
    bits.append(_box(node.box, origin))
    bg = getattr(node, "bg", None)
    if bg is not None:
        bits.append(f"bg {hex_color(bg)}")
    border = getattr(node, "border", None)
    if border:
        bits.append(f"border {int(border[1])}px {hex_color(border[0])}")
    radius = getattr(node, "radius", 0)
    if radius:
        bits.append(f"radius {int(radius)}px")
    src = getattr(node, "src", None) or images.get(tuple(int(v) for v in node.box))
    if src:
        bits.append(f"file {src}")
    elif getattr(node, "image", False) or kind == "image":
        bits.append("picture")
    if para is not None:
        bits.append(f"{para.size:.0f}px {int(para.weight)} {hex_color(para.color)} {_quote(para.text)}")
    return " ".join(bits)


def _outline(tree: Any, origin: tuple[int, int], clip: Box | None, images: dict[tuple, str]) -> list[str]:
    out: list[str] = []

    def visit(node: Any, depth: int) -> None:
        if len(out) >= MAX_NODES:
            return
        if not _inside(node.box, clip) and depth > 0:
            return
        out.append("  " * depth + "- " + _node_text(node, origin, images))
        for child in getattr(node, "children", []) or []:
            visit(child, depth + 1)

    visit(tree, 0)
    if len(out) >= MAX_NODES:
        out.append(f"  ... (outline cut at {MAX_NODES} nodes)")
    return out


def format_analysis(facts: PageFacts, *, clip: Box | None = None, max_lines: int = MAX_LINES,
                    outline: bool = True) -> str:
    """The analysis as prompt text; with `clip`, only what lies in that box, in its coordinates;
    `outline=False` leaves out the layout tree (revisions, whose code already has a structure)."""
    origin = (int(clip[0]), int(clip[1])) if clip else (0, 0)
    w, h = (int(clip[2]), int(clip[3])) if clip else (facts.width, facts.height)
    out = [f"Picture size: {w}x{h} px (coordinates below are [x,y,width,height] in these pixels)."]
    if facts.bg is not None:
        out.append(f"Page background: {hex_color(facts.bg)}.")
    if facts.palette:
        out.append("Main colours, most used first: " + ", ".join(hex_color(c) for c in facts.palette[:12]) + ".")
    lines = [ln for ln in facts.lines if _inside(ln.box, clip)]
    if lines:
        out.append("")
        out.append("Text read from the picture, top to bottom ([box] font-size weight colour \"text\"):")
        for ln in lines[:max_lines]:
            out.append(_line_text(ln, origin))
        if len(lines) > max_lines:
            out.append(f"... and {len(lines) - max_lines} more lines")
    images = [im for im in facts.images if _inside(im["box"], clip)]
    by_box = {tuple(int(v) for v in im["box"]): im["src"] for im in images}
    if images:
        out.append("")
        out.append("Image files cut from the picture (use them with <img src=... width=... height=...>):")
        for im in images:
            out.append(f"{im['src']} {_box(im['box'], origin)}")
    if outline and facts.tree is not None:
        out.append("")
        out.append("Layout outline (rows and columns found along gaps; boxes with their fills):")
        out.extend(_outline(facts.tree, origin, clip, by_box))
    return "\n".join(out)


def facts_from_lines(width: int, height: int, lines: Iterable[Any], bg=None) -> PageFacts:
    """Facts from OCR lines alone, for when no layout analysis is available."""
    return PageFacts(width=width, height=height, bg=bg, lines=list(lines))
