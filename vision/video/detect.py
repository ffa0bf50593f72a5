"""Screen recording in, steps out: the whole detector.

Pass 1 decodes a small grey proxy (the decoder's luma plane, area-averaged) and keeps a few
numbers per frame (`change.FrameAnalyzer`); `events.find_events` turns them into actions. Pass 2
decodes forward once more and converts to colour only the handful of frames that are read: the
instant before each action (what the person pointed at) and the end of each typing run (the
value). Only small crops of those frames go through OCR.
"""
from __future__ import annotations

from pathlib import Path
from typing import Callable

import numpy as np

from vision.video.change import FrameAnalyzer, FrameInfo
from vision.video.decode import VideoError, probe
from vision.video.events import Event, find_events
from vision.video.cursor import mask_for
from vision.video.naming import Pointer, field_label, field_text, text_at
from vision.video.proxy import iter_frames_at, iter_proxy
from vision.video.steps import Step, Workflow

ANALYSIS_FPS = 15.0
PROXY_SIDE = 640


def analyse(path: str | Path, duration: float = 0.0,
            progress: Callable[[float], None] | None = None) -> list[FrameInfo]:
    """Pass 1: one small record per analysed frame."""
    an = FrameAnalyzer()
    infos: list[FrameInfo] = []
    last = -1.0
    for pf in iter_proxy(path, max_side=PROXY_SIDE, fps=ANALYSIS_FPS):
        infos.append(an.feed(pf))
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


def _name(events: list[Event], infos: list[FrameInfo], path: str | Path, width: int, height: int,
          progress: Callable[[float], None] | None = None) -> list[Step]:
    """Pass 2: read targets and values from the few frames that matter."""
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
    # frames arrive in time order and are dropped once no remaining step needs them, so memory
    # holds a few frames however long the recording is
    source = iter_frames_at(path, [t for n in needs for t in n])
    frames: dict[float, np.ndarray] = {}
    latest = -1.0
    # which click led into which typing run
    typed_after: dict[int, Event] = {}
    for ev in events:
        click = ev.extra.get("click") if ev.action == "type" else None
        if click is not None:
            typed_after[id(click)] = ev
    names: dict[int, str] = {}
    steps: list[Step] = []
    for i, ev in enumerate(events):
        if progress is not None and events:
            progress(0.8 + 0.2 * i / len(events))
        target, value, bbox, role = "", ev.value, None, None
        while needs[i] and latest < max(needs[i]) - 1e-9:
            got = next(source, None)
            if got is None:
                break
            latest = got[0]
            frames[got[0]] = got[1]
        keep = min((t for n in needs[i:] for t in n), default=float("inf"))
        for t in [t for t in frames if t < keep - 1e-9]:
            del frames[t]
        if ev.action in ("click", "drag"):
            img = frames.get(ev.before)
            ptr = _pointer_box(infos, ev.before)
            run = typed_after.get(id(ev))
            if img is not None and run is not None:
                field = _field(ev.field_box or run.box, run.box)
                target = field_label(img, field, run.box, ptr) or field_text(img, field, run.box, ptr)
                bbox = list(field)
                names[id(run)] = target
                role = "textbox"
            elif img is not None and ev.point is not None:
                target, box = "", None
                if ev.clean is not None and ev.clean in frames:
                    # the page before the pointer arrived: nothing painted over the words
                    target, box = text_at(frames[ev.clean], ev.point, _pointer_box(infos, ev.clean))
                if not target:
                    target, box = text_at(img, ev.point, ptr)
                if box is not None:
                    bbox = [box[0] - 8, box[1] - 6, box[2] + 16, box[3] + 12]
                role = _role(ev, False)
            if ev.action == "drag" and ev.end_point is not None:
                value = f"{ev.end_point[0]},{ev.end_point[1]}"
                role = None
        elif ev.action == "type":
            field = _field(ev.field_box or ev.box, ev.box)
            end = frames.get(ev.after)
            ptr = _pointer_box(infos, ev.after)
            if end is not None:
                value = field_text(end, field, ev.box, ptr) or None
            target = names.get(id(ev), "")
            if not target and frames.get(ev.before) is not None:
                target = field_label(frames[ev.before], field, ev.box, _pointer_box(infos, ev.before))
            bbox = list(field)
            role = "textbox"
            names[id(ev)] = target
        elif ev.action == "key":
            run = ev.extra.get("typing")
            target = names.get(id(run), "") if run is not None else ""
        elif ev.action == "scroll":
            target = "page"
        frame_time = ev.t1 if ev.action == "type" else ev.before
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


def detect_steps(path: str | Path, *, progress: Callable[[float], None] | None = None) -> Workflow:
    """Detect the steps of one screen recording; raises VideoError for unusable files."""
    info = probe(path)
    if info.width <= 0 or info.height <= 0:
        raise VideoError(f"{path}: video has no picture size")
    infos = analyse(path, info.duration, progress)
    if not infos:
        raise VideoError(f"{path}: no frames could be decoded")
    duration = max(info.duration, infos[-1].t)
    events = find_events(infos, info.width, info.height)
    steps = _name(events, infos, path, info.width, info.height, progress)
    if progress is not None:
        progress(1.0)
    return Workflow(str(path), round(duration, 3), info.width, info.height, steps)
