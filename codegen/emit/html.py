"""The layout tree to HTML/CSS a front-end developer would keep: flex columns and rows, widths in
%, gaps as margins, semantic tags, shared text classes, images cropped from the mockup, and a
small-screen breakpoint. Overlapping elements (stacks) share one grid cell instead of being
positioned absolutely."""
from __future__ import annotations

import html as htmllib
from dataclasses import dataclass, field
from typing import Callable

import numpy as np

from vision.analysis import Analysis
from vision.analysis.colors import css_color, luminance
from vision.analysis.text import DESCENDERS
from vision.analysis.tree import Box, Node, union
from codegen.emit.style import Tweaks

FONT_STACK = '"Liberation Sans", Arial, Helvetica, "WenQuanYi Zen Hei", sans-serif'
ASCENT, DESCENT = 0.905, 0.212           # Liberation Sans metrics, em
MOBILE_BREAKPOINT = 640

# (name, pixels or a function making them) -> relative URL; a name already saved is not made again
SaveImage = Callable[[str, "np.ndarray | Callable[[], np.ndarray]"], str]


def _pct(v: float, total: float) -> str:
    if total <= 0:
        return "0"
    p = 100.0 * v / total
    return f"{p:.3f}".rstrip("0").rstrip(".") + "%"


def _px(v: float) -> str:
    r = round(v, 1)
    return (f"{int(r)}" if r == int(r) else f"{r}") + "px"


def is_link_color(c: tuple[int, int, int]) -> bool:
    r, g, b = c
    return b > 120 and b - max(r, g) > 50 and luminance(c) < 0.45


@dataclass
class Ctx:
    rules: dict[str, str] = field(default_factory=dict)       # class -> declarations
    text_classes: dict[tuple, str] = field(default_factory=dict)
    counters: dict[str, int] = field(default_factory=dict)

    def cls(self, prefix: str, decls: dict[str, str]) -> str:
        body = "; ".join(f"{k}: {v}" for k, v in decls.items() if v is not None)
        self.counters[prefix] = self.counters.get(prefix, 0) + 1
        name = f"{prefix}-{self.counters[prefix]}"
        self.rules[name] = body
        return name


class HtmlEmitter:
    """Turns one Analysis into one HTML document; `tweaks` carry refinement corrections."""

    def __init__(self, analysis: Analysis, image: np.ndarray, save_image: SaveImage,
                 tweaks: Tweaks | None = None, title: str = "Page") -> None:
        self.a = analysis
        self.img = image
        self.save_image = save_image
        self.t = tweaks or Tweaks()
        self.title = title
        self.ctx = Ctx()
        # the tree and the tweaks are fixed while one emitter lives; the node is kept with its box
        # so that its id() cannot be reused by a temporary node
        self._lboxes: dict[int, tuple[Node, Box]] = {}

    # ---------------------------------------------------------------- text geometry
    def font_size(self, n: Node) -> float:
        return max(6.0, n.para.size * self.t.font_scale.get(n.id, 1.0))

    def line_height(self, n: Node) -> float:
        p = n.para
        s = self.font_size(n)
        lh = p.line_height * self.t.font_scale.get(n.id, 1.0) if len(p.lines) > 1 else s * 1.25
        return max(lh, s * 1.0)

    def lbox(self, n: Node) -> Box:
        """The box an element occupies in CSS (text: its line boxes, not its ink)."""
        hit = self._lboxes.get(id(n))
        if hit is None or hit[0] is not n:
            hit = self._lboxes[id(n)] = (n, self._lbox(n))
        return hit[1]

    def _lbox(self, n: Node) -> Box:
        if n.kind == "text":
            p = n.para
            s, lh = self.font_size(n), self.line_height(n)
            first = p.lines[0]
            bottom = first.box[1] + first.box[3]
            baseline = bottom - (DESCENT * 0.95 * s if any(c in DESCENDERS for c in first.text) else 0)
            top = baseline - 0.3465 * s - lh / 2 + self.t.dy.get(n.id, 0.0)
            x, _, w, _ = p.box
            return int(round(x + self.t.dx.get(n.id, 0.0))), int(round(top)), w, int(round(lh * len(p.lines)))
        if n.kind in ("col", "row", "stack"):
            return union([self.lbox(c) for c in n.children])
        return n.box

    # ---------------------------------------------------------------- document
    def emit(self) -> str:
        root = self.a.root
        body_parts = []
        inner = root.children[0] if root.children else None
        frame = root.box
        sections: list[tuple[str, Node]] = []
        if inner is not None:
            items = inner.children if inner.kind == "col" else [inner]
            for i, c in enumerate(items):
                tag = "main"
                if c.role == "header" and i == 0:
                    tag = "header"
                elif c.role == "footer" and i == len(items) - 1:
                    tag = "footer"
                sections.append((tag, c))
        cursor = frame[1]
        main_buf: list[str] = []
        for tag, c in sections:
            piece, cursor = self.place_in_col(c, frame, cursor, wrapper_tag=tag if tag != "main" else None)
            if tag == "main":
                main_buf.append(piece)
            else:
                if main_buf:
                    body_parts.append(self._main(main_buf))
                    main_buf = []
                body_parts.append(piece)
        if main_buf:
            body_parts.append(self._main(main_buf))
        bottom_pad = max(0, frame[1] + frame[3] - cursor)
        css = self.stylesheet(bottom_pad)
        return ("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                f"<title>{htmllib.escape(self.title)}</title>\n<style>\n{css}\n</style>\n</head>\n<body>\n"
                + "\n".join(body_parts) + "\n</body>\n</html>\n")

    def _main(self, parts: list[str]) -> str:
        return "<main class=\"page\">\n" + "\n".join(parts) + "\n</main>"

    def stylesheet(self, bottom_pad: float) -> str:
        bg = css_color(self.a.bg)
        base = [
            "*, *::before, *::after { box-sizing: border-box; }",
            f"html, body {{ margin: 0; padding: 0; background: {bg}; }}",
            f"body {{ font-family: {FONT_STACK}; min-height: 100vh; padding-bottom: {_px(bottom_pad)}; overflow-wrap: anywhere; }}",
            "main.page, header, footer { display: flex; flex-direction: column; }",
            "h1, h2, h3, h4, h5, h6, p, ul, li, figure { margin: 0; padding: 0; font-size: inherit; font-weight: inherit; }",
            "ul { list-style: none; }",
            "a { color: inherit; text-decoration: none; }",
            "img { display: block; max-width: 100%; height: auto; }",
            "button, input { font: inherit; color: inherit; margin: 0; }",
            "button { cursor: pointer; }",
            ".col { display: flex; flex-direction: column; align-items: stretch; }",
            ".row { display: flex; flex-direction: row; align-items: flex-start; }",
            ".row > * { flex: 0 0 auto; }",
            ".stack { display: grid; grid-template-columns: 100%; align-items: start; }",
            ".txt { white-space: nowrap; }",
        ]
        rules = [f".{k} {{ {v}; }}" for k, v in self.ctx.rules.items()]
        if self.a.width <= MOBILE_BREAKPOINT:
            return "\n".join(base + rules)  # the design is a phone screen already
        mobile = (f"@media (max-width: {MOBILE_BREAKPOINT}px) {{\n"
                  "  .row { flex-wrap: wrap; column-gap: 12px; }\n"
                  "  .row > * { margin-left: 0 !important; max-width: 100%; }\n"
                  "  .txt { white-space: normal; }\n"

                  "}")
        return "\n".join(base + rules + [mobile])

    # ---------------------------------------------------------------- placement
    def place_in_col(self, c: Node, frame: Box, cursor: float, wrapper_tag: str | None = None) -> tuple[str, float]:
        """Emit child `c` of a column whose content box is `frame`; `cursor` is the y where the
        previous sibling ended. Returns the HTML and the new cursor."""
        fx, fy, fw, fh = frame
        lb = self.lbox(c)
        x, y, w, h = lb
        decl: dict[str, str] = {}
        mt = y - cursor
        if abs(mt) >= 0.5:
            decl["margin-top"] = _px(mt)
        left, right = x - fx, fx + fw - (x + w)
        centred = abs(left - right) <= max(3, 0.015 * fw) and left > 2
        child_frame: Box
        if c.kind == "text":
            align = c.para.align
            if centred and (align == "center" or len(c.para.lines) == 1):
                decl["text-align"] = "center"
            elif right < left and right <= max(8, 0.03 * fw) and len(c.para.lines) == 1:
                decl["text-align"] = "right"
                if right > 0.5:
                    decl["margin-right"] = _pct(right, fw)
            else:
                if left > 0.5:
                    decl["margin-left"] = _pct(left, fw)
                if align in ("center", "right"):
                    decl["text-align"] = align
                    decl["width"] = _pct(w, fw)
            child_frame = lb
        elif c.kind in ("col", "row", "stack"):
            if centred and w >= 0.3 * fw:
                decl["width"] = _pct(w, fw)
                decl["margin-left"] = "auto"
                decl["margin-right"] = "auto"
                child_frame = (x, y, w, h)
            else:
                if left > 0.5:
                    decl["margin-left"] = _pct(left, fw)
                child_frame = (x, y, fx + fw - x, h)
        else:
            if centred:
                if w >= 320 and w >= 0.3 * fw:
                    decl["max-width"] = _px(w)
                    decl["width"] = "100%"
                else:
                    decl["width"] = _pct(w, fw)
                decl["margin-left"] = "auto"
                decl["margin-right"] = "auto"
            else:
                decl["width"] = _pct(w, fw)
                if left > 0.5:
                    decl["margin-left"] = _pct(left, fw)
            child_frame = (x, y, w, h)
        html = self.element(c, child_frame, decl, wrapper_tag)
        return html, y + h

    def place_in_row(self, c: Node, frame: Box, cursor_x: float, next_x: float) -> tuple[str, float]:
        fx, fy, fw, fh = frame
        lb = self.lbox(c)
        x, y, w, h = lb
        decl: dict[str, str] = {}
        ml = x - cursor_x
        if abs(ml) >= 0.5:
            decl["margin-left"] = _pct(ml, fw)
        mt = y - fy
        if abs(mt) >= 0.5:
            decl["margin-top"] = _px(mt)
        if c.kind == "text":
            w = max(w, next_x - x)
        decl["width"] = _pct(w, fw)
        return self.element(c, (x, y, w, h), decl), x + w

    # ---------------------------------------------------------------- elements
    def element(self, n: Node, frame: Box, decl: dict[str, str], wrapper_tag: str | None = None) -> str:
        if n.kind == "text":
            return self.text(n, decl, wrapper_tag)
        if n.kind == "image":
            return self.image(n, decl, wrapper_tag)
        if n.kind == "rule":
            return self.rule(n, decl, wrapper_tag)
        if n.kind in ("col", "row", "stack"):
            return self.group(n, frame, decl, wrapper_tag)
        return self.box(n, decl, wrapper_tag)

    def _open(self, tag: str, classes: list[str], attrs: str = "") -> str:
        cls = " ".join(c for c in classes if c)
        return f"<{tag}" + (f" class=\"{cls}\"" if cls else "") + attrs + ">"

    def children_html(self, layout: Node | None, frame: Box) -> tuple[str, str]:
        """The inside of a container: its layout node's children placed in `frame`; returns the
        container's direction class and the HTML."""
        if layout is None:
            return "col", ""
        if layout.kind == "row":
            return "row", self._row_items(layout.children, frame)
        items = layout.children if layout.kind == "col" else [layout]
        if layout.kind == "stack":
            return "stack", self._stack_items(layout.children, frame)
        return "col", self._col_items(items, frame, "li" if layout.role == "list" else None)

    def _col_items(self, items: list[Node], frame: Box, item_tag: str | None = None) -> str:
        out, cursor = [], frame[1]
        for c in sorted(items, key=lambda n: self.lbox(n)[1]):
            piece, cursor = self.place_in_col(c, frame, cursor, wrapper_tag=item_tag)
            out.append(piece)
        return "\n".join(out)

    def _row_items(self, items: list[Node], frame: Box) -> str:
        out = []
        items = sorted(items, key=lambda n: self.lbox(n)[0])
        cursor = frame[0]
        for i, c in enumerate(items):
            nxt = self.lbox(items[i + 1])[0] if i + 1 < len(items) else frame[0] + frame[2]
            piece, cursor = self.place_in_row(c, frame, cursor, nxt)
            out.append(piece)
        return "\n".join(out)

    def _stack_items(self, items: list[Node], frame: Box) -> str:
        fx, fy, fw, fh = frame
        out = []
        for c in items:
            x, y, w, h = self.lbox(c)
            decl = {"grid-area": "1 / 1", "margin-left": _pct(x - fx, fw), "margin-top": _px(y - fy)}
            if c.kind != "text":
                decl["width"] = _pct(w, fw)
            out.append(self.element(c, (x, y, w, h), decl))
        return "\n".join(out)

    def group(self, n: Node, frame: Box, decl: dict[str, str], wrapper_tag: str | None) -> str:
        kind, inner = self.children_html(n, frame)
        tag = wrapper_tag or ("nav" if n.role == "nav" else "ul" if n.role == "list" else "div")
        if wrapper_tag == "li":
            tag = "li"
        cls = self.ctx.cls("grp", decl) if decl else ""
        return f"{self._open(tag, [kind, cls])}\n{inner}\n</{tag}>"

    def box(self, n: Node, decl: dict[str, str], wrapper_tag: str | None) -> str:
        x, y, w, h = n.box
        if n.bg is not None:
            decl["background-color"] = css_color(n.bg)
        if n.image:
            url = self._save_crop(n, inpaint=True)
            decl["background-image"] = f"url(\"{url}\")"
            decl["background-size"] = "100% 100%"
        pad = 0
        if n.border is not None:
            decl["border"] = f"{n.border[1]}px solid {css_color(n.border[0])}"
            pad = n.border[1]
        if n.radius:
            decl["border-radius"] = _px(n.radius)
        decl["min-height"] = _px(h)
        inner_frame = (x + pad, y + pad, w - 2 * pad, h - 2 * pad)
        layout = n.children[0] if n.children else None
        if n.role == "input":
            return self._input(n, decl, layout)
        kind, inner = self.children_html(layout, inner_frame)
        prefix = {"button": "btn", "card": "card", "header": "header", "footer": "footer",
                  "section": "section"}.get(n.role, "box")
        cls = self.ctx.cls(prefix, decl)
        tag = wrapper_tag or {"button": "button", "section": "section", "card": "div"}.get(n.role, "div")
        attrs = f" data-v2c=\"{n.id}\"" + (" type=\"button\"" if tag == "button" else "")
        if tag == "button":
            self.ctx.rules[cls] += ("; border: " + (decl.get("border") or "0") + "; padding: 0; text-align: left"
                                   + ("" if n.bg is not None else "; background: transparent"))
        return f"{self._open(tag, [kind, cls], attrs)}\n{inner}\n</{tag}>"

    def _input(self, n: Node, decl: dict[str, str], layout: Node | None) -> str:
        texts = [c for c in (layout.walk() if layout else []) if c.kind == "text"]
        placeholder = texts[0].para.text if texts else ""
        if texts:
            t = texts[0]
            s = self.font_size(t)
            decl["font-size"] = _px(s)
            decl["color"] = css_color(t.para.color)
            pad_left = t.para.box[0] - n.box[0] - (n.border[1] if n.border else 0)
            decl["padding"] = f"0 0 0 {_px(max(0, pad_left))}"
        else:
            decl["padding"] = "0"
        decl["height"] = decl.pop("min-height")
        if n.border is None:
            decl["border"] = "0"
        decl["outline"] = "none"
        cls = self.ctx.cls("input", decl)
        if texts:
            self.ctx.rules[f"{cls}::placeholder"] = f"color: {css_color(texts[0].para.color)}; opacity: 1"
        return (f"<input class=\"{cls}\" type=\"text\" data-v2c=\"{n.id}\" placeholder=\"{htmllib.escape(placeholder)}\""
                f" aria-label=\"{htmllib.escape(placeholder or 'input')}\">")

    def image(self, n: Node, decl: dict[str, str], wrapper_tag: str | None) -> str:
        url = self._save_crop(n)
        cls = self.ctx.cls(n.role or "img", decl)
        x, y, w, h = n.box
        return f"<img class=\"{cls}\" src=\"{htmllib.escape(url)}\" width=\"{w}\" height=\"{h}\" alt=\"\" data-v2c=\"{n.id}\">"

    def rule(self, n: Node, decl: dict[str, str], wrapper_tag: str | None) -> str:
        x, y, w, h = n.box
        decl["height"] = _px(h)
        decl["background-color"] = css_color(n.bg or (200, 200, 200))
        decl["border"] = "0"
        decl["margin-bottom"] = "0"
        if "margin-top" not in decl:
            decl["margin-top"] = "0"
        cls = self.ctx.cls("rule", decl)
        return f"<hr class=\"{cls}\">"

    def _text_class(self, n: Node) -> str:
        p = n.para
        s, lh = self.font_size(n), self.line_height(n)
        key = (round(s, 1), p.weight, css_color(p.color), round(lh, 1))
        if key not in self.ctx.text_classes:
            name = f"t{len(self.ctx.text_classes) + 1}"
            self.ctx.text_classes[key] = name
            decl = f"font-size: {_px(s)}; line-height: {_px(lh)}; color: {css_color(p.color)}"
            if p.weight >= 600:
                decl += "; font-weight: 700"
            self.ctx.rules[name] = decl
        return self.ctx.text_classes[key]

    def text(self, n: Node, decl: dict[str, str], wrapper_tag: str | None) -> str:
        p = n.para
        tcls = self._text_class(n)
        pcls = self.ctx.cls("tx", decl) if decl else ""
        tag = wrapper_tag or p.tag
        body = "<br>".join(htmllib.escape(l.text) for l in p.lines)
        attrs = f' data-v2c="{n.id}"'
        if tag in ("span", "p") and is_link_color(p.color) and len(p.lines) == 1:
            outer = "p" if tag == "p" else "div"
            return f'{self._open(outer, ["txt", tcls, pcls], attrs)}<a href="#">{body}</a></{outer}>'
        if tag == "span":
            tag = "div"
        return f"{self._open(tag, ['txt', tcls, pcls], attrs)}{body}</{tag}>"

    # ---------------------------------------------------------------- images
    def _save_crop(self, n: Node, inpaint: bool = False) -> str:
        """The node's picture, named by its node id: every refine round of one conversion refers
        to the same file, cropped (and in-painted) once."""
        def pixels() -> np.ndarray:
            x, y, w, h = n.box
            crop = self.img[y:y + h, x:x + w]
            if inpaint:
                crop = _paint_out_text(crop, [l.box for c in n.walk() if c.kind == "text" for l in c.para.lines],
                                       (x, y))
            return crop

        return self.save_image(f"img{n.id}.png", pixels)


def _paint_out_text(crop: np.ndarray, boxes: list[Box], origin: tuple[int, int]) -> np.ndarray:
    """Remove text from a background crop (the text is emitted as real text on top)."""
    import cv2

    if not boxes:
        return crop
    mask = np.zeros(crop.shape[:2], np.uint8)
    ox, oy = origin
    for x, y, w, h in boxes:
        mask[max(0, y - oy - 2):max(0, y - oy + h + 2), max(0, x - ox - 2):max(0, x - ox + w + 2)] = 255
    if not mask.any():
        return crop
    return cv2.inpaint(np.ascontiguousarray(crop), mask, 3, cv2.INPAINT_TELEA)
