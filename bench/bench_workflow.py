"""Benchmark video-to-workflow step detection on generated recordings with known steps.

    python bench/bench_workflow.py CASES_DIR [--n 20] [--json OUT.json]

Missing recordings are generated first (bench/record_cases.py). Prints, over all cases:
- step F1: a detected step matches a true one of the same action within 1 s (optimal assignment);
- action accuracy: over steps paired by time alone (within 1 s), the share with the right action;
- target similarity: difflib ratio of target texts over matched click/type/key/drag steps;
- typed values exact: share of true typing steps whose value was read exactly;
- throughput: seconds of video per second of processing, for the 1080p30 cases and overall;
- peak memory (Python heap, tracemalloc) of the analysis pass against video length.
"""
from __future__ import annotations

import argparse
import difflib
import json
import sys
import time
import tracemalloc
from pathlib import Path

import numpy as np
from scipy.optimize import linear_sum_assignment

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from record_cases import bench_cases, record  # noqa: E402
from vision.video.detect import analyse, detect_steps  # noqa: E402
from vision.video.decode import probe  # noqa: E402

NAMED = ("click", "type", "key", "drag")


def _pairs(det: list[dict], tru: list[dict], same_action: bool, tol: float = 1.0) -> list[tuple[int, int]]:
    if not det or not tru:
        return []
    big = 1e6
    cost = np.full((len(det), len(tru)), big)
    for i, d in enumerate(det):
        for j, t in enumerate(tru):
            dt = abs(d["t_start"] - t["t_start"])
            if dt <= tol and (not same_action or d["action"] == t["action"]):
                cost[i, j] = dt
    rows, cols = linear_sum_assignment(cost)
    return [(i, j) for i, j in zip(rows, cols) if cost[i, j] < big]


def _sim(a: str, b: str) -> float:
    a, b = (a or "").strip().lower(), (b or "").strip().lower()
    if not a and not b:
        return 1.0
    return difflib.SequenceMatcher(None, a, b).ratio()


def score_case(det: list[dict], tru: list[dict]) -> dict:
    matched = _pairs(det, tru, True)
    by_time = _pairs(det, tru, False)
    sims = [_sim(det[i]["target"], tru[j]["target"]) for i, j in matched if tru[j]["action"] in NAMED]
    types = [j for j, t in enumerate(tru) if t["action"] == "type"]
    exact = sum(1 for i, j in matched if tru[j]["action"] == "type" and det[i]["value"] == tru[j]["value"])
    scroll_err = [abs(int(det[i]["value"]) - int(tru[j]["value"])) for i, j in matched
                  if tru[j]["action"] == "scroll" and det[i]["value"] not in (None, "")]
    nav = [det[i]["navigates"] == tru[j]["navigates"] for i, j in matched if tru[j]["action"] in ("click", "key")]
    return {"tp": len(matched), "n_det": len(det), "n_true": len(tru),
            "time_pairs": len(by_time), "action_ok": sum(1 for i, j in by_time if det[i]["action"] == tru[j]["action"]),
            "sims": sims, "types": len(types), "types_exact": exact, "scroll_err": scroll_err, "nav": nav,
            "misses": [f"{tru[j]['action']}@{tru[j]['t_start']}" for j in range(len(tru)) if j not in {b for _, b in matched}],
            "extras": [f"{det[i]['action']}@{det[i]['t_start']}" for i in range(len(det)) if i not in {a for a, _ in matched}],
            "wrong_values": [(det[i]["value"], tru[j]["value"]) for i, j in matched
                             if tru[j]["action"] == "type" and det[i]["value"] != tru[j]["value"]],
            "wrong_targets": [(det[i]["target"], tru[j]["target"]) for i, j in matched
                              if tru[j]["action"] in NAMED and _sim(det[i]["target"], tru[j]["target"]) < 0.85]}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("cases")
    ap.add_argument("--n", type=int, default=20)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--json", default=None)
    ap.add_argument("--memory", action="store_true", help="also measure peak memory of the analysis pass")
    ap.add_argument("--existing", action="store_true", help="score only the recordings already there")
    a = ap.parse_args(argv)
    out = Path(a.cases)
    out.mkdir(parents=True, exist_ok=True)
    rows = []
    for c in bench_cases(a.n, a.seed):
        vid = out / f"{c['name']}{c['ext']}"
        truth_p = vid.with_suffix(".truth.json")
        if not (vid.exists() and truth_p.exists()):
            if a.existing:
                continue
            record(vid, c["scenarios"], width=c["width"], height=c["height"], seed=c["seed"],
                   cursor_scale=c["cursor_scale"], vfr=c["vfr"])
        truth = json.loads(truth_p.read_text())
        info = probe(vid)
        t0 = time.perf_counter()
        wf = detect_steps(vid)
        secs = time.perf_counter() - t0
        s = score_case([st.to_dict() for st in wf.steps], truth["steps"])
        s.update({"case": vid.name, "size": f"{info.width}x{info.height}", "fps": round(info.fps), "duration": info.duration,
                  "seconds": secs})
        if a.memory:
            tracemalloc.start()
            analyse(vid)
            s["peak_mb"] = tracemalloc.get_traced_memory()[1] / 2**20
            tracemalloc.stop()
        rows.append(s)
        print(f"{vid.name:14s} {s['size']:>9s} {info.duration:5.1f}s  steps {s['n_true']:2d} det {s['n_det']:2d} tp {s['tp']:2d}"
              f"  {info.duration / secs:5.1f}x real time" + (f"  peak {s['peak_mb']:.1f} MB" if a.memory else "")
              + (f"  miss {s['misses']}" if s["misses"] else "") + (f"  extra {s['extras']}" if s["extras"] else "")
              + (f"  values {s['wrong_values']}" if s["wrong_values"] else "")
              + (f"  targets {s['wrong_targets']}" if s["wrong_targets"] else ""), flush=True)
    tp = sum(r["tp"] for r in rows)
    prec = tp / max(1, sum(r["n_det"] for r in rows))
    rec = tp / max(1, sum(r["n_true"] for r in rows))
    f1 = 2 * prec * rec / max(1e-9, prec + rec)
    acc = sum(r["action_ok"] for r in rows) / max(1, sum(r["time_pairs"] for r in rows))
    sims = [x for r in rows for x in r["sims"]]
    types = sum(r["types"] for r in rows)
    exact = sum(r["types_exact"] for r in rows)
    se = [x for r in rows for x in r["scroll_err"]]
    nav = [x for r in rows for x in r["nav"]]
    hd = [r for r in rows if r["size"] == "1920x1080" and r["fps"] == 30]
    summary = {
        "cases": len(rows), "true_steps": sum(r["n_true"] for r in rows),
        "step_precision": prec, "step_recall": rec, "step_f1": f1, "action_accuracy": acc,
        "target_similarity": float(np.mean(sims)) if sims else 0.0,
        "typed_exact": exact / max(1, types), "typing_steps": types,
        "scroll_error_px_median": float(np.median(se)) if se else None,
        "navigates_accuracy": float(np.mean(nav)) if nav else None,
        "throughput_1080p30_x": sum(r["duration"] for r in hd) / max(1e-9, sum(r["seconds"] for r in hd)) if hd else None,
        "throughput_all_x": sum(r["duration"] for r in rows) / max(1e-9, sum(r["seconds"] for r in rows)),
    }
    if a.memory:
        summary["peak_mb_vs_seconds"] = sorted((round(r["duration"], 1), round(r["peak_mb"], 1)) for r in rows)
    print(json.dumps(summary, indent=1))
    if a.json:
        Path(a.json).write_text(json.dumps({"summary": summary, "cases": rows}, indent=1, default=str))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
