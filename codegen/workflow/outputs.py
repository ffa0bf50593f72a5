"""Write one video's reports as a unit: all of DIR/<stem>/ appears at once, or none of it.

Everything is written into a private folder under DIR/.v2c-work/, the completion marker last,
then the folder is renamed into place. A run killed at any moment leaves either the previous
state or the finished folder; a resumed run trusts a folder only when its marker is there and
names the same video.
"""
from __future__ import annotations

import contextlib
import dataclasses
import json
import os
import shutil
import tempfile
import time
from pathlib import Path
from typing import Callable, Iterator

import numpy as np

from codegen.workflow.frames import draw_target, thumbnail
from codegen.workflow.report_json import workflow_to_json
from codegen.workflow.report_md import workflow_markdown
from codegen.workflow.script import workflow_script
from vision.files import UMASK, write_jpeg, write_json, write_png, write_text
from vision.video.keep import KeyFrames
from vision.video.seek import iter_key_frames
from vision.video.steps import Workflow

MARKER = ".complete"
WORK_DIR = ".v2c-work"
OUTPUT_FILES = ("workflow.json", "workflow.md", "script.py")


def _share(folder: Path) -> None:
    """Give the outputs the usual permissions (temporary files start private to the owner)."""
    for p in [folder, *folder.rglob("*")]:
        os.chmod(p, (0o777 if p.is_dir() else 0o666) & ~UMASK)


def video_signature(video: str | Path) -> dict:
    p = Path(video)
    return {"video": p.name, "size": p.stat().st_size}


def is_complete(folder: str | Path, video: str | Path | None = None) -> bool:
    """True when the folder holds finished outputs (of this video, when one is given)."""
    folder = Path(folder)
    marker = folder / MARKER
    if not marker.is_file() or not all((folder / f).is_file() for f in OUTPUT_FILES):
        return False
    if video is None:
        return True
    try:
        info = json.loads(marker.read_text(encoding="utf-8"))
        sig = video_signature(video)
    except (OSError, ValueError):
        return False
    return info.get("video") == sig["video"] and info.get("size") == sig["size"]


def work_root(out_dir: str | Path) -> Path:
    return Path(out_dir) / WORK_DIR


LOCK_NAME = ".lock"


@contextlib.contextmanager
def batch_lock(out_dir: str | Path) -> Iterator[bool]:
    """Held for a whole batch; yields True when this batch is the only one using `out_dir`
    (then what killed runs left in the work area may be removed), False when another is running."""
    root = work_root(out_dir)
    root.mkdir(parents=True, exist_ok=True)
    try:
        import fcntl
    except ImportError:  # no flock here: assume one batch at a time
        yield True
        return
    with open(root / LOCK_NAME, "a+") as fh:
        try:
            fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            yield False
            return
        try:
            yield True
        finally:
            fcntl.flock(fh.fileno(), fcntl.LOCK_UN)


def clean_work(out_dir: str | Path) -> None:
    """Remove what killed runs left half-done (none of it was ever visible as output); call it
    only while holding `batch_lock`, so a concurrent batch's work in progress is never touched."""
    root = work_root(out_dir)
    if not root.is_dir():
        return
    for entry in root.iterdir():
        if entry.name == LOCK_NAME:
            continue
        if entry.is_dir():
            shutil.rmtree(entry, ignore_errors=True)
        else:
            entry.unlink(missing_ok=True)


def swap_into_place(tmp: Path, final: Path) -> None:
    """Rename the finished folder over the old one; the old one goes only after the new is in."""
    old = None
    if final.exists():
        old = Path(tempfile.mkdtemp(prefix=f"old-{final.name}.", dir=tmp.parent))
        os.replace(final, old / final.name)
    os.replace(tmp, final)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def key_time(frame_time: float, t_start: float) -> float:
    """The detector's key-frame time, or the step's start where it left the default 0."""
    return float(frame_time) if frame_time > 0 or t_start <= 0 else float(t_start)


def write_outputs(wf: Workflow, video_path: str | Path, out_dir: str | Path, *, stem: str | None = None,
                  intents: dict[int, str] | None = None,
                  progress: Callable[[float], None] | None = None, key_frames: KeyFrames | None = None) -> Path:
    """Write DIR/<stem>/{workflow.json, workflow.md, script.py, frames/} and the marker; return the
    folder. Key frames come from `key_frames` (held back by the detector's decoding pass) where
    it has them, the rest by seeking in the video."""
    out_dir = Path(out_dir)
    stem = stem or Path(video_path).stem
    final = out_dir / stem
    root = work_root(out_dir)
    root.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f"{stem}.", dir=root))
    try:
        steps = [dataclasses.replace(s) for s in wf.steps]
        wf = dataclasses.replace(wf, steps=steps)
        pos = {s.index: n for n, s in enumerate(steps, 1)}
        by_index = {s.index: s for s in steps}
        thumbs: dict[int, str] = {}
        times = {s.index: key_time(s.frame_time, s.t_start) for s in steps}
        done = 0
        stored = {idx for idx, t in times.items() if key_frames is not None and key_frames.has(idx, t)}

        def frames() -> Iterator[tuple[int, np.ndarray]]:
            for idx in sorted(stored):  # one at a time: memory holds a frame or two
                yield idx, key_frames.get(idx, times[idx])
            rest = {idx: t for idx, t in times.items() if idx not in stored}
            for idx, _t, frame in iter_key_frames(video_path, rest):
                yield idx, frame

        for idx, frame in frames():
            s = by_index[idx]
            n = pos[idx]
            boxed = draw_target(frame, s.bbox, str(n))
            s.frame = f"frames/step_{n:03d}.png"
            write_png(tmp / s.frame, boxed)
            thumbs[idx] = f"frames/step_{n:03d}_thumb.jpg"
            write_jpeg(tmp / thumbs[idx], thumbnail(boxed))
            done += 1
            if progress:
                progress(done / max(1, len(steps)))
        (tmp / "frames").mkdir(exist_ok=True)
        write_json(tmp / "workflow.json", workflow_to_json(wf, intents))
        write_text(tmp / "workflow.md", workflow_markdown(wf, thumbs=thumbs, intents=intents))
        write_text(tmp / "script.py", workflow_script(wf, intents))
        write_json(tmp / MARKER, {**video_signature(video_path), "steps": len(steps),
                                  "finished": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())})
        _share(tmp)
        swap_into_place(tmp, final)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return final
