"""The `v2c` command line: argument parsing only; each job lives in its own module.

Exit codes: 0 success, 1 internal failure, 2 unusable input or bad arguments.
"""
from __future__ import annotations

import argparse
import os
import sys

EXIT_OK, EXIT_FAIL, EXIT_INPUT = 0, 1, 2


def _add_convert(sub) -> None:
    p = sub.add_parser("convert", help="mockup images to front-end code",
                       description="Convert mockups or screenshots into HTML/CSS (or Tailwind, React), "
                                   "render the result in Chromium and score it against the mockup.")
    p.add_argument("inputs", nargs="+", metavar="INPUT", help="image files or folders of images")
    p.add_argument("-o", "--output", help="output .html file (one input) or folder (default: ./out)")
    p.add_argument("--backend", choices=["layout", "local", "openai"], default=os.environ.get("V2C_BACKEND", "layout"),
                   help="layout: offline engine (default); local: a checkpoint folder; openai: an OpenAI-compatible server")
    p.add_argument("--model", default=os.environ.get("V2C_MODEL"), help="checkpoint folder (local) or model name (openai)")
    p.add_argument("--base-url", default=os.environ.get("V2C_BASE_URL"), help="OpenAI-compatible base URL, e.g. http://127.0.0.1:8000/v1")
    p.add_argument("--stack", choices=["html", "tailwind", "react"], default="html", help="code to write (default html)")
    p.add_argument("--refine", type=int, default=2, metavar="N", help="render-compare-refine rounds (default 2)")
    p.add_argument("--regions", action="store_true", help="model backends: generate page regions in parallel requests")
    p.add_argument("--json", action="store_true", help="print the report as JSON on stdout")
    p.add_argument("--quiet", "-q", action="store_true", help="no progress output")


def _add_eval(sub) -> None:
    p = sub.add_parser("eval", help="score the converter on a folder of <id>.png/<id>.html pages",
                       description="Convert every <id>.png that has an <id>.html beside it, score each render "
                                   "against its screenshot and print per-page and mean scores.")
    p.add_argument("pages_dir", metavar="PAGES_DIR")
    p.add_argument("--limit", type=int, default=None, help="only the first N pages (sorted by id)")
    p.add_argument("--jobs", type=int, default=1, help="pages converted in parallel (default 1)")
    p.add_argument("--refine", type=int, default=2, metavar="N")
    p.add_argument("--backend", choices=["layout", "local", "openai"], default="layout")
    p.add_argument("--model", default=os.environ.get("V2C_MODEL"))
    p.add_argument("--base-url", default=os.environ.get("V2C_BASE_URL"))
    p.add_argument("-o", "--output", default=None, help="keep the generated pages and a results.json here")
    p.add_argument("--json", action="store_true", help="print the results as JSON")


def _add_debug(sub) -> None:
    p = sub.add_parser("debug", help="find UI defects in a screenshot",
                       description="Find visible defects (overlaps, truncation, low contrast, broken images, ...) "
                                   "in a screenshot, and in its page when --html or --url is given.")
    p.add_argument("screenshot", metavar="SCREENSHOT")
    src = p.add_mutually_exclusive_group()
    src.add_argument("--html", metavar="FILE", help="the page's HTML file, for DOM and accessibility checks")
    src.add_argument("--url", metavar="URL", help="the page's URL on your own machine (loopback only)")
    p.add_argument("--json", action="store_true", help="print the issues as JSON on stdout")
    p.add_argument("-o", "--output", metavar="ANNOTATED.png", help="write the annotated picture (and a .md report beside it)")
    p.add_argument("--backend", choices=["layout", "local", "openai"], default=os.environ.get("V2C_BACKEND", "layout"),
                   help="a model backend adds a review pass for defects the detectors cannot see")
    p.add_argument("--model", default=os.environ.get("V2C_MODEL"))
    p.add_argument("--base-url", default=os.environ.get("V2C_BASE_URL"))


def _add_workflow(sub) -> None:
    p = sub.add_parser("workflow", help="screen recordings to step-by-step workflows",
                       description="Detect the steps (click, type, scroll, drag, key, wait) in screen recordings and "
                                   "write workflow.json, workflow.md, key frames and a Playwright script per video.")
    p.add_argument("videos", nargs="+", metavar="VIDEO", help="video files or folders of videos")
    p.add_argument("-o", "--output", required=True, metavar="DIR")
    p.add_argument("--jobs", type=int, default=1, help="videos processed in parallel (default 1)")
    p.add_argument("--engine", choices=["local", "ray"], default="local")
    p.add_argument("--ray-address", default=os.environ.get("RAY_ADDRESS"), help="Ray cluster address (default: RAY_ADDRESS or a local instance)")
    p.add_argument("--force", action="store_true", help="redo videos whose outputs are already complete")
    p.add_argument("--backend", choices=["layout", "local", "openai"], default=os.environ.get("V2C_BACKEND", "layout"))
    p.add_argument("--model", default=os.environ.get("V2C_MODEL"))
    p.add_argument("--base-url", default=os.environ.get("V2C_BASE_URL"))
    p.add_argument("--quiet", "-q", action="store_true")


def _add_serve(sub) -> None:
    p = sub.add_parser("serve", help="start the web app")
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=7860)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="v2c", description="vision2code: pictures of user interfaces to working code, "
                                     "screenshot debugging, and screen recordings to workflows.")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    _add_convert(sub)
    _add_eval(sub)
    _add_debug(sub)
    _add_workflow(sub)
    _add_serve(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        if args.command == "convert":
            from app.convert_cmd import run_convert
            return run_convert(args)
        if args.command == "eval":
            from app.eval_cmd import run_eval
            return run_eval(args)
        if args.command == "debug":
            from app.debug_cmd import run_debug
            return run_debug(args)
        if args.command == "workflow":
            from app.workflow_cmd import run_workflow
            return run_workflow(args)
        if args.command == "serve":
            from app.web.main import serve
            return serve(args.host, args.port)
    except KeyboardInterrupt:
        print("v2c: interrupted", file=sys.stderr)
        return 130
    parser.error(f"unknown command {args.command}")
    return EXIT_INPUT


if __name__ == "__main__":
    sys.exit(main())
