"""Speed of `v2c convert` (offline engine, two refine rounds) against the issue's targets.

    python bench/bench_speed.py [--dcgen DIR] [--pages N] [--cold]

Prints, per mockup, the report's seconds and per-stage seconds:
- a 1280x800 mockup (assets/examples/login.png; target 5 s),
- a 3840x2160 mockup (the dashboard example rendered at 2x on a 1920x1080 viewport; target 15 s),
- the median over the first N DCGen pages (1920 px wide, tall; target: median 8 s),
all in one warm process (the browser and the OCR engine already started: a batch, `v2c eval`
or the web app), and with --cold each mockup also as a fresh `v2c convert --json` process
(report seconds and wall time including Python's start).

Beside every figure it prints the reference measured in the same run: OCR alone on the same
mockup (the one stage that cannot be skipped), so that `total / OCR` stays comparable on a noisy
machine, plus the load average and peak memory.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from codegen.pipeline import convert_image  # noqa: E402
from codegen.render import get_renderer  # noqa: E402
from vision.load import load_image  # noqa: E402
from vision.ocr import get_ocr, read_lines  # noqa: E402

DCGEN = Path(os.environ.get("V2C_DCGEN", ROOT.parent / "shared" / "bench" / "dcgen"))


def make_4k(out: Path) -> Path:
    """The dashboard example at 2x on a 1920x1080 viewport: a 3840x2160 high-DPI mockup."""
    src = ROOT / "assets" / "examples" / "src" / "dashboard.html"

    def shoot(browser):
        ctx = browser.new_context(viewport={"width": 1920, "height": 1080}, device_scale_factor=2,
                                  java_script_enabled=False)
        try:
            page = ctx.new_page()
            page.goto(src.resolve().as_uri(), wait_until="load")
            page.screenshot(path=str(out), full_page=False)
        finally:
            ctx.close()

    get_renderer().call(shoot)
    return out


def ocr_seconds(img) -> float:
    t = time.perf_counter()
    read_lines(img)
    return time.perf_counter() - t


def warm(path: Path, out_dir: Path) -> dict:
    img = load_image(path)
    ocr_s = ocr_seconds(img)
    rep = convert_image(img, out_dir / f"{path.stem}.html", name=str(path)).report
    return {"name": path.name, "size": rep["size"], "seconds": rep["seconds"], "stages": rep["stages"],
            "rounds": len(rep["rounds"]), "overall": rep["scores"]["overall"], "visual": rep["scores"]["visual"],
            "ocr_alone": round(ocr_s, 3)}


def cold(path: Path, out_dir: Path) -> dict:
    t = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "app.cli", "convert", str(path), "-o",
                           str(out_dir / f"cold-{path.stem}.html"), "--json"],
                          cwd=ROOT, capture_output=True, text=True, timeout=600)
    wall = time.perf_counter() - t
    if proc.returncode != 0:
        raise RuntimeError(f"v2c convert {path} failed: {proc.stderr.strip()[-400:]}")
    rep = json.loads(proc.stdout)
    return {"name": path.name, "report_seconds": rep["seconds"], "wall_seconds": round(wall, 2), "stages": rep["stages"]}


def line(r: dict, target: float) -> str:
    st = " ".join(f"{k} {v:.2f}" for k, v in r["stages"].items())
    ok = "met" if r["seconds"] <= target else "NOT met"
    return (f"{r['name']:<14} {r['size'][0]}x{r['size'][1]:<6} {r['seconds']:6.2f} s  (target {target:g}, {ok})  "
            f"OCR alone {r['ocr_alone']:.2f} s, total/OCR {r['seconds'] / max(r['ocr_alone'], 1e-3):.2f}  "
            f"rounds {r['rounds']}  overall {r['overall']:.3f} visual {r['visual']:.3f}\n    {st}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--dcgen", type=Path, default=DCGEN)
    ap.add_argument("--pages", type=int, default=20, help="DCGen pages for the median (sorted by id)")
    ap.add_argument("--cold", action="store_true", help="also time fresh `v2c convert` processes")
    ap.add_argument("--json", type=Path, help="write all figures here")
    args = ap.parse_args()

    print(f"load average {os.getloadavg()[0]:.2f}, {os.cpu_count()} CPUs", flush=True)
    get_renderer().start()
    get_ocr()
    with tempfile.TemporaryDirectory(prefix="v2c-speed-") as tmp:
        tmpd = Path(tmp)
        four_k = make_4k(tmpd / "dashboard-3840x2160.png")
        login = ROOT / "assets" / "examples" / "login.png"
        warm(login, tmpd)  # first conversion in the process: warms caches, not counted
        results = {"login": warm(login, tmpd), "4k": warm(four_k, tmpd)}
        print(line(results["login"], 5.0), flush=True)
        print(line(results["4k"], 15.0), flush=True)
        pages = sorted((p for p in args.dcgen.glob("*.png") if p.with_suffix(".html").exists()),
                       key=lambda p: int(p.stem) if p.stem.isdigit() else p.stem)[:args.pages]
        rows = []
        for p in pages:
            rows.append(warm(p, tmpd))
            print("  " + line(rows[-1], 8.0).replace("\n", "\n  "), flush=True)
        if rows:
            med = statistics.median(r["seconds"] for r in rows)
            med_ocr = statistics.median(r["ocr_alone"] for r in rows)
            stages = {k: round(statistics.median(r["stages"].get(k, 0.0) for r in rows), 2) for k in rows[0]["stages"]}
            print(f"DCGen median over {len(rows)} pages: {med:.2f} s (target 8, {'met' if med <= 8 else 'NOT met'}); "
                  f"median OCR alone {med_ocr:.2f} s; median stages {stages}")
            results["dcgen"] = {"pages": len(rows), "median_seconds": med, "median_ocr_alone": med_ocr,
                                "median_stages": stages, "rows": rows}
        if args.cold:
            results["cold"] = [cold(login, tmpd), cold(four_k, tmpd)]
            for c in results["cold"]:
                print(f"cold process {c['name']}: report {c['report_seconds']:.2f} s, wall {c['wall_seconds']:.2f} s "
                      f"(Python start and imports included) {c['stages']}")
    peak_gb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1e6
    results["peak_rss_gb"] = round(peak_gb, 2)
    results["load_average_end"] = round(os.getloadavg()[0], 2)
    print(f"peak memory {peak_gb:.2f} GB (target 3); load average at the end {os.getloadavg()[0]:.2f}")
    if args.json:
        args.json.write_text(json.dumps(results, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
