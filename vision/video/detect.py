"""Screen recording in, steps out: the whole detector.

One decoding pass makes a small grey proxy of each analysed frame (the decoder's luma plane,
area-averaged) and keeps a few numbers per frame (`change.FrameAnalyzer`); `events.find_events`
turns them into actions. The handful of full-resolution frames that are read afterwards (the
instant before each action, what the person pointed at, and the end of each typing run, the
value) are held back during that same pass (`keep.FrameKeeper`), so the video is decoded once.
Only those frames are converted to colour, and only small crops of them go through OCR.
"""
from __future__ import annotations

import os
import sys
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Callable

import cv2
import numpy as np

from vision.video.change import FrameAnalyzer, FrameInfo
from vision.video.decode import VideoError, probe
from vision.video.events import Event, find_events
from vision.video.cursor import mask_for
from vision.video.keep import FrameKeeper, KeyFrames
from vision.video.naming import Pointer, field_label, field_text, text_at
from vision.video.proxy import iter_proxy
from vision.video.seek import iter_key_frames
from vision.video.steps import Step, Workflow

ANALYSIS_FPS = 15.0
PROXY_SIDE = 640
NAMING_NICE = 10    # the naming worker runs this much nicer than the rest (about a tenth of the
                    # weight of the decoder and the analysis when they compete for a core);
                    # V2C_NAMING_NICE overrides it (0: the same priority as the rest)
EARLY_BACKLOG = 2   # batches of settled events waiting for the naming worker, at most
EARLY_S = 4.0       # s behind the newest frame after which an event is named during the pass:
                    # the detector looks at most a few seconds ahead (`events.KEY_AFTER_TYPE`),
                    # and a reading made too early is only made again at the end


def analyse(path: str | Path, duration: float = 0.0,
            progress: Callable[[float], None] | None = None,
            keeper: FrameKeeper | None = None) -> list[FrameInfo]:
    """The decoding pass: one small record per analysed frame; with a keeper, the frames that
    naming will read are held back as well."""
    an = FrameAnalyzer()
    infos: list[FrameInfo] = []
    last = -1.0
    for pf in iter_proxy(path, max_side=PROXY_SIDE, fps=ANALYSIS_FPS):
        infos.append(an.feed(pf))
        if keeper is not None:
            keeper.feed(pf, infos[-1])
        if progress is not None and duration > 0 and pf.t - last >= 1.0:
            last = pf.t
            progress(min(0.8, 0.8 * pf.t / duration))
    return infos


def _pointer_box(infos: list[FrameInfo], t: float) -> Pointer | None:
    """Where the pointer is drawn at time t, and its pixels, so OCR can paint it out."""
    best = None
    for fi in infos:
        if fi.t <= t + 1e-6:
            best = fi
        else:
            break
    if best is None or best.ptr_box is None or best.kind is None:
        return None
    return best.ptr_box, mask_for(best.kind, best.ptr_scale)


def _role(ev: Event, is_field: bool) -> str | None:
    if is_field:
        return "textbox"
    if ev.kind == "hand":
        return "link" if ev.navigates else "button"
    return None


def frame_needs(events: list[Event]) -> list[list[float]]:
    """For each event, the times of the frames naming reads."""
    needs: list[list[float]] = []
    for ev in events:
        if ev.action in ("click", "drag"):
            needs.append([ev.before] + ([ev.clean] if ev.clean is not None else []))
        elif ev.action == "type":
            needs.append([ev.before, ev.after])
        elif ev.action == "key":
            needs.append([ev.before])
        else:
            needs.append([])
    return needs


def key_frame_time(ev: Event) -> float:
    """The time of a step's key frame: the end of a typing run, else the instant before the action."""
    return ev.t1 if ev.action == "type" else ev.before


def _sig(ev: Event) -> tuple:
    """An event's identity across detections (provisional ones during the pass, the final one)."""
    return (ev.action, round(ev.t0, 4), round(ev.t1, 4))


class _Reader:
    """Naming's OCR calls remembered by their inputs: the analysed frame's time and the geometry
    (the pointer by its box and shape). The same call on the same frame gives the same answer, so
    one made early, during the decoding pass, is not made again afterwards."""

    def __init__(self) -> None:
        self.memo: dict[tuple, object] = {}
        self.hits = 0
        self.made = 0

    def __call__(self, fn: Callable, t: float, img, *args):
        key = (fn.__name__, t) + tuple((a[0], id(a[1])) if isinstance(a, tuple) and len(a) == 2
                                       and isinstance(a[1], np.ndarray) else a for a in args)
        if key in self.memo:
            self.hits += 1
        else:
            self.made += 1
            self.memo[key] = fn(img, *args)
        return self.memo[key]


class _Early:
    """Names events during the decoding pass, in a worker thread, as soon as they are likely
    settled (`EARLY_S` behind the newest frame: later frames rarely change them), so that OCR
    overlaps decoding and analysis (the OCR engine releases the GIL). Only the reader's memory is
    kept: the final naming repeats every call, and gets the answer at once where the inputs are
    the same. An event the final detection sees differently costs a second reading, nothing else."""

    def __init__(self, width: int, height: int, reader: _Reader, key_frames: bool = False) -> None:
        self.width, self.height, self.reader, self.key_frames = width, height, reader, key_frames
        self.keeper: FrameKeeper | None = None
        self.done: set[tuple] = set()
        self.names: dict[tuple, str] = {}
        self.waiting: list = []
        self.pool = ThreadPoolExecutor(1, thread_name_prefix="v2c-name", initializer=_background)
        self.recent: tuple[list[Event], list[FrameInfo]] | None = None  # the latest provisional detection
        self.work: list = []          # groups of events to name at the end of the pass
        self.lock = threading.Lock()
        self.helpers: list = []       # the worker's share of that naming

    def needs(self, infos: list[FrameInfo]) -> list[float]:
        """The keeper's question (which frames do the events so far read?), answered, and the
        events settled since last time handed to the worker."""
        events = find_events(infos, self.width, self.height)
        self.recent = (events, infos)
        needs = frame_needs(events)
        if self.keeper is not None and infos:
            self._settled(events, needs, infos)
        return [t for n in needs for t in n] + ([key_frame_time(ev) for ev in events] if self.key_frames else [])

    def _settled(self, events: list[Event], needs: list[list[float]], infos: list[FrameInfo]) -> None:
        head = infos[-1].t
        batch = []
        for ev, n in zip(events, needs):
            if ev.t1 > head - EARLY_S or any(t > head - EARLY_S for t in n):
                break
            sig = _sig(ev)
            if sig in self.done:
                continue
            self.done.add(sig)
            if n and all(self.keeper.has(t) for t in n):
                # colour made here, in the pass's own thread: the keeper is not shared
                batch.append((ev, {t: (self.keeper.key(t), self.keeper.get(t)) for t in n}))
        self.waiting = [f for f in self.waiting if not f.done()]
        if batch and len(self.waiting) < EARLY_BACKLOG:
            # (a worker that falls behind is not fed: the frames it would hold stay few)
            self.waiting.append(self.pool.submit(self._name, batch, events, list(infos)))

    def _name(self, batch, events: list[Event], infos: list[FrameInfo],
              typed_after: dict[int, Event] | None = None) -> None:
        typed_after = _typed_after(events) if typed_after is None else typed_after
        for ev, frames in batch:
            try:
                _name_one(ev, frames, infos, typed_after, self.names, self.reader)
            except Exception:  # an early reading that fails is simply made again at the end
                pass

    def start_tail(self) -> None:
        """As the pass ends, the events of the latest provisional detection not named yet go to
        the worker at once: it reads while this thread makes the final detection."""
        if self.recent is not None:
            self._queue(*self.recent)
            self._help()

    def finish(self, events: list[Event], infos: list[FrameInfo]) -> None:
        """After the final detection, every event is settled: those not named yet are named now
        on two threads at once, this one and the worker (once its earlier batches are done),
        each with its own OCR front end, so that the naming left after the pass (the events of
        the last seconds) uses both cores while the decoder is idle."""
        self._queue(events, infos)
        self._help()
        self._drain()
        for helper in self.helpers:
            helper.result()

    def _help(self) -> None:
        """The worker drains the queued groups too (unless it is at it already)."""
        if self.work and all(h.done() for h in self.helpers):
            self.helpers.append(self.pool.submit(self._drain))

    def _queue(self, events: list[Event], infos: list[FrameInfo]) -> None:
        """Events not named yet (all taken as settled), as work for `_drain`: groups that share a
        name (a click, the typing run it led into, the key that ended it) stay together, in order."""
        if self.keeper is None:
            return
        typed_after = _typed_after(events)
        groups: dict[int, list] = {}
        for ev, n in zip(events, frame_needs(events)):
            sig = _sig(ev)
            if sig in self.done or not n or not all(self.keeper.has(t) for t in n):
                continue
            self.done.add(sig)
            lead = typed_after.get(id(ev)) if ev.action in ("click", "drag") else (
                ev.extra.get("typing") if ev.action == "key" else ev)
            groups.setdefault(id(lead or ev), []).append(
                (ev, {t: (self.keeper.key(t), self.keeper.get(t)) for t in n}))
        with self.lock:
            self.work += [(group, events, infos, typed_after) for group in groups.values()]

    def _drain(self) -> None:
        """Name queued groups until none is left (on any thread)."""
        while True:
            with self.lock:
                if not self.work:
                    return
                group, events, infos, typed_after = self.work.pop(0)
            self._name(group, events, infos, typed_after)

    def close(self) -> None:
        self.pool.shutdown(wait=True, cancel_futures=True)


def _background() -> None:
    """Lower the calling thread's scheduling priority by `NAMING_NICE` (Linux, where niceness is per
    thread). During the pass the decoder thread is the critical path (one decoding thread, nearly
    a core of its own), and naming done beside it at equal priority takes a third of a core from
    it for each reading; the early naming only has to be done by the end of the pass, so it takes
    what the decoder and the analysis leave (the analysis waits for the decoder a quarter of the
    time). Results do not depend on when a reading is made."""
    try:
        step = int(os.environ.get("V2C_NAMING_NICE", NAMING_NICE))
    except ValueError:
        step = NAMING_NICE
    if step <= 0 or not sys.platform.startswith("linux"):
        return
    try:
        tid = threading.get_native_id()
        os.setpriority(os.PRIO_PROCESS, tid, min(19, os.getpriority(os.PRIO_PROCESS, tid) + step))
    except OSError:
        pass


def _typed_after(events: list[Event]) -> dict[int, Event]:
    """Which click led into which typing run."""
    out: dict[int, Event] = {}
    for ev in events:
        click = ev.extra.get("click") if ev.action == "type" else None
        if click is not None:
            out[id(click)] = ev
    return out


def _name_one(ev: Event, frames: dict[float, tuple[float, np.ndarray | None]], infos: list[FrameInfo],
              typed_after: dict[int, Event], names: dict[tuple, str], read: _Reader
              ) -> tuple[str, str | None, list[int] | None, str | None]:
    """(target, value, bbox, role) of one event, from its frames ({time: (analysed frame's time,
    colour frame)}); `names` carries a field's name from the click into its typing run."""
    target, value, bbox, role = "", ev.value, None, None
    img_of = {t: f[1] for t, f in frames.items()}
    key_of = {t: f[0] for t, f in frames.items()}
    if ev.action in ("click", "drag"):
        img = img_of.get(ev.before)
        ptr = _pointer_box(infos, ev.before)
        run = typed_after.get(id(ev))
        if img is not None and run is not None:
            field = _field(ev.field_box or run.box, run.box)
            k = key_of[ev.before]
            target = read(field_label, k, img, field, run.box, ptr) or read(field_text, k, img, field, run.box, ptr)
            bbox = list(field)
            names[_sig(run)] = target
            role = "textbox"
        elif img is not None and ev.point is not None:
            box = None
            if ev.clean is not None and img_of.get(ev.clean) is not None:
                # the page before the pointer arrived: nothing painted over the words
                target, box = read(text_at, key_of[ev.clean], img_of[ev.clean], ev.point,
                                   _pointer_box(infos, ev.clean))
            if not target:
                target, box = read(text_at, key_of[ev.before], img, ev.point, ptr)
            if box is not None:
                bbox = [box[0] - 8, box[1] - 6, box[2] + 16, box[3] + 12]
            role = _role(ev, False)
        if ev.action == "drag" and ev.end_point is not None:
            value = f"{ev.end_point[0]},{ev.end_point[1]}"
            role = None
    elif ev.action == "type":
        field = _field(ev.field_box or ev.box, ev.box)
        end = img_of.get(ev.after)
        ptr = _pointer_box(infos, ev.after)
        if end is not None:
            value = read(field_text, key_of[ev.after], end, field, ev.box, ptr) or None
        target = names.get(_sig(ev), "")
        if not target and img_of.get(ev.before) is not None:
            target = read(field_label, key_of[ev.before], img_of[ev.before], field, ev.box,
                          _pointer_box(infos, ev.before))
        bbox = list(field)
        role = "textbox"
        names[_sig(ev)] = target
    elif ev.action == "key":
        run = ev.extra.get("typing")
        target = names.get(_sig(run), "") if run is not None else ""
    elif ev.action == "scroll":
        target = "page"
    return target, value, bbox, role


def _name(events: list[Event], infos: list[FrameInfo], path: str | Path, width: int, height: int,
          progress: Callable[[float], None] | None = None, keeper: FrameKeeper | None = None,
          reader: _Reader | None = None, key_frames: KeyFrames | None = None) -> list[Step]:
    """Read targets and values from the few frames that matter: those the keeper held back
    during the decoding pass, and any it let go decoded now by seeking. With `key_frames`, each
    step's key frame is stored there as well."""
    needs = frame_needs(events)
    keeper = keeper or FrameKeeper(lambda infos: [])
    reader = reader or _Reader()
    key_times = [key_frame_time(ev) for ev in events] if key_frames is not None else []
    missing = {t: t for n in needs + [key_times] for t in n if not keeper.has(t)}
    if missing:
        for t, _shown, rgb in iter_key_frames(path, missing):
            keeper.put(t, rgb)
    # each frame is let go after the last step that reads it, so memory holds a few frames
    last_use = {}
    for i, n in enumerate(needs):
        for t in n + key_times[i:i + 1]:
            last_use[keeper.key(t)] = i
    typed_after = _typed_after(events)
    names: dict[tuple, str] = {}
    steps: list[Step] = []
    for i, ev in enumerate(events):
        if progress is not None and events:
            progress(0.8 + 0.2 * i / len(events))
        frames = {t: (keeper.key(t), keeper.get(t)) for t in needs[i]}
        target, value, bbox, role = _name_one(ev, frames, infos, typed_after, names, reader)
        frame_time = key_frame_time(ev)
        if key_frames is not None and keeper.has(frame_time):
            key_frames.put(len(steps), round(frame_time, 3), keeper.get(frame_time))
        for t in needs[i] + key_times[i:i + 1]:
            if last_use.get(keeper.key(t)) == i:
                keeper.drop(t)
        steps.append(Step(len(steps), ev.action, round(ev.t0, 3), round(max(ev.t1, ev.t0), 3), target, value,
                          [int(v) for v in bbox] if bbox else None, bool(ev.navigates), None,
                          round(frame_time, 3), role))
    return steps


def _field(field: tuple[int, int, int, int], row: tuple[int, int, int, int]) -> tuple[int, int, int, int]:
    """The field's box: its horizontal extent (from the focus change) around the text row; with
    only the row known, a margin so the first and last letters are not cut."""
    x0, x1 = min(field[0], row[0]), max(field[0] + field[2], row[0] + row[2])
    if field == row:
        x0, x1 = x0 - row[3] // 2, x1 + row[3]
    pad = max(6, row[3] // 2)
    return (x0, row[1] - pad, x1 - x0, row[3] + 2 * pad)


def detect_steps(path: str | Path, *, progress: Callable[[float], None] | None = None,
                 stats: dict | None = None, key_frames: KeyFrames | None = None) -> Workflow:
    """Detect the steps of one screen recording; raises VideoError for unusable files. `stats`,
    when given, receives what the pass held: `held_frames` (most decoded frames held at once),
    `spilled` (kept frames written to disk), `reread` (frames decoded again afterwards),
    `read_early` (OCR readings made during the pass or right at its end, not repeated),
    `read_after` (those the final naming had to make itself). `key_frames`, when given,
    receives each step's key frame (at its `frame_time`), for the report writer."""
    info = probe(path)
    if info.width <= 0 or info.height <= 0:
        raise VideoError(f"{path}: video has no picture size")
    reader = _Reader()
    early = _Early(info.width, info.height, reader, key_frames is not None)
    keeper = early.keeper = FrameKeeper(early.needs)
    # one OpenCV thread: the decoder's threads use the other cores, and OpenCV's own pool costs
    # more than it gains on the small images analysed here
    threads = cv2.getNumThreads()
    cv2.setNumThreads(1)
    try:
        infos = analyse(path, info.duration, progress, keeper)
        if not infos:
            raise VideoError(f"{path}: no frames could be decoded")
        early.start_tail()
        duration = max(info.duration, infos[-1].t)
        events = find_events(infos, info.width, info.height)
        early.finish(events, infos)
        early.close()  # its readings are the reader's memory now
        made = reader.made
        steps = _name(events, infos, path, info.width, info.height, progress, keeper, reader, key_frames)
        if stats is not None:
            stats.update(held_frames=keeper.peak_held, spilled=keeper.spilled, reread=keeper.reread,
                         read_early=reader.hits, read_after=reader.made - made)
    finally:
        early.close()
        keeper.close()
        cv2.setNumThreads(threads)
    if progress is not None:
        progress(1.0)
    return Workflow(str(path), round(duration, 3), info.width, info.height, steps)
