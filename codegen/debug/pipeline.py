"""The debugging job end to end: screenshot (+ HTML or URL, + model) -> merged issues."""
from __future__ import annotations

import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlparse

import numpy as np

from codegen.debug.dom_checks import collect, to_issues
from codegen.debug.merge import merge
from codegen.debug.review import review
from vision.defects import detect
from vision.defects.issue import Issue

LOOPBACK = ("127.0.0.1", "localhost", "::1", "[::1]")


class DebugInputError(ValueError):
    """The HTML file or URL cannot be used (one-line message)."""


@dataclass
class DebugResult:
    image_name: str
    size: tuple[int, int]
    issues: list[Issue]
    notes: list[str] = field(default_factory=list)
    stages: dict[str, float] = field(default_factory=dict)


def check_url(url: str) -> str:
    """Only the user's own machine: the renderer may reach loopback hosts, nothing else."""
    u = urlparse(url)
    if u.scheme not in ("http", "https") or not u.hostname:
        raise DebugInputError(f"--url must be an http(s) URL, got {url!r}")
    if u.hostname not in LOOPBACK:
        raise DebugInputError(f"--url must point at this machine (localhost/127.0.0.1), got host {u.hostname!r}")
    return u.hostname


def _render_args(html: str | Path | None, width: int, height: int, url: str | None) -> dict:
    """The renderer's arguments for the DOM checks; a bad file or URL fails here, before any work."""
    kwargs: dict = dict(width=width, height=height, full_page=False, screenshot=False, mobile_check=False,
                        page_fn=collect, timeout_s=20)
    if url is not None:
        kwargs.update(url=url, allow_hosts=(check_url(url),))
    else:
        p = Path(str(html))
        if not p.is_file():
            raise DebugInputError(f"HTML file not found: {html}")
        kwargs["path"] = p
    return kwargs


def dom_findings(html: str | Path | None, width: int, height: int, *, url: str | None = None,
                 notes: list[str] | None = None) -> list[Issue]:
    """Render the page at the screenshot's size and run the DOM checks and axe-core on it."""
    from codegen.render import get_renderer

    res = get_renderer().render(**_render_args(html, width, height, url))
    if notes is not None:
        notes += [f"page: {e}" for e in res.errors[:3]]
        if res.blocked:
            notes.append(f"{len(res.blocked)} remote requests were blocked while rendering the page")
    if not res.extra:
        return []
    if notes is not None and res.extra.get("axe_error"):
        notes.append(f"axe-core could not run: {res.extra['axe_error']}")
    return to_issues(res.extra, width, height)


def _timed_dom(html: str | Path | None, width: int, height: int,
               url: str | None) -> tuple[list[Issue], list[str], float]:
    """dom_findings on a worker thread: its issues, its notes and its seconds."""
    t, notes = time.perf_counter(), []
    issues = dom_findings(html, width, height, url=url, notes=notes)
    return issues, notes, time.perf_counter() - t


def element_marks(lines, visual: list[Issue]) -> list[list[int]]:
    """Boxes to number for the model: the text lines read, then the visual findings' boxes."""
    return [list(ln.box) for ln in lines] + [i.bbox for i in visual]


def analyse(img: np.ndarray, name: str, *, html: str | Path | None = None, url: str | None = None,
            backend=None, lines=None) -> DebugResult:
    """Visual detectors and, alongside them, DOM checks (with html/url); then a model review (with a backend)."""
    H, W = img.shape[:2]
    stages: dict[str, float] = {}
    notes: list[str] = []
    dom_job = None
    if html is not None or url is not None:
        # Chromium lays the page out and runs axe in its own processes while OCR and the visual
        # detectors work here: the DOM part costs only what outlasts them
        _render_args(html, W, H, url)
        pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="v2c-dom")
        dom_job = pool.submit(_timed_dom, html, W, H, url)
        pool.shutdown(wait=False)  # the job still runs; its thread ends with it
    t = time.perf_counter()
    if lines is None:
        from vision.defects import read_text

        lines = read_text(img)
    stages["ocr"] = time.perf_counter() - t
    t = time.perf_counter()
    visual = detect(img, lines)
    stages["visual"] = time.perf_counter() - t
    dom: list[Issue] = []
    if dom_job is not None:
        t = time.perf_counter()
        dom, dom_notes, stages["dom"] = dom_job.result()
        notes += dom_notes
        stages["dom_wait"] = time.perf_counter() - t
    model: list[Issue] = []
    if backend is not None and getattr(backend, "name", "layout") != "layout":
        t = time.perf_counter()
        try:
            model = review(backend, img, element_marks(lines, visual))
        except Exception as exc:  # the review is extra: report it, keep the detectors' findings
            notes.append(f"model review failed: {str(exc).splitlines()[0] if str(exc) else type(exc).__name__}")
        stages["review"] = time.perf_counter() - t
    return DebugResult(name, (W, H), merge(visual, dom, model), notes, stages)
