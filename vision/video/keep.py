"""Keep, during the one analysis pass, the few full-resolution frames that naming will read.

Naming a step needs frames from moments the detector only knows once it has seen what followed
(the instant before a click, the page before the pointer came, a typed field once typing ended).
Decoding the video a second time for them costs as much as the first pass, so instead the
analysis pass holds on to candidate frames (the decoded frames themselves: no copy, no colour
conversion) and lets go of each as soon as it cannot be needed any more:

- the latest few analysed frames are always held;
- frames where activity starts or stops (a change or a pointer movement begins or ends, or the
  frames pause, as variable-rate recordings do between changes) are held for `HOLD_S` seconds,
  and the last frames before the pointer set off (where the page showed what the pointer later
  hid) until newer ones replace them;
- every so often the event detector runs on the recent history; the frames its events ask for
  are kept for good once those events are settled (`SETTLED_S` old).

Kept frames older than `HOLD_S` stay in memory up to `RAM_FRAMES`; beyond that the oldest go to a
temporary folder as colour arrays, so memory stays flat however long the recording. A frame the final detection
asks for that was let go (rare: a decision that changed late) is decoded afterwards by seeking
(`vision.video.seek`), so results never depend on these heuristics, only the cost does.
"""
from __future__ import annotations

import bisect
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import numpy as np

from vision.video.change import FrameInfo
from vision.video.events import BURST_GAP, TYPE_GAP
from vision.video.proxy import ProxyFrame

RECENT = 3          # latest analysed frames always held
CLEAN_KEEP = 2      # last frames before the pointer set off, held until newer ones replace them
SETTLED_S = 12.0    # s: events this far behind the newest frame no longer change
WINDOW_S = 20.0     # s of history each provisional detection sees (events older than
                    # SETTLED_S keep what they asked for)
RUN_EVERY_S = 0.5   # s between provisional detections while nothing happens
RUN_MIN_S = 0.1     # s between provisional detections while something happens (every other
                    # analysed frame: a frame asked for is still among the latest `RECENT`)
HOLD_S = TYPE_GAP + RUN_MIN_S  # s: frames where activity starts or stops are held this long: a
                    # burst of change is named only once it is clear whether typing goes on
                    # (`TYPE_GAP` later), so its first frame may be asked for that late
RAM_FRAMES = 4      # kept frames (older than HOLD_S) held in memory; the oldest beyond go to disk
MIN_CHANGE = 5      # as `events.find_events`: smaller changes are noise


@dataclass
class _Entry:
    t: float
    pf: ProxyFrame | None          # decoded frame still held
    rgb: np.ndarray | None = None  # colour, once made
    path: Path | None = None       # colour on disk
    cand: bool = False             # activity starts or stops here
    clean: bool = False            # the pointer set off right after this frame
    needed: bool = False           # a provisional detection asked for it


def _active(fi: FrameInfo) -> bool:
    return (fi.change >= MIN_CHANGE and fi.box is not None and fi.box[2] > 2 and fi.box[3] > 2
            and fi.scroll is None)


class FrameKeeper:
    """Feed (proxy frame, its record) in order; afterwards `get(t)` gives the colour frame shown
    at time t if it was kept, else None. `needs(infos)` maps records to the times naming reads."""

    def __init__(self, needs: Callable[[list[FrameInfo]], list[float]]) -> None:
        self.needs = needs
        self.infos: list[FrameInfo] = []
        self.times: list[float] = []
        self.entries: dict[float, _Entry] = {}
        self.last_run = -1e9
        self.tmp: Path | None = None
        self.spilled = 0
        self.peak_held = 0
        self.reread = 0

    # -- during the pass -------------------------------------------------------------------
    def feed(self, pf: ProxyFrame, fi: FrameInfo) -> None:
        self.infos.append(fi)
        self.times.append(fi.t)
        self.entries[fi.t] = _Entry(fi.t, pf)
        n = len(self.infos)
        if n >= 2:
            a, b = self.infos[-2], fi
            p = self.infos[-3] if n >= 3 else None
            e = self.entries.get(a.t)
            if e is not None:
                # (a pause in the frames longer than a burst's gap, as variable-rate recordings
                # have, ends the activity before it and starts the next one)
                paused = b.t - a.t > BURST_GAP + 1e-6 or (p is not None and a.t - p.t > BURST_GAP + 1e-6)
                if _active(a) != _active(b) or a.moved != b.moved or (
                        p is not None and (_active(a) != _active(p) or a.moved != p.moved)) or (
                        paused and (_active(a) or a.moved)):
                    e.cand = True
                if b.moved and not a.moved and (p is None or not p.moved):
                    e.clean = True
        since = fi.t - self.last_run
        if since >= RUN_EVERY_S or (since >= RUN_MIN_S and (_active(fi) or fi.moved or any(
                _active(f) or f.moved for f in self.infos[-RECENT - 1:-1]))):
            self._run(fi.t)
        self._prune(fi.t)

    def _index(self, t: float) -> int:
        """Index of the last analysed frame at or before t (the frame shown at t)."""
        return max(0, bisect.bisect_right(self.times, t + 1e-6) - 1)

    def _run(self, head: float) -> None:
        self.last_run = head
        lo = bisect.bisect_left(self.times, head - WINDOW_S)
        want = {self.times[self._index(t)] for t in self.needs(self.infos[lo:])}
        for t, e in self.entries.items():
            if t in want:
                e.needed = True
            elif e.needed and t >= head - SETTLED_S:
                e.needed = False  # an earlier, provisional answer that has changed since

    def _prune(self, head: float) -> None:
        recent = set(self.times[-RECENT:])
        cleans = [t for t, e in self.entries.items() if e.clean and e.pf is not None][-CLEAN_KEEP:]
        for t in list(self.entries):
            e = self.entries[t]
            if e.needed or t in recent or (e.cand and t >= head - HOLD_S) or t in cleans:
                continue
            del self.entries[t]
            if e.path is not None:
                e.path.unlink(missing_ok=True)
        # frames asked for that are no longer among the newest go to disk beyond a few
        kept = [e for e in self.entries.values() if e.path is None and e.needed and e.t < head - HOLD_S]
        for e in kept[:max(0, len(kept) - RAM_FRAMES)]:
            self._spill(e)
        self.peak_held = max(self.peak_held, sum(1 for e in self.entries.values() if e.path is None))

    def _spill(self, e: _Entry) -> None:
        if self.tmp is None:
            self.tmp = Path(tempfile.mkdtemp(prefix="v2c-frames-"))
        rgb = self._colour(e)
        e.path = self.tmp / f"{self.spilled}.npy"
        np.save(e.path, rgb)
        e.rgb, e.pf = None, None
        self.spilled += 1

    # -- afterwards ------------------------------------------------------------------------
    @staticmethod
    def _colour(e: _Entry) -> np.ndarray:
        if e.rgb is None:
            if e.path is not None:
                return np.load(e.path)
            e.rgb = e.pf.rgb()
            e.pf = None
        return e.rgb

    def key(self, t: float) -> float:
        """The analysed frame shown at time t (its time)."""
        return self.times[self._index(t)] if self.times else t

    def has(self, t: float) -> bool:
        return self.key(t) in self.entries

    def get(self, t: float) -> np.ndarray | None:
        e = self.entries.get(self.key(t))
        return None if e is None else self._colour(e)

    def put(self, t: float, rgb: np.ndarray) -> None:
        """A frame decoded afterwards for a time that was let go (to disk beyond `RAM_FRAMES`)."""
        self.reread += 1
        e = self.entries[self.key(t)] = _Entry(self.key(t), None, rgb)
        if sum(1 for x in self.entries.values() if x.path is None) > RAM_FRAMES:
            self._spill(e)

    def drop(self, t: float) -> None:
        """Naming is done with this time's frame."""
        e = self.entries.pop(self.key(t), None)
        if e is not None and e.path is not None:
            e.path.unlink(missing_ok=True)

    def close(self) -> None:
        self.entries.clear()
        if self.tmp is not None:
            shutil.rmtree(self.tmp, ignore_errors=True)
            self.tmp = None


class KeyFrames:
    """The full-resolution key frame of each step, handed over from the decoding pass to the
    report writer (which would otherwise decode them again by seeking): kept on disk, one array
    file per step, so memory does not grow with the number of steps."""

    def __init__(self) -> None:
        self.tmp: Path | None = None
        self.times: dict[int, float] = {}

    def put(self, index: int, t: float, rgb: np.ndarray) -> None:
        if self.tmp is None:
            self.tmp = Path(tempfile.mkdtemp(prefix="v2c-keyframes-"))
        np.save(self.tmp / f"{index}.npy", rgb)
        self.times[index] = float(t)

    def has(self, index: int, t: float) -> bool:
        """A frame is stored for this step at time t."""
        return self.tmp is not None and index in self.times and abs(self.times[index] - float(t)) <= 1e-6

    def get(self, index: int, t: float) -> np.ndarray | None:
        """The frame stored for this step at time t, else None."""
        return np.load(self.tmp / f"{index}.npy") if self.has(index, t) else None

    def close(self) -> None:
        if self.tmp is not None:
            shutil.rmtree(self.tmp, ignore_errors=True)
            self.tmp = None
        self.times.clear()

    def __enter__(self) -> "KeyFrames":
        return self

    def __exit__(self, *exc) -> None:
        self.close()
