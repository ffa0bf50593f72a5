"""Fidelity scores on pictures drawn here: each change lowers the right score and only it."""
from __future__ import annotations

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont
from skimage.metrics import structural_similarity

from vision.compare import (TextBlock, blocks_from_dom, blocks_from_ocr, fidelity_scores, heatmap,
                            match_blocks, parse_css_color, side_by_side, text_color)
from vision.compare.scores import color_delta_e
from vision.compare.visual import cell_size, ssim_gray
from vision.ocr import TextLine

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
W, H = 800, 600
LINES = [("Welcome back to Acme", (40, 40), (20, 20, 20), 28),
         ("Sign in to manage your projects", (40, 100), (90, 90, 90), 18),
         ("Forgot your password?", (40, 300), (30, 90, 200), 18),
         ("Create an account", (420, 300), (30, 90, 200), 18),
         ("Terms of service", (40, 540), (120, 120, 120), 14)]


def draw_page(lines=LINES, bar=(40, 90, 200), size=(W, H), shift=(0, 0)):
    """A white page with a coloured bar, a grey card and text lines; returns image and blocks."""
    img = Image.new("RGB", size, (255, 255, 255))
    d = ImageDraw.Draw(img)
    if bar is not None:
        d.rectangle([0, 0, size[0], 24], fill=bar)
    d.rectangle([30 + shift[0], 160 + shift[1], 500 + shift[0], 260 + shift[1]], fill=(222, 228, 240))
    blocks = []
    for text, (x, y), colour, px in lines:
        font = ImageFont.truetype(FONT, px)
        x, y = x + shift[0], y + shift[1]
        d.text((x, y), text, fill=colour, font=font)
        x0, y0, x1, y1 = d.textbbox((x, y), text, font=font)
        blocks.append(TextBlock(text, (x0 - 2, y0 - 2, x1 - x0 + 4, y1 - y0 + 4), colour))
    return np.asarray(img), blocks


def as_ocr(img, blocks):
    """Blocks as the OCR path makes them: colours estimated from the pixels."""
    return blocks_from_ocr([TextLine(b.text, tuple(int(v) for v in b.box), 0.9) for b in blocks], img)


def test_identical_images_score_one():
    img, blocks = draw_page()
    s = fidelity_scores(img, img, blocks, blocks)
    assert s.as_dict() == {k: 1.0 for k in s.as_dict()}
    assert not s.missing and not s.extra and len(s.matches) == len(blocks)


def test_shifted_blocks_lower_position_not_text():
    img, blocks = draw_page()
    moved = [(t, (x + 60, y + 30), c, p) for t, (x, y), c, p in LINES]
    img2, blocks2 = draw_page(moved)
    s = fidelity_scores(img, img2, blocks, blocks2)
    assert s.text == 1.0 and s.block == 1.0
    assert s.position == pytest.approx(1 - 60 / W, abs=0.01)
    assert all(d.dx == pytest.approx(60, abs=1) and d.dy == pytest.approx(30, abs=1) for d in s.details)


def test_recoloured_text_lowers_color():
    img, blocks = draw_page()
    recol = [(t, xy, (200, 30, 30) if i == 0 else c, p) for i, (t, xy, c, p) in enumerate(LINES)]
    img2, blocks2 = draw_page(recol)
    a, b = as_ocr(img, blocks), as_ocr(img2, blocks2)
    s = fidelity_scores(img, img2, a, b)
    assert s.text == 1.0 and s.position == 1.0
    assert s.color < 0.95
    worst = max(s.details, key=lambda d: d.color_de or 0)
    assert worst.ia == [0] and worst.color_de > 30


def test_missing_block_lowers_block():
    img, blocks = draw_page()
    img2, blocks2 = draw_page(LINES[:2] + LINES[3:])
    s = fidelity_scores(img, img2, blocks, blocks2)
    assert s.text == 1.0 and s.missing == [2] and not s.extra
    total, gone = sum(b.area for b in blocks), blocks[2].area
    expected = (2 * total - 2 * gone) / (2 * total - gone)  # matched over all, both sides
    assert s.block < 0.97
    assert s.block == pytest.approx(expected, abs=1e-9)


def test_recoloured_bar_lowers_visual_not_text():
    img, blocks = draw_page()
    img2, blocks2 = draw_page(bar=(230, 120, 20))
    s = fidelity_scores(img, img2, blocks, blocks2)
    assert s.text == 1.0 and s.block == 1.0 and s.position == 1.0 and s.overall == 1.0
    assert s.visual < 0.8
    assert s.ssim < 1.0


def test_moved_card_lowers_visual():
    img, blocks = draw_page()
    img2, _ = draw_page(shift=(0, 0))
    d = ImageDraw.Draw(im := Image.fromarray(img2))
    d.rectangle([30, 160, 500, 260], fill=(255, 255, 255))
    d.rectangle([300, 360, 770, 460], fill=(222, 228, 240))
    s = fidelity_scores(img, np.asarray(im), blocks, blocks)
    assert s.overall == 1.0 and s.visual < 0.9


def test_render_of_other_height_is_resized():
    img, blocks = draw_page()
    tall, tall_blocks = draw_page(size=(W, 900))
    s = fidelity_scores(img, tall, blocks, tall_blocks)
    assert s.text == 1.0 and s.block == 1.0
    assert s.position < 1.0
    stretched = np.asarray(Image.fromarray(img).resize((W, 900), Image.BILINEAR))
    scaled = [TextBlock(b.text, (b.box[0], b.box[1] * 1.5, b.box[2], b.box[3] * 1.5), b.color) for b in blocks]
    s2 = fidelity_scores(img, stretched, blocks, scaled)
    assert s2.position == pytest.approx(1.0, abs=1e-6) and s2.visual > 0.95 and s2.ssim > 0.9
    assert heatmap(img, tall).shape == img.shape


def test_line_split_in_two_pieces_matches_by_merging():
    a = [TextBlock("Sign in to your account today", (40, 100, 300, 20), (0, 0, 0))]
    b = [TextBlock("Sign in to", (40, 100, 95, 20), (0, 0, 0)),
         TextBlock("your account today", (140, 100, 200, 20), (0, 0, 0))]
    m = match_blocks(a, b, (W, H), (W, H))
    assert len(m) == 1 and m[0].ia == [0] and m[0].ib == [0, 1] and m[0].sim == 1.0
    img = np.full((H, W, 3), 255, np.uint8)
    s = fidelity_scores(img, img, a, b)
    assert s.text == 1.0 and s.block == 1.0 and s.position > 0.99


def test_split_pieces_too_short_alone_still_match():
    a = [TextBlock("Quarterly revenue grew by twelve percent", (40, 100, 400, 20), None)]
    b = [TextBlock("Quarterly revenue", (40, 100, 150, 20), None),
         TextBlock("grew by twelve", (195, 100, 130, 20), None),
         TextBlock("percent", (330, 100, 70, 20), None)]
    m = match_blocks(a, b, (W, H), (W, H))
    assert len(m) == 1 and m[0].ib == [0, 1, 2] and m[0].sim == 1.0
    # and the other way round: two OCR lines of one wrapped DOM paragraph line pair
    m2 = match_blocks(b, a, (W, H), (W, H))
    assert len(m2) == 1 and m2[0].ia == [0, 1, 2]


def test_repeated_labels_pair_by_position():
    a = [TextBlock("Learn more", (40, 100 + 200 * i, 90, 18), None) for i in range(3)]
    b = [TextBlock("Learn more", (44, 104 + 200 * i, 90, 18), None) for i in (2, 0, 1)]
    m = match_blocks(a, b, (W, H), (W, H))
    pairs = {(x.ia[0], x.ib[0]) for x in m}
    assert pairs == {(0, 1), (1, 2), (2, 0)}


def test_dissimilar_text_is_not_matched():
    a = [TextBlock("Pricing", (0, 0, 50, 10), None)]
    b = [TextBlock("Contact us today", (0, 0, 50, 10), None)]
    assert match_blocks(a, b, (W, H), (W, H)) == []
    img = np.full((H, W, 3), 255, np.uint8)
    s = fidelity_scores(img, img, a, b)
    assert s.block == 0.0 and s.overall == 0.0 and s.missing == [0] and s.extra == [0]


def test_no_text_anywhere_scores_text_one():
    img = np.full((H, W, 3), 250, np.uint8)
    s = fidelity_scores(img, img, [], [])
    assert s.overall == 1.0 and s.visual == 1.0


@pytest.mark.parametrize("fg,bg", [((200, 30, 30), (255, 255, 255)), ((240, 240, 240), (30, 40, 60)),
                                   ((120, 120, 120), (250, 250, 250))])
def test_text_colour_estimated_from_pixels(fg, bg):
    img = Image.new("RGB", (300, 60), bg)
    d = ImageDraw.Draw(img)
    font = ImageFont.truetype(FONT, 16)
    d.text((10, 20), "Settings and privacy", fill=fg, font=font)
    x0, y0, x1, y1 = d.textbbox((10, 20), "Settings and privacy", font=font)
    est = text_color(np.asarray(img), (x0 - 2, y0 - 2, x1 - x0 + 4, y1 - y0 + 4))
    assert color_delta_e(est, fg) < 5


def test_dom_blocks_and_css_colours():
    boxes = [{"text": " Hello ", "x": 1, "y": 2, "w": 30, "h": 10, "color": "rgb(10, 20, 30)"},
             {"text": "ghost", "x": 1, "y": 2, "w": 0, "h": 10, "color": "rgb(0, 0, 0)"},
             {"text": "half", "x": 1, "y": 20, "w": 30, "h": 10, "color": "rgba(0, 0, 0, 0.5)"}]
    blocks = blocks_from_dom(boxes)
    assert [b.text for b in blocks] == ["Hello", "half"]
    assert blocks[0].color == (10, 20, 30) and blocks[0].box == (1.0, 2.0, 30.0, 10.0)
    assert blocks[1].color == (128, 128, 128)
    assert parse_css_color("rgba(0, 0, 0, 0)") is None
    assert parse_css_color("#0af") == (0, 170, 255)
    assert parse_css_color("oklch(0.5 0.1 200)") is None


def test_heatmap_marks_only_changed_cells():
    img, blocks = draw_page()
    img2 = img.copy()
    img2[400:460, 600:700] = (0, 160, 0)
    h = heatmap(img, img2)
    same = heatmap(img, img)
    assert h.shape == img.shape
    assert np.abs(h[420:440, 620:680].astype(int) - same[420:440, 620:680]).mean() > 40
    assert np.array_equal(h[:300], same[:300])
    sbs = side_by_side(img, img2, h)
    assert sbs.shape[0] > H and sbs.shape[1] >= 3 * W
    assert side_by_side(img, img2, labels=False, max_width=400).shape[1] == 400


def test_cell_size_scales_past_1280():
    assert cell_size(800) == 16 and cell_size(1280) == 16 and cell_size(1920) == 24 and cell_size(3840) == 48


def test_ssim_matches_skimage():
    rng = np.random.default_rng(3)
    a = (rng.random((120, 150)) * 255).astype(np.uint8)
    b = np.clip(a.astype(int) + rng.integers(-40, 40, a.shape), 0, 255).astype(np.uint8)
    assert ssim_gray(a, b) == pytest.approx(structural_similarity(a, b, data_range=255), abs=1e-4)


def test_rendered_pages_via_dom_blocks():
    from codegen.render import get_renderer

    page = ("<html><body style='margin:0;font-family:sans-serif;background:#fff'>"
            "<div style='background:#1e3a8a;height:40px'></div>"
            "<h1 style='margin:{top}px 0 0 40px;color:{c}'>Quarterly report</h1>"
            "<p style='margin:20px 40px'>Revenue grew in every region this quarter.</p></body></html>")
    r1 = get_renderer().render(page.format(top=40, c="#111"), width=800, height=400, mobile_check=False)
    r2 = get_renderer().render(page.format(top=120, c="#c00"), width=800, height=400, mobile_check=False)
    b1, b2 = blocks_from_dom(r1.text_boxes), blocks_from_dom(r2.text_boxes)
    assert fidelity_scores(r1.image, r1.image, b1, b1).overall == 1.0
    s = fidelity_scores(r1.image, r2.image, b1, b2)
    assert s.text == 1.0 and s.block == 1.0
    assert s.position < 0.95 and s.color < 0.9
    # OCR-style colour estimation of the mockup agrees with the DOM's colour
    est = as_ocr(r1.image, b1)
    assert color_delta_e(est[0].color, b1[0].color) < 8


def test_offscreen_dom_text_is_ignored():
    img, blocks = draw_page()
    hidden = [TextBlock("Skip to main content", (-10000, 0, 150, 18), (0, 0, 0)),
              TextBlock("Menu", (40, 40, 1, 1), (0, 0, 0))]
    s = fidelity_scores(img, img, blocks, blocks + hidden)
    assert s.as_dict() == {k: 1.0 for k in s.as_dict()} and s.extra == []


def test_text_colour_when_the_ring_is_another_band():
    img = Image.new("RGB", (500, 60), (30, 30, 30))
    d = ImageDraw.Draw(img)
    d.rectangle([0, 0, 500, 25], fill=(240, 240, 240))
    font = ImageFont.truetype(FONT, 14)
    d.text((20, 5), "An official website of the government", fill=(27, 27, 27), font=font)
    x0, y0, x1, y1 = d.textbbox((20, 5), "An official website of the government", font=font)
    est = text_color(np.asarray(img), (x0 - 4, 0, x1 - x0 + 8, 26))
    assert color_delta_e(est, (27, 27, 27)) < 12
