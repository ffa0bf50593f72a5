"""Benchmark for `v2c debug`: injected-defect cases built from the DCGen pages.

    python bench/bench_debug.py make  CASES_DIR [--per-category 20] [--clean 40] [--sizes 1280x800,1440x900]
    python bench/bench_debug.py ocr   CASES_DIR [--dom] [--reread]   (optional: read all screenshots first)
    python bench/bench_debug.py score CASES_DIR [--dom] [--limit N] [--cached-only]
    python bench/bench_debug.py speed CASES_DIR [-n 12] [--dom]   (fresh reads, no cache)

`make` renders DCGen pages at a 1280x800 viewport (or each case at one of `--sizes`), injects one
defect per case through the DOM (bench/inject.js) and records its true box; `score` runs the
detectors on every screenshot and prints recall and precision per category, findings per clean
screenshot and seconds per screenshot.

What is counted:
- recall: share of a category's cases with a finding of that category sharing at least 30% of
  the smaller box with the injected one;
- precision: matching findings over all findings of the category on its own cases, where a
  finding that matches nothing counts as false unless the page itself has that defect
  (bench/debug_truth.py: the DOM checks on the case's saved HTML find it, an image inside one of
  its frames failed to load there, or, for low-contrast, the text's computed colour, in the page
  or a frame, fails WCAG AA on the background the screenshot shows); with --dom, a DOM finding
  that matches nothing is the page's own when the source page, rendered clean at the case's
  size, already has it (same category, same element or place); `raw` counts every unmatched
  finding as false;
- clean screenshots: all visual findings per screenshot (raw), and the false ones: those the
  same witnesses do not support.
With --dom each case's saved HTML goes through the DOM checks too and the findings are merged.
"""
from __future__ import annotations

import argparse
import json
import random
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from debug_cases import ALL_CATEGORIES, DOM_ONLY_CATEGORIES, VISUAL_CATEGORIES, Case, load_index, make_case, save_index  # noqa: E402

DCGEN = Path("/work/shared/bench/dcgen")
MATCH = 0.3


def make(out: Path, per_category: int, n_clean: int, seed: int, pages_dir: Path,
         categories: tuple[str, ...] = ALL_CATEGORIES, sizes: tuple[tuple[int, int], ...] = ((1280, 800),)) -> None:
    """Build a case set. With several `sizes` each case takes one, drawn from the seed, the page
    and the category: the same DCGen page then shows other screens than the 1280x800 sets' first
    screens, so a held-out set is unseen in its pixels and not only in its injected defects."""
    pages = sorted(pages_dir.glob("*.html"), key=lambda p: p.stem)
    random.Random(seed).shuffle(pages)
    cases: list[Case] = []
    done = {(c.category, c.page) for c in load_index(out)} if (out / "cases.json").exists() else set()
    if done:
        cases = load_index(out)
    clean_pages = [c.page for c in cases if c.category is None]
    for p in pages:
        if len(clean_pages) >= n_clean:
            break
        if str(p) in clean_pages:
            continue
        c = _try_case(p, None, 0, out, _size(sizes, seed, p, None))
        if c:
            cases.append(c)
            clean_pages.append(str(p))
            save_index(cases, out)
    names = {c.name for c in cases}
    for ci, cat in enumerate(ALL_CATEGORIES):
        if cat not in categories:
            continue
        have = sum(1 for c in cases if c.category == cat)
        # a second round only where the pages run out (few pages have a block to hide): each page
        # again at another of the sizes, which is another screen of it with another layout
        rounds = [(k, p, seed * 1000 + ci * 100 + k, _size(sizes, seed, p, cat)) for k, p in enumerate(pages)]
        if len(sizes) > 1:
            rounds += [(k, p, seed * 1000 + 500 + ci * 1000 + k, _other_size(sizes, seed, p, cat))
                       for k, p in enumerate(pages)]
        for n, (k, p, case_seed, size) in enumerate(rounds):
            if have >= per_category:
                break
            name = f"{p.stem}-{cat}-{case_seed}"
            if name in names or (n < len(pages) and (cat, str(p)) in done):
                continue
            t = time.perf_counter()
            c = _try_case(p, cat, case_seed, out, size)
            if c:
                cases.append(c)
                names.add(c.name)
                have += 1
                save_index(cases, out)
            print(f"{cat:16s} {p.stem:>4s} {'ok' if c else '--'} {time.perf_counter() - t:.1f}s", flush=True)
    save_index(cases, out)
    print(f"{len(cases)} cases in {out}")


def _size(sizes: tuple[tuple[int, int], ...], seed: int, page: Path, category: str | None) -> tuple[int, int]:
    """The viewport of one case: fixed by the seed, the page and the category."""
    return sizes[0] if len(sizes) == 1 else random.Random(f"{seed}:{page.stem}:{category}").choice(sizes)


def _other_size(sizes: tuple[tuple[int, int], ...], seed: int, page: Path, category: str) -> tuple[int, int]:
    """A second size for the page, never its first round's."""
    first = _size(sizes, seed, page, category)
    return random.Random(f"{seed}:{page.stem}:{category}:again").choice([s for s in sizes if s != first])


def _parse_sizes(text: str) -> tuple[tuple[int, int], ...]:
    try:
        sizes = tuple((int(w), int(h)) for w, h in (part.lower().split("x") for part in text.split(",")))
    except ValueError:
        raise argparse.ArgumentTypeError(f"--sizes wants WxH[,WxH...], e.g. 1280x800,1440x900; got {text!r}")
    if not sizes or any(not (320 <= w <= 3840 and 240 <= h <= 2160) for w, h in sizes):
        raise argparse.ArgumentTypeError(f"--sizes: each viewport must be 320-3840 x 240-2160; got {text!r}")
    return sizes


def _try_case(page: Path, category: str | None, seed: int, out: Path,
              size: tuple[int, int] = (1280, 800)) -> Case | None:
    """make_case, with one retry; a page that will not render (timeout under load) is skipped."""
    for attempt in (1, 2):
        try:
            return make_case(page, category, seed, out, width=size[0], height=size[1])
        except RuntimeError as exc:
            print(f"{page.stem}: {exc} (attempt {attempt})", flush=True)
    return None


def _match(a, b) -> bool:
    from vision.defects.issue import overlap_min

    return overlap_min(a, b) >= MATCH


def _ocr_cached(png: Path, img, reread: bool = False):
    """OCR once per screenshot (timed); cached beside the case so re-scoring is quick. The cache
    records which reading made it (`OCR_READING`); `reread` replaces one made by another."""
    from vision.defects import OCR_MIN_SCORE, OCR_READING, read_text
    from vision.ocr import TextLine

    cache = png.with_suffix(".ocr.json")
    if cache.exists():
        d = json.loads(cache.read_text())
        if d.get("min_score") == OCR_MIN_SCORE and not (reread and d.get("reading") != OCR_READING):
            return [TextLine(t, tuple(b), c) for t, b, c in d["lines"]], d["seconds"]
    t = time.perf_counter()
    lines = read_text(img)
    sec = time.perf_counter() - t
    cache.write_text(json.dumps({"seconds": sec, "min_score": OCR_MIN_SCORE, "reading": OCR_READING,
                                 "lines": [[l.text, [int(v) for v in l.box], float(l.conf)] for l in lines]}))
    return lines, sec


def _round_robin(cases: list[Case], cats) -> list[Case]:
    """Clean screenshots and each category's cases interleaved, so a partial run stays balanced."""
    groups = [[c for c in cases if c.category is None]] + [[c for c in cases if c.category == cat] for cat in cats]
    out = []
    for i in range(max(len(g) for g in groups)):
        out += [g[i] for g in groups if i < len(g)]
    return out


def _cached(png: Path) -> bool:
    from vision.defects import OCR_MIN_SCORE

    cache = png.with_suffix(".ocr.json")
    return cache.exists() and json.loads(cache.read_text()).get("min_score") == OCR_MIN_SCORE


def _stale(png: Path) -> bool:
    """Cached by another OCR reading than `read_text`'s now: its lines may differ a little from
    what `v2c debug` reads (scores from it say so)."""
    from vision.defects import OCR_READING

    return _cached(png) and json.loads(png.with_suffix(".ocr.json").read_text()).get("reading") != OCR_READING


def warm_ocr(out: Path, use_dom: bool, reread: bool = False) -> None:
    """Read every screenshot once (round robin) so that scoring can start on a balanced part;
    `reread`: also those cached by another OCR reading."""
    from vision.load import load_image

    for c in _round_robin(load_index(out), ALL_CATEGORIES if use_dom else VISUAL_CATEGORIES):
        if not _cached(Path(c.png)) or (reread and _stale(Path(c.png))):
            _, sec = _ocr_cached(Path(c.png), load_image(c.png), reread)
            print(f"{c.name}: {sec:.1f}s", flush=True)


def _truth(c: Case, img) -> dict:
    from debug_truth import page_truth

    return page_truth(c.html, img.shape[1], img.shape[0], Path(c.png).with_suffix(".truth.json"))


def _before(c: Case, img) -> dict:
    """The DOM findings of the case's source page left clean, at the case's size (cached)."""
    from debug_truth import page_truth

    return page_truth(c.page, img.shape[1], img.shape[0], Path(c.png).with_suffix(".before.json"))


def score(out: Path, use_dom: bool, limit: int | None, cached_only: bool = False, verbose: bool = False) -> dict:
    """Recall, precision and clean-page findings; see the module docstring for what is counted."""
    from debug_truth import page_had, supported
    from vision.defects import detect
    from vision.load import load_image

    cases = [c for c in load_index(out) if use_dom or c.category is None or c.category in VISUAL_CATEGORIES]
    if cached_only:
        cases = [c for c in cases if _cached(Path(c.png))
                 or (use_dom and c.category in DOM_ONLY_CATEGORIES)]
    if limit:
        cases = [c for c in cases if c.category is None][:limit] + \
                [c for cat in ALL_CATEGORIES for c in [c for c in cases if c.category == cat][:limit]]
    results: dict[str, list] = {}
    real: dict[str, list[bool]] = {}  # per case: does the page itself have each finding's defect
    times_vis, times_dom, times_det = [], [], []
    for c in cases:
        img = load_image(c.png)
        if cached_only and not _cached(Path(c.png)):
            vis, vis_s = [], None  # a DOM-only category's screenshot not read yet: DOM checks alone
        else:
            lines, ocr_s = _ocr_cached(Path(c.png), img)
            t = time.perf_counter()
            vis = detect(img, lines)
            times_det.append(time.perf_counter() - t)
            vis_s = ocr_s + times_det[-1]
            times_vis.append(vis_s)
        found = vis
        if use_dom:
            from codegen.debug.pipeline import dom_findings
            from codegen.debug.merge import merge

            t = time.perf_counter()
            dom = dom_findings(c.html, img.shape[1], img.shape[0])
            found = merge(vis, dom)
            if vis_s is not None:
                times_dom.append(vis_s + time.perf_counter() - t)
        results[c.name] = found
        judge = [f for f in found if f.source == "visual" and (c.category is None or (
            f.category == c.category and not _match(f.bbox, c.box)))]
        judge_dom = [f for f in found if f.source == "dom" and c.category is not None
                     and f.category == c.category and not _match(f.bbox, c.box)]
        truth = _truth(c, img) if judge else None
        before = _before(c, img) if judge_dom else None
        real[c.name] = [(truth is not None and f in judge and supported(f, truth, img))
                        or (before is not None and f in judge_dom and page_had(f, before)) for f in found]
    report: dict = {"categories": {}, "n_cases": len(cases),
                    "stale_ocr": sum(_stale(Path(c.png)) for c in cases)}
    cats = ALL_CATEGORIES if use_dom else VISUAL_CATEGORIES
    for cat in cats:
        own = [c for c in cases if c.category == cat]
        if not own:
            continue
        hits = tp_find = fp = excused = 0
        for c in own:
            fs = [(f, r) for f, r in zip(results[c.name], real[c.name]) if f.category == cat]
            hit = [f for f, _ in fs if _match(f.bbox, c.box)]
            hits += bool(hit)
            tp_find += len(hit)
            other = [r for f, r in fs if not _match(f.bbox, c.box)]
            if verbose:
                print(f"{'hit ' if hit else 'MISS'} {c.name} {c.box} {c.note}"
                      + "".join(f"\n   false {f.source} {f.bbox} {f.message[:80]}" for f, r in fs
                                if not r and not _match(f.bbox, c.box)), file=sys.stderr)
            excused += sum(other)
            fp += len(other) - sum(other)
        report["categories"][cat] = {
            "cases": len(own), "recall": hits / len(own),
            "precision": tp_find / (tp_find + fp) if tp_find + fp else 1.0,
            "precision_raw": tp_find / (tp_find + fp + excused) if tp_find + fp + excused else 1.0}
    clean = [c for c in cases if c.category is None]
    if clean:
        per, per_false = defaultdict(int), defaultdict(int)
        n_all = n_false = n_err = n_confirmed = 0
        for c in clean:
            for f, r in zip(results[c.name], real[c.name]):
                if f.source != "visual":
                    continue
                per[f.category] += 1
                n_all += 1
                n_err += f.severity == "error"
                n_confirmed += bool(f.confirmed_by)
                if not r:
                    if verbose:
                        print(f"clean-false {c.name} {f.category} {f.bbox} {f.message[:80]}", file=sys.stderr)
                    per_false[f.category] += 1
                    n_false += 1
        report["clean"] = {"screenshots": len(clean), "visual_findings_per_screenshot": n_all / len(clean),
                           "false_findings_per_screenshot": n_false / len(clean),
                           "errors_per_screenshot": n_err / len(clean), "by_category": dict(per),
                           "false_by_category": dict(per_false)}
        if use_dom:
            report["clean"]["unconfirmed_by_dom_per_screenshot"] = (n_all - n_confirmed) / len(clean)
    report["seconds_visual"] = sum(times_vis) / max(1, len(times_vis))
    report["seconds_detectors_only"] = sum(times_det) / max(1, len(times_det))
    if times_dom:
        report["seconds_with_dom"] = sum(times_dom) / len(times_dom)
    return report


def speed(out: Path, n: int, use_dom: bool) -> dict:
    """Seconds per screenshot read afresh (no OCR cache): OCR + detectors, and with the DOM checks;
    wall-clock and the process's CPU seconds, and which screenshot was slowest.

    Takes every k-th case so that all categories and clean pages are in the sample; the renderer
    and OCR engine are warmed once first, as in a running app.
    """
    from codegen.debug.pipeline import dom_findings
    from vision.defects import detect, read_text
    from vision.load import load_image

    cases = [c for c in load_index(out) if c.category is None or c.category in VISUAL_CATEGORIES]
    pick = cases[::max(1, len(cases) // n)][:n]
    warm = load_image(pick[0].png)
    detect(warm, read_text(warm))
    if use_dom:
        dom_findings(pick[0].html, warm.shape[1], warm.shape[0])
    vis, cpu, dom = [], [], []
    for c in pick:
        img = load_image(c.png)
        t, t_cpu = time.perf_counter(), time.process_time()
        detect(img, read_text(img))
        vis.append(time.perf_counter() - t)
        cpu.append(time.process_time() - t_cpu)
        if use_dom:
            t = time.perf_counter()
            dom_findings(c.html, img.shape[1], img.shape[0])
            dom.append(vis[-1] + time.perf_counter() - t)
    # CPU seconds of the process (all its threads) still mean something on a shared machine
    rep = {"screenshots": len(pick), "visual_mean": sum(vis) / len(vis), "visual_max": max(vis),
           "slowest": pick[vis.index(max(vis))].name,
           "visual_cpu_mean": sum(cpu) / len(cpu), "visual_cpu_max": max(cpu)}
    if dom:
        rep.update(with_dom_mean=sum(dom) / len(dom), with_dom_max=max(dom))
    return rep


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    m = sub.add_parser("make")
    m.add_argument("out")
    m.add_argument("--per-category", type=int, default=20)
    m.add_argument("--clean", type=int, default=40)
    m.add_argument("--seed", type=int, default=1)
    m.add_argument("--pages", default=str(DCGEN))
    m.add_argument("--categories", default=",".join(ALL_CATEGORIES), help="comma-separated (default: all)")
    m.add_argument("--sizes", type=_parse_sizes, default=((1280, 800),),
                   help="viewports WxH[,WxH...]; with several, each case draws one (default: 1280x800)")
    s = sub.add_parser("score")
    s.add_argument("out")
    s.add_argument("--dom", action="store_true")
    s.add_argument("--limit", type=int, default=None, help="at most N cases per category (and N clean)")
    s.add_argument("--json", action="store_true")
    s.add_argument("--cached-only", action="store_true", help="only screenshots already read by `ocr`")
    s.add_argument("--verbose", action="store_true", help="each miss and each false finding on stderr")
    o = sub.add_parser("ocr", help="read every screenshot once, round robin over categories (cached)")
    o.add_argument("out")
    o.add_argument("--dom", action="store_true", help="also the DOM-only categories' screenshots")
    o.add_argument("--reread", action="store_true", help="read again those cached by another OCR reading")
    sp = sub.add_parser("speed", help="seconds per screenshot read afresh (no cache)")
    sp.add_argument("out")
    sp.add_argument("-n", type=int, default=12)
    sp.add_argument("--dom", action="store_true")
    a = ap.parse_args()
    if a.cmd == "make":
        make(Path(a.out), a.per_category, a.clean, a.seed, Path(a.pages), tuple(a.categories.split(",")), a.sizes)
        return 0
    if a.cmd == "speed":
        print(json.dumps(speed(Path(a.out), a.n, a.dom), indent=2))
        return 0
    if a.cmd == "ocr":
        warm_ocr(Path(a.out), a.dom, a.reread)
        return 0
    rep = score(Path(a.out), a.dom, a.limit, a.cached_only, a.verbose)
    if a.json:
        print(json.dumps(rep, indent=2))
        return 0
    if rep["stale_ocr"]:
        print(f"note: {rep['stale_ocr']} of {rep['n_cases']} screenshots scored from OCR cached by another reading "
              f"than v2c debug's now (`ocr {a.out} --reread` reads them again)")
    print(f"{'category':16s} cases recall precision (raw)")
    for cat, r in rep["categories"].items():
        print(f"{cat:16s} {r['cases']:5d} {r['recall']:6.2f} {r['precision']:9.2f} {r['precision_raw']:6.2f}")
    if "clean" in rep:
        c = rep["clean"]
        print(f"clean: {c['screenshots']} screenshots, {c['visual_findings_per_screenshot']:.2f} visual findings each "
              f"({c['errors_per_screenshot']:.2f} errors) {c['by_category']}")
        print(f"clean, false (the page has no such defect): {c['false_findings_per_screenshot']:.2f} per screenshot "
              f"{c['false_by_category']}")
        if "unconfirmed_by_dom_per_screenshot" in c:
            print(f"clean, not confirmed by the DOM checks: {c['unconfirmed_by_dom_per_screenshot']:.2f} per screenshot")
    print(f"seconds per screenshot: visual {rep['seconds_visual']:.2f} (detectors alone {rep['seconds_detectors_only']:.2f})"
          + (f", with DOM {rep['seconds_with_dom']:.2f}" if "seconds_with_dom" in rep else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
