"""A small clean page for the screenshot-debugging tests, written to a folder with its own image."""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import numpy as np

from vision.files import write_png, write_text

ROOT = Path(__file__).resolve().parent.parent

PAGE = """<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Shop</title>
<style>
body { margin: 0; font-family: 'Liberation Sans', sans-serif; color: #1f2933; background: #ffffff; }
header { background: #ffffff; padding: 14px 24px; border-bottom: 1px solid #d0d7de; }
header h1 { margin: 0; font-size: 22px; }
main { display: flex; gap: 32px; padding: 18px 24px; }
.row { display: flex; gap: 24px; padding: 0 24px 24px; }
.tile { width: 170px; height: 110px; background: #f3f6f9; padding: 12px; font-size: 15px; }
footer { padding: 12px 24px; font-size: 14px; }
.menu { width: 200px; }
.menu div { font-size: 16px; margin: 0 0 12px 0; }
.card { width: 300px; }
.card img { display: block; width: 240px; height: 120px; }
.card p { font-size: 15px; margin: 10px 0; }
</style></head><body>
<header><h1>Northwind outdoor supplies</h1></header>
<main>
  <nav class="menu"><div>Tents and shelters</div><div>Sleeping bags</div><div>Cooking equipment</div><div>Hiking boots</div></nav>
  <section class="card"><img src="photo.png" alt="Mountain view">
    <p>Lightweight gear for every trail</p><p>Free returns within thirty days</p></section>
</main>
<div class="row"><div class="tile"><b>Tents</b><p>Two and four person tents</p></div>
<div class="tile"><b>Stoves</b><p>Gas and wood burners</p></div>
<div class="tile"><b>Boots</b><p>Waterproof leather boots</p></div></div>
<footer>Northwind supplies, 12 Harbour Road, Portsmouth</footer></body></html>
"""


def write_page(folder: Path) -> Path:
    """The page and its photo (a smooth gradient with a shape), both made here."""
    folder.mkdir(parents=True, exist_ok=True)
    yy, xx = np.mgrid[0:120, 0:240]
    photo = np.stack([80 + xx // 3, 120 + yy // 2, 200 - xx // 4], axis=-1).astype(np.uint8)
    photo[40:90, 100:160] = (30, 90, 40)
    noise = np.random.default_rng(0).integers(-18, 18, photo.shape)
    photo = np.clip(photo.astype(int) + noise, 0, 255).astype(np.uint8)  # texture, like a real photo
    write_png(folder / "photo.png", photo)
    page = folder / "page.html"
    write_text(page, PAGE)
    return page


def load_bench_module(name: str):
    """bench/ is a folder of scripts, not a package: import one of them by path."""
    spec = importlib.util.spec_from_file_location(name, ROOT / "bench" / f"{name}.py")
    mod = importlib.util.module_from_spec(spec)
    sys.modules[name] = mod  # dataclasses look their module up here
    spec.loader.exec_module(mod)
    return mod


W, H = 720, 480

RECT_JS = {False: "(id) => { const r = document.getElementById(id).getBoundingClientRect();"
                  " return [r.left, r.top, r.width, r.height]; }",
           True: "(id) => { const g = document.createRange(); g.selectNodeContents(document.getElementById(id));"
                 " const r = g.getBoundingClientRect(); return [r.left, r.top, r.width, r.height]; }"}


def render_with_boxes(html: str, ids=(), text: bool = False, before: str | None = None,
                      width: int = W, height: int = H):
    """The page rendered at `width` x `height` in Chromium, and each id's box (its text's box when
    `text`), after running `before` in the page when given."""
    from codegen.render import get_renderer

    boxes = {}

    def page_fn(p):
        if before:
            p.evaluate(before)
        for k in ids:
            boxes[k] = p.evaluate(RECT_JS[text], k)

    res = get_renderer().render(html=html, width=width, height=height, full_page=False, mobile_check=False,
                                page_fn=page_fn, timeout_s=20)
    return res.image, boxes


def read_line(img, box, text: str, conf: float = 0.99, pad: tuple[int, int] = (4, 2)):
    """The text line at `box` (a rendered element's text box) as the page OCR would hand it over:
    a box a few pixels round the text (`pad` x, y), read as `text` with score `conf`, measured."""
    from vision.defects.pixels import text_info
    from vision.ocr import TextLine

    x, y, w, h = (int(round(v)) for v in box)
    return text_info(img, TextLine(text, (x - pad[0], y - pad[1], w + 2 * pad[0], h + 2 * pad[1]), conf))


def detected(category: str, html: str, ids=(), width: int = 1280, height: int = 800):
    """The detectors' findings of `category` on the page rendered in Chromium and read by the real
    OCR, with the boxes of the elements `ids`."""
    from vision.defects import detect, read_text

    img, boxes = render_with_boxes(html, ids, width=width, height=height)
    return [i for i in detect(img, read_text(img)) if i.category == category], boxes


def lands_on(found, box) -> bool:
    """Some finding shares 30% of the smaller box with `box`, as the benchmark matches them."""
    from vision.defects.issue import overlap_min

    return any(overlap_min(i.bbox, box) >= 0.3 for i in found)


def assert_truncation_reads(img, boxes, cases, end_share: float | None = None) -> None:
    """Each (key, read, want): text-truncation, handed the line `key` boxed as the page OCR boxes
    it and read as `read`, reports the categories `want`; with `end_share`, a finding's box ends
    before that share of the line's width (at the cut, not at the line's end)."""
    from vision.defects import truncation

    for key, read, want in cases:
        found = truncation.detect(img, [read_line(img, boxes[key], read)])
        assert [i.category for i in found] == want, (key, read, boxes[key], [i.message for i in found])
        if found and end_share is not None:
            x, _, w, _ = boxes[key]
            assert found[0].bbox[0] + found[0].bbox[2] < x + end_share * w


CLIP_AT_JS = """const at = (id, k, share) => { const el = document.getElementById(id), tn = el.firstChild;
  const r = document.createRange(); r.setStart(tn, k); r.setEnd(tn, k + 1); const c = r.getBoundingClientRect();
  el.style.width = (c.left + share * c.width - el.getBoundingClientRect().left) + 'px'; };"""


def clip_at(*cuts: tuple[str, int, float]) -> str:
    """A script for `render_with_boxes(before=...)` narrowing each element `id` (one that clips its
    overflow) to end `share` of the way into its text's k-th character: a cut through a chosen
    letter, wherever the font puts it."""
    return "(() => { " + CLIP_AT_JS + " " + " ".join(f"at('{i}', {k}, {s});" for i, k, s in cuts) + " })()"


def clipped_rows_page(rows: list[tuple[str, str]]) -> str:
    """A page of one-line texts (id, text), 50 px apart, each in an inline block that clips its
    overflow, in 20 px Liberation Sans: `clip_at` then cuts them."""
    head = ('<!doctype html><html><head><meta charset="utf-8"><style>body { margin: 0; background: #fff; '
            "font: 20px 'Liberation Sans', sans-serif; color: #222 } div { position: absolute; left: 40px; "
            "white-space: nowrap } .clip { display: inline-block; overflow: hidden; vertical-align: bottom }"
            "</style></head><body>")
    return head + "".join(f'<div style="top: {30 + 50 * k}px"><span id="{i}" class="clip">{s}</span></div>'
                          for k, (i, s) in enumerate(rows)) + "</body></html>"
