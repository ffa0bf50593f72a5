"""`v2c workflow VIDEO... -o DIR`: screen recordings to workflows, in batches (see app.batch)."""
from __future__ import annotations

import sys

from app.batch import BatchError, run_batch

EXIT_OK, EXIT_FAIL, EXIT_INPUT = 0, 1, 2


def _error_text(r: dict) -> str:
    """The error, prefixed with the video's path unless the message already starts with it."""
    err, video = r.get("error") or "failed", str(r["video"])
    return err if err.startswith(video) else f"{video}: {err}"


def _line(r: dict) -> str:
    if r["status"] == "failed":
        return f"  failed   {_error_text(r)}"
    steps = r.get("steps")
    extra = f"{steps} steps" if steps is not None else ""
    if r["status"] == "done":
        extra += f", {r['seconds']:.1f} s"
    return f"  {r['status']:<8} {r['video']} -> {r['stem']}/ ({extra})"


def run_workflow(args) -> int:
    """Exit 0 when every video is done or skipped, 2 when no video was usable at all, 1 otherwise."""
    jobs = getattr(args, "jobs", None)
    jobs = 1 if jobs is None else jobs
    if jobs < 1:
        print("v2c workflow: --jobs must be at least 1", file=sys.stderr)
        return EXIT_INPUT
    options = {"backend": getattr(args, "backend", None) or "layout", "model": getattr(args, "model", None),
               "base_url": getattr(args, "base_url", None)}
    quiet = bool(getattr(args, "quiet", False))
    try:
        results = run_batch(list(args.videos), args.output, jobs=jobs, engine=getattr(args, "engine", "local"),
                            ray_address=getattr(args, "ray_address", None), force=bool(getattr(args, "force", False)),
                            quiet=quiet, options=options)
    except BatchError as exc:
        print(f"v2c workflow: {exc}", file=sys.stderr)
        return EXIT_INPUT if "not a folder" in str(exc) else EXIT_FAIL
    counts = {k: sum(r["status"] == k for r in results) for k in ("done", "skipped", "failed")}
    if not quiet:
        for r in results:
            print(_line(r))
    for r in results:
        for w in r.get("warnings") or []:
            print(f"v2c workflow: {r['stem']}: {w}", file=sys.stderr)
        if r["status"] == "failed" and quiet:
            print(f"v2c workflow: {_error_text(r)}", file=sys.stderr)
    print(f"{len(results)} video{'s' if len(results) != 1 else ''}: {counts['done']} done, "
          f"{counts['skipped']} skipped, {counts['failed']} failed -> {args.output}")
    if not results:
        print("v2c workflow: no video found", file=sys.stderr)
        return EXIT_INPUT
    if counts["failed"] == 0:
        return EXIT_OK
    usable = [r for r in results if not (r["status"] == "failed" and r.get("input_error"))]
    return EXIT_INPUT if not usable else EXIT_FAIL
