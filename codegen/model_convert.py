"""Mockup to code with a vision-language model, checked in a real browser.

The first request carries the mockup, the target stack and the offline analysis as text (OCR
lines with positions, sizes and colours, image files cut from the mockup, the layout outline).
Then the render-compare loop: render the code in Chromium at the mockup's width, score it, and
show the model its render, the heat-map and the worst-matching blocks so that it revises; the
best round is kept, and the loop stops at the first round that does not improve.

`regions=True` is the parallel mode: the page is cut into horizontal bands along empty rows of
the page background, each band is generated in its own concurrent request (its crop, where it
sits, what surrounds it), the bands are assembled into one document and the revision rounds
then run over the whole page.
"""
from __future__ import annotations

import os
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

import numpy as np

from codegen.backends.base import Backend, BackendError
from codegen.extract import ExtractError, extract_code, extract_fragment
from codegen.preview import preview_document
from codegen.prompts.analysis import PageFacts, hex_color
from codegen.prompts.messages import describe_differences, first_messages, region_messages, revision_messages

Progress = Callable[[float, str], None]  # (fraction done, message), as in codegen.pipeline

MAX_TOKENS = 8192
MAX_IMAGES = 60
MIN_IMAGE_SIDE = 12
MAX_REGIONS = 8
REGION_RETRIES = 2
SCORE_KEYS = ("block", "text", "position", "color", "visual", "ssim", "overall")


@dataclass
class Candidate:
    """One round's code, its render and how it scored."""

    round: int
    code: str
    preview: str
    render: Any = None
    image: np.ndarray | None = None
    scores: Any = None
    render_blocks: list = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def score_dict(self) -> dict[str, float]:
        if self.scores is None:
            return {k: 0.0 for k in SCORE_KEYS}
        return {k: round(float(v), 4) for k, v in self.scores.as_dict().items()}

    @property
    def rank(self) -> float:
        """What "best round" means, as in the offline pipeline: overall plus half of visual."""
        if self.scores is None:
            return -1.0
        return self.scores.overall + 0.5 * self.scores.visual


def reply_budget() -> int:
    """Tokens a reply may take: V2C_MAX_TOKENS, else 8192 (a long page's HTML and CSS)."""
    raw = os.environ.get("V2C_MAX_TOKENS", "").strip()
    if not raw:
        return MAX_TOKENS
    try:
        value = int(raw)
    except ValueError:
        raise BackendError(f"V2C_MAX_TOKENS={raw!r} is not a whole number") from None
    if value < 256:
        raise BackendError(f"V2C_MAX_TOKENS={value} is too small for a page (at least 256)")
    return value


def _note(progress: Progress | None, message: str, fraction: float) -> None:
    if progress is not None:
        try:
            progress(fraction, message)
        except Exception:  # a broken progress display must never stop a conversion
            pass


# -- the mockup's analysis --------------------------------------------------------------------
def cut_images(img: np.ndarray, root: Any, assets: Any) -> list[dict]:
    """Crop the picture regions the analysis found into the page's asset folder."""
    out: list[dict] = []
    if root is None:
        return out
    for node in root.walk():
        if node.kind != "image" or len(out) >= MAX_IMAGES:
            continue
        x, y, w, h = (int(v) for v in node.box)
        if w < MIN_IMAGE_SIDE or h < MIN_IMAGE_SIDE:
            continue
        src = assets(f"img_{len(out) + 1}.png", img[y: y + h, x: x + w])
        out.append({"src": src, "box": (x, y, w, h)})
    return out


def analyse(img: np.ndarray, assets: Any, stages: dict[str, float], analysis: Any = None) -> tuple[PageFacts, list, Any]:
    """OCR once, the layout analysis (unless the caller has it), image crops; returns prompt
    facts and the mockup's text blocks."""
    from vision.analysis import analyze
    from vision.compare import blocks_from_ocr

    if analysis is None:
        analysis = analyze(img)
        stages.update({k: round(v, 3) for k, v in analysis.seconds.items()})
    t = time.perf_counter()
    images = cut_images(img, analysis.root, assets)
    palette = _palette(img)
    facts = PageFacts(width=analysis.width, height=analysis.height, bg=analysis.bg, palette=palette,
                      lines=list(analysis.lines), tree=analysis.root, images=images)
    blocks = blocks_from_ocr(analysis.ocr, img)
    stages["images"] = round(time.perf_counter() - t, 3)
    return facts, blocks, analysis


def _palette(img: np.ndarray, k: int = 8) -> list[tuple[int, int, int]]:
    """The most used exact colours (UI fills are flat), near-duplicates merged: a cheap summary
    that gives the model hex values to copy."""
    step = max(1, int(np.sqrt(img.shape[0] * img.shape[1] / 200_000)))
    px = img[::step, ::step].reshape(-1, 3).astype(np.int32)
    keys = px[:, 0] * 65536 + px[:, 1] * 256 + px[:, 2]
    vals, counts = np.unique(keys, return_counts=True)
    order = np.argsort(-counts)
    out = []
    for i in order[: k * 3]:
        if counts[i] < 0.003 * len(keys):
            break
        c = (int(vals[i] // 65536), int(vals[i] // 256 % 256), int(vals[i] % 256))
        if all(sum(abs(a - b) for a, b in zip(c, o)) > 24 for o in out):
            out.append(c)
        if len(out) >= k:
            break
    return out


# -- rendering and scoring ----------------------------------------------------------------------
def evaluate(cand: Candidate, img: np.ndarray, mockup_blocks: list, out_html: Path) -> Candidate:
    """Render the candidate at the mockup's width and score it against the mockup."""
    from codegen.render import get_renderer
    from vision.compare import blocks_from_dom, fidelity_scores

    h, w = img.shape[:2]
    rr = get_renderer().render(cand.preview, path=out_html, width=w, height=h, full_page=True, timeout_s=20.0,
                               javascript=True)
    cand.render = rr
    cand.errors = list(rr.errors)
    if rr.image is None:
        return cand
    cand.image = rr.image
    cand.render_blocks = blocks_from_dom(rr.text_boxes)
    cand.scores = fidelity_scores(img, rr.image, mockup_blocks, cand.render_blocks)
    return cand


def _score_line(cand: Candidate) -> str:
    return ", ".join(f"{k} {v:.3f}" for k, v in cand.score_dict().items())


# -- generation -------------------------------------------------------------------------------
def _ask(backend: Backend, messages: list[dict], stack: str, max_tokens: int, attempts: int = 2,
         progress: Progress | None = None, fraction: float = 0.0, what: str = "writing code") -> str:
    """One request whose reply must contain code; a reply without any is asked again once.
    While the reply streams in, `progress` hears how much has arrived."""
    last = ""
    received = [0, 0]

    def on_token(piece: str) -> None:
        received[0] += len(piece)
        if received[0] - received[1] >= 2000:
            received[1] = received[0]
            _note(progress, f"{what} ({received[0] // 1000} k characters)", fraction)

    for _ in range(attempts):
        reply = backend.chat(messages, stream=True, max_tokens=max_tokens, temperature=0.0,
                             on_token=on_token if progress is not None else None)
        try:
            return extract_code(reply, stack)
        except ExtractError as exc:
            last = str(exc)
            messages = messages + [{"role": "assistant", "content": reply[-4000:]},
                                   {"role": "user", "content": "That reply had no code. Return the complete code "
                                                               "in one fenced block, nothing else."}]
    raise BackendError(f"the model's reply held no usable code ({last})")


def find_cuts(img: np.ndarray, bg: tuple[int, int, int] | None, count: int, min_height: int = 40) -> list[int]:
    """Where to cut the page into `count` bands: rows that are all page background, nearest to
    equal heights; through content only where the page has no empty rows at all."""
    h = img.shape[0]
    if count <= 1 or h < 2 * min_height:
        return []
    small = img[:, :: max(1, img.shape[1] // 400)].astype(np.int16)
    if bg is None:
        bg = tuple(int(v) for v in np.median(small[:, 0], axis=0))
    quiet = (np.abs(small - np.array(bg, np.int16)).max(axis=2) <= 10).all(axis=1)
    runs, y = [], 0
    while y < h:
        if quiet[y]:
            y0 = y
            while y < h and quiet[y]:
                y += 1
            runs.append((y0 + y) // 2)
        y += 1
    cuts: list[int] = []
    for k in range(1, count):
        ideal = k * h / count
        options = [c for c in runs if min_height <= c <= h - min_height
                   and all(abs(c - o) >= min_height for o in cuts)] or [int(ideal)]
        best = min(options, key=lambda c: abs(c - ideal))
        if all(abs(best - o) >= min_height for o in cuts):
            cuts.append(int(best))
    return sorted(cuts)


def region_boxes(img: np.ndarray, bg, max_regions: int = MAX_REGIONS) -> list[tuple[int, int, int, int]]:
    h, w = img.shape[:2]
    count = int(np.clip(np.ceil(h / max(400, w * 0.5)), 2, max_regions))
    edges = [0] + find_cuts(img, bg, count) + [h]
    return [(0, a, w, b - a) for a, b in zip(edges, edges[1:]) if b > a]


def _context(facts: PageFacts, boxes: list[tuple[int, int, int, int]], i: int) -> str:
    def texts(box, last: bool) -> str:
        inside = [ln.text for ln in facts.lines if box[1] <= ln.box[1] + ln.box[3] / 2 < box[1] + box[3]]
        picked = inside[-2:] if last else inside[:2]
        return " / ".join(f'"{t[:50]}"' for t in picked)

    parts = []
    if i > 0 and texts(boxes[i - 1], True):
        parts.append(f"the region above ends with {texts(boxes[i - 1], True)}")
    if i + 1 < len(boxes) and texts(boxes[i + 1], False):
        parts.append(f"the region below starts with {texts(boxes[i + 1], False)}")
    return "; ".join(parts)


class RegionsFailed(BackendError):
    """A region kept failing; `partial` says whether others succeeded (the model is reachable)."""

    def __init__(self, message: str, partial: bool) -> None:
        super().__init__(message)
        self.partial = partial


def assemble(fragments: list[str], bg: tuple[int, int, int] | None) -> str:
    """One document from the regions' fragments, stacked in page order."""
    body_bg = hex_color(bg) if bg is not None else "#ffffff"
    parts = "\n".join(f"<!-- region {i + 1} -->\n{f}" for i, f in enumerate(fragments))
    return ("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>Page</title>\n"
            f"<style>\nhtml, body {{ margin: 0; padding: 0; }}\nbody {{ background: {body_bg}; "
            "font-family: Arial, Helvetica, sans-serif; }}\n* { box-sizing: border-box; }\n</style>\n</head>\n"
            f"<body>\n{parts}\n</body>\n</html>\n")


def generate_regions(backend: Backend, img: np.ndarray, facts: PageFacts, *, max_tokens: int,
                     concurrency: int | None, retries: int = REGION_RETRIES,
                     progress: Progress | None = None) -> tuple[str, dict]:
    """Every region in its own request, at most `concurrency` at once, each retried on failure."""
    h, w = img.shape[:2]
    boxes = region_boxes(img, facts.bg)
    done = [0]

    def one(i: int) -> str:
        x, y, bw, bh = boxes[i]
        msgs = region_messages(img[y: y + bh, x: x + bw], i, len(boxes), boxes[i], (w, h), facts,
                               _context(facts, boxes, i))
        last = ""
        for _ in range(1 + retries):
            try:
                reply = backend.chat(msgs, stream=True, max_tokens=max_tokens, temperature=0.0)
                frag = extract_fragment(reply)
                done[0] += 1
                _note(progress, f"region {done[0]} of {len(boxes)} written", 0.2 + 0.3 * done[0] / len(boxes))
                return frag
            except (BackendError, ExtractError) as exc:
                last = str(exc)
        raise BackendError(f"region {i + 1} failed after {1 + retries} attempts: {last}")

    workers = max(1, min(concurrency or backend.max_concurrency, len(boxes)))
    with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="v2c-region") as pool:
        futures = [pool.submit(one, i) for i in range(len(boxes))]
        fragments, errors = [], []
        for fut in futures:
            try:
                fragments.append(fut.result())
            except BackendError as exc:
                errors.append(str(exc))
    if errors:
        raise RegionsFailed(errors[0], partial=len(fragments) > 0)
    info = {"regions": [list(b) for b in boxes], "concurrency": workers}
    return assemble(fragments, facts.bg), info


# -- the whole conversion -----------------------------------------------------------------------
STACK_FILES = {"tailwind": ".tailwind.html", "react": ".jsx"}


def regions_from_env() -> bool:
    """V2C_REGIONS (the web app's settings panel sets it): write every page region by region."""
    return os.environ.get("V2C_REGIONS", "").strip().lower() in ("1", "true", "yes", "on")


def convert_with_model(image: np.ndarray | str | Path, out_html: str | Path, backend: Backend, *,
                       stack: str = "html", refine: int = 2, regions: bool = False,
                       progress: Progress | None = None, name: str | None = None,
                       max_tokens: int | None = None, concurrency: int | None = None,
                       analysis: Any = None, write_extras: bool = True):
    """Convert one mockup with `backend`; returns `codegen.pipeline.ConvertResult`.

    Files as the offline pipeline writes them: `out_html` is the page that renders (for
    Tailwind and React, the code mounted with its bundled runtime), the stack's own code goes to
    `<stem>.tailwind.html` or `<stem>.jsx`, images and runtimes to `<stem>_files/`, and the
    side-by-side picture beside them. `analysis` (from `vision.analysis.analyze`) skips the
    OCR when the caller already ran it. Raises `BackendError` (one line) when the model cannot
    be reached or never returns code; `ValueError` for an unknown stack.
    """
    from codegen.emit.stacks import to_stack
    from codegen.pipeline import AssetWriter, ConvertResult
    from codegen.preview import Runtimes
    from vision.compare import heatmap, side_by_side
    from vision.files import write_png, write_text
    from vision.load import load_image

    if stack not in ("html", "tailwind", "react"):
        raise ValueError(f"unknown stack {stack!r} (html, tailwind or react)")
    max_tokens = max_tokens or reply_budget()
    # the web app's settings panel turns the parallel mode on for every conversion it starts
    regions = bool(regions) or regions_from_env()
    t_start = time.perf_counter()
    stages: dict[str, float] = {}
    out_html = Path(out_html)
    out_html.parent.mkdir(parents=True, exist_ok=True)
    t = time.perf_counter()
    img = load_image(image) if not isinstance(image, np.ndarray) else np.ascontiguousarray(image[..., :3])
    stages["load"] = round(time.perf_counter() - t, 3)
    h, w = img.shape[:2]
    assets = AssetWriter(out_html)
    runtimes = Runtimes(assets.dir, assets.rel)
    _note(progress, "reading the mockup (OCR and layout analysis)", 0.05)
    facts, mockup_blocks, _ = analyse(img, assets, stages, analysis)

    # the regions are HTML fragments: that mode refines HTML and derives the stack at the end
    loop_stack = "html" if regions else stack
    t = time.perf_counter()
    info: dict = {}
    if regions:
        _note(progress, "writing the page region by region", 0.2)
        try:
            code, info = generate_regions(backend, img, facts, max_tokens=max_tokens, concurrency=concurrency,
                                          progress=progress)
        except RegionsFailed as exc:
            if not exc.partial:
                raise
            # the model answers but one region keeps failing: write the page in one request
            _note(progress, "a region failed; asking for the whole page at once", 0.45)
            code = _ask(backend, first_messages(img, loop_stack, facts), loop_stack, max_tokens)
            info = {"regions_fallback": str(exc)}
    else:
        _note(progress, f"asking {backend.describe()} for the code", 0.2)
        code = _ask(backend, first_messages(img, loop_stack, facts), loop_stack, max_tokens,
                    progress=progress, fraction=0.2)
    stages["generate"] = round(time.perf_counter() - t, 3)

    def candidate(rnd: int, c: str) -> Candidate:
        return evaluate(Candidate(rnd, c, preview_document(c, loop_stack, runtimes)), img, mockup_blocks, out_html)

    t = time.perf_counter()
    best = current = candidate(0, code)
    stages["render_compare"] = round(time.perf_counter() - t, 3)
    rounds: list[dict] = [{"round": 0, "scores": best.score_dict()}]
    for r in range(1, max(0, int(refine)) + 1):
        if current.image is None:
            break
        _note(progress, f"revision {r} of {refine}", 0.5 + 0.4 * (r - 1) / max(1, refine))
        t = time.perf_counter()
        heat = heatmap(img, current.image)
        msgs = revision_messages(img, loop_stack, facts, current.code, current.image, heat, _score_line(current),
                                 describe_differences(current.scores, mockup_blocks, current.render_blocks))
        try:
            new_code = _ask(backend, msgs, loop_stack, max_tokens, attempts=1, progress=progress,
                            fraction=0.5 + 0.4 * (r - 1) / max(1, refine), what=f"revision {r}")
        except BackendError as exc:
            rounds.append({"round": r, "scores": None, "error": str(exc)})
            stages[f"refine{r}"] = round(time.perf_counter() - t, 3)
            break
        cand = candidate(r, new_code)
        stages[f"refine{r}"] = round(time.perf_counter() - t, 3)
        rounds.append({"round": r, "scores": cand.score_dict()})
        if cand.rank > best.rank + 1e-6:
            best = current = cand
        else:
            break  # the revision did not help: stop and keep the best

    _note(progress, "writing files", 0.95)
    t = time.perf_counter()
    write_text(out_html, best.preview)
    stack_code, code_path = best.code, None
    if stack != "html":
        if loop_stack == stack:
            code_path = out_html.with_name(out_html.stem + STACK_FILES[stack])
            write_text(code_path, stack_code)
        else:
            stack_code, code_path = to_stack(best.preview, stack, out_html)
            if code_path is not None and code_path != out_html:
                write_text(code_path, stack_code)
    render_img = best.image if best.image is not None else np.full_like(img, 255)
    heat = heatmap(img, render_img)
    sbs = side_by_side(img, render_img, heat)
    if write_extras:
        write_png(out_html.with_name(out_html.stem + ".side-by-side.png"), sbs)
    stages["write"] = round(time.perf_counter() - t, 3)
    rr = best.render
    source = name if name is not None else ("" if isinstance(image, np.ndarray) else str(image))
    report = {
        "input": source,
        "output": str(out_html),
        "backend": backend.describe(),
        "stack": stack,
        "seconds": round(time.perf_counter() - t_start, 3),
        "stages": stages,
        "scores": best.score_dict(),
        "quality": {"abs_frac": round(float(rr.abs_frac), 4) if rr is not None else 0.0,
                    "mobile_ok": bool(rr.mobile_ok) if rr is not None else False},
        "rounds": rounds,
        "best_round": best.round,
        "size": [w, h],
        "mode": "regions" if regions else "whole",
        "render_errors": best.errors[:5],
    }
    report.update(info)
    _note(progress, "done", 1.0)
    return ConvertResult(best.preview, out_html, report, render_img, heat, sbs, list(assets.paths),
                         stack_code, code_path)
