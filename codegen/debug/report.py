"""Debug outputs: the JSON of DESIGN.md, an annotated picture (numbered boxes, legend), Markdown."""
from __future__ import annotations

from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFont

from vision.defects.issue import CATEGORIES, Issue

COLORS = {
    "text-overlap": (230, 25, 75), "element-overlap": (245, 130, 48), "text-truncation": (145, 30, 180),
    "low-contrast": (0, 130, 200), "broken-image": (128, 0, 0), "misalignment": (60, 180, 75),
    "blank-area": (128, 128, 0), "small-text": (240, 50, 230), "small-target": (0, 128, 128),
    "overflow": (170, 110, 40), "accessibility": (0, 0, 128),
}
LEGEND_H = 22


def to_json(image_name: str, size: tuple[int, int], issues: list[Issue]) -> dict:
    return {"image": image_name, "size": [int(size[0]), int(size[1])], "issues": [i.to_json() for i in issues]}


def _font(px: int):
    for name in ("DejaVuSans-Bold.ttf", "LiberationSans-Bold.ttf"):
        try:
            return ImageFont.truetype(name, px)
        except OSError:
            continue
    return ImageFont.load_default()


def annotate(img: np.ndarray, issues: list[Issue], highlight: int | None = None) -> np.ndarray:
    """The screenshot with a numbered box per issue and a legend strip; same size as the input.

    The legend is drawn over the bottom strip, semi-transparent, so boxes keep their coordinates.
    `highlight` (an index) draws that issue thicker and dims the others.
    """
    H, W = img.shape[:2]
    base = Image.fromarray(np.ascontiguousarray(img[:, :, :3])).convert("RGBA")
    layer = Image.new("RGBA", base.size, (0, 0, 0, 0))
    d = ImageDraw.Draw(layer)
    font = _font(max(10, min(16, W // 90)))
    for n, it in enumerate(issues):
        c = COLORS[it.category]
        dim = highlight is not None and n != highlight
        alpha = 90 if dim else 255
        width = 4 if n == highlight else 2
        x, y, w, h = it.bbox
        d.rectangle([x, y, x + max(1, w) - 1, y + max(1, h) - 1], outline=c + (alpha,), width=width)
        if n == highlight:
            d.rectangle([x, y, x + w - 1, y + h - 1], fill=c + (50,))
        label = str(n + 1)
        tw = int(d.textlength(label, font=font)) + 6
        lx, ly = max(0, min(W - tw, x)), max(0, y - 17) if y >= 17 else min(H - 17, y + h)
        d.rectangle([lx, ly, lx + tw, ly + 16], fill=c + (alpha,))
        d.text((lx + 3, ly), label, fill=(255, 255, 255, alpha), font=font)
    used = [c for c in CATEGORIES if any(i.category == c for i in issues)]
    if used and H > 3 * LEGEND_H:
        d.rectangle([0, H - LEGEND_H, W, H], fill=(255, 255, 255, 215))
        x = 6
        for cat in used:
            d.rectangle([x, H - LEGEND_H + 5, x + 12, H - LEGEND_H + 17], fill=COLORS[cat] + (255,))
            d.text((x + 16, H - LEGEND_H + 3), cat, fill=(20, 20, 20, 255), font=font)
            x += 16 + int(d.textlength(cat, font=font)) + 14
            if x > W - 60:
                break
    return np.asarray(Image.alpha_composite(base, layer).convert("RGB"))


def to_markdown(image_name: str, size: tuple[int, int], issues: list[Issue], picture: str | None = None,
                notes: list[str] | None = None) -> str:
    counts = {s: sum(i.severity == s for i in issues) for s in ("error", "warning", "info")}
    lines = [f"# UI defects in `{image_name}`", "",
             f"{size[0]}x{size[1]} px; {len(issues)} issues: {counts['error']} errors, "
             f"{counts['warning']} warnings, {counts['info']} notes.", ""]
    if picture:
        lines += [f"![annotated screenshot]({picture})", ""]
    for n in notes or []:
        lines += [f"> {n}", ""]
    if not issues:
        lines.append("No defects found.")
        return "\n".join(lines) + "\n"
    lines += ["| # | severity | category | where (x, y, w, h) | source | what | fix |",
              "| --- | --- | --- | --- | --- | --- | --- |"]
    esc = lambda s: str(s).replace("|", "\\|").replace("\n", " ")  # noqa: E731
    for n, it in enumerate(issues, 1):
        src = it.source + (f" (confirmed: {', '.join(it.confirmed_by)})" if it.confirmed_by else "")
        where = ", ".join(map(str, it.bbox)) + (f"<br>`{esc(it.selector)}`" if it.selector else "")
        lines.append(f"| {n} | {it.severity} | {it.category} | {where} | {src} | {esc(it.message)} | {esc(it.fix)} |")
    return "\n".join(lines) + "\n"


def markdown_path(picture: str | Path) -> Path:
    return Path(picture).with_suffix(".md")
