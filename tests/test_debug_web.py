"""The Screenshot debugging tab driven in real headless Chromium against `v2c serve`."""
from __future__ import annotations

import numpy as np
import pytest

from vision.files import write_png
from vision.load import load_image


@pytest.fixture(scope="module")
def page():
    """The whole app served in this process on a free loopback port, and a Chromium page on it."""
    import socket

    from playwright.sync_api import sync_playwright

    from app.web.main import build_app, launch
    from codegen.render import CHROMIUM_ARGS, chromium_path

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    demo = build_app()
    launch(demo, "127.0.0.1", port, prevent_thread_lock=True)
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS, headless=True)
            pg = browser.new_page(viewport={"width": 1400, "height": 1000})
            pg.goto(f"http://127.0.0.1:{port}/", wait_until="load", timeout=120_000)
            tab = pg.get_by_role("tab", name="Screenshot debugging")
            tab.wait_for(timeout=120_000)
            tab.click()  # tabs are mounted when first shown
            pg.wait_for_selector("#v2c-debug-run", timeout=60_000)
            yield pg
            browser.close()
    finally:
        demo.close()


def test_debug_tab_finds_and_reports(page, tmp_path):
    from PIL import Image, ImageDraw, ImageFont

    img = Image.new("RGB", (640, 360), (255, 255, 255))
    d = ImageDraw.Draw(img)
    font = ImageFont.truetype("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", 18)
    d.text((40, 40), "Quarterly report for the board", fill=(0, 0, 0), font=font)
    d.text((40, 90), "Pale grey words nobody can read", fill=(215, 215, 215), font=font)
    d.text((40, 140), "Revenue grew in every region", fill=(30, 30, 30), font=font)
    src = tmp_path / "shot.png"
    img.save(src)
    page.locator("#v2c-debug-image input[type=file]").set_input_files(str(src))
    page.locator("#v2c-debug-image img").first.wait_for(timeout=20_000)
    page.locator("#v2c-debug-run").click()
    page.wait_for_function("() => (document.querySelector('#v2c-debug-report') || {}).innerText?.includes('low-contrast')",
                           timeout=150_000)
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


def test_selected_row_is_highlighted(tmp_path):
    from types import SimpleNamespace

    from app.web.tab_debug import highlight
    from codegen.debug.report import annotate
    from vision.defects.issue import Issue

    write_png(tmp_path / "s.png", np.full((200, 300, 3), 250, np.uint8))
    issues = [Issue("low-contrast", [10, 10, 80, 20], "error", "m", "visual", "f"),
              Issue("small-text", [120, 100, 60, 12], "warning", "m", "visual", "f")]
    state = {"image": str(tmp_path / "s.png"), "issues": [i.to_json() | {"score": 1.0} for i in issues]}
    pic = highlight(state, SimpleNamespace(index=[1, 2]))
    plain = annotate(load_image(tmp_path / "s.png"), issues)
    assert pic.shape == plain.shape
    assert np.abs(pic[100:112, 120:180].astype(int) - plain[100:112, 120:180]).sum() > 0
