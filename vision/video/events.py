"""Turn per-frame records into user actions: scrolls, drags, clicks, typing, key presses, waits.

Rules, in the words of someone watching a recording:
- a scroll is a run of frames whose content shifted vertically;
- a drag is a pointer movement that carries page content along with it;
- a click is a change that happens while the pointer rests after arriving somewhere, near the
  pointer (or all over the page: a page load);
- typing is a run of small changes in one text row (characters appearing), usually inside the
  field that was just clicked;
- a key press (Enter) is a change right after typing with no pointer movement in between;
- a wait is a stretch of two seconds or more in which nothing at all happens.
Sizes are fractions of the frame so that every resolution is treated alike.
"""
from __future__ import annotations

import bisect
import operator
from dataclasses import dataclass, field

from vision.video.change import FrameInfo

BURST_GAP = 0.15        # s: change frames closer than this belong to one burst
TYPE_GAP = 1.3          # s: characters closer than this belong to one typing run
SCROLL_GAP = 0.35       # s
WAIT_MIN = 2.0          # s of complete stillness that count as a wait
NAV_FRAC = 0.15         # share of the frame that changes at once: a page load or a large redraw
KEY_AFTER_TYPE = 3.0    # s: a change this soon after typing, without pointer movement, is a key
LOAD_AFTER = 1.0        # s: a large change this soon after a click or key press is its result


@dataclass
class Burst:
    frames: list[FrameInfo]
    box: tuple[int, int, int, int]
    frac: float

    def loads(self, width: int, height: int) -> bool:
        """A new page: a blank frame while loading, or nearly everything redrawn."""
        return any(f.blank for f in self.frames) or (self.box[2] * self.box[3] >= 0.5 * width * height
                                                     and self.frac >= 0.08)

    @property
    def t0(self) -> float:
        return self.frames[0].t

    @property
    def t1(self) -> float:
        return self.frames[-1].t


@dataclass
class Event:
    action: str
    t0: float
    t1: float
    point: tuple[int, int] | None = None     # pointer at the action
    box: tuple[int, int, int, int] | None = None  # field or changed box
    end_point: tuple[int, int] | None = None
    value: str | None = None
    navigates: bool = False
    kind: str | None = None                  # pointer shape at the action
    before: float = 0.0                      # time of a frame just before the action
    clean: float | None = None               # a frame before the pointer came, to read what it hides
    after: float = 0.0                       # time of a frame showing the result
    field_box: tuple[int, int, int, int] | None = None
    extra: dict = field(default_factory=dict)


def _union(a: tuple[int, int, int, int] | None, b: tuple[int, int, int, int] | None):
    if a is None:
        return b
    if b is None:
        return a
    x0, y0 = min(a[0], b[0]), min(a[1], b[1])
    x1, y1 = max(a[0] + a[2], b[0] + b[2]), max(a[1] + a[3], b[1] + b[3])
    return (x0, y0, x1 - x0, y1 - y0)


def _dist(p: tuple[int, int], box: tuple[int, int, int, int]) -> float:
    dx = max(box[0] - p[0], 0, p[0] - (box[0] + box[2]))
    dy = max(box[1] - p[1], 0, p[1] - (box[1] + box[3]))
    return (dx * dx + dy * dy) ** 0.5


def _inside(inner: tuple[int, int, int, int], outer: tuple[int, int, int, int], pad: int) -> bool:
    return (inner[0] >= outer[0] - pad and inner[1] >= outer[1] - pad
            and inner[0] + inner[2] <= outer[0] + outer[2] + pad and inner[1] + inner[3] <= outer[1] + outer[3] + pad)


def _vert_overlap(a: tuple[int, int, int, int], b: tuple[int, int, int, int]) -> float:
    o = min(a[1] + a[3], b[1] + b[3]) - max(a[1], b[1])
    return max(0, o) / max(1, min(a[3], b[3]))


def find_events(infos: list[FrameInfo], width: int, height: int, min_change: int = 5) -> list[Event]:
    """All actions in a recording, in time order."""
    if not infos:
        return []
    dt = _frame_step(infos)
    events: list[Event] = []

    # scrolls
    scroll_runs: list[list[FrameInfo]] = []
    for fi in infos:
        if fi.scroll is not None:
            if scroll_runs and fi.t - scroll_runs[-1][-1].t <= SCROLL_GAP:
                scroll_runs[-1].append(fi)
            else:
                scroll_runs.append([fi])
    spans = []
    for run in scroll_runs:
        dist = -sum(f.scroll for f in run if f.scroll is not None) - _missed_shift(infos, run)
        if abs(dist) < 0.01 * height:
            continue
        t0 = run[0].t - dt
        events.append(Event("scroll", run[0].t, run[-1].t, run[0].cursor, None, None, str(int(round(dist))),
                            before=max(0.0, t0), after=run[-1].t))
        spans.append((run[0].t - dt * 1.5, run[-1].t + dt * 1.5))

    def in_scroll(t: float) -> bool:
        return any(a <= t <= b for a, b in spans)

    # drags: pointer movements that carry content along
    moves: list[list[FrameInfo]] = []
    for fi in infos:
        if fi.moved:
            if moves and fi.t - moves[-1][-1].t <= 2.5 * dt:
                moves[-1].append(fi)
            else:
                moves.append([fi])
    drag_spans = []
    near = 0.08 * max(width, height)
    for mv in moves:
        if len(mv) < 4 or mv[0].cursor is None or mv[-1].cursor is None:
            continue
        carried = sum(1 for f in mv if f.change >= min_change and f.box is not None and f.cursor is not None
                      and _dist(f.cursor, f.box) <= near and f.frac < NAV_FRAC)
        travel = abs(mv[-1].cursor[0] - mv[0].cursor[0]) + abs(mv[-1].cursor[1] - mv[0].cursor[1])
        if carried >= 0.6 * len(mv) and travel >= 0.04 * width:
            start = _before(infos, mv[0].t)
            p0 = start.cursor if start is not None and start.cursor is not None else mv[0].cursor
            events.append(Event("drag", mv[0].t - dt, mv[-1].t, p0, None, mv[-1].cursor, kind=mv[0].kind,
                                before=max(0.0, mv[0].t - 2 * dt), after=mv[-1].t + dt))
            drag_spans.append((mv[0].t - 0.6, mv[-1].t + 0.35))
    # drags where the pointer was lost over what it carried: a patch of change of steady size
    # whose centre travels
    for run in _moving_patches(infos, width, height, dt, min_change):
        if any(a <= run[0].t <= b or a <= run[-1].t <= b for a, b in drag_spans):
            continue
        c0, c1 = _centre(run[0].box), _centre(run[-1].box)
        start = _before(infos, run[0].t)
        events.append(Event("drag", run[0].t - dt, run[-1].t, c0, None, c1, before=start.t if start else run[0].t,
                            after=run[-1].t + dt))
        drag_spans.append((run[0].t - 0.6, run[-1].t + 0.35))

    def in_drag(t: float) -> bool:
        return any(a <= t <= b for a, b in drag_spans)

    # bursts of change
    bursts: list[Burst] = []
    for fi in infos:
        if fi.change < min_change or fi.box is None or fi.scroll is not None or in_scroll(fi.t) or in_drag(fi.t):
            continue
        if fi.box[2] <= 2 or fi.box[3] <= 2:
            continue  # a blinking caret or coding noise
        if bursts and fi.t - bursts[-1].t1 <= BURST_GAP + 1e-6:
            b = bursts[-1]
            b.frames.append(fi)
            b.box = _union(b.box, fi.box)
            b.frac = max(b.frac, fi.frac)
        else:
            bursts.append(Burst([fi], fi.box, fi.frac))

    # walk through bursts in time order
    last_motion_t = [f.t for f in infos if f.moved]
    last_end = -1.0
    last_click: Event | None = None
    last_key: Event | None = None
    typing: Event | None = None
    last_typing: Event | None = None
    row_h = 0.1 * height

    def moved_between(a: float, b: float) -> bool:
        i = bisect.bisect_right(last_motion_t, a)  # (times in order: the first one after a)
        return i < len(last_motion_t) and last_motion_t[i] < b

    def close_typing() -> None:
        nonlocal typing, last_typing, last_end
        if typing is None:
            return
        if typing.extra["frames"] >= 2 and typing.t1 - typing.t0 >= 0.1 or typing.extra["frames"] >= 3:
            events.append(typing)
            last_typing = typing
            last_end = typing.t1
        typing = None

    def is_small(x: Burst) -> bool:
        return x.frac < 0.03 and x.box[3] <= row_h

    def start_typing(x: Burst, click: Event | None) -> Event:
        ev = Event("type", x.t0, x.t1, x.frames[0].cursor, x.box, before=click.before if click else x.t0, after=x.t1,
                   field_box=click.field_box if click else None, kind=click.kind if click else None,
                   extra={"frames": len(x.frames)})
        if click is not None:
            ev.extra["click"] = click
        return ev

    def rest_start(t: float) -> float:
        """When the pointer last stopped moving before t."""
        i = bisect.bisect_left(last_motion_t, t)
        return last_motion_t[i - 1] if i else t

    for k, b in enumerate(bursts):
        first = b.frames[0]
        small = is_small(b)
        # 1. typing continues in the same row
        if typing is not None:
            if small and b.t0 - typing.t1 <= TYPE_GAP and _vert_overlap(b.box, typing.box) >= 0.5:
                typing.t1 = b.t1
                typing.after = b.t1
                typing.box = _union(typing.box, b.box)
                typing.extra["frames"] += len(b.frames)
                continue
            close_typing()
        fresh = moved_between(last_end, first.t + 1e-6) and not first.moved
        pointer = first.cursor
        big = b.frac >= NAV_FRAC
        near_ptr = pointer is not None and _dist(pointer, b.box) <= 0.06 * width
        recent_click = last_click is not None and last_click.point is not None and b.t0 - last_click.t1 < 4.0
        # 2. characters appearing in the field just clicked
        if small and recent_click and (
                (last_click.field_box is not None and _inside(b.box, last_click.field_box, 6))
                or abs(b.box[1] + b.box[3] / 2 - last_click.point[1]) <= 0.06 * height):
            typing = start_typing(b, last_click)
            last_click = None
            continue
        # 3. a click: the pointer arrived, rested, and the page changed near it or everywhere
        if fresh and pointer is not None and (near_ptr or big):
            nxt = bursts[k + 1] if k + 1 < len(bursts) else None
            typing_next = (small and nxt is not None and is_small(nxt) and nxt.t0 - b.t1 <= TYPE_GAP
                           and _vert_overlap(nxt.box, b.box) >= 0.5 and b.box[3] <= 1.5 * nxt.box[3])
            prev = _before(infos, first.t)
            if typing_next:
                # characters appear at once: the click that put the caret there changed nothing
                # visible (the field had focus already); it happened while the pointer rested
                t_click = (rest_start(first.t) + first.t) / 2
                ev = Event("click", t_click, t_click, pointer, None, kind=first.kind,
                           before=prev.t if prev else t_click, after=t_click)
                events.append(ev)
                typing = start_typing(b, ev)
                last_click = None
                last_end = b.t1
                continue
            ev = Event("click", first.t, b.t1, pointer, b.box, kind=first.kind or (prev.kind if prev else None),
                       before=prev.t if prev else max(0.0, first.t - dt), after=b.t1,
                       navigates=b.loads(width, height))
            # a focus ring around a text field: a box one row tall that the pointer is in
            if not big and b.box[3] <= 1.6 * row_h and b.box[2] >= 3 * b.box[3] and _dist(pointer, b.box) == 0:
                ev.field_box = b.box
            events.append(ev)
            last_click = ev
            last_end = b.t1
            continue
        # a page load shortly after a click or key press belongs to it
        act = last_click if last_key is None or (last_click is not None and last_click.t1 > last_key.t1) else last_key
        if not small and act is not None and b.t0 - act.t1 <= LOAD_AFTER and not moved_between(act.t1, b.t0):
            if b.loads(width, height):
                act.navigates = True
                act.field_box = None
            act.t1 = max(act.t1, b.t1)
            last_end = b.t1
            continue
        # 4. a key press right after typing
        if last_typing is not None and b.t0 - last_typing.t1 <= KEY_AFTER_TYPE and not moved_between(last_typing.t1, b.t0):
            prev = _before(infos, b.t0)
            last_key = Event("key", b.t0, b.t1, pointer, b.box, value="Enter", navigates=b.loads(width, height),
                             before=prev.t if prev else b.t0, after=b.t1,
                             field_box=last_typing.field_box or last_typing.box, extra={"typing": last_typing})
            events.append(last_key)
            last_typing = None
            last_end = b.t1
            continue
        # 5. characters appearing somewhere: typing without a visible click first
        if small:
            typing = start_typing(b, None)
            continue
    close_typing()
    _reading_times(events, infos)
    for ev in events:
        if ev.action in ("click", "drag") and ev.point is not None:
            ev.clean = _approach_start(infos, ev.t0, ev.point, 0.05 * width)

    # waits: long stretches with no change and no movement at all
    active = [f.t for f in infos if f.moved or f.change >= min_change]
    marks = [infos[0].t] + active + [infos[-1].t]
    for a, b in zip(marks, marks[1:]):
        if b - a >= WAIT_MIN and a > infos[0].t and b < infos[-1].t:
            events.append(Event("wait", a, b, value=f"{b - a:.1f}", before=a, after=a))
    events.sort(key=lambda e: e.t0)
    return events


_time = operator.attrgetter("t")


def _frame_step(infos: list[FrameInfo]) -> float:
    if len(infos) < 2:
        return 1 / 15
    ts = [f.t for f in infos]
    ds = sorted(map(operator.sub, ts[1:], ts[:-1]))  # (the gaps between frames, without a Python loop)
    return max(1e-3, ds[len(ds) // 2])


def _before(infos: list[FrameInfo], t: float) -> FrameInfo | None:
    """The last analysed frame strictly before time t."""
    i = bisect.bisect_left(infos, t - 1e-6, key=_time)
    return infos[i - 1] if i else None


def _reading_times(events: list[Event], infos: list[FrameInfo]) -> None:
    """For each typing run, a moment showing the final text: the first frame with the pointer off
    the text, else the last quiet frame before anything else happens (a last thin letter such as
    'l' may change too few pixels to count as typing, so the run's own end can be one short)."""
    events.sort(key=lambda e: e.t0)
    for i, ev in enumerate(events):
        if ev.action != "type":
            continue
        limit = min(events[i + 1].t0 if i + 1 < len(events) else float("inf"), ev.t1 + 5.0)
        row = ev.box
        for fi in infos[bisect.bisect_right(infos, ev.t1 + 1e-6, key=_time):]:
            if fi.t >= limit - 1e-6:
                break
            if (fi.change and fi.box is not None and fi.box[2] > 2 and fi.box[3] > 2
                    and _dist((fi.box[0], fi.box[1]), row) == 0):
                break  # the field changed again
            ev.after = fi.t
            pb = fi.ptr_box
            if pb is None or pb[0] > row[0] + row[2] + 4 or pb[0] + pb[2] < row[0] - 4 \
                    or pb[1] > row[1] + row[3] + 4 or pb[1] + pb[3] < row[1] - 4:
                break


def _approach_start(infos: list[FrameInfo], t: float, point: tuple[int, int], away: float) -> float | None:
    """The time of the last frame before the pointer set off towards `point` (the page as it was
    with the pointer elsewhere), if the pointer was then at least `away` px from it."""
    i = len(infos) - 1
    while i >= 0 and infos[i].t >= t - 1e-6:
        i -= 1
    while i >= 0 and not infos[i].moved:
        i -= 1
    if i < 0:
        return None
    while i >= 0 and (infos[i].moved or (i >= 1 and infos[i - 1].moved)):
        i -= 1
    if i < 0:
        return None
    f = infos[i]
    if f.cursor is None or abs(f.cursor[0] - point[0]) + abs(f.cursor[1] - point[1]) < away:
        return None
    return f.t


def _missed_shift(infos: list[FrameInfo], run: list[FrameInfo]) -> float:
    """Frames inside a scroll whose shift could not be verified: take the mean of their neighbours."""
    t0, t1 = run[0].t, run[-1].t
    inner = [f for f in infos if t0 < f.t < t1]
    total = 0.0
    for i, f in enumerate(inner):
        if f.scroll is None and f.frac >= 0.02:
            before = next((g.scroll for g in reversed(inner[:i]) if g.scroll is not None), run[0].scroll)
            after = next((g.scroll for g in inner[i + 1:] if g.scroll is not None), run[-1].scroll)
            total += (before + after) / 2
    return total


def _centre(box: tuple[int, int, int, int]) -> tuple[int, int]:
    return box[0] + box[2] // 2, box[1] + box[3] // 2


def _moving_patches(infos: list[FrameInfo], width: int, height: int, dt: float,
                    min_change: int) -> list[list[FrameInfo]]:
    """Runs of consecutive frames whose change is one compact patch of about the same size that
    keeps moving the same way (something carried across the page)."""
    runs: list[list[FrameInfo]] = []
    cur: list[FrameInfo] = []

    area, wide, gap = 0.06 * width * height, 0.02 * width, 2.5 * dt
    for f in infos:
        box = f.box
        ok = (f.change >= min_change and box is not None and f.scroll is None
              and box[2] * box[3] <= area and box[2] >= wide)
        if ok and cur and f.t - cur[-1].t <= gap:
            a = cur[-1].box
            if 0.6 <= (box[2] * box[3]) / max(1, a[2] * a[3]) <= 1.7:  # about the same size
                cur.append(f)
                continue
        if len(cur) >= 6:
            runs.append(cur)
        cur = [f] if ok else []
    if len(cur) >= 6:
        runs.append(cur)
    out = []
    for run in runs:
        cs = [_centre(f.box) for f in run]
        travel = abs(cs[-1][0] - cs[0][0]) + abs(cs[-1][1] - cs[0][1])
        steps = [abs(b[0] - a[0]) + abs(b[1] - a[1]) for a, b in zip(cs, cs[1:])]
        moving = sum(1 for st in steps if st >= 3) >= 0.6 * len(steps)
        if travel >= 0.08 * width and moving:
            out.append(run)
    return out
