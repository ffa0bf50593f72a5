"""Model-driven conversion end to end against a fake model server on loopback that answers
with real HTML: the render-compare loop runs, the best round is kept, regions run concurrently."""
from __future__ import annotations

import json
import re

import numpy as np
import pytest

from chat_server import ChatServer, Reply, Status, Stream, image_count, user_text
from codegen.backends import BackendError
from codegen.backends.openai_compat import OpenAICompatBackend
from codegen.model_convert import convert_with_model, find_cuts, region_boxes
from codegen.render import get_renderer

PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8"><style>
body { margin: 0; font-family: Arial, sans-serif; background: #ffffff; }
header { background: #1e3a8a; color: #ffffff; padding: 18px 24px; font-size: 24px; font-weight: bold; }
main { padding: 24px; }
h1 { font-size: 28px; color: #111827; margin: 0 0 12px; }
p { font-size: 16px; color: #374151; margin: 0 0 40px; }
.card { background: #fde68a; padding: 20px; width: 300px; font-size: 18px; color: #7c2d12; }
</style></head><body>
<header>Acme Analytics</header>
<main><h1>Quarterly report</h1><p>Revenue grew in every region this quarter.</p>
<div class="card">Total revenue 4.2 million</div></main>
</body></html>"""

# what a weaker first attempt looks like: no header bar, wrong heading colour, card missing
FIRST = """<!DOCTYPE html><html><head><style>body{margin:0;font-family:Arial,sans-serif}
h1{font-size:28px;color:#16a34a;margin:70px 24px 12px} p{margin:0 24px;font-size:16px;color:#374151}</style></head>
<body><h1>Quarterly report</h1><p>Revenue grew in every region this quarter.</p></body></html>"""

BLANK = "<!DOCTYPE html><html><body><p>Hello</p></body></html>"


@pytest.fixture(scope="module")
def mockup() -> np.ndarray:
    return get_renderer().render(PAGE, width=640, height=400, full_page=False).image


@pytest.fixture(scope="module")
def analysis(mockup):
    """OCR once for the module (the first test runs the whole path, OCR included)."""
    from vision.analysis import analyze

    return analyze(mockup)


def backend(srv: ChatServer, **kw) -> OpenAICompatBackend:
    return OpenAICompatBackend(srv.base_url, "fake-vl", None, backoff=0.01, timeout=30, **kw)


def is_revision(body: dict) -> bool:
    return "Your current code" in user_text(body)


def test_first_prompt_carries_image_stack_and_analysis_then_revision_improves(mockup, tmp_path):
    def model(body, i):
        return Stream([PAGE[:200], PAGE[200:]]) if is_revision(body) else Reply(f"Here:\n```html\n{FIRST}\n```")

    out = tmp_path / "page one.html"
    seen: list[tuple[float, str]] = []
    with ChatServer(model) as srv:
        res = convert_with_model(mockup, out, backend(srv), stack="html", refine=2,
                                 progress=lambda f, m: seen.append((f, m)))
    first = srv.requests[0]
    text = user_text(first)
    assert image_count(first) == 1 and first["stream"] is True
    assert "Acme Analytics" in text and "Quarterly report" in text  # OCR lines
    assert "#1e3a8a" in text.lower() or "#1f3a8a" in text.lower() or "bg #1" in text  # measured fill
    assert "Layout outline" in text and "HTML and CSS" in text
    # revision request: mockup, render and heat-map pictures, the code and the differences
    rev = srv.requests[1]
    assert image_count(rev) == 3 and "Worst-matching" in user_text(rev) and "#16a34a" in user_text(rev)
    rounds = res.report["rounds"]
    assert [r["round"] for r in rounds][:2] == [0, 1]
    assert rounds[1]["scores"]["visual"] > rounds[0]["scores"]["visual"]
    assert res.report["best_round"] >= 1 and "Acme Analytics" in out.read_text()
    assert set(res.report["scores"]) == {"block", "text", "position", "color", "visual", "ssim", "overall"}
    assert all(0.0 <= v <= 1.0 for v in res.report["scores"].values())
    assert res.report["scores"]["overall"] > 0.9 and res.report["backend"] == "openai:fake-vl"
    assert (tmp_path / "page one.side-by-side.png").exists() and res.code_path is None
    assert res.heatmap.shape == mockup.shape and res.side_by_side is not None
    json.dumps(res.report)
    assert all(0.0 <= f <= 1.0 for f, _ in seen) and seen[-1] == (1.0, "done")
    assert any(m.startswith("asking openai") for _, m in seen) and any(m == "revision 1 of 2" for _, m in seen)


def test_a_worse_revision_is_dropped_and_the_best_round_kept(mockup, analysis, tmp_path):
    def model(body, i):
        return Reply(BLANK) if is_revision(body) else Reply(f"```html\n{PAGE}\n```")

    out = tmp_path / "p.html"
    with ChatServer(model) as srv:
        res = convert_with_model(mockup, out, backend(srv), refine=3, analysis=analysis)
    assert len(srv.requests) == 2  # the loop stops at the first round that does not improve
    assert res.report["best_round"] == 0 and len(res.report["rounds"]) == 2
    assert res.report["rounds"][1]["scores"]["overall"] < res.report["rounds"][0]["scores"]["overall"]
    assert "Acme Analytics" in out.read_text() and "Hello" not in out.read_text()


def test_unreachable_model_is_a_clear_error(mockup, analysis, tmp_path):
    with ChatServer(lambda body, i: Status(401, {"error": {"message": "bad key"}})) as srv:
        with pytest.raises(BackendError, match="bad key"):
            convert_with_model(mockup, tmp_path / "x.html", backend(srv), refine=1, analysis=analysis)


def test_a_failed_revision_keeps_the_first_round(mockup, analysis, tmp_path):
    def model(body, i):
        return Status(400, {"error": {"message": "context too long"}}) if is_revision(body) else Reply(PAGE)

    with ChatServer(model) as srv:
        res = convert_with_model(mockup, tmp_path / "x.html", backend(srv), refine=2, analysis=analysis)
    assert res.report["rounds"][1]["error"].endswith("context too long")
    assert res.report["best_round"] == 0 and res.report["scores"]["overall"] > 0.9


def fragment_from_prompt(body: dict) -> str:
    """A fake region model: writes each text line of its region as a paragraph."""
    text = user_text(body)
    cls = re.search(r'class="(v2c-r\d+)"', text).group(1)
    lines = re.findall(r'^\[\d+,\d+,\d+,\d+\][^"\n]*"([^"]+)"$', text, flags=re.M)
    paras = "".join(f"<p>{t}</p>" for t in lines)
    return (f"```html\n<section class=\"{cls}\">{paras}</section>\n"
            f"<style>.{cls} {{ padding: 12px 24px; }} .{cls} p {{ margin: 8px 0; }}</style>\n```")


def test_regions_run_concurrently_with_retries_and_are_assembled(mockup, analysis, tmp_path):
    failed = set()

    def model(body, i):
        if is_revision(body):
            return Reply(PAGE)
        region = re.search(r"Region (\d+) of", user_text(body)).group(1)
        if region == "2" and region not in failed:  # the second region fails once: retried alone
            failed.add(region)
            return Status(400, {"error": {"message": "try again"}})
        return Reply(fragment_from_prompt(body), delay=0.4)

    out = tmp_path / "regions.html"
    with ChatServer(model) as srv:
        res = convert_with_model(mockup, out, backend(srv, max_concurrency=4), refine=1, regions=True,
                                 analysis=analysis)
    region_reqs = [b for b in srv.requests if not is_revision(b)]
    n = len(res.report["regions"])
    assert n >= 2 and len(region_reqs) == n + 1 and srv.max_active >= 2
    assert res.report["mode"] == "regions" and res.report["concurrency"] == min(4, n)
    round0 = res.report["rounds"][0]["scores"]
    assert round0["text"] > 0.8  # the assembled regions already carry the page's text
    assert len(res.report["rounds"]) == 2 and res.report["scores"]["visual"] >= round0["visual"]


def test_cuts_follow_empty_background_rows():
    img = np.full((600, 300, 3), 255, np.uint8)
    img[0:100] = (30, 60, 140)     # a header bar: never cut through
    img[150:290, 20:280] = 0       # a block
    img[330:580, 20:280] = 90      # another block
    cuts = find_cuts(img, (255, 255, 255), 3)
    assert all(not (0 <= c < 100) and not (150 <= c < 290) and not (330 <= c < 580) for c in cuts)
    assert len(cuts) == 2 and cuts == sorted(cuts)
    boxes = region_boxes(img, (255, 255, 255))
    assert sum(b[3] for b in boxes) == 600 and boxes[0][1] == 0


def test_regions_fall_back_to_one_request_when_a_region_keeps_failing(mockup, analysis, tmp_path, monkeypatch):
    monkeypatch.setenv("V2C_REGIONS", "1")  # what the web app's settings panel sets

    def model(body, i):
        text = user_text(body)
        if "Region 1 of" in text:
            return Reply("I cannot see any user interface here.")  # never any code
        if "Region" in text:
            return Reply(fragment_from_prompt(body))
        return Reply(PAGE)  # the whole-page request

    with ChatServer(model) as srv:
        res = convert_with_model(mockup, tmp_path / "f.html", backend(srv), refine=0, analysis=analysis)
    assert "region 1 failed after 3 attempts" in res.report["regions_fallback"]
    assert res.report["scores"]["overall"] > 0.9 and len(res.report["rounds"]) == 1


TAILWIND = """<!DOCTYPE html><html><head><meta charset="utf-8"><script src="https://cdn.tailwindcss.com"></script></head>
<body class="m-0 bg-white font-[Arial,sans-serif] leading-[1.15]">
<header class="bg-[#1e3a8a] text-white text-[24px] font-bold px-6 py-[18px]">Acme Analytics</header>
<main class="p-6"><h1 class="text-[28px] text-[#111827] mb-3 font-bold">Quarterly report</h1>
<p class="text-[16px] text-[#374151] mb-10">Revenue grew in every region this quarter.</p>
<div class="bg-[#fde68a] p-5 w-[300px] text-[18px] text-[#7c2d12]">Total revenue 4.2 million</div></main>
</body></html>"""

REACT = """import React from "react";

const css = `
body { margin: 0; font-family: Arial, sans-serif; }
header { background: #1e3a8a; color: #fff; padding: 18px 24px; font-size: 24px; font-weight: bold; }
main { padding: 24px; } h1 { font-size: 28px; color: #111827; margin: 0 0 12px; }
p { font-size: 16px; color: #374151; margin: 0 0 40px; }
.card { background: #fde68a; padding: 20px; width: 300px; font-size: 18px; color: #7c2d12; }`;

export default function App() {
  return (
    <>
      <style>{css}</style>
      <header>Acme Analytics</header>
      <main>
        <h1>Quarterly report</h1>
        <p>Revenue grew in every region this quarter.</p>
        <div className="card">Total revenue 4.2 million</div>
      </main>
    </>
  );
}"""


@pytest.mark.parametrize("stack, reply, suffix", [("tailwind", f"```html\n{TAILWIND}\n```", ".tailwind.html"),
                                                  ("react", f"```jsx\n{REACT}\n```", ".jsx")])
def test_tailwind_and_react_code_render_offline_with_bundled_runtimes(mockup, analysis, tmp_path, stack, reply, suffix):
    with ChatServer(lambda body, i: Reply(reply)) as srv:
        res = convert_with_model(mockup, tmp_path / "s.html", backend(srv), stack=stack, refine=0, analysis=analysis)
    assert ("Tailwind" if stack == "tailwind" else "React component") in user_text(srv.requests[0])
    assert res.code_path == tmp_path / f"s{suffix}" and res.code_path.read_text().strip() == reply.split("\n", 1)[1][:-4].strip()
    # the page that renders uses the runtime copied beside it, never a CDN
    page = (tmp_path / "s.html").read_text()
    assert "s_files/" in page and "cdn.tailwindcss.com" not in page
    assert res.report["scores"]["visual"] > 0.9 and res.report["scores"]["overall"] > 0.9


def test_cli_convert_with_the_openai_backend(mockup, tmp_path, capsys):
    from app.cli import main
    from vision.files import write_png

    src = tmp_path / "mock up é.png"
    write_png(src, mockup)
    out = tmp_path / "out" / "page.html"
    with ChatServer(lambda body, i: Reply(PAGE)) as srv:
        code = main(["convert", str(src), "-o", str(out), "--backend", "openai", "--base-url", srv.base_url,
                     "--model", "fake-vl", "--refine", "0", "--json"])
    assert code == 0
    report = json.loads(capsys.readouterr().out)
    assert report["backend"] == "openai:fake-vl" and report["input"] == str(src)
    assert report["output"] == str(out) and out.exists() and report["scores"]["overall"] > 0.9
    with ChatServer(lambda body, i: Status(404, {"error": {"message": "model 'x' not found"}})) as srv:
        code = main(["convert", str(src), "-o", str(out), "--backend", "openai", "--base-url", srv.base_url,
                     "--model", "x", "--refine", "0", "--json"])
    assert code == 1 and "model 'x' not found" in capsys.readouterr().err
