"""Layout detectors on pages rendered here (real Chromium, real OCR): the cases the benchmark
showed them failing on, written as small pages of their own."""
from __future__ import annotations

from codegen.render import get_renderer
from vision.defects import detect, read_text
from vision.defects.issue import overlap_min

W, H = 720, 480
BOXES_JS = "(ids) => ids.map(id => { const r = document.getElementById(id).getBoundingClientRect(); " \
           "return [r.left, r.top, r.width, r.height]; })"


def _render(html: str, ids: tuple[str, ...] = ()):
    boxes: dict = {}

    def page_fn(p):
        boxes.update(zip(ids, p.evaluate(BOXES_JS, list(ids))))

    res = get_renderer().render(html, width=W, height=H, full_page=False, mobile_check=False, page_fn=page_fn,
                                timeout_s=20)
    assert res.image is not None
    return res.image, boxes


STYLE = "<style>body { margin: 0; padding: 40px; font: 16px 'Liberation Sans', sans-serif; color: #222; }</style>"

CLOSE_IN_LINE = STYLE + """<p style="font-size:18px">Your changes were saved to the cloud.
<button id="x" style="width:14px;height:14px;padding:0;border:0;border-radius:3px;background:#2563eb;
color:#fff;font:10px/1 sans-serif;vertical-align:middle;margin-left:8px">&times;</button></p>"""


def test_small_button_read_into_its_text_line_is_a_target():
    """The recogniser reads the `×` of a small button into the line beside it; it is still a control."""
    img, boxes = _render(CLOSE_IN_LINE, ("x",))
    found = [i for i in detect(img, read_text(img)) if i.category == "small-target"]
    assert [i for i in found if overlap_min(i.bbox, boxes["x"]) >= 0.5], [(i.bbox, i.message) for i in found]


CARD = STYLE.replace("color: #222;", "color: #222; background: #f1f3f6;") + """
<div style="background:#fff;border:1px solid #ccd;margin:20px auto;width:560px;height:300px;text-align:center">
<h1 style="margin:80px 0 12px">Share anything</h1><p>One button for every network.</p>
<span style="display:inline-block;background:#2563eb;color:#fff;padding:8px 16px">Get the buttons</span></div>"""


def test_margins_around_centred_content_are_not_a_hole():
    """A card with its content centred leaves wide empty margins all round: that is design, not a defect."""
    img, _ = _render(CARD)
    found = [i for i in detect(img, read_text(img)) if i.category == "blank-area"]
    assert found == [], [(i.bbox, i.message) for i in found]


STACK = STYLE + """<div style="width:520px">
<h2 id="h" style="margin:0 0 12px">Plans and pricing</h2>
<p style="margin:0 0 12px">Every plan includes hosting and backups.</p>
<p id="moved" style="margin:0 0 12px;position:relative;left:8px">Upgrade at any time from your account page;
the new price applies from the next month on every project you own.</p>
<p style="margin:0 0 12px">Questions? Our team answers within a day.</p>
<p style="margin:0">Cancel whenever you like.</p></div>"""


def test_shifted_paragraph_is_reported_once_with_both_lines():
    """A wrapped paragraph moves as one block: one finding covering its lines, none on its neighbours."""
    img, boxes = _render(STACK, ("moved", "h"))
    found = [i for i in detect(img, read_text(img)) if i.category == "misalignment"]
    hits = [i for i in found if overlap_min(i.bbox, boxes["moved"]) >= 0.5]
    assert len(hits) == 1, [(i.bbox, i.message) for i in found]
    assert hits[0].bbox[3] >= 0.8 * boxes["moved"][3]  # both lines, not just the first
    assert len(found) == 1, [(i.bbox, i.message) for i in found]


TEXT_ON_PICTURE = STYLE + """<div id="pic" style="width:400px;height:120px;padding:40px;background-image:
linear-gradient(#e5e5e5, #e5e5e5)"><span id="pale" style="color:#fff">White words on a pale picture</span></div>
<p id="dark">Dark words on white paper, easy to read.</p>"""


def test_bench_judges_findings_against_the_page(tmp_path):
    """The benchmark calls a finding false only when the page lacks the defect: white text over a pale
    picture (axe cannot tell) fails by its CSS colour on the shown background; dark text does not."""
    from debug_pages import load_bench_module
    from vision.defects.issue import Issue

    truth_mod = load_bench_module("debug_truth")
    page = tmp_path / "p.html"
    page.write_text(TEXT_ON_PICTURE, encoding="utf-8")
    img, boxes = _render(TEXT_ON_PICTURE, ("pale", "dark"))
    truth = truth_mod.page_truth(page, W, H, tmp_path / "p.truth.json")
    assert (tmp_path / "p.truth.json").exists()

    def finding(box):
        return Issue("low-contrast", box, "error", "pale", "visual")

    assert truth_mod.supported(finding(boxes["pale"]), truth, img)
    assert not truth_mod.supported(finding(boxes["dark"]), truth, img)
    assert not truth_mod.supported(Issue("misalignment", boxes["dark"], "warning", "off", "visual"), truth, img)
