"""`v2c convert`: mockups to code, one report per image."""
from __future__ import annotations

import json
import sys
from argparse import Namespace
from pathlib import Path

from app.inputs import collect_images
from vision.files import write_json
from vision.load import ImageError, load_image

EXIT_OK, EXIT_FAIL, EXIT_INPUT = 0, 1, 2


def _err(msg: str) -> None:
    print(f"v2c: error: {msg}", file=sys.stderr)


def output_paths(images: list[Path], output: str | None, single_input_is_file: bool) -> list[Path]:
    """One image with `-o x.html` -> that file; otherwise `-o DIR` (default ./out) -> DIR/<stem>.html."""
    if len(images) == 1 and single_input_is_file and output and (output.lower().endswith((".html", ".htm"))
                                                                  and not Path(output).is_dir()):
        return [Path(output)]
    out_dir = Path(output or "out")
    stems: dict[str, int] = {}
    paths = []
    for img in images:
        stem = img.stem
        if stem in stems:  # same name from two folders: keep both
            stems[stem] += 1
            stem = f"{stem}-{stems[stem]}"
        else:
            stems[stem] = 0
        paths.append(out_dir / f"{stem}.html")
    return paths


def _progress_printer(name: str, quiet: bool):
    if quiet:
        return None

    def show(frac: float, msg: str) -> None:
        print(f"\r[{name}] {int(frac * 100):3d}% {msg:<40}", end="" if frac < 1 else "\n", file=sys.stderr, flush=True)

    return show


def run_convert(args: Namespace) -> int:
    images, errors = collect_images(args.inputs)
    for e in errors:
        _err(e)
    if not images:
        return EXIT_INPUT
    from codegen.pipeline import convert_image, warm_up
    from codegen.render import RenderError, get_renderer

    # Chromium (and for the offline engine the OCR engine and the scores' libraries) load while
    # the rest is imported and the images are read
    warm_up() if args.backend == "layout" else get_renderer().start()
    from codegen.backends import get_backend
    from codegen.backends.base import BackendError
    if args.refine < 0:
        _err("--refine must be 0 or more")
        return EXIT_INPUT
    try:
        backend = None if args.backend == "layout" else get_backend(args.backend, args.model, args.base_url)
    except BackendError as exc:
        _err(str(exc))
        return EXIT_INPUT
    single_file = len(args.inputs) == 1 and Path(args.inputs[0]).is_file()
    outs = output_paths(images, args.output, single_file)
    reports = []
    bad = bool(errors)
    failed = False
    for src, out in zip(images, outs):
        try:
            img = load_image(src)
        except ImageError as exc:
            _err(str(exc))
            bad = True
            continue
        try:
            res = convert_image(img, out, stack=args.stack, refine=args.refine, backend=backend,
                                regions=getattr(args, "regions", False),
                                progress=_progress_printer(src.name, args.quiet or args.json), name=str(src))
        except (RenderError, BackendError) as exc:
            _err(f"{src}: {exc}")
            failed = True
            continue
        res.report["input"] = str(src)
        write_json(out.with_name(out.stem + ".report.json"), res.report)
        reports.append(res.report)
        if not args.json and not args.quiet:
            s = res.report["scores"]
            q = res.report["quality"]
            print(f"{src} -> {res.code_path or out}  overall {s['overall']:.3f}  visual {s['visual']:.3f}  "
                  f"abs_frac {q['abs_frac']:.2f}  mobile_ok {q['mobile_ok']}  {res.report['seconds']:.1f}s")
    if args.json:
        print(json.dumps(reports[0] if len(reports) == 1 and len(images) == 1 else reports, indent=2))
    if failed:
        return EXIT_FAIL
    return EXIT_INPUT if bad else EXIT_OK
