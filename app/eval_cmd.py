"""`v2c eval PAGES_DIR`: convert every <id>.png that has <id>.html beside it and report the
fidelity scores, code-quality figures and per-stage times, per page and as means."""
from __future__ import annotations

import json
import multiprocessing as mp
import resource
import statistics
import sys
import tempfile
import time
from argparse import Namespace
from concurrent.futures import ProcessPoolExecutor, as_completed
from pathlib import Path

from vision.files import write_json

SCORES = ("block", "text", "position", "color", "visual", "ssim", "overall")


def find_pages(pages_dir: Path) -> list[Path]:
    def key(p: Path):
        return (0, int(p.stem)) if p.stem.isdigit() else (1, p.stem)

    return sorted((p for p in pages_dir.glob("*.png") if p.with_suffix(".html").exists()), key=key)


def eval_page(png: str, out_dir: str, refine: int, backend_name: str, model: str | None, base_url: str | None) -> dict:
    """Convert one page and return its row (runs in a worker process: its own browser and OCR)."""
    from codegen.backends import get_backend
    from codegen.pipeline import convert_image
    from codegen.validate import structural_errors
    from vision.load import ImageError, load_image

    src = Path(png)
    row: dict = {"id": src.stem}
    t0 = time.perf_counter()
    try:
        img = load_image(src)
    except ImageError as exc:
        row["error"] = str(exc)
        return row
    backend = None if backend_name == "layout" else get_backend(backend_name, model, base_url)
    out = Path(out_dir) / f"{src.stem}.html"
    res = convert_image(img, out, refine=refine, backend=backend, name=src.stem, write_extras=False)
    errs = structural_errors(res.html)
    row["ref_scores"] = reference_scores(src, img, res)
    row["ocr_scores"] = ocr_both_sides_scores(img, res)
    row.update({"scores": res.report["scores"], "quality": dict(res.report["quality"], html_ok=not errs),
                "seconds": round(time.perf_counter() - t0, 3), "stages": res.report["stages"],
                "size": res.report.get("size"), "rounds": len(res.report["rounds"]),
                "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)})
    if errs:
        row["html_errors"] = errs[:3]
    return row


def reference_scores(png: Path, mockup, res) -> dict | None:
    """Text-block scores against the reference page's own DOM text (the benchmark's HTML),
    instead of OCR of the mockup: shows what OCR misread, which both sides share otherwise."""
    from codegen.render import get_renderer
    from vision.compare import blocks_from_dom, fidelity_scores

    ref_html = png.with_suffix(".html")
    # the saved pages need their inline scripts to show what the screenshot shows (network stays blocked)
    ref = get_renderer().render(path=ref_html, width=mockup.shape[1], height=mockup.shape[0], javascript=True,
                                timeout_s=15.0, mobile_check=False, screenshot=False)
    if not ref.text_boxes:
        return None
    boxes = res.text_boxes
    if not boxes:
        boxes = get_renderer().render(res.html, path=res.out_html, width=mockup.shape[1], height=mockup.shape[0],
                                      javascript=False, mobile_check=False, screenshot=False).text_boxes
    render = res.render if res.render is not None else mockup
    return _text_scores(fidelity_scores(mockup, render, blocks_from_dom(ref.text_boxes), blocks_from_dom(boxes)))


def ocr_both_sides_scores(mockup, res) -> dict | None:
    """Text-block scores with OCR on both images, DESIGN.md's definition to the letter. The
    pipeline reads the render's text boxes from its DOM instead (no second OCR), which gives the
    exact text it emitted; this reading shows what OCR would make of the render."""
    from vision.compare import fidelity_scores, ocr_blocks

    if res.render is None:
        return None
    return _text_scores(fidelity_scores(mockup, res.render, res.mockup_blocks or ocr_blocks(mockup), ocr_blocks(res.render)))


def _text_scores(sc) -> dict:
    return {k: round(float(getattr(sc, k)), 4) for k in ("block", "text", "position", "color", "overall")}


def _mean_of(rows: list[dict], key: str) -> dict:
    got = [r[key] for r in rows if r.get(key)]
    return {k: round(statistics.fmean(r[k] for r in got), 4) for k in got[0]} if got else {}


def summarize(rows: list[dict]) -> dict:
    ok = [r for r in rows if "scores" in r]
    if not ok:
        return {"pages": len(rows), "converted": 0}
    mean = {k: round(statistics.fmean(r["scores"][k] for r in ok), 4) for k in SCORES}
    stages: dict[str, list[float]] = {}
    for r in ok:
        for k, v in r["stages"].items():
            stages.setdefault(k, []).append(v)
    return {
        "pages": len(rows), "converted": len(ok), "failed": len(rows) - len(ok),
        "mean": mean,
        "mean_vs_reference_dom": _mean_of(ok, "ref_scores"),
        "mean_ocr_both_sides": _mean_of(ok, "ocr_scores"),
        "quality": {
            "abs_frac_mean": round(statistics.fmean(r["quality"]["abs_frac"] for r in ok), 4),
            "mobile_ok_share": round(sum(r["quality"]["mobile_ok"] for r in ok) / len(ok), 4),
            "html_ok_share": round(sum(r["quality"]["html_ok"] for r in ok) / len(ok), 4),
            "image_frac_mean": round(statistics.fmean(r["quality"].get("image_frac", 0.0) for r in ok), 4),
        },
        "seconds": {"median": round(statistics.median(r["seconds"] for r in ok), 3),
                    "mean": round(statistics.fmean(r["seconds"] for r in ok), 3),
                    "max": round(max(r["seconds"] for r in ok), 3)},
        "stage_median": {k: round(statistics.median(v), 3) for k, v in stages.items()},
        "peak_rss_mb": max(r.get("peak_rss_mb", 0) for r in ok),
    }


def _line(r: dict) -> str:
    if "scores" not in r:
        return f"{r['id']:>6}  error: {r.get('error')}"
    s, q = r["scores"], r["quality"]
    return (f"{r['id']:>6}  " + "  ".join(f"{k[:4]} {s[k]:.3f}" for k in SCORES)
            + f"  abs {q['abs_frac']:.2f}  img {q.get('image_frac', 0):.2f}  mobile {'ok' if q['mobile_ok'] else 'NO'}  html {'ok' if q['html_ok'] else 'BAD'}"
            + (f"  ocr-both {r['ocr_scores']['overall']:.3f}" if r.get("ocr_scores") else "")
            + (f"  ref-text {r['ref_scores']['text']:.3f}" if r.get("ref_scores") else "")
            + f"  {r['seconds']:.1f}s")


def run_eval(args: Namespace) -> int:
    pages_dir = Path(args.pages_dir)
    if not pages_dir.is_dir():
        print(f"v2c: error: {pages_dir}: not a folder", file=sys.stderr)
        return 2
    pages = find_pages(pages_dir)
    if args.limit:
        pages = pages[: args.limit]
    if not pages:
        print(f"v2c: error: {pages_dir}: no <id>.png with an <id>.html beside it", file=sys.stderr)
        return 2
    out_dir = Path(args.output) if args.output else Path(tempfile.mkdtemp(prefix="v2c-eval-"))
    out_dir.mkdir(parents=True, exist_ok=True)
    rows: list[dict] = []
    t0 = time.perf_counter()
    jobs = max(1, int(args.jobs or 1))
    call = (args.refine, args.backend, args.model, args.base_url)
    if not args.json:
        print("    id  " + "  ".join(f"{k[:4]:>9}" for k in SCORES) + "  quality / seconds", flush=True)
    if jobs == 1:
        for p in pages:
            try:
                row = eval_page(str(p), str(out_dir), *call)
            except Exception as exc:  # one bad page must not stop the benchmark
                row = {"id": p.stem, "error": f"{type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''}"}
            rows.append(row)
            if not args.json:
                print(_line(row), flush=True)
    else:
        ctx = mp.get_context("spawn")
        with ProcessPoolExecutor(max_workers=jobs, mp_context=ctx) as pool:
            futs = {pool.submit(eval_page, str(p), str(out_dir), *call): p for p in pages}
            for fut in as_completed(futs):
                p = futs[fut]
                try:
                    row = fut.result()
                except Exception as exc:
                    row = {"id": p.stem, "error": f"{type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''}"}
                rows.append(row)
                if not args.json:
                    print(_line(row), flush=True)
    summary = summarize(rows)
    summary["wall_seconds"] = round(time.perf_counter() - t0, 1)
    summary["jobs"] = jobs
    write_json(out_dir / "results.json", {"summary": summary, "pages": rows})
    if args.json:
        print(json.dumps({"summary": summary, "pages": rows}, indent=2))
    else:
        m = summary.get("mean", {})
        print("\nmean    " + "  ".join(f"{k} {m.get(k, 0):.4f}" for k in SCORES))
        if "quality" in summary:
            q = summary["quality"]
            if summary.get("mean_ocr_both_sides"):
                rm = summary["mean_ocr_both_sides"]
                print("OCR of the render too (not its DOM): " + "  ".join(f"{k} {v:.4f}" for k, v in rm.items()))
            if summary.get("mean_vs_reference_dom"):
                rm = summary["mean_vs_reference_dom"]
                print("vs reference DOM text (not OCR): " + "  ".join(f"{k} {v:.4f}" for k, v in rm.items()))
            print(f"quality abs_frac {q['abs_frac_mean']:.4f}  mobile_ok {q['mobile_ok_share']:.0%}  html_ok {q['html_ok_share']:.0%}"
                  f"  image_frac {q['image_frac_mean']:.3f} (page area drawn by cropped pictures)")
            sec = summary["seconds"]
            print(f"seconds median {sec['median']:.2f}  mean {sec['mean']:.2f}  max {sec['max']:.2f}  "
                  f"(stage medians: " + ", ".join(f"{k} {v:.2f}" for k, v in summary["stage_median"].items()) + ")")
            print(f"peak memory {summary['peak_rss_mb']:.0f} MB (per worker process)  pages {summary['converted']}/{summary['pages']}"
                  f"  results: {out_dir / 'results.json'}")
    return 0 if summary.get("converted") else 1
