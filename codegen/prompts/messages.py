"""The conversations of model-driven conversion: the first request, a revision round, and one
region of the parallel mode. Pictures go in as image parts; the backend sizes them."""
from __future__ import annotations

from typing import Any, Sequence

import numpy as np

from codegen.prompts.analysis import PageFacts, format_analysis, hex_color
from codegen.prompts.system import region_system_prompt, system_prompt

MAX_TILES = 4
HEAT_WIDTH = 800  # the heat-map is coarse (16-px cells): a small copy says as much
TILE_ASPECT = 1.25  # a tile is at most this many times as tall as it is wide


def tiles(img: np.ndarray, max_tiles: int = MAX_TILES) -> list[tuple[int, np.ndarray]]:
    """A tall full-page picture as a few top-to-bottom parts, so that each part keeps legible
    text after the backend shrinks it to its pixel budget. Returns (y offset, tile)."""
    h, w = img.shape[:2]
    n = max(1, min(max_tiles, int(np.ceil(h / (w * TILE_ASPECT)))))
    step = int(np.ceil(h / n))
    return [(y, img[y: y + step]) for y in range(0, h, step)]


def shrink(img: np.ndarray, width: int) -> np.ndarray:
    """A copy at most `width` px wide (cell-averaged, as the heat-map's cells are)."""
    import cv2

    h, w = img.shape[:2]
    if w <= width:
        return img
    return cv2.resize(img, (width, max(1, round(h * width / w))), interpolation=cv2.INTER_AREA)


def _image_parts(img: np.ndarray, label: str, max_tiles: int = MAX_TILES) -> list[dict]:
    parts = tiles(img, max_tiles)
    if len(parts) == 1:
        return [{"type": "text", "text": label}, {"type": "image", "image": img}]
    out: list[dict] = [{"type": "text", "text": f"{label} It is tall, so it comes in {len(parts)} parts, top to bottom."}]
    for i, (y, tile) in enumerate(parts):
        out.append({"type": "text", "text": f"Part {i + 1} (y {y} to {y + tile.shape[0]} px):"})
        out.append({"type": "image", "image": tile})
    return out


STACK_NAMES = {"html": "HTML and CSS", "tailwind": "HTML with Tailwind CSS", "react": "a React component"}


def first_messages(image: np.ndarray, stack: str, facts: PageFacts) -> list[dict]:
    h, w = image.shape[:2]
    content = _image_parts(image, f"The mockup to reproduce, {w}x{h} px:")
    content.append({"type": "text", "text": (
        f"Write {STACK_NAMES[stack]} that renders exactly like this mockup in a browser window {w} px wide.\n\n"
        f"Measured from the picture by OCR and layout analysis:\n{format_analysis(facts)}")})
    return [{"role": "system", "content": system_prompt(stack)}, {"role": "user", "content": content}]


def _fmt_box(b: Sequence[float]) -> str:
    return "[" + ",".join(str(int(round(v))) for v in b) + "]"


def describe_differences(scores: Any, mockup_blocks: Sequence[Any], render_blocks: Sequence[Any],
                         limit: int = 15) -> str:
    """The worst-matching text blocks, in words a model can act on (largest errors first)."""
    items: list[tuple[float, str]] = []
    for d in getattr(scores, "details", []) or []:
        text = " ".join(mockup_blocks[i].text for i in d.ia)
        problems, weight = [], 0.0
        if abs(d.dy) >= 8 or abs(d.dx) >= 8:
            moves = []
            if abs(d.dy) >= 8:
                moves.append(f"{abs(d.dy):.0f} px too {'low' if d.dy > 0 else 'high'}")
            if abs(d.dx) >= 8:
                moves.append(f"{abs(d.dx):.0f} px too far {'right' if d.dx > 0 else 'left'}")
            problems.append(" and ".join(moves))
            weight += max(abs(d.dx), abs(d.dy))
        if d.h_ratio > 1.2 or d.h_ratio < 0.83:
            problems.append(f"text {d.h_ratio:.2f}x the mockup's height")
            weight += abs(np.log(max(d.h_ratio, 1e-3))) * 100
        if d.color_de is not None and d.color_de > 12:
            cm = [mockup_blocks[i].color for i in d.ia if mockup_blocks[i].color is not None]
            problems.append(f"colour off by dE {d.color_de:.0f}" + (f" (mockup {hex_color(cm[0])})" if cm else ""))
            weight += d.color_de
        if d.sim < 0.9:
            rendered = " ".join(render_blocks[j].text for j in d.ib)
            problems.append(f'text differs (render: "{rendered[:60]}")')
            weight += (1 - d.sim) * 100
        if problems:
            items.append((weight, f'- "{text[:70]}" at {_fmt_box(d.mockup_box)}: ' + "; ".join(problems)))
    for i in getattr(scores, "missing", []) or []:
        b = mockup_blocks[i]
        items.append((200.0 + b.area ** 0.5, f'- missing from the render: "{b.text[:70]}" at {_fmt_box(b.box)}'))
    for j in getattr(scores, "extra", []) or []:
        b = render_blocks[j]
        items.append((50.0, f'- in the render but not in the mockup: "{b.text[:70]}" at {_fmt_box(b.box)}'))
    items.sort(key=lambda t: -t[0])
    if not items:
        return "No text block is clearly misplaced; look at the heat-map for shapes and colours."
    more = f"\n(and {len(items) - limit} smaller differences)" if len(items) > limit else ""
    return "\n".join(t for _, t in items[:limit]) + more


def revision_messages(image: np.ndarray, stack: str, facts: PageFacts, code: str, render: np.ndarray,
                      heat: np.ndarray, score_line: str, differences: str) -> list[dict]:
    """One round of the render-compare loop: the model sees its render, the heat-map and the
    worst-matching blocks, and returns a corrected whole file."""
    content = _image_parts(image, "The mockup:", max_tiles=2)
    content += _image_parts(render, "Your code rendered in Chromium at the mockup's width:", max_tiles=2)
    content += _image_parts(shrink(heat, HEAT_WIDTH), "Difference heat-map over the mockup, reduced "
                            "(blue = same, red = most different):", max_tiles=1)
    content.append({"type": "text", "text": (
        f"Scores of your render against the mockup (1 is identical): {score_line}.\n\n"
        f"Worst-matching text blocks (boxes in mockup pixels):\n{differences}\n\n"
        f"Measured from the mockup:\n{format_analysis(facts, max_lines=150, outline=False)}\n\n"
        f"Your current code:\n```{'jsx' if stack == 'react' else 'html'}\n{code}\n```\n\n"
        "Correct the code so that its render matches the mockup: fix the listed blocks and the red areas "
        "of the heat-map (missing or misplaced bars, cards, backgrounds, images), keep what already matches. "
        "Return the whole corrected file.")})
    return [{"role": "system", "content": system_prompt(stack)}, {"role": "user", "content": content}]


def region_messages(crop: np.ndarray, index: int, count: int, region: tuple[int, int, int, int],
                    page_size: tuple[int, int], facts: PageFacts, context: str) -> list[dict]:
    """One region of the parallel mode: its crop, where it sits, and what surrounds it."""
    x, y, w, h = region
    pw, ph = page_size
    cls = f"v2c-r{index}"
    content = _image_parts(crop, f"Region {index + 1} of {count} of a page {pw}x{ph} px: "
                                 f"x {x}-{x + w}, y {y}-{y + h}. This crop is {w}x{h} px:")
    content.append({"type": "text", "text": (
        f"Write this region as <section class=\"{cls}\"> ... </section> followed by a <style> whose selectors all "
        f"start with .{cls}. The section must be {w} px wide at most (width: 100%; max-width: {w}px) and about "
        f"{h} px tall; the page places the regions one below the other.\n"
        + (f"Page background: {hex_color(facts.bg)}.\n" if facts.bg is not None else "")
        + (f"Around it: {context}\n" if context else "")
        + f"\nMeasured from this region (coordinates relative to the crop):\n{format_analysis(facts, clip=region)}")})
    return [{"role": "system", "content": region_system_prompt()}, {"role": "user", "content": content}]
