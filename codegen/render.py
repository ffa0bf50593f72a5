"""Render untrusted HTML in Debian's Chromium through Playwright.

One browser per process, owned by one worker thread (Playwright's sync API is bound to the
thread that started it, while Gradio and thread pools call from many). Each page gets a fresh
context with every request but `file:` and `data:` blocked, and a time limit; a page that never
finishes (an endless script) has its context torn down and is reported, not waited on.

Speed: `start()` launches the browser in the background (callers overlap it with OCR), and while
the worker is idle it prepares the next script-free context and page, so that creating Chromium's
renderer process (a third of a small page's render) happens between renders, not during one.
"""
from __future__ import annotations

import atexit
import os
import queue
import re
import shutil
import tempfile
import threading
import time
from concurrent.futures import Future
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

import numpy as np

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
    "--disable-dev-shm-usage",
    "--hide-scrollbars",
    "--font-render-hinting=none",
]
MAX_PAGE_HEIGHT = 16_000


class RenderError(RuntimeError):
    """The browser could not be started or the page could not be rendered."""


def chromium_path() -> str:
    """Debian's Chromium (Playwright never downloads a browser here)."""
    for cand in (os.environ.get("V2C_CHROMIUM"), "/usr/bin/chromium", "/usr/bin/chromium-browser",
                 shutil.which("chromium") or "", shutil.which("google-chrome") or ""):
        if cand and Path(cand).exists():
            return cand
    raise RenderError("Chromium not found: install Debian's `chromium` (apt-get install chromium) or set V2C_CHROMIUM")


# Text boxes of the rendered page, one per visual line of each text node, with the colour and
# font size the browser used, and the owning element's data-v2c id (refinement maps them back).
DOM_TEXT_JS = r"""
() => {
  const out = [];
  const walker = document.createTreeWalker(document.body || document.documentElement, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  let node;
  while ((node = walker.nextNode())) {
    const text = node.textContent;
    if (!text || !text.trim()) continue;
    const el = node.parentElement;
    if (!el) continue;
    const cs = getComputedStyle(el);
    if (cs.visibility === 'hidden' || cs.display === 'none' || parseFloat(cs.opacity) === 0) continue;
    const owner = el.closest('[data-v2c]');
    // a node on one line (the common case) is measured whole; wrapped ones character by character
    range.selectNodeContents(node);
    const whole = Array.from(range.getClientRects()).filter(r => r.width > 0 && r.height > 0);
    if (whole.length === 1) {
      const r = whole[0];
      out.push({text: text.trim(), x: r.left + scrollX, y: r.top + scrollY, w: r.width, h: r.height, color: cs.color,
                size: parseFloat(cs.fontSize), weight: cs.fontWeight, id: owner ? owner.getAttribute('data-v2c') : null});
      continue;
    }
    if (whole.length === 0) continue;
    // split the node into visual lines by walking characters' rects
    let lineStart = 0, lineTop = null, lineRect = null;
    const flush = (end) => {
      if (lineRect && lineRect.width > 0 && lineRect.height > 0) {
        const t = text.slice(lineStart, end).trim();
        if (t) out.push({text: t, x: lineRect.left + scrollX, y: lineRect.top + scrollY,
                         w: lineRect.width, h: lineRect.height, color: cs.color,
                         size: parseFloat(cs.fontSize), weight: cs.fontWeight,
                         id: owner ? owner.getAttribute('data-v2c') : null});
      }
    };
    for (let i = 0; i < text.length; i++) {
      range.setStart(node, i); range.setEnd(node, i + 1);
      const r = range.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) continue;
      if (lineTop !== null && r.top > lineTop + r.height * 0.5) {
        flush(i); lineStart = i; lineRect = null;
      }
      if (lineRect === null) { lineTop = r.top; lineRect = {left: r.left, top: r.top, right: r.right, bottom: r.bottom}; }
      else { lineRect.left = Math.min(lineRect.left, r.left); lineRect.top = Math.min(lineRect.top, r.top);
             lineRect.right = Math.max(lineRect.right, r.right); lineRect.bottom = Math.max(lineRect.bottom, r.bottom); }
      lineRect.width = lineRect.right - lineRect.left; lineRect.height = lineRect.bottom - lineRect.top;
    }
    flush(text.length);
  }
  // form fields show text that is not in text nodes: placeholders and values
  const canvas = document.createElement('canvas').getContext('2d');
  for (const el of document.querySelectorAll('input, textarea')) {
    const t = (el.value || el.placeholder || '').trim();
    const type = (el.getAttribute('type') || 'text').toLowerCase();
    if (!t || ['hidden', 'checkbox', 'radio', 'range', 'color', 'file', 'image'].includes(type)) continue;
    const cs = getComputedStyle(el);
    if (cs.visibility === 'hidden' || cs.display === 'none') continue;
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) continue;
    canvas.font = `${cs.fontStyle} ${cs.fontWeight} ${cs.fontSize} ${cs.fontFamily}`;
    const size = parseFloat(cs.fontSize);
    const left = r.left + parseFloat(cs.borderLeftWidth) + parseFloat(cs.paddingLeft);
    const inner = r.width - parseFloat(cs.borderLeftWidth) - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight) - parseFloat(cs.borderRightWidth);
    const w = Math.min(canvas.measureText(t).width, Math.max(0, inner));
    const h = size * 1.15;
    const color = el.value ? cs.color : getComputedStyle(el, '::placeholder').color;
    const owner = el.closest('[data-v2c]');
    out.push({text: t, x: left + scrollX, y: r.top + (r.height - h) / 2 + scrollY, w: w, h: h, color: color,
              size: size, weight: cs.fontWeight, id: owner ? owner.getAttribute('data-v2c') : null, field: true});
  }
  return out;
}
"""

# Share of visible elements positioned absolutely or fixed (the code-quality figure `abs_frac`).
ABS_FRAC_JS = r"""
() => {
  const els = Array.from(document.body ? document.body.querySelectorAll('*') : []);
  let n = 0, abs = 0;
  for (const el of els) {
    if (['SCRIPT', 'STYLE', 'META', 'LINK', 'BR', 'TITLE', 'HEAD'].includes(el.tagName)) continue;
    const cs = getComputedStyle(el);
    if (cs.display === 'none') continue;
    n++;
    if (cs.position === 'absolute' || cs.position === 'fixed') abs++;
  }
  return n ? abs / n : 0;
}
"""

ELEMENT_BOXES_JS = r"""
() => Array.from(document.querySelectorAll('[data-v2c]')).map(el => {
  const r = el.getBoundingClientRect();
  return {id: el.getAttribute('data-v2c'), x: r.left + scrollX, y: r.top + scrollY, w: r.width, h: r.height};
})
"""

# all of the above in one round trip
DOM_FACTS_JS = f"""
() => ({{
  height: Math.max(document.documentElement.scrollHeight, document.body ? document.body.scrollHeight : 0),
  text: ({DOM_TEXT_JS.strip()})(),
  elements: ({ELEMENT_BOXES_JS.strip()})(),
  abs_frac: ({ABS_FRAC_JS.strip()})(),
}})
"""


@dataclass
class RenderResult:
    """What one render produced: the full-page screenshot and what the DOM knows."""

    image: np.ndarray | None
    width: int
    height: int
    text_boxes: list[dict] = field(default_factory=list)
    element_boxes: list[dict] = field(default_factory=list)
    abs_frac: float = 0.0
    mobile_ok: bool = True
    mobile_width: int = 0
    console: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    blocked: list[str] = field(default_factory=list)
    timed_out: bool = False
    seconds: float = 0.0
    extra: Any = None


class Renderer:
    """A Chromium owned by one thread; `render()` may be called from any thread."""

    def __init__(self) -> None:
        self._jobs: queue.Queue[tuple[Callable[[Any], Any], Future] | None] = queue.Queue()
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()
        self._started = threading.Event()
        self._start_error: BaseException | None = None

    # -- worker thread -------------------------------------------------------------------
    def _run(self) -> None:
        try:
            from playwright.sync_api import sync_playwright

            pw = sync_playwright().start()
            browser = pw.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS, headless=True)
        except BaseException as exc:  # report to the caller instead of dying silently
            self._start_error = exc
            self._started.set()
            return
        self._started.set()
        spares = _Spares()
        try:
            while True:
                if self._jobs.empty():
                    spares.fill(browser)
                item = self._jobs.get()
                if item is None:
                    break
                fn, fut = item
                if not fut.set_running_or_notify_cancel():
                    continue
                try:
                    if not browser.is_connected():
                        spares.drop()
                        browser = pw.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS, headless=True)
                    fut.set_result(fn(_Browser(browser, spares)))
                except BaseException as exc:
                    fut.set_exception(exc)
        finally:
            try:
                spares.drop()
                browser.close()
            finally:
                pw.stop()

    def start(self) -> None:
        """Launch the browser in the background without waiting for it."""
        with self._lock:
            if self._thread is None or not self._thread.is_alive():
                self._started.clear()
                self._start_error = None
                self._thread = threading.Thread(target=self._run, name="v2c-chromium", daemon=True)
                self._thread.start()

    def _ensure(self) -> None:
        self.start()
        self._started.wait()
        if self._start_error is not None:
            err = self._start_error
            with self._lock:
                self._thread = None
            raise RenderError(f"could not start Chromium: {str(err).splitlines()[0]}")

    def call(self, fn: Callable[[Any], Any], timeout: float = 120.0) -> Any:
        """Run `fn(browser)` on the browser thread and return its result."""
        self._ensure()
        fut: Future = Future()
        self._jobs.put((fn, fut))
        return fut.result(timeout=timeout)

    def close(self) -> None:
        with self._lock:
            if self._thread is not None and self._thread.is_alive():
                self._jobs.put(None)
                self._thread.join(timeout=10)
            self._thread = None

    # -- rendering -----------------------------------------------------------------------
    def render(
        self,
        html: str | None = None,
        *,
        path: str | Path | None = None,
        url: str | None = None,
        width: int = 1280,
        height: int = 800,
        full_page: bool = True,
        timeout_s: float = 15.0,
        javascript: bool = True,
        screenshot: bool = True,
        mobile_check: bool = True,
        allow_hosts: tuple[str, ...] = (),
        page_fn: Callable[[Any], Any] | None = None,
    ) -> RenderResult:
        """Render HTML text, an HTML file or a URL; return a screenshot and DOM facts.

        `html` with relative image paths needs `path` too (the file it will be written beside),
        so that `file:` references resolve. `allow_hosts` lets a debug run reach the user's own
        local server (loopback only); everything else but `file:`/`data:` is blocked.
        `page_fn(page)` runs extra checks on the live page before it is closed.
        """
        return self.call(
            lambda browser: _render_in(browser, html, path, url, width, height, full_page, timeout_s,
                                       javascript, screenshot, mobile_check, allow_hosts, page_fn),
            timeout=timeout_s * 4 + 60,
        )


def _render_in(browser: "_Browser", html, path, url, width, height, full_page, timeout_s, javascript, screenshot,
               mobile_check, allow_hosts, page_fn) -> RenderResult:
    from playwright.sync_api import Error as PWError
    from playwright.sync_api import TimeoutError as PWTimeout

    t0 = time.perf_counter()
    res = RenderResult(image=None, width=width, height=height)
    tmpdir = None
    if url is None:
        if html is not None:
            if path is None:
                tmpdir = tempfile.mkdtemp(prefix="v2c-render-")
                target = Path(tmpdir) / "page.html"
            else:
                target = Path(path).with_name(f".{Path(path).stem}.render.html")
            target.write_text(html, encoding="utf-8")
        elif path is not None:
            target = Path(path)
        else:
            raise ValueError("render() needs html, path or url")
        url = target.resolve().as_uri()
    else:
        target = None

    fresh = browser.take_spare(javascript, allow_hosts) or _open_page(browser.raw, javascript, allow_hosts)
    fresh.result = res
    context, page = fresh.context, fresh.page
    if (fresh.width, fresh.height) != (int(width), int(height)):
        page.set_viewport_size({"width": int(width), "height": int(height)})
    page.set_default_timeout(timeout_s * 1000)
    try:
        try:
            page.goto(url, wait_until="load", timeout=timeout_s * 1000)
        except PWTimeout:
            res.timed_out = True
            res.errors.append(f"page did not finish loading within {timeout_s:.0f} s")
        if not res.timed_out:
            try:
                page.evaluate(SETTLE_JS)
                facts = page.evaluate(DOM_FACTS_JS)
                res.height = max(1, min(int(facts["height"]) if full_page else height, MAX_PAGE_HEIGHT))
                res.text_boxes = facts["text"]
                res.element_boxes = facts["elements"]
                res.abs_frac = float(facts["abs_frac"])
                if page_fn is not None:
                    res.extra = page_fn(page)
                if screenshot:
                    if full_page and res.height != height:
                        page.set_viewport_size({"width": int(width), "height": int(res.height)})
                    res.image = _screenshot(context, page, timeout_s)
                    res.height = res.image.shape[0]
                if mobile_check:
                    page.set_viewport_size({"width": 390, "height": 844})
                    sw = int(page.evaluate("() => Math.max(document.documentElement.scrollWidth, document.body ? document.body.scrollWidth : 0)"))
                    res.mobile_width = sw
                    res.mobile_ok = sw <= 391
            except PWTimeout:
                res.timed_out = True
                res.errors.append(f"page did not respond within {timeout_s:.0f} s (a script that never ends?)")
            except PWError as exc:
                if "Timeout" in str(exc) or "timeout" in str(exc):
                    res.timed_out = True
                res.errors.append(str(exc).splitlines()[0])
    finally:
        if not javascript:
            browser.retire(context)
        else:
            try:
                context.close()
            except PWError:
                pass
        if tmpdir:
            shutil.rmtree(tmpdir, ignore_errors=True)
        elif html is not None and target is not None:
            try:
                target.unlink()
            except OSError:
                pass
    res.seconds = time.perf_counter() - t0
    return res


_NOT_LOCAL = re.compile(r"^(?!file:|data:)")


class _Page:
    """A fresh context with one page, its request filter and listeners bound to `result`."""

    def __init__(self, context, page, width: int, height: int) -> None:
        self.context, self.page = context, page
        self.width, self.height = width, height
        self.result: RenderResult | None = None


def _open_page(browser, javascript: bool, allow_hosts: tuple[str, ...] = (), width: int = 1280,
               height: int = 800) -> _Page:
    context = browser.new_context(viewport={"width": width, "height": height}, java_script_enabled=javascript,
                                  device_scale_factor=1, service_workers="block", accept_downloads=False)
    fresh = _Page(context, None, width, height)

    def route(r):
        u = r.request.url
        if allow_hosts:
            from urllib.parse import urlparse

            host = urlparse(u).hostname or ""
            if host in allow_hosts:
                return r.continue_()
        if fresh.result is not None:
            fresh.result.blocked.append(u)
        return r.abort("blockedbyclient")

    def on_console(m) -> None:
        if fresh.result is not None:
            fresh.result.console.append(f"{m.type}: {m.text}")

    def on_error(e) -> None:
        if fresh.result is not None:
            fresh.result.errors.append(str(e))

    # the pattern is matched inside Playwright's driver: local files and data URLs load without a
    # round trip to Python, everything else comes to `route` and is refused unless allowed
    context.route(_NOT_LOCAL, route)
    page = context.new_page()
    page.on("console", on_console)
    page.on("pageerror", on_error)
    fresh.page = page
    return fresh


class _Spares:
    """At most one prepared script-free page, made while the browser thread has nothing to do."""

    def __init__(self) -> None:
        self.item: _Page | None = None
        self.retired: list[Any] = []

    def retire(self, context) -> None:
        """Close a script-free page's context later, when the thread is idle (the caller is
        waiting for the result, not for the clean-up)."""
        self.retired.append(context)
        if len(self.retired) > 2:
            self._close_retired()

    def _close_retired(self) -> None:
        from playwright.sync_api import Error as PWError

        while self.retired:
            try:
                self.retired.pop().close()
            except PWError:
                pass

    def fill(self, browser) -> None:
        from playwright.sync_api import Error as PWError

        self._close_retired()
        if self.item is None and browser.is_connected():
            try:
                self.item = _open_page(browser, javascript=False)
            except PWError:
                self.item = None

    def take(self, javascript: bool, allow_hosts: tuple[str, ...]) -> _Page | None:
        if javascript or allow_hosts or self.item is None:
            return None
        item, self.item = self.item, None
        return item

    def drop(self) -> None:
        from playwright.sync_api import Error as PWError

        self._close_retired()
        if self.item is not None:
            try:
                self.item.context.close()
            except PWError:
                pass
            self.item = None


class _Browser:
    """The browser as jobs see it: Playwright's Browser plus the prepared page."""

    def __init__(self, raw, spares: _Spares) -> None:
        self.raw = raw
        self._spares = spares

    def take_spare(self, javascript: bool, allow_hosts: tuple[str, ...]) -> _Page | None:
        return self._spares.take(javascript, allow_hosts)

    def retire(self, context) -> None:
        self._spares.retire(context)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.raw, name)


# CSS animations and transitions run to their end state, as the screenshot shows them (an endless
# one is cancelled, as Playwright's `animations="disabled"` does): boxes measured mid-way (content
# sliding in) would not be where the picture shows it, and a screenshot the user took shows the
# page settled.
SETTLE_JS = """() => { for (const a of document.getAnimations()) {
  try { if (a.effect && a.effect.getTiming().iterations === Infinity) a.cancel(); else a.finish(); } catch (e) {} } }"""

# Chromium's own fast PNG path (CDP `optimizeForSpeed`): the same pixels, a fraction of the encode
# time on tall pages. Used when nothing animates and no text caret can blink; otherwise
# Playwright's screenshot settles animations and hides the caret first.
_UNSETTLED_JS = r"""
() => {
  const a = document.activeElement;
  const caret = !!a && (a.isContentEditable || ['INPUT', 'TEXTAREA'].includes(a.tagName));
  return (document.getAnimations ? document.getAnimations().length : 0) + (caret ? 1 : 0);
}
"""


def _screenshot(context, page, timeout_s: float) -> np.ndarray:
    import base64

    import cv2

    png = None
    if not int(page.evaluate(_UNSETTLED_JS)):
        cdp = context.new_cdp_session(page)
        try:
            png = base64.b64decode(cdp.send("Page.captureScreenshot", {"format": "png", "optimizeForSpeed": True})["data"])
        finally:
            cdp.detach()
    if png is None:
        png = page.screenshot(full_page=False, type="png", timeout=timeout_s * 1000, animations="disabled", caret="hide")
    bgr = cv2.imdecode(np.frombuffer(png, np.uint8), cv2.IMREAD_COLOR)
    if bgr is None:
        raise RenderError("the browser returned an unreadable screenshot")
    return cv2.cvtColor(bgr, cv2.COLOR_BGR2RGB)


_RENDERER: Renderer | None = None
_RENDERER_LOCK = threading.Lock()


def get_renderer() -> Renderer:
    """The process's one renderer (and so one Chromium), created on first use."""
    global _RENDERER
    with _RENDERER_LOCK:
        if _RENDERER is None:
            _RENDERER = Renderer()
            atexit.register(_RENDERER.close)
        return _RENDERER


def render_html(html: str, **kwargs: Any) -> RenderResult:
    return get_renderer().render(html, **kwargs)
