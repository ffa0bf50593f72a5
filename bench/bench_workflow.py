"""Benchmark video-to-workflow step detection on generated recordings with known steps.

    python bench/bench_workflow.py CASES_DIR [--n 20] [--seed S] [--memory] [--only case01,case05] [--json OUT.json]

Missing recordings are generated first (bench/record_cases.py). Prints, over all cases:
- step F1: a detected step matches a true one of the same action within 1 s (optimal assignment);
- action accuracy: over steps paired by time alone (within 1 s), the share with the right action;
- target similarity: difflib ratio of target texts over matched click/type/key/drag steps;
- typed values exact: share of true typing steps whose value was read exactly;
- throughput: seconds of video per second of processing, for the 1080p30 cases and overall,
  beside a reference measured in the same run on the same files (plain PyAV decoding of every
  frame, threaded, nothing else) and the ratio of the two, which holds up on a busy machine
  where the absolute figures do not; CPU seconds (all threads) are given too;
- with --memory, peak memory of the whole detection against video length: the Python heap
  (tracemalloc) plus the decoded frames held back for naming and those decoded ahead of the
  analysis (which live outside that heap).
"""
from __future__ import annotations

import argparse
import difflib
import json
import os
import sys
import time
import tracemalloc
from pathlib import Path

import cv2
import numpy as np
from scipy.optimize import linear_sum_assignment

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from record_cases import bench_cases, record  # noqa: E402
from vision.video.detect import detect_steps  # noqa: E402
from vision.video.decode import probe  # noqa: E402
from vision.video.naming import read_lines  # noqa: E402
from vision.video.proxy import AHEAD  # noqa: E402

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


def plain_decode(path: Path) -> tuple[float, float]:
    """(wall, CPU) seconds to decode every frame of the file with PyAV and nothing else: the
    reference for throughput, as the detector must decode at least this much."""
    import av

    w0, c0 = time.perf_counter(), time.process_time()
    with av.open(str(path)) as c:
        s = c.streams.video[0]
        s.thread_type = "AUTO"
        for _ in c.decode(s):
            pass
    return time.perf_counter() - w0, time.process_time() - c0


def _warm_ocr() -> None:
    """Load both OCR models outside the timings. A blank crop runs the detector alone; the
    recogniser loads on the first line it is given (about 0.25 CPU s), which fell on the first
    case timed."""
    img = np.full((48, 160, 3), 255, np.uint8)
    cv2.putText(img, "Warm", (12, 34), cv2.FONT_HERSHEY_SIMPLEX, 1.0, (0, 0, 0), 2)
    if not read_lines(img):
        raise RuntimeError("OCR read nothing in its warm-up line")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("cases")
    ap.add_argument("--n", type=int, default=20)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--json", default=None)
    ap.add_argument("--memory", action="store_true", help="also measure peak memory of the analysis pass")
    ap.add_argument("--existing", action="store_true", help="score only the recordings already there")
    ap.add_argument("--only", default="", help="comma-separated case names (e.g. case01,case05) to run alone")
    a = ap.parse_args(argv)
    out = Path(a.cases)
    out.mkdir(parents=True, exist_ok=True)
    rows = []
    _warm_ocr()
    only = {x.strip() for x in a.only.split(",") if x.strip()}
    for c in bench_cases(a.n, a.seed):
        if only and c["name"] not in only:
            continue
        vid = out / f"{c['name']}{c['ext']}"
        truth_p = vid.with_suffix(".truth.json")
        if not (vid.exists() and truth_p.exists()):
            if a.existing:
                continue
            record(vid, c["scenarios"], width=c["width"], height=c["height"], seed=c["seed"],
                   cursor_scale=c["cursor_scale"], vfr=c["vfr"])
        truth = json.loads(truth_p.read_text())
        info = probe(vid)
        # the reference decode on either side of the detection, so both see the same load
        ref1 = plain_decode(vid)
        t0, c0 = time.perf_counter(), time.process_time()
        held: dict = {}
        wf = detect_steps(vid, stats=held)
        secs, cpu = time.perf_counter() - t0, time.process_time() - c0
        ref2 = plain_decode(vid)
        ref_wall, ref_cpu = (ref1[0] + ref2[0]) / 2, (ref1[1] + ref2[1]) / 2
        s = score_case([st.to_dict() for st in wf.steps], truth["steps"])
        s.update({"case": vid.name, "size": f"{info.width}x{info.height}", "fps": round(info.fps), "duration": info.duration,
                  "seconds": secs, "cpu_seconds": cpu, "decode_seconds": ref_wall, "decode_cpu_seconds": ref_cpu,
                  "reread_frames": held.get("reread", 0)})
        if a.memory:
            stats: dict = {}
            tracemalloc.start()
            detect_steps(vid, stats=stats)
            heap = tracemalloc.get_traced_memory()[1]
            tracemalloc.stop()
            # decoded frames held back, plus those decoded ahead of the analysis (yuv420p)
            held = (stats["held_frames"] + AHEAD + 2) * info.width * info.height * 1.5
            s["peak_mb"] = (heap + held) / 2**20
            s["held_frames"] = stats["held_frames"]
        rows.append(s)
        print(f"{vid.name:14s} {s['size']:>9s} {info.duration:5.1f}s  steps {s['n_true']:2d} det {s['n_det']:2d} tp {s['tp']:2d}"
              f"  {info.duration / secs:5.1f}x real time (decode {info.duration / ref_wall:5.1f}x,"
              f" ratio {ref_wall / secs:.2f}; CPU {info.duration / cpu:4.1f}x vs {info.duration / ref_cpu:4.1f}x)"
              + (f"  peak {s['peak_mb']:.1f} MB ({s['held_frames']} frames held)" if a.memory else "")
              + (f"  reread {s['reread_frames']}" if s["reread_frames"] else "")
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
    }

    def rate(rs: list[dict], key: str) -> float | None:
        return sum(r["duration"] for r in rs) / max(1e-9, sum(r[key] for r in rs)) if rs else None

    for name, rs in (("1080p30", hd), ("all", rows)):
        summary[f"throughput_{name}_x"] = rate(rs, "seconds")
        summary[f"decode_reference_{name}_x"] = rate(rs, "decode_seconds")
        summary[f"ratio_to_decode_{name}"] = (sum(r["decode_seconds"] for r in rs) / max(1e-9, sum(r["seconds"] for r in rs))
                                              if rs else None)
        summary[f"cpu_throughput_{name}_x"] = rate(rs, "cpu_seconds")
        summary[f"cpu_decode_reference_{name}_x"] = rate(rs, "decode_cpu_seconds")
    if hasattr(os, "getloadavg"):
        summary["load_average"] = [round(x, 2) for x in os.getloadavg()]
    summary["frames_decoded_twice"] = sum(r["reread_frames"] for r in rows)
    if a.memory:
        summary["peak_mb_vs_seconds"] = sorted((round(r["duration"], 1), round(r["peak_mb"], 1)) for r in rows)
    print(json.dumps(summary, indent=1))
    if a.json:
        Path(a.json).write_text(json.dumps({"summary": summary, "cases": rows}, indent=1, default=str))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
