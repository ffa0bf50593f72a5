"""Time and sanity-check the fidelity scores on benchmark pages: each page's own HTML rendered
in Chromium is scored against its screenshot (a near-perfect 'conversion').

    .venv/bin/python bench/bench_compare.py ../shared/bench/dcgen --limit 5 [--ocr]

Without --ocr the screenshot's blocks are the render's DOM blocks scaled to the screenshot's
height (times the compare alone); with --ocr they are read by OCR, as in `v2c convert`.
"""
from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

from codegen.render import get_renderer
from vision.compare import TextBlock, blocks_from_dom, fidelity_scores, heatmap, ocr_blocks, side_by_side
from vision.load import load_image


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("pages", type=Path)
    ap.add_argument("--limit", type=int, default=5)
    ap.add_argument("--ocr", action="store_true", help="read the screenshot's blocks by OCR")
    args = ap.parse_args()
    ids = sorted((p.stem for p in args.pages.glob("*.png") if (p.with_suffix(".html")).is_file()),
                 key=lambda s: (len(s), s))[: args.limit]
    rows = []
    for pid in ids:
        mockup = load_image(args.pages / f"{pid}.png")
        h, w = mockup.shape[:2]
        res = get_renderer().render(path=args.pages / f"{pid}.html", width=w, height=min(h, 1200), mobile_check=False)
        if res.image is None:
            print(f"{pid}: render failed: {res.errors[:1]}", file=sys.stderr)
            continue
        rb = blocks_from_dom(res.text_boxes)
        if args.ocr:
            mb = ocr_blocks(mockup)
        else:
            sy = h / res.image.shape[0]
            mb = [TextBlock(b.text, (b.box[0], b.box[1] * sy, b.box[2], b.box[3] * sy), b.color) for b in rb]
        times = []
        for _ in range(3):  # the refinement loop scores ~3 renders against one mockup
            t = time.perf_counter()
            sc = fidelity_scores(mockup, res.image, mb, rb)
            times.append(time.perf_counter() - t)
        t = time.perf_counter()
        side_by_side(mockup, res.image, heatmap(mockup, res.image))
        pictures = time.perf_counter() - t
        row = {"id": pid, "size": [w, h], "blocks": [len(mb), len(rb)], "first_s": round(times[0], 3),
               "next_s": round(min(times[1:]), 3), "pictures_s": round(pictures, 3),
               "scores": {k: round(v, 4) for k, v in sc.as_dict().items()}}
        rows.append(row)
        print(json.dumps(row))
    if rows:
        mean = {k: round(statistics.mean(r["scores"][k] for r in rows), 4) for k in rows[0]["scores"]}
        print(json.dumps({"pages": len(rows), "mean_scores": mean,
                          "median_first_s": round(statistics.median(r["first_s"] for r in rows), 3),
                          "median_next_s": round(statistics.median(r["next_s"] for r in rows), 3)}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
