"""The benchmark's witness (bench/debug_truth.py) sees what the screenshot shows: images that failed
inside frames, text inside frames, and translucent text colours, and stays strict next to them."""
from __future__ import annotations

import numpy as np
import pytest

from debug_pages import H, W, load_bench_module, render_with_boxes
from vision.defects.issue import Issue

STYLE = ("<!doctype html><html><head><meta charset='utf-8'><style>"
         "body{margin:0;font:16px 'Liberation Sans',sans-serif;background:#fff}</style></head><body>")
# a 40x40 picture that loads (data: URL) and one whose file does not exist, both in a srcdoc frame
GOOD = ("data:image/svg+xml,%3Csvg xmlns=%22http://www.w3.org/2000/svg%22 width=%2240%22 height=%2240%22%3E"
        "%3Crect width=%2240%22 height=%2240%22 fill=%22%23369%22/%3E%3C/svg%3E")
FRAMED = STYLE + """<p style="margin:20px">A page with a sign-in box drawn by a frame</p>
<iframe id="box" style="position:absolute;left:200px;top:150px;width:360px;height:200px;border:3px solid #888"
 srcdoc="<body style='margin:0;font:18px Liberation Sans,sans-serif'>
 <img src='missing-logo.png' alt='' style='position:absolute;left:20px;top:30px;width:80px;height:60px'>
 <img src='GOOD' style='position:absolute;left:200px;top:30px;width:40px;height:40px'>
 <span style='position:absolute;left:20px;top:120px;color:#c4c4c4'>Pale words inside the frame</span>
 <span style='position:absolute;left:20px;top:160px;color:#111'>Dark words inside the frame</span>
 <span style='position:absolute;left:20px;top:260px;color:#c4c4c4'>Below the frame's bottom edge</span>
 </body>"></iframe></body></html>""".replace("GOOD", GOOD)
TRANSLUCENT = STYLE + """<div style="padding:30px">
<p id="faint" style="color:rgba(0,0,0,0.4)">Faint words in translucent black on white paper</p>
<p id="firm" style="color:rgba(0,0,0,0.9)">Firm words in nearly opaque black on white paper</p>
<p id="clear" style="color:rgba(0,0,0,0);background:linear-gradient(#000,#000);-webkit-background-clip:text;
 background-clip:text">Words painted through see-through letters</p></div></body></html>"""


@pytest.fixture(scope="module")
def truth_mod():
    return load_bench_module("debug_truth")


def _truth(truth_mod, tmp_path, html: str) -> tuple[dict, np.ndarray]:
    page = tmp_path / "page.html"
    page.write_text(html, encoding="utf-8")
    img, _ = render_with_boxes(html)
    return truth_mod.page_truth(page, W, H, tmp_path / "page.truth.json"), img


def _frame_line(truth: dict, words: str) -> list[float]:
    return next([t["x"], t["y"], t["w"], t["h"]] for t in truth["frames"]["text"] if t["text"].startswith(words))


def test_image_failed_inside_a_frame_is_a_real_broken_image(tmp_path, truth_mod):
    """The frame's missing picture is where the frame puts it (frame at 200,150 inside a 3 px border),
    by the witness's own frame reading and by the DOM checks' (which read frames since b18c3eb), and
    the loaded one is not."""
    truth, img = _truth(truth_mod, tmp_path, FRAMED)
    assert [d["bbox"] for d in truth["dom"] if d["category"] == "broken-image"] == [[223, 183, 80, 60]]
    assert truth["frames"]["broken"] == [[223.0, 183.0, 80.0, 60.0]]
    assert truth_mod.supported(Issue("broken-image", [220, 180, 70, 60], "error", "icon", "visual"), truth, img)
    assert not truth_mod.supported(Issue("broken-image", [403, 183, 40, 40], "error", "icon", "visual"), truth, img)


def test_text_inside_a_frame_is_judged_by_its_colour(tmp_path, truth_mod):
    """Pale text in a frame fails WCAG on the white the screenshot shows; dark text beside it does not;
    text the frame's edge hides is no text of the screenshot."""
    truth, img = _truth(truth_mod, tmp_path, FRAMED)
    pale, dark = _frame_line(truth, "Pale"), _frame_line(truth, "Dark")
    ys, xs = np.nonzero(img[int(pale[1]):int(pale[1] + pale[3]), 206:560].min(axis=2) < 230)
    assert abs(206 + xs.min() - pale[0]) <= 2  # the box lies on the letters the screenshot shows
    assert not any(t["text"].startswith("Below") for t in truth["frames"]["text"])
    assert truth_mod.supported(Issue("low-contrast", pale, "error", "pale", "visual"), truth, img)
    assert not truth_mod.supported(Issue("low-contrast", dark, "error", "dark", "visual"), truth, img)


def test_translucent_text_is_blended_with_its_background(tmp_path, truth_mod):
    """rgba(0,0,0,0.4) on white paints #999 (2.8:1): a real defect; at 0.9 alpha it reads well, and
    see-through letters that show a painted background are not judged by their colour."""
    truth, img = _truth(truth_mod, tmp_path, TRANSLUCENT)

    def line(words: str) -> list[float]:
        return next([t["x"], t["y"], t["w"], t["h"]] for t in truth["text"] if t["text"].startswith(words))

    assert truth_mod.supported(Issue("low-contrast", line("Faint"), "error", "faint", "visual"), truth, img)
    assert not truth_mod.supported(Issue("low-contrast", line("Firm"), "error", "firm", "visual"), truth, img)
    assert not truth_mod.supported(Issue("low-contrast", line("Words"), "error", "clear", "visual"), truth, img)


def test_old_cache_gains_the_frames_without_rejudging(tmp_path, truth_mod):
    """A truth cache written before frames were read keeps its DOM findings and gets the frames' facts."""
    page = tmp_path / "page.html"
    page.write_text(FRAMED, encoding="utf-8")
    cache = tmp_path / "page.truth.json"
    cache.write_text('{"dom": [{"category": "misalignment", "bbox": [1, 2, 3, 4]}], "text": [], "ok": true}')
    truth = truth_mod.page_truth(page, W, H, cache)
    assert truth["dom"] == [{"category": "misalignment", "bbox": [1, 2, 3, 4]}]
    assert truth["frames"]["broken"] and truth_mod.page_truth(page, W, H, cache) == truth


GRADIENT = STYLE + """<div style="padding:30px">
<p><a id="pale" style="display:inline-block;padding:10px 18px;color:#fff;background:linear-gradient(90deg,#5b93cc,#8fb8e6)">
Learn more about the plans</a></p>
<p><a id="deep" style="display:inline-block;padding:10px 18px;color:#fff;background:linear-gradient(90deg,#123a6b,#2b5d9c)">
Learn more about the team</a></p></div></body></html>"""


def test_text_on_a_gradient_is_judged_against_the_pixels_around_it(tmp_path, truth_mod):
    """White on a light blue gradient (2.6-3.4:1) fails WCAG AA all along the button, though no
    one colour surrounds it; white on a deep blue gradient passes."""
    truth, img = _truth(truth_mod, tmp_path, GRADIENT)

    def line(words: str) -> list[float]:
        return next([t["x"], t["y"], t["w"], t["h"]] for t in truth["text"] if t["text"].startswith(words))

    assert truth_mod.supported(Issue("low-contrast", line("Learn more about the plans"), "error", "pale", "visual"), truth, img)
    assert not truth_mod.supported(Issue("low-contrast", line("Learn more about the team"), "error", "deep", "visual"), truth, img)


def test_dom_finding_the_page_had_before_the_injection_is_its_own(tmp_path, truth_mod):
    """With --dom, a DOM finding away from the injected defect counts as the page's own when the
    page left clean already has it: the same tiny link, found again after a banner pushed it down
    (same element, new place), is the page's; a tiny link the change added is not."""
    links = "<a href='#a' style='font-size:11px'>Terms</a>"
    before_html = STYLE + f"<p style='margin:40px'>{links}</p></body></html>"
    after_html = STYLE + ("<div style='height:120px;background:#eef'>Banner</div>"
                          f"<p style='margin:40px'>{links} <a href='#b' style='font-size:11px;margin-left:300px'>Help</a></p>"
                          "</body></html>")
    (tmp_path / "before.html").write_text(before_html, encoding="utf-8")
    (tmp_path / "after.html").write_text(after_html, encoding="utf-8")
    before = truth_mod.page_truth(tmp_path / "before.html", W, H, tmp_path / "before.json")
    after = truth_mod.page_truth(tmp_path / "after.html", W, H, tmp_path / "after.json")
    found = [Issue(**{k: d[k] for k in ("category", "bbox", "severity", "message", "source", "selector")})
             for d in after["dom"] if d["category"] == "small-target"]
    own = {f.selector: truth_mod.page_had(f, before) for f in found}
    assert len(own) == 2, own
    terms, helps = sorted(own, key=lambda s: "nth-of-type(2)" in s)
    assert own[terms] and not own[helps], own
    moved = next(f for f in found if f.selector == terms)
    was = [d for d in before["dom"] if d["category"] == "small-target"]
    assert len(was) == 1 and was[0]["selector"] != terms and moved.bbox[1] > was[0]["bbox"][1] + 100
