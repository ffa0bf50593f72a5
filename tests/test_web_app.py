"""The web app driven in real headless Chromium: upload a mockup, convert, see code and preview."""
from __future__ import annotations

import io
import os
import socket
import subprocess
import sys
import time
import zipfile
from pathlib import Path
from urllib.parse import urljoin

import httpx
import pytest
from PIL import Image, ImageDraw, ImageFont

from codegen.render import CHROMIUM_ARGS, chromium_path

ROOT = Path(__file__).resolve().parents[1]
FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
BOLD = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def draw_mockup(path: Path) -> Path:
    """A small sign-in screen drawn with PIL: heading, two fields, a button."""
    img = Image.new("RGB", (640, 420), (246, 247, 249))
    d = ImageDraw.Draw(img)
    d.rectangle([0, 0, 640, 56], fill=(30, 58, 138))
    d.text((24, 16), "Acme Cloud", fill=(255, 255, 255), font=ImageFont.truetype(BOLD, 20))
    d.rectangle([120, 90, 520, 390], fill=(255, 255, 255), outline=(220, 223, 228))
    d.text((150, 110), "Welcome back", fill=(17, 24, 39), font=ImageFont.truetype(BOLD, 26))
    small = ImageFont.truetype(FONT, 15)
    d.text((150, 160), "Email address", fill=(75, 85, 99), font=small)
    d.rectangle([150, 184, 490, 220], fill=(255, 255, 255), outline=(200, 204, 210))
    d.text((150, 236), "Password", fill=(75, 85, 99), font=small)
    d.rectangle([150, 260, 490, 296], fill=(255, 255, 255), outline=(200, 204, 210))
    d.rectangle([150, 322, 490, 362], fill=(37, 99, 235))
    d.text((282, 333), "Sign in", fill=(255, 255, 255), font=ImageFont.truetype(BOLD, 16))
    img.save(path)
    return path


@pytest.fixture(scope="module")
def app_url(tmp_path_factory):
    """`v2c serve` in a subprocess on a free loopback port."""
    port = free_port()
    env = dict(os.environ, GRADIO_ANALYTICS_ENABLED="False", V2C_BACKEND="layout")
    proc = subprocess.Popen([sys.executable, "-m", "app.cli", "serve", "--host", "127.0.0.1", "--port", str(port)],
                            cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    url = f"http://127.0.0.1:{port}/"
    deadline = time.time() + 90
    while time.time() < deadline:
        if proc.poll() is not None:
            pytest.fail(f"app exited: {proc.stderr.read().decode()[-2000:]}")
        try:
            if httpx.get(url, timeout=2).status_code == 200:
                break
        except httpx.HTTPError:
            pass
        time.sleep(0.5)
    else:
        proc.kill()
        pytest.fail("app did not answer within 90 s")
    yield url
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()


@pytest.fixture(scope="module")
def page(app_url):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS, headless=True)
        pg = browser.new_page(viewport={"width": 1400, "height": 1000})
        pg.goto(app_url, wait_until="load")
        pg.wait_for_selector("#v2c-convert-run", timeout=60_000)
        yield pg
        browser.close()


def _example(tmp_path: Path) -> Path:
    login = ROOT / "assets" / "examples" / "login.png"
    return login if login.is_file() else draw_mockup(tmp_path / "sign in ü.png")


def test_tabs_present(page):
    for title in ("Mockup to code", "Screenshot debugging", "Video to workflow"):
        assert page.get_by_role("tab", name=title).count() == 1


def code_text(page) -> str:
    """All of the code editor's text: CodeMirror only draws the lines in view, so scroll through."""
    scroller = page.locator("#v2c-convert-code .cm-scroller")
    scroller.scroll_into_view_if_needed()
    seen = [page.locator("#v2c-convert-code .cm-content").inner_text()]
    for _ in range(200):
        scroller.evaluate("e => { e.scrollTop += 300; }")
        page.wait_for_timeout(60)
        seen.append(page.locator("#v2c-convert-code .cm-content").inner_text())
        if scroller.evaluate("e => e.scrollTop + e.clientHeight >= e.scrollHeight - 2"):
            break
    return "\n".join(seen)


def test_convert_shows_code_preview_scores_and_download(page, app_url, tmp_path):
    src = _example(tmp_path)
    page.locator("#v2c-convert-input input[type=file]").set_input_files(str(src))
    page.locator("#v2c-convert-input img").first.wait_for(timeout=20_000)
    page.locator("#v2c-convert-rounds input[type=number]").fill("0")
    page.locator("#v2c-convert-run").click()
    frame = page.locator("#v2c-convert-preview iframe")
    frame.wait_for(timeout=150_000)
    assert frame.get_attribute("sandbox") == ""
    inner = page.frame_locator("#v2c-convert-preview iframe").locator("body").inner_text(timeout=10_000)
    code = code_text(page)
    assert "<html" in code
    words = [w for w in inner.split() if len(w) > 3][:5]
    assert words and all(w in code for w in words)
    if src.name.startswith("sign in"):
        assert "Welcome back" in inner and "Welcome back" in code
    scores = page.locator("#v2c-convert-scores").inner_text()
    assert "overall" in scores and "visual" in scores and "mobile_ok" in scores
    link = page.locator("#v2c-convert-download a").first
    link.wait_for(timeout=10_000)
    href = link.get_attribute("href") or ""
    assert ".zip" in href + link.inner_text()
    got = httpx.get(urljoin(app_url, href), timeout=30)
    assert got.status_code == 200 and got.content[:2] == b"PK"
    with zipfile.ZipFile(io.BytesIO(got.content)) as zf:
        assert any(n.endswith(".html") for n in zf.namelist())
    assert page.locator("#v2c-convert-side-by-side img").count() == 1
    assert page.locator("#v2c-convert-heatmap img").count() == 1


def test_non_image_upload_gets_one_line_error(page, tmp_path):
    bad = tmp_path / "notes.png"
    bad.write_bytes(b"this is not a picture at all\n" * 20)
    page.locator("#v2c-convert-input input[type=file]").set_input_files(str(bad))
    page.wait_for_timeout(1000)
    page.locator("#v2c-convert-run").click()
    toast = page.locator(".toast-message-text").first
    toast.wait_for(timeout=30_000)
    msg = toast.inner_text()
    assert "not an image" in msg and "notes.png" in msg
    assert "Traceback" not in msg and "preprocess" not in msg and "/tmp/" not in msg
