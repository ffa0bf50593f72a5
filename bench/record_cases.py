"""Generate screen recordings with known steps, for tests and the workflow benchmark.

Pages are written here (random words, several layouts) and rendered in Chromium; a cursor is
drawn in code and composited onto the page screenshots while it moves between targets; clicks,
typing (one screenshot per character), scrolls, drags, key presses and idle waits change the
page for real. Frames are encoded as they are made with PyAV (H.264 MP4 or VP9 WebM), so memory
stays flat, and the true steps are written beside the video as JSON (vision.video.steps shape).

    python bench/record_cases.py OUT_DIR [--n 20] [--seed 0]
"""
from __future__ import annotations

import argparse
import html as _html
import json
import math
import random
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import numpy as np
from PIL import Image, ImageDraw

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from vision.video.steps import Step, Workflow  # noqa: E402

WORDS = """account address album alert amber answer apple archive arrow autumn badge banner basket
beacon berry blanket bloom border bottle branch breeze bridge bright bucket budget cabin camera
candle canvas carbon castle cedar center chapter charge cherry circle civic clever cloud coast
cobalt coffee comet copper coral cotton credit crystal cursor daily dawn delta desert design
detail diamond dinner direct dolphin domain dragon dream eagle echo editor ember engine equal
event falcon feather fiber field filter final forest fossil frame garden gentle glacier global
golden granite gravity harbor harvest helium hollow honey horizon island ivory jacket jasmine
journal jungle kettle kernel ladder lantern launch lemon letter level linen lotus lunar magnet
maple marble meadow medal mellow member meteor mirror module monitor mosaic motion native nectar
needle nickel noble north oasis ocean olive onion opal orbit orchid output oxygen paddle palace
panel paper pepper pilot planet pocket polar portal prism pulse puzzle quartz quiet rabbit radar
random record ribbon river rocket saddle salmon sample season shadow signal silver simple sketch
solar spark spice spring stable steel stone summer sunset switch symbol tablet talent temple
thunder ticket timber topic tower travel tunnel velvet vector violet vision voyage walnut window
winter wonder yellow zenith""".split()

BASE_CSS = """
* { box-sizing: border-box; transition: none !important; animation: none !important; }
body { margin: 0; font-family: 'Liberation Sans', Arial, sans-serif; color: #1f2933; background: %(bg)s; }
header { height: 64px; background: %(bar)s; color: #fff; display: flex; align-items: center; padding: 0 32px; gap: 28px; }
header .brand { font-weight: bold; font-size: 22px; margin-right: 24px; }
header a { color: #fff; text-decoration: none; font-size: 17px; }
main { max-width: 900px; margin: 36px auto; padding: 0 24px; }
h1 { font-size: 32px; margin: 0 0 24px; }
h2 { font-size: 24px; margin: 32px 0 12px; }
p { font-size: 17px; line-height: 1.6; }
label { display: block; font-size: 16px; font-weight: bold; margin: 18px 0 6px; }
input[type=text] { width: 420px; height: 42px; font-size: 18px; padding: 0 12px; border: 2px solid #9aa5b1;
  border-radius: 6px; background: #fff; color: #111; font-family: 'Liberation Sans', Arial, sans-serif; }
input[type=text]:focus { outline: none; border-color: %(accent)s; box-shadow: 0 0 0 3px %(ring)s; }
button { font-size: 18px; padding: 10px 26px; border: none; border-radius: 6px; background: %(accent)s;
  color: #fff; cursor: pointer; margin-top: 22px; font-family: 'Liberation Sans', Arial, sans-serif; }
button.alt { background: #e4e7eb; color: #1f2933; }
.check { display: flex; align-items: center; gap: 10px; margin-top: 16px; font-size: 17px; cursor: pointer; }
.box { width: 22px; height: 22px; border: 2px solid #616e7c; border-radius: 4px; background: #fff; }
.check.on .box { background: %(accent)s; border-color: %(accent)s; }
.tabs { display: flex; gap: 8px; border-bottom: 2px solid #cbd2d9; }
.tab { padding: 12px 22px; font-size: 18px; cursor: pointer; }
.tab.on { border-bottom: 4px solid %(accent)s; font-weight: bold; }
.pane { padding: 20px 4px; }
ul.items { list-style: none; padding: 0; }
ul.items li { font-size: 18px; padding: 12px 14px; border-bottom: 1px solid #d9e2ec; }
.cols { display: flex; gap: 24px; }
.col { flex: 1; min-height: 420px; background: #eef2f7; border-radius: 8px; padding: 12px; }
.col h3 { margin: 4px 0 12px; font-size: 19px; }
.card { background: #fff; border: 1px solid #bcccdc; border-radius: 6px; padding: 14px; margin-bottom: 10px;
  font-size: 17px; cursor: grab; box-shadow: 0 1px 2px rgba(0,0,0,.15); }
.card.dragging { position: fixed; z-index: 9; box-shadow: 0 6px 16px rgba(0,0,0,.3); pointer-events: none; }
.result { padding: 14px 0; border-bottom: 1px solid #d9e2ec; }
.result a { font-size: 20px; color: %(accent)s; }
.notice { font-size: 20px; padding: 18px; background: %(ring)s; border-radius: 8px; }
"""

THEMES = [
    {"bg": "#ffffff", "bar": "#243b53", "accent": "#2f6fde", "ring": "#c7dbff"},
    {"bg": "#f7f7f2", "bar": "#3d2c5c", "accent": "#7b3fc4", "ring": "#e6d8fa"},
    {"bg": "#ffffff", "bar": "#0b4d3c", "accent": "#138a5e", "ring": "#c8efdc"},
    {"bg": "#fbfaf8", "bar": "#7a2e1d", "accent": "#c2410c", "ring": "#fde0cc"},
]

SCRIPT = """(() => {
document.addEventListener('click', e => {
  const c = e.target.closest('.check'); if (c) c.classList.toggle('on');
  const t = e.target.closest('.tab');
  if (t) { document.querySelectorAll('.tab').forEach(x => x.classList.toggle('on', x === t));
           document.querySelectorAll('.pane').forEach(p => p.style.display = p.dataset.tab === t.dataset.tab ? 'block' : 'none'); }
  const r = e.target.closest('[data-reveal]');
  if (r) { const el = document.getElementById(r.dataset.reveal); el.style.display = 'block'; }
});
document.addEventListener('keydown', e => {
  if (e.key === 'Enter' && e.target.dataset.add) {
    const ul = document.getElementById(e.target.dataset.add);
    const li = document.createElement('li'); li.textContent = e.target.value; ul.prepend(li); e.target.value = '';
  }
});
let drag = null, dx = 0, dy = 0;
document.addEventListener('mousedown', e => {
  const c = e.target.closest('.card'); if (!c) return;
  const r = c.getBoundingClientRect(); dx = e.clientX - r.left; dy = e.clientY - r.top;
  c.style.width = r.width + 'px'; c.classList.add('dragging'); drag = c;
  c.style.left = r.left + 'px'; c.style.top = r.top + 'px'; e.preventDefault();
});
document.addEventListener('mousemove', e => {
  if (!drag) return; drag.style.left = (e.clientX - dx) + 'px'; drag.style.top = (e.clientY - dy) + 'px';
});
document.addEventListener('mouseup', e => {
  if (!drag) return; drag.classList.remove('dragging'); drag.style.width = ''; drag.style.left = ''; drag.style.top = '';
  const col = document.elementsFromPoint(e.clientX, e.clientY).find(x => x.classList && x.classList.contains('col'));
  if (col) col.appendChild(drag); drag = null;
});
})();
"""


def words(rng: random.Random, n: int, cap: bool = True) -> str:
    ws = [rng.choice(WORDS) for _ in range(n)]
    s = " ".join(ws)
    return s[:1].upper() + s[1:] if cap else s


def page_html(theme: dict, title: str, nav: list[str], body: str) -> str:
    navs = "".join(f'<a href="#" data-nav="{_html.escape(n)}">{_html.escape(n)}</a>' for n in nav)
    return (f"<!doctype html><html><head><meta charset='utf-8'><title>{_html.escape(title)}</title>"
            f"<style>{BASE_CSS % theme}</style></head><body><header><span class='brand'>"
            f"{_html.escape(title)}</span>{navs}</header><main>{body}</main><script>{SCRIPT}</script></body></html>")


# -- cursors ---------------------------------------------------------------------------------

def _sprite(kind: str, scale: float) -> tuple[np.ndarray, tuple[int, int]]:
    """An RGBA cursor sprite and its hotspot, drawn at 4x and reduced for smooth edges."""
    ss = 4 * scale
    if kind == "arrow":
        pts = [(0, 0), (0, 17), (4, 13.5), (7, 20), (9.5, 19), (6.6, 12.6), (11.6, 12.6)]
        size, hot = (13, 22), (0, 0)
    elif kind == "hand":
        pts = [(5, 0), (7, 0), (8, 1), (8, 7), (10, 6.5), (12, 7.5), (14, 7), (16, 8.5), (17, 9), (18, 10.5),
               (18, 16), (16, 20), (15, 22), (7, 22), (6, 19), (1, 13), (1, 11), (3, 10.5), (5, 12), (5, 1)]
        size, hot = (20, 24), (6, 0)
    else:  # ibeam
        pts = []
        size, hot = (9, 20), (4, 10)
    w, h = int(math.ceil(size[0] * ss)) + 4, int(math.ceil(size[1] * ss)) + 4
    im = Image.new("RGBA", (w, h), (0, 0, 0, 0))
    d = ImageDraw.Draw(im)
    o = 2 + 1.2 * ss
    if kind == "ibeam":
        black, white = (0, 0, 0, 255), (255, 255, 255, 255)
        for col, grow in ((white, 1.0 * ss), (black, 0)):
            d.rectangle([o + 3.3 * ss - grow, o - grow, o + 4.7 * ss + grow, o + 18 * ss + grow], fill=col)
            d.rectangle([o + 0.5 * ss - grow, o - grow, o + 7.5 * ss + grow, o + 1.4 * ss + grow], fill=col)
            d.rectangle([o + 0.5 * ss - grow, o + 16.6 * ss - grow, o + 7.5 * ss + grow, o + 18 * ss + grow], fill=col)
    else:
        poly = [(o + x * ss, o + y * ss) for x, y in pts]
        d.polygon(poly, fill=(255, 255, 255, 255), outline=(0, 0, 0, 255), width=max(1, int(round(1.2 * ss))))
    im = im.resize((max(1, w // 4), max(1, h // 4)), Image.LANCZOS)
    off = (2 + 1.2 * ss) / 4
    return np.asarray(im), (int(round(off + hot[0] * scale)), int(round(off + hot[1] * scale)))


class Cursor:
    def __init__(self, scale: float) -> None:
        self.sprites = {k: _sprite(k, scale) for k in ("arrow", "hand", "ibeam")}

    def draw(self, frame: np.ndarray, x: float, y: float, kind: str) -> np.ndarray:
        spr, (hx, hy) = self.sprites[kind]
        out = frame.copy()
        x0, y0 = int(round(x)) - hx, int(round(y)) - hy
        h, w = spr.shape[:2]
        fx0, fy0 = max(0, x0), max(0, y0)
        fx1, fy1 = min(out.shape[1], x0 + w), min(out.shape[0], y0 + h)
        if fx1 <= fx0 or fy1 <= fy0:
            return out
        s = spr[fy0 - y0:fy1 - y0, fx0 - x0:fx1 - x0]
        a = s[:, :, 3:4].astype(np.float32) / 255.0
        region = out[fy0:fy1, fx0:fx1].astype(np.float32)
        out[fy0:fy1, fx0:fx1] = (region * (1 - a) + s[:, :, :3] * a + 0.5).astype(np.uint8)
        return out


# -- recorder --------------------------------------------------------------------------------

def _decode(data: bytes) -> np.ndarray:
    import cv2

    return np.ascontiguousarray(cv2.imdecode(np.frombuffer(data, np.uint8), cv2.IMREAD_COLOR)[:, :, ::-1])


class Encoder:
    """Streams RGB frames into an MP4 (H.264) or WebM (VP9) file."""

    def __init__(self, path: Path, width: int, height: int, fps: int, vfr: bool = False) -> None:
        import av

        self.vfr = vfr

        self.container = av.open(str(path), "w")
        webm = path.suffix.lower() == ".webm"
        self.stream = self.container.add_stream("libvpx-vp9" if webm else "libx264", rate=fps)
        self.stream.width, self.stream.height = width, height
        self.stream.pix_fmt = "yuv420p"
        if webm:
            self.stream.options = {"deadline": "realtime", "cpu-used": "8", "crf": "32", "b": "0", "row-mt": "1"}
        else:
            self.stream.options = {"preset": "ultrafast", "crf": "20"}
        self.n = 0

    def write(self, rgb: np.ndarray, repeat: int = 1) -> None:
        """Show `rgb` for `repeat` frame periods: repeated frames in constant-rate files, one
        longer frame in variable-rate ones (as some screen recorders write them)."""
        import av

        for _ in range(1 if self.vfr else repeat):
            frame = av.VideoFrame.from_ndarray(rgb, format="rgb24")
            frame.pts = self.n
            self.n += 1
            for pkt in self.stream.encode(frame):
                self.container.mux(pkt)
        if self.vfr:
            self.n += repeat - 1

    def close(self) -> None:
        for pkt in self.stream.encode():
            self.container.mux(pkt)
        self.container.close()


@dataclass
class Recorder:
    page: object
    enc: Encoder
    fps: int
    cursor: Cursor
    rng: random.Random
    x: float = 0.0
    y: float = 0.0
    kind: str = "arrow"
    base: np.ndarray | None = None
    steps: list[Step] = field(default_factory=list)

    @property
    def t(self) -> float:
        return self.enc.n / self.fps

    def shoot(self) -> None:
        self.base = _decode(self.page.screenshot(type="jpeg", quality=92))

    def emit(self, n: int = 1) -> None:
        if n > 0:
            self.enc.write(self.cursor.draw(self.base, self.x, self.y, self.kind), n)

    def hold(self, seconds: float) -> None:
        self.emit(int(round(seconds * self.fps)))

    def shape_at(self, x: float, y: float) -> str:
        c = self.page.evaluate(
            "([x, y]) => { const e = document.elementFromPoint(x, y); if (!e) return 'default';"
            " if (e.tagName === 'INPUT') return 'text'; return getComputedStyle(e).cursor; }", [x, y])
        return {"pointer": "hand", "grab": "hand", "text": "ibeam"}.get(c, "arrow")

    def move(self, x: float, y: float, seconds: float | None = None, live: bool = False) -> None:
        """Move the cursor with an ease-in-out path; `live` re-shoots the page each frame (drags)."""
        x0, y0 = self.x, self.y
        dist = math.hypot(x - x0, y - y0)
        if seconds is None:
            seconds = min(1.1, 0.35 + dist / 1800) * self.rng.uniform(0.85, 1.2)
        n = max(2, int(round(seconds * self.fps)))
        bend = self.rng.uniform(-0.12, 0.12) * dist
        for i in range(1, n + 1):
            s = i / n
            e = s * s * (3 - 2 * s)
            px, py = -(y - y0) / (dist or 1), (x - x0) / (dist or 1)
            b = math.sin(math.pi * e) * bend
            self.x, self.y = x0 + (x - x0) * e + px * b, y0 + (y - y0) * e + py * b
            if live:
                self.page.mouse.move(self.x, self.y)
                self.shoot()
            if i == n and not live:
                self.page.mouse.move(self.x, self.y)
                self.shoot()  # hover state appears as the cursor arrives
            if i % 3 == 0 or i == n:
                self.kind = self.shape_at(self.x, self.y)
            self.emit()

    def add(self, action: str, t0: float, t1: float, target: str, value: str | None = None,
            bbox: list[int] | None = None, navigates: bool = False, role: str | None = None) -> None:
        self.steps.append(Step(len(self.steps), action, round(t0, 3), round(t1, 3), target, value, bbox,
                               navigates, None, round(t0, 3), role))

    # -- actions ---------------------------------------------------------------------------

    def box(self, selector: str) -> list[int]:
        b = self.page.locator(selector).first.bounding_box()
        return [int(round(b["x"])), int(round(b["y"])), int(round(b["width"])), int(round(b["height"]))]

    def point_in(self, bb: list[int]) -> tuple[float, float]:
        x, y, w, h = bb
        return (x + w * self.rng.uniform(0.3, 0.7) if w < 200 else x + self.rng.uniform(40, min(160, w - 20)),
                y + h * self.rng.uniform(0.35, 0.65))

    def click(self, selector: str, target: str, role: str, navigate: Callable[[], None] | None = None) -> None:
        bb = self.box(selector)
        self.move(*self.point_in(bb))
        self.hold(self.rng.uniform(0.25, 0.6))
        t0 = self.t
        self.page.mouse.down()
        self.page.mouse.up()
        if navigate is not None:
            self.shoot()
            self.emit(2)
            blank = np.full_like(self.base, 255)
            saved, self.base = self.base, blank
            self.emit(self.rng.randint(2, 5))
            self.base = saved
            navigate()
            self.page.mouse.move(self.x, self.y)
        self.shoot()
        self.kind = self.shape_at(self.x, self.y)
        self.emit(1)
        self.add("click", t0, self.t, target, None, bb, navigate is not None, role)
        self.hold(self.rng.uniform(0.5, 0.9))

    def type(self, selector: str, text: str, target: str) -> None:
        """Click into the field (a click step), then type one character at a time (a type step)."""
        self.click(selector, target, "textbox")
        bb = self.box(selector)
        if self.rng.random() < 0.4:  # people often move the pointer out of the way before typing
            self.move(self.x + self.rng.uniform(80, 220), self.y + self.rng.uniform(60, 140))
            self.hold(0.3)
        t0 = self.t
        for ch in text:
            self.page.keyboard.type(ch)
            self.shoot()
            self.emit(max(1, int(round(self.rng.uniform(0.07, 0.16) * self.fps))))
        self.add("type", t0, self.t, target, text, bb, False, "textbox")
        self.hold(self.rng.uniform(0.5, 0.9))

    def key(self, name: str, target: str) -> None:
        t0 = self.t
        self.page.keyboard.press(name)
        self.shoot()
        self.emit(1)
        self.add("key", t0, self.t, target, name, None, False, None)
        self.hold(self.rng.uniform(0.6, 1.0))

    def scroll(self, dy: int) -> None:
        if self.rng.random() < 0.5:
            w, h = self.page.viewport_size["width"], self.page.viewport_size["height"]
            self.move(w * self.rng.uniform(0.3, 0.7), h * self.rng.uniform(0.4, 0.7))
            self.hold(0.3)
        y0 = int(self.page.evaluate("window.scrollY"))
        vh = self.page.viewport_size["height"]
        self.page.evaluate("window.scrollTo(0, 0)")
        full = _decode(self.page.screenshot(type="jpeg", quality=92, full_page=True))
        top = max(0, min(y0 + dy, full.shape[0] - vh))
        t0 = self.t
        n = max(4, int(round(abs(dy) / 900 * self.fps * 0.8)))
        for i in range(1, n + 1):  # the pages have no fixed parts, so a scrolled view is a crop
            s = i / n
            e = 1 - (1 - s) ** 2
            y = int(round(y0 + (top - y0) * e))
            self.base = np.ascontiguousarray(full[y:y + vh])
            self.emit()
        self.page.evaluate(f"window.scrollTo(0, {top})")
        self.shoot()
        moved = int(round(self.page.evaluate("window.scrollY") - y0))
        self.add("scroll", t0, self.t, "page", str(moved), None, False, None)
        self.kind = self.shape_at(self.x, self.y)
        self.hold(self.rng.uniform(0.6, 1.0))

    def drag(self, selector: str, to_selector: str, target: str, dest: str) -> None:
        bb = self.box(selector)
        self.move(*self.point_in(bb))
        self.hold(self.rng.uniform(0.3, 0.5))
        t0 = self.t
        self.page.mouse.down()
        self.shoot()
        self.emit(2)
        db = self.box(to_selector)
        tx, ty = db[0] + db[2] * self.rng.uniform(0.35, 0.65), db[1] + min(db[3] - 30, self.rng.uniform(120, 260))
        self.move(tx, ty, self.rng.uniform(0.8, 1.3), live=True)
        self.hold(0.15)
        self.page.mouse.up()
        self.shoot()
        self.emit(1)
        self.add("drag", t0, self.t, target, dest, bb, False, None)
        self.hold(self.rng.uniform(0.5, 0.8))

    def wait(self, seconds: float) -> None:
        """Idle time; it starts where the previous action ended (the pause after it is part of it)."""
        t0 = self.steps[-1].t_end if self.steps else self.t
        self.hold(seconds)
        self.add("wait", t0, self.t, "", f"{self.t - t0:.1f}", None, False, None)


# -- scenarios -------------------------------------------------------------------------------

def _nav(rng: random.Random) -> list[str]:
    return [words(rng, 1) for _ in range(rng.randint(3, 5))]


def _field_value(rng: random.Random) -> str:
    kind = rng.random()
    if kind < 0.3:
        return f"{rng.choice(WORDS)}{rng.randint(1, 99)}@{rng.choice(WORDS)}.com"
    if kind < 0.5:
        return str(rng.randint(1000, 99999))
    return words(rng, rng.randint(1, 3))


def scenario_form(r: Recorder, rng: random.Random, theme: dict) -> None:
    labels = list(dict.fromkeys(words(rng, rng.randint(1, 2)) for _ in range(rng.randint(2, 4))))
    fields = "".join(f'<label for="f{i}">{_html.escape(l)}</label><input type="text" id="f{i}" '
                     f'placeholder="{_html.escape(words(rng, 2))}">' for i, l in enumerate(labels))
    check = words(rng, 3)
    submit = words(rng, 1)
    body = (f"<h1>{_html.escape(words(rng, 2))}</h1>{fields}<div class='check' id='chk'><span class='box'></span>"
            f"<span>{_html.escape(check)}</span></div><button id='go'>{_html.escape(submit)}</button>")
    r.page.set_content(page_html(theme, words(rng, 1), _nav(rng), body))
    r.shoot()
    r.hold(rng.uniform(0.6, 1.0))
    for i, l in enumerate(labels):
        r.type(f"#f{i}", _field_value(rng), l)
        if rng.random() < 0.25:
            r.wait(rng.uniform(2.2, 3.2))
    r.click("#chk", check, "checkbox")
    done = page_html(theme, words(rng, 1), _nav(rng),
                     f"<h1>{_html.escape(words(rng, 2))}</h1><p class='notice'>{_html.escape(words(rng, 8))}</p>")
    r.click("#go", submit, "button", navigate=lambda: r.page.set_content(done))
    r.hold(rng.uniform(0.8, 1.4))


def scenario_todo(r: Recorder, rng: random.Random, theme: dict) -> None:
    label = words(rng, 2)
    items = "".join(f"<li>{_html.escape(words(rng, 3))}</li>" for _ in range(rng.randint(2, 5)))
    tabs = [words(rng, 1) for _ in range(3)]
    tabhtml = "".join(f"<div class='tab{' on' if i == 0 else ''}' data-tab='{i}' id='t{i}'>{_html.escape(t)}</div>"
                      for i, t in enumerate(tabs))
    panes = (f"<div class='pane' data-tab='0'><label for='add'>{_html.escape(label)}</label>"
             f"<input type='text' id='add' data-add='list' placeholder='{_html.escape(words(rng, 2))}'>"
             f"<ul class='items' id='list'>{items}</ul></div>"
             + "".join(f"<div class='pane' data-tab='{i}' style='display:none'><h2>{_html.escape(words(rng, 2))}</h2>"
                       f"<p>{_html.escape(words(rng, 30))}</p></div>" for i in (1, 2)))
    r.page.set_content(page_html(theme, words(rng, 1), _nav(rng), f"<h1>{_html.escape(words(rng, 2))}</h1>"
                                 f"<div class='tabs'>{tabhtml}</div>{panes}"))
    r.shoot()
    r.hold(rng.uniform(0.6, 1.0))
    for k in range(rng.randint(1, 2)):
        if k == 0:
            r.type("#add", words(rng, rng.randint(1, 3)), label)
        else:
            r.click("#add", label, "textbox")
            t0 = r.t
            text = words(rng, rng.randint(1, 3))
            for ch in text:
                r.page.keyboard.type(ch)
                r.shoot()
                r.emit(max(1, int(round(rng.uniform(0.07, 0.16) * r.fps))))
            r.add("type", t0, r.t, label, text, r.box("#add"), False, "textbox")
            r.hold(rng.uniform(0.5, 0.9))
        r.key("Enter", label)
    i = rng.randint(1, 2)
    r.click(f"#t{i}", tabs[i], "tab")
    if rng.random() < 0.5:
        r.wait(rng.uniform(2.2, 3.0))
    r.click("#t0", tabs[0], "tab")


def scenario_article(r: Recorder, rng: random.Random, theme: dict) -> None:
    def article() -> tuple[str, list[str]]:
        nav = _nav(rng)
        secs = "".join(f"<h2>{_html.escape(words(rng, 3))}</h2>" + "".join(
            f"<p>{_html.escape(words(rng, rng.randint(30, 60)))}.</p>" for _ in range(rng.randint(2, 3)))
            for _ in range(7))
        return page_html(theme, words(rng, 1), nav, f"<h1>{_html.escape(words(rng, 3))}</h1>{secs}"), nav
    doc, nav = article()
    r.page.set_content(doc)
    r.shoot()
    r.hold(rng.uniform(0.6, 1.0))
    r.scroll(rng.randint(4, 9) * 100)
    if rng.random() < 0.5:
        r.wait(rng.uniform(2.2, 3.0))
    r.scroll(rng.randint(3, 7) * 100)
    r.scroll(-rng.randint(2, 4) * 100)
    r.scroll(-int(r.page.evaluate("window.scrollY")))
    k = rng.randrange(len(nav))
    doc2, _ = article()
    r.click(f"header a:nth-of-type({k + 1})", nav[k], "link", navigate=lambda: r.page.set_content(doc2))
    r.scroll(rng.randint(4, 8) * 100)


def scenario_board(r: Recorder, rng: random.Random, theme: dict) -> None:
    cols = [words(rng, 1) for _ in range(3)]
    cards = [[words(rng, 2) for _ in range(rng.randint(1, 3))] for _ in cols]
    html = "<div class='cols'>" + "".join(
        f"<div class='col' id='c{i}'><h3>{_html.escape(c)}</h3>" + "".join(
            f"<div class='card' id='k{i}_{j}'>{_html.escape(t)}</div>" for j, t in enumerate(cards[i])) + "</div>"
        for i, c in enumerate(cols)) + "</div>"
    btn = words(rng, 2)
    hidden = words(rng, 6)
    r.page.set_content(page_html(theme, words(rng, 1), _nav(rng), f"<h1>{_html.escape(words(rng, 2))}</h1>{html}"
                                 f"<button class='alt' data-reveal='msg'>{_html.escape(btn)}</button>"
                                 f"<p id='msg' class='notice' style='display:none'>{_html.escape(hidden)}</p>"))
    r.shoot()
    r.hold(rng.uniform(0.6, 1.0))
    moves = rng.randint(1, 2)
    for _ in range(moves):
        src = rng.randrange(3)
        while not cards[src]:
            src = rng.randrange(3)
        dst = rng.choice([c for c in range(3) if c != src])
        text = cards[src].pop(0)
        ids = r.page.evaluate(f"[...document.querySelectorAll('#c{src} .card')].map(e => e.id)")
        r.drag(f"#{ids[0]}", f"#c{dst}", text, cols[dst])
        cards[dst].append(text)
    r.click("button.alt", btn, "button")
    if rng.random() < 0.5:
        r.wait(rng.uniform(2.2, 3.0))


def scenario_search(r: Recorder, rng: random.Random, theme: dict) -> None:
    label = words(rng, 1)
    r.page.set_content(page_html(theme, words(rng, 1), _nav(rng), f"<h1>{_html.escape(words(rng, 3))}</h1>"
                                 f"<label for='q'>{_html.escape(label)}</label><input type='text' id='q' "
                                 f"placeholder='{_html.escape(words(rng, 2))}'><p>{_html.escape(words(rng, 25))}</p>"))
    r.shoot()
    r.hold(rng.uniform(0.6, 1.0))
    query = words(rng, rng.randint(1, 2), cap=False)
    r.type("#q", query, label)
    titles = [words(rng, 3) for _ in range(rng.randint(4, 6))]
    results = page_html(theme, words(rng, 1), _nav(rng), f"<h1>{_html.escape(query)}</h1>" + "".join(
        f"<div class='result'><a href='#' id='r{i}'>{_html.escape(t)}</a><p>{_html.escape(words(rng, 20))}</p></div>"
        for i, t in enumerate(titles)))
    t0 = r.t
    r.page.keyboard.press("Enter")
    r.shoot()
    r.emit(2)
    r.page.set_content(results)
    r.shoot()
    r.emit(1)
    r.add("key", t0, r.t, label, "Enter", None, True, None)
    r.hold(rng.uniform(0.8, 1.2))
    if rng.random() < 0.5:
        r.wait(rng.uniform(2.2, 3.0))
    k = rng.randrange(min(3, len(titles)))
    detail = page_html(theme, words(rng, 1), _nav(rng), f"<h1>{_html.escape(titles[k])}</h1><p>{_html.escape(words(rng, 60))}</p>")
    r.click(f"#r{k}", titles[k], "link", navigate=lambda: r.page.set_content(detail))


SCENARIOS = {"form": scenario_form, "todo": scenario_todo, "article": scenario_article,
             "board": scenario_board, "search": scenario_search}


def record(path: str | Path, scenarios: list[str | Callable[[Recorder, random.Random, dict], None]], *, width: int = 1280, height: int = 800, fps: int = 30,
           seed: int = 0, cursor_scale: float = 1.0, truth_path: str | Path | None = None,
           vfr: bool = False) -> Workflow:
    """Record one video running `scenarios` in turn; write the truth JSON; return it."""
    from codegen.render import get_renderer

    path = Path(path)
    rng = random.Random(seed)
    theme = THEMES[seed % len(THEMES)]

    def run(browser) -> Workflow:
        ctx = browser.new_context(viewport={"width": width, "height": height}, device_scale_factor=1)
        ctx.route("**/*", lambda route: route.abort() if not route.request.url.startswith(("data:", "about:"))
                  else route.continue_())
        page = ctx.new_page()
        enc = Encoder(path, width, height, fps, vfr)
        try:
            r = Recorder(page, enc, fps, Cursor(cursor_scale), rng, x=width * rng.uniform(0.3, 0.7),
                         y=height * rng.uniform(0.3, 0.7))
            for sc in scenarios:
                (SCENARIOS[sc] if isinstance(sc, str) else sc)(r, rng, theme)
            r.hold(0.5)
            return Workflow(str(path), round(enc.n / fps, 3), width, height, r.steps)
        finally:
            enc.close()
            ctx.close()

    wf = get_renderer().call(run, timeout=900)
    tp = Path(truth_path) if truth_path else path.with_suffix(".truth.json")
    tp.write_text(json.dumps(wf.to_dict(), indent=1))
    return wf


def bench_cases(n: int = 20, seed: int = 0) -> list[dict]:
    """The benchmark's case list: sizes, scenarios, cursor scales and containers varied by seed."""
    rng = random.Random(seed)
    names = list(SCENARIOS)
    cases = []
    for i in range(n):
        big = i % 2 == 1
        k = 2
        scen = [names[(i + j) % len(names)] for j in range(k)]
        cases.append({"name": f"case{i:02d}", "scenarios": scen,
                      "width": 1920 if big else 1280, "height": 1080 if big else 800,
                      "cursor_scale": rng.choice([1.0, 1.5]) if big else 1.0,
                      "ext": ".webm" if i == 7 else ".mp4", "seed": seed * 1000 + i,
                      # a few constant-rate 1080p30 files for the throughput figure; the rest
                      # variable-rate (cheaper to make, and a format the detector must read)
                      "vfr": not (big and i % 4 == 1)})
    return cases


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out")
    ap.add_argument("--n", type=int, default=20)
    ap.add_argument("--seed", type=int, default=0)
    a = ap.parse_args(argv)
    out = Path(a.out)
    out.mkdir(parents=True, exist_ok=True)
    for c in bench_cases(a.n, a.seed):
        vid = out / f"{c['name']}{c['ext']}"
        if vid.exists() and vid.with_suffix(".truth.json").exists():
            continue
        wf = record(vid, c["scenarios"], width=c["width"], height=c["height"], seed=c["seed"],
                    cursor_scale=c["cursor_scale"], vfr=c["vfr"])
        print(f"{vid.name}: {wf.duration:.1f} s, {len(wf.steps)} steps", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
