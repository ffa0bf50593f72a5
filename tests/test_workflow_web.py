"""The "Video to workflow" tab driven in headless Chromium: upload recordings (one broken),
run, read the steps table, key frames, guide and the zip."""
from __future__ import annotations

import json
import socket
import zipfile

import httpx
import pytest

from codegen.render import CHROMIUM_ARGS, chromium_path
from workflow_media import make_video


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def app_url():
    import gradio as gr

    from app.web.tab_workflow import build_tab

    with gr.Blocks(analytics_enabled=False) as demo:
        with gr.Tab("Video to workflow"):
            build_tab()
    port = _free_port()
    demo.queue().launch(server_name="127.0.0.1", server_port=port, prevent_thread_lock=True, quiet=True)
    yield f"http://127.0.0.1:{port}/"
    demo.close()


def test_tab_processes_uploads(app_url, tmp_path):
    from playwright.sync_api import sync_playwright

    good = make_video(tmp_path / "checkout flow.mp4", seconds=2.5, fps=10, size=(480, 300))
    bad = tmp_path / "broken.mp4"
    bad.write_bytes(b"\x00\x00\x00\x18ftypmp42 not really a video" * 50)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS, headless=True)
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            page.goto(app_url, wait_until="load", timeout=120_000)
            page.locator("#v2c-workflow-run").wait_for(timeout=120_000)
            page.locator("#v2c-workflow-upload input[type=file]").set_input_files([str(good), str(bad)])
            page.wait_for_timeout(800)
            page.locator("#v2c-workflow-run").click()
            status = page.locator("#v2c-workflow-status")
            status.filter(has_text="broken.mp4").wait_for(timeout=120_000)
            text = status.inner_text()
            assert "checkout flow.mp4" in text and "done" in text and "failed" in text
            assert "Traceback" not in text
            guide = page.locator("#v2c-workflow-guide")
            guide.filter(has_text="Workflow: checkout flow.mp4").wait_for(timeout=10_000)
            link = page.locator("#v2c-workflow-zip a").first
            link.wait_for(timeout=10_000)
            href = link.get_attribute("href") or ""
            assert ".zip" in href
            data = httpx.get(href if href.startswith("http") else app_url.rstrip("/") + href, timeout=30).content
            zpath = tmp_path / "all.zip"
            zpath.write_bytes(data)
            with zipfile.ZipFile(zpath) as zf:
                names = set(zf.namelist())
                wf = json.loads(zf.read("checkout flow/workflow.json"))
            assert {"checkout flow/workflow.md", "checkout flow/script.py", "summary.json"} <= names
            n = len(wf["steps"])
            table = page.locator("#v2c-workflow-steps")
            for s in wf["steps"]:
                table.filter(has_text=s["action"]).wait_for(timeout=10_000)
                assert s["target"] in table.inner_text()
            if n:
                assert page.locator("#v2c-workflow-frames img").count() >= 1
        finally:
            browser.close()
