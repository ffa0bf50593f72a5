"""Many recordings, one task each: a local process pool or Ray, progress bars, resumable.

The per-video task (`process_video`) is the same for both engines: detect the steps, optionally
name their intents with a model, and write the reports as one unit (codegen.workflow). A video
whose folder already holds complete outputs is skipped unless forced; a video that fails gets an
`error.txt` in its folder (which a later run treats as unfinished and redoes) and the rest go on.
"""
from __future__ import annotations

import os
import sys
import time
import traceback
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Callable

from codegen.workflow.outputs import batch_lock, clean_work, is_complete
from vision.files import write_json, write_text

VIDEO_EXTS = {".mp4", ".m4v", ".mov", ".mkv", ".webm", ".avi", ".mpg", ".mpeg", ".ts", ".flv", ".wmv", ".ogv", ".3gp"}
PROGRESS_STEP = 0.02   # report progress in 2 % steps so queues stay quiet


class BatchError(RuntimeError):
    """The batch cannot run at all (bad engine set-up); one line for the user."""


@dataclass
class VideoJob:
    video: str
    stem: str


@dataclass
class VideoResult:
    video: str
    stem: str
    status: str                    # done | skipped | failed
    steps: int | None = None
    seconds: float = 0.0
    error: str | None = None
    input_error: bool = False      # the file itself is unusable (not a fault of the tool)
    warnings: list[str] = field(default_factory=list)


def collect_videos(paths: list[str]) -> tuple[list[Path], list[VideoResult]]:
    """Videos named directly (any extension: the decoder decides) or found in folders (by
    extension, recursively, hidden folders skipped); missing paths come back as failed results."""
    found: list[Path] = []
    missing: list[VideoResult] = []
    seen: set[Path] = set()
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            cands = sorted(q for q in p.rglob("*") if q.is_file() and q.suffix.lower() in VIDEO_EXTS
                           and not any(part.startswith(".") for part in q.relative_to(p).parts))
        elif p.is_file():
            cands = [p]
        else:
            missing.append(VideoResult(str(p), p.stem, "failed", error=f"{p}: no such file or folder", input_error=True))
            continue
        for q in cands:
            key = q.resolve()
            if key not in seen:
                seen.add(key)
                found.append(q)
    return found, missing


def plan_jobs(videos: list[Path]) -> list[VideoJob]:
    """One output folder per video, named by its stem; clashing stems get -2, -3... in input order."""
    jobs: list[VideoJob] = []
    used: set[str] = set()
    for v in videos:
        stem = v.stem or "video"
        name, n = stem, 1
        while name.lower() in used:
            n += 1
            name = f"{stem}-{n}"
        used.add(name.lower())
        jobs.append(VideoJob(str(v), name))
    return jobs


def _one_line(exc: BaseException) -> str:
    text = " ".join(str(exc).split())
    return text if text else type(exc).__name__


def _progress_cb(sink, stem: str, lo: float, hi: float) -> Callable[..., None]:
    """A progress callback for one stage, mapped into [lo, hi] of the video's bar; accepts
    fraction or (done, total), and sends only when the bar would visibly move."""
    last = {"v": -1.0}

    def cb(*args: Any, **_kw: Any) -> None:
        if sink is None or not args:
            return
        try:
            frac = float(args[0]) / float(args[1]) if len(args) > 1 and args[1] else float(args[0])
        except (TypeError, ValueError, ZeroDivisionError):
            return
        v = lo + (hi - lo) * min(1.0, max(0.0, frac))
        if v - last["v"] >= PROGRESS_STEP or v >= hi:
            last["v"] = v
            try:
                sink.put_nowait((stem, v))
            except Exception:
                pass
    return cb


def process_video(video: str, out_dir: str, stem: str, options: dict | None = None, sink=None) -> dict:
    """The per-video task of both engines; returns a VideoResult as a dict (picklable)."""
    options = options or {}
    t0 = time.perf_counter()
    res = VideoResult(video, stem, "failed")
    folder = Path(out_dir) / stem
    key_frames = None
    try:
        from codegen.workflow.outputs import write_outputs
        from vision.video.decode import VideoError
        from vision.video.detect import detect_steps
        from vision.video.keep import KeyFrames

        key_frames = KeyFrames()  # the detector's key frames, for the report writer
        try:
            wf = detect_steps(video, progress=_progress_cb(sink, stem, 0.0, 0.85), key_frames=key_frames)
        except VideoError as exc:
            res.error, res.input_error = _one_line(exc), True
            raise
        intents: dict[int, str] = {}
        backend_name = (options.get("backend") or "layout").lower()
        if backend_name != "layout":
            from codegen.backends import BackendError, get_backend
            from codegen.workflow.intent import name_intents

            try:
                backend = get_backend(backend_name, options.get("model"), options.get("base_url"))
            except BackendError as exc:  # the steps stand without intents
                res.warnings = [f"no intents: {exc}"]
            else:
                try:
                    intents, res.warnings = name_intents(wf, video, backend)
                finally:
                    backend.close()
        write_outputs(wf, video, out_dir, stem=stem, intents=intents,
                      progress=_progress_cb(sink, stem, 0.85, 1.0), key_frames=key_frames)
        res.status, res.steps = "done", len(wf.steps)
    except Exception as exc:  # recorded per video; the batch goes on
        if res.error is None:
            res.error = _one_line(exc)
        detail = res.error if res.input_error else traceback.format_exc()
        if not is_complete(folder):
            try:
                write_text(folder / "error.txt", f"{video}\n{detail.rstrip()}\n")
            except OSError:
                pass
    finally:
        if key_frames is not None:
            key_frames.close()
    res.seconds = round(time.perf_counter() - t0, 3)
    if sink is not None:
        try:
            sink.put_nowait((stem, None))
        except Exception:
            pass
    return asdict(res)


class Bars:
    """One overall tqdm bar plus one bar per running video (on stderr; nothing when quiet)."""

    def __init__(self, total: int, quiet: bool, hook: Callable[[str, float | None], None] | None = None) -> None:
        self.quiet = quiet
        self.hook = hook
        self.per: dict[str, Any] = {}
        self.free: list[int] = []
        self.overall = None
        if not quiet:
            from tqdm import tqdm

            self._tqdm = tqdm
            self.overall = tqdm(total=total, desc="videos", unit="video", position=0, file=sys.stderr,
                                dynamic_ncols=True)

    def update(self, stem: str, value: float | None) -> None:
        if self.hook is not None:
            self.hook(stem, value)
        if self.quiet:
            return
        if value is None:
            bar = self.per.pop(stem, None)
            if bar is not None:
                self.free.append(bar.pos)
                bar.close()
            return
        bar = self.per.get(stem)
        if bar is None:
            pos = self.free.pop(0) if self.free else len(self.per) + 1
            bar = self._tqdm(total=100, desc=stem[:30], unit="%", position=pos, leave=False, file=sys.stderr,
                             dynamic_ncols=True, bar_format="{desc}: {percentage:3.0f}%|{bar}| {elapsed}")
            bar.pos = pos
            self.per[stem] = bar
        n = int(round(value * 100))
        if n > bar.n:
            bar.update(n - bar.n)

    def finished(self, result: dict) -> None:
        self.update(result["stem"], None)
        if self.overall is not None:
            self.overall.set_postfix_str(f"{result['stem'][:20]}: {result['status']}")
            self.overall.update(1)

    def close(self) -> None:
        for stem in list(self.per):
            self.update(stem, None)
        if self.overall is not None:
            self.overall.close()


class _DirectSink:
    """In-process progress: the task's messages go straight to the bars."""

    def __init__(self, bars: Bars) -> None:
        self.bars = bars

    def put_nowait(self, item) -> None:
        self.bars.update(*item)


def _drain(queue, bars: Bars) -> None:
    while True:
        try:
            item = queue.get_nowait()
        except Exception:
            return
        bars.update(*item)


def _run_local(todo: list[VideoJob], out_dir: str, options: dict, jobs: int, bars: Bars,
               on_result: Callable[[dict], None]) -> None:
    if jobs <= 1 or len(todo) <= 1:
        sink = _DirectSink(bars)
        for job in todo:
            on_result(process_video(job.video, out_dir, job.stem, options, sink))
        return
    import multiprocessing as mp

    ctx = mp.get_context("spawn")
    with ctx.Manager() as manager:
        queue = manager.Queue()
        with ProcessPoolExecutor(max_workers=min(jobs, len(todo)), mp_context=ctx) as pool:
            pending = {pool.submit(process_video, j.video, out_dir, j.stem, options, queue): j for j in todo}
            try:
                while pending:
                    finished, _ = wait(pending, timeout=0.2, return_when=FIRST_COMPLETED)
                    _drain(queue, bars)
                    for fut in finished:
                        job = pending.pop(fut)
                        try:
                            on_result(fut.result())
                        except Exception as exc:  # the worker process itself died
                            on_result(asdict(VideoResult(job.video, job.stem, "failed",
                                                         error=f"worker failed: {_one_line(exc)}")))
            except BaseException:
                for fut in pending:
                    fut.cancel()
                raise


def _import_ray():
    try:
        import ray
    except ImportError:
        raise BatchError("--engine ray needs the optional `ray` package: pip install 'vision2code[ray]'") from None
    return ray


def _run_ray(todo: list[VideoJob], out_dir: str, options: dict, jobs: int, address: str | None, bars: Bars,
             on_result: Callable[[dict], None]) -> None:
    """The same task as a Ray remote function, on a cluster (address or RAY_ADDRESS) or a local
    instance. On a cluster every node must see the videos and DIR at the same paths."""
    ray = _import_ray()
    os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")
    started = False
    if not ray.is_initialized():
        try:
            if address:
                # the tasks' model settings travel with them (a cluster's workers have their own environment)
                env = {k: v for k, v in os.environ.items() if k.startswith("V2C_") or k == "OPENAI_API_KEY"}
                ray.init(address=address, log_to_driver=False, logging_level="ERROR",
                         runtime_env={"env_vars": env} if env else None)
            else:
                ray.init(num_cpus=max(1, jobs), include_dashboard=False, log_to_driver=False,
                         logging_level="ERROR")
        except Exception as exc:
            raise BatchError(f"cannot start or reach Ray{f' at {address}' if address else ''}: {_one_line(exc)}") from None
        started = True
    try:
        from ray.util.queue import Queue

        queue = Queue(actor_options={"num_cpus": 0})
        task = ray.remote(num_cpus=1, max_retries=1)(process_video)
        pending = {task.remote(j.video, out_dir, j.stem, options, queue): j for j in todo}
        while pending:
            ready, _ = ray.wait(list(pending), num_returns=1, timeout=0.2)
            _drain(queue, bars)
            for ref in ready:
                job = pending.pop(ref)
                try:
                    on_result(ray.get(ref))
                except Exception as exc:  # the task's worker died or the node went away
                    on_result(asdict(VideoResult(job.video, job.stem, "failed",
                                                 error=f"Ray task failed: {_one_line(exc)}")))
        _drain(queue, bars)
    finally:
        if started:
            ray.shutdown()


def run_batch(paths: list[str], out_dir: str | Path, *, jobs: int = 1, engine: str = "local",
              ray_address: str | None = None, force: bool = False, quiet: bool = False,
              options: dict | None = None, on_result: Callable[[dict], None] | None = None,
              on_progress: Callable[[str, float | None], None] | None = None) -> list[dict]:
    """Process every video under `paths` into `out_dir`; return one result dict per video (input
    order), and write them to out_dir/summary.json. `on_progress(stem, fraction)` sees each
    video's progress (None when it ends); `on_result` each finished or skipped video."""
    if engine not in ("local", "ray"):
        raise BatchError(f"unknown engine {engine!r}: choose local or ray")
    out = Path(out_dir)
    if out.exists() and not out.is_dir():
        raise BatchError(f"{out}: exists and is not a folder")
    videos, results = collect_videos(paths)
    plan = plan_jobs(videos)
    out.mkdir(parents=True, exist_ok=True)
    with batch_lock(out) as alone:
        if alone:
            clean_work(out)
        return _run_plan(plan, results, out, jobs=jobs, engine=engine, ray_address=ray_address, force=force,
                         quiet=quiet, options=options, on_result=on_result, on_progress=on_progress)


def _run_plan(plan: list[VideoJob], results: list[VideoResult], out: Path, *, jobs: int, engine: str,
              ray_address: str | None, force: bool, quiet: bool, options: dict | None,
              on_result: Callable[[dict], None] | None,
              on_progress: Callable[[str, float | None], None] | None) -> list[dict]:
    """Skip what is complete, run the rest on the chosen engine, write the summary."""
    by_stem: dict[str, dict] = {}
    todo: list[VideoJob] = []
    for job in plan:
        if not force and is_complete(out / job.stem, job.video):
            by_stem[job.stem] = asdict(VideoResult(job.video, job.stem, "skipped",
                                                   steps=_steps_in(out / job.stem)))
        else:
            todo.append(job)
    bars = Bars(len(plan), quiet, on_progress)
    for r in by_stem.values():
        bars.finished(r)
        if on_result is not None:
            on_result(r)

    def record(r: dict) -> None:
        by_stem[r["stem"]] = r
        bars.finished(r)
        if on_result is not None:
            on_result(r)

    try:
        if todo:
            if engine == "ray":
                _run_ray(todo, str(out), options or {}, max(1, jobs), ray_address, bars, record)
            else:
                _run_local(todo, str(out), options or {}, max(1, jobs), bars, record)
    finally:
        bars.close()
    ordered = [asdict(r) for r in results] + [by_stem[j.stem] for j in plan if j.stem in by_stem]
    write_json(out / "summary.json", {"output": str(out), "engine": engine, "videos": ordered})
    return ordered


def _steps_in(folder: Path) -> int | None:
    import json

    try:
        return len(json.loads((folder / "workflow.json").read_text(encoding="utf-8"))["steps"])
    except (OSError, ValueError, KeyError, TypeError):
        return None


def zip_outputs(out_dir: str | Path, stems: list[str], zip_path: str | Path) -> Path:
    """One zip of the finished folders (and the summary), written beside and renamed into place."""
    import tempfile
    import zipfile

    out, zip_path = Path(out_dir), Path(zip_path)
    zip_path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{zip_path.name}.", suffix=".part", dir=zip_path.parent)
    os.close(fd)
    try:
        with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED) as zf:
            if (out / "summary.json").is_file():
                zf.write(out / "summary.json", "summary.json")
            for stem in stems:
                folder = out / stem
                if not folder.is_dir():
                    continue
                for f in sorted(folder.rglob("*")):
                    if f.is_file() and f.name != ".complete":
                        zf.write(f, f"{stem}/{f.relative_to(folder).as_posix()}")
        os.replace(tmp, zip_path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return zip_path
