"""The Screenshot debugging tab driven in real headless Chromium against `v2c serve`."""
from __future__ import annotations

import numpy as np
import pytest

from test_web_app import app_url, page  # noqa: F401  (the served app and a browser page on it)
from vision.files import write_png
from vision.load import load_image


def test_debug_tab_finds_and_highlights(page, tmp_path):  # noqa: F811
    from PIL import Image, ImageDraw, ImageFont

    img = Image.new("RGB", (640, 360), (255, 255, 255))
    d = ImageDraw.Draw(img)
    font = ImageFont.truetype("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", 18)
    d.text((40, 40), "Quarterly report for the board", fill=(0, 0, 0), font=font)
    d.text((40, 90), "Pale grey words nobody can read", fill=(215, 215, 215), font=font)
    d.text((40, 140), "Revenue grew in every region", fill=(30, 30, 30), font=font)
    src = tmp_path / "shot.png"
    img.save(src)
    page.get_by_role("tab", name="Screenshot debugging").click()
    page.locator("#v2c-debug-image input[type=file]").set_input_files(str(src))
    page.locator("#v2c-debug-image img").first.wait_for(timeout=20_000)
    page.locator("#v2c-debug-run").click()
    page.get_by_text("low-contrast").first.wait_for(timeout=150_000)
    rows = page.locator("#v2c-debug-table tbody tr")
    assert rows.count() >= 1
    before = page.locator("#v2c-debug-annotated img").get_attribute("src")
    rows.first.locator("td").nth(2).click()
    page.wait_for_function("b => { const i = document.querySelector('#v2c-debug-annotated img'); return i && i.src !== b; }",
                           arg=before, timeout=30_000)
    assert "low-contrast" in page.locator("#v2c-debug-report").inner_text()
    assert page.locator("#v2c-debug-download a").count() >= 3


def test_run_function_direct(tmp_path):
    from app.web.tab_debug import run

    write_png(tmp_path / "s.png", np.full((200, 300, 3), 250, np.uint8))
    pic, rows, md, files, state = run(str(tmp_path / "s.png"), None, False)
    assert pic.shape == (200, 300, 3) and rows[0][2] == "blank-area" and len(files) == 3
    assert load_image(files[0]).shape == (200, 300, 3)
    import gradio as gr

    (tmp_path / "x.png").write_text("nope")
    with pytest.raises(gr.Error):
        run(str(tmp_path / "x.png"), None, False)
