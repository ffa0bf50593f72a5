"""Model-driven conversion measured without a model: a loopback chat server plays the model.

For each page it measures (1) the whole-page path with an oracle model that answers with the
page's real source, so the figures are the render-compare loop's own cost and ceiling, plus the
size of the first and the revision prompts (what a served model's context must hold); and (2)
the regions mode with a model that takes DELAY seconds per answer, to show the concurrency.

    .venv/bin/python bench/bench_model_convert.py [PAGES_DIR] [--limit N] [--delay S]

PAGES_DIR holds <id>.png with <id>.html beside it (default: assets/examples with src/).
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from chat_server import ChatServer, Reply, image_count, user_text  # noqa: E402


def pages(folder: Path, limit: int | None) -> list[tuple[Path, Path]]:
    out = []
    for png in sorted(folder.glob("*.png")):
        for html in (png.with_suffix(".html"), png.parent / "src" / f"{png.stem}.html"):
            if html.exists():
                out.append((png, html))
                break
    return out[:limit] if limit else out


def copy_assets(source: str, src_dir: Path, dest: Path) -> None:
    """The files the source page references relatively (its images), so the oracle renders whole."""
    import shutil

    for ref in set(re.findall(r'(?:src|href)=["\']([^"\':?#]+)["\']', source)):
        path = (src_dir / ref).resolve()
        if path.is_file() and src_dir.resolve() in path.parents:
            target = dest / ref
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, target)


def fragment(body: dict) -> str:
    text = user_text(body)
    cls = re.search(r'class="(v2c-r\d+)"', text).group(1)
    lines = re.findall(r'^\[\d+,\d+,\d+,\d+\][^"\n]*"([^"]+)"$', text, flags=re.M)
    return f"<section class=\"{cls}\">" + "".join(f"<p>{t}</p>" for t in lines) + "</section>"


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("pages_dir", nargs="?", default=str(ROOT / "assets" / "examples"))
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--delay", type=float, default=1.0, help="seconds the fake model takes per region")
    args = ap.parse_args()

    from codegen.backends.openai_compat import OpenAICompatBackend
    from codegen.model_convert import convert_with_model
    from vision.analysis import analyze
    from vision.load import load_image

    rows = []
    for png, html in pages(Path(args.pages_dir), args.limit):
        img = load_image(png)
        source = html.read_text(encoding="utf-8")
        t = time.perf_counter()
        analysis = analyze(img)
        t_analysis = time.perf_counter() - t
        with tempfile.TemporaryDirectory() as tmp, ChatServer(lambda body, i: Reply(source)) as srv:
            copy_assets(source, html.parent, Path(tmp))
            b = OpenAICompatBackend(srv.base_url, "oracle", None)
            res = convert_with_model(img, Path(tmp) / f"{png.stem}.html", b, refine=1, analysis=analysis)
            first, rev = srv.requests[0], srv.requests[1] if len(srv.requests) > 1 else {}
        region_model = lambda body, i: (Reply(source) if "Your current code" in user_text(body)
                                        else Reply(fragment(body), delay=args.delay))
        with tempfile.TemporaryDirectory() as tmp, ChatServer(region_model) as srv:
            b = OpenAICompatBackend(srv.base_url, "regions", None, max_concurrency=4)
            reg = convert_with_model(img, Path(tmp) / f"{png.stem}.html", b, refine=0, regions=True,
                                     analysis=analysis)
            peak = srv.max_active
        row = {
            "page": png.name, "size": list(img.shape[1::-1]), "analysis_s": round(t_analysis, 2),
            "oracle_scores": res.report["scores"], "oracle_stages": res.report["stages"],
            "first_prompt": {"text_chars": len(user_text(first)), "images": image_count(first)},
            "revision_prompt": {"text_chars": len(user_text(rev)), "images": image_count(rev)} if rev else None,
            "regions": len(reg.report["regions"]), "regions_generate_s": reg.report["stages"]["generate"],
            "regions_peak_concurrency": peak, "regions_text_score": reg.report["scores"]["text"],
        }
        rows.append(row)
        print(json.dumps(row), flush=True)
    if rows:
        n = len(rows)
        print(json.dumps({"pages": n,
                          "mean_oracle_overall": round(sum(r["oracle_scores"]["overall"] for r in rows) / n, 4),
                          "mean_oracle_visual": round(sum(r["oracle_scores"]["visual"] for r in rows) / n, 4),
                          "mean_first_prompt_chars": round(sum(r["first_prompt"]["text_chars"] for r in rows) / n)}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
