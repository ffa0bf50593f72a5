"""`v2c debug SCREENSHOT [--html FILE | --url URL] [--json] [-o ANNOTATED.png]`."""
from __future__ import annotations

import json
import sys
from pathlib import Path

EXIT_OK, EXIT_FAIL, EXIT_INPUT = 0, 1, 2


def _err(msg: str) -> None:
    print(f"v2c debug: {msg}", file=sys.stderr)


def _backend(args):
    name = getattr(args, "backend", None) or "layout"
    if name == "layout":
        return None
    from codegen.backends import get_backend

    return get_backend(name, getattr(args, "model", None), getattr(args, "base_url", None))


def run_debug(args) -> int:
    from vision.load import ImageError, load_image

    try:
        img = load_image(args.screenshot)
    except ImageError as exc:
        _err(str(exc))
        return EXIT_INPUT
    except OSError as exc:
        _err(f"cannot read {args.screenshot}: {exc.strerror or exc}")
        return EXIT_INPUT
    if args.html and not Path(args.html).is_file():
        _err(f"HTML file not found: {args.html}")
        return EXIT_INPUT
    out = Path(args.output) if args.output else None
    if out is not None and out.suffix.lower() not in (".png", ""):
        _err(f"-o must be a .png file, got {out.name}")
        return EXIT_INPUT
    from codegen.debug.pipeline import DebugInputError, analyse, check_url

    if args.url:
        try:
            check_url(args.url)
        except DebugInputError as exc:
            _err(str(exc))
            return EXIT_INPUT
    from codegen.debug.report import annotate, markdown_path, to_json, to_markdown
    from vision.files import write_png, write_text

    try:
        backend = _backend(args)
    except Exception as exc:  # a BackendError or bad settings: one line, exit 2
        _err(str(exc).splitlines()[0] if str(exc) else type(exc).__name__)
        return EXIT_INPUT
    name = Path(args.screenshot).name
    try:
        res = analyse(img, name, html=args.html, url=args.url, backend=backend)
    except DebugInputError as exc:
        _err(str(exc))
        return EXIT_INPUT
    except Exception as exc:
        _err(f"failed: {str(exc).splitlines()[0] if str(exc) else type(exc).__name__}")
        return EXIT_FAIL
    for n in res.notes:
        print(f"note: {n}", file=sys.stderr)
    if out is not None:
        if out.suffix == "":
            out = out.with_suffix(".png")
        write_png(out, annotate(img, res.issues))
        write_text(markdown_path(out), to_markdown(name, res.size, res.issues, out.name, res.notes))
    if args.json:
        print(json.dumps(to_json(name, res.size, res.issues), ensure_ascii=False, indent=2))
    else:
        for n, it in enumerate(res.issues, 1):
            print(f"{n:3d}. [{it.severity}] {it.category} at {it.bbox} ({it.source}): {it.message}")
        if not res.issues:
            print("no defects found")
        if out is not None:
            print(f"annotated picture: {out}\nreport: {markdown_path(out)}")
    return EXIT_OK
