"""The web app's backend settings panel: handlers against a real loopback server, and the
panel driven in headless Chromium."""
from __future__ import annotations

import os
import socket

import pytest

from app.web.settings import apply_settings, backend_from_settings, build_settings, check_connection
from chat_server import ChatServer, Reply
from codegen.backends import get_backend
from codegen.backends.openai_compat import OpenAICompatBackend

VARS = ("V2C_BACKEND", "V2C_MODEL", "V2C_BASE_URL", "V2C_API_KEY_ENV", "V2C_API_KEY", "OPENAI_API_KEY", "MY_KEY",
        "V2C_REGIONS")


@pytest.fixture
def clean_env(monkeypatch):
    """Every variable the panel may set is put back afterwards (setenv records it even when absent)."""
    for v in VARS:
        monkeypatch.setenv(v, "")
        monkeypatch.delenv(v)
    return monkeypatch


def test_apply_sets_what_get_backend_reads(clean_env):
    clean_env.setenv("MY_KEY", "sk-secret")
    msg = apply_settings("openai", "qwen2.5-vl", "http://127.0.0.1:8000/v1", "MY_KEY")
    assert msg == "Applied: openai:qwen2.5-vl at http://127.0.0.1:8000/v1."
    assert "sk-secret" not in msg
    b = get_backend()
    assert isinstance(b, OpenAICompatBackend) and (b.model, b.api_key) == ("qwen2.5-vl", "sk-secret")
    assert "No key in $V2C_API_KEY" in apply_settings("openai", "m", "http://127.0.0.1:8000/v1", "")
    assert "region by region" in apply_settings("openai", "m", "http://127.0.0.1:8000/v1", "", True)
    assert os.environ["V2C_REGIONS"] == "1"
    assert apply_settings("layout", "", "", "") == "Applied: the offline layout engine (no model)."
    assert "V2C_MODEL" not in os.environ and "V2C_REGIONS" not in os.environ and get_backend().name == "layout"


def test_bad_settings_are_not_applied(clean_env, tmp_path):
    assert apply_settings("openai", "m", "localhost:8000", "") .startswith("Not applied: base URL must start")
    assert "not an environment variable name" in apply_settings("openai", "m", "", "sk-123-abc!")
    assert "no such checkpoint folder" in apply_settings("local", str(tmp_path / "nope"), "", "")
    assert "V2C_BACKEND" not in os.environ
    assert backend_from_settings("layout").name == "layout"


def test_check_connection_lists_models_or_names_the_problem(clean_env):
    with ChatServer(lambda body, i: Reply("ok"), models=["kimi-k2.5", "qwen2.5-vl"]) as srv:
        assert check_connection("openai", "kimi-k2.5", srv.base_url, "") == \
            f"Connected to {srv.base_url}; it serves: kimi-k2.5, qwen2.5-vl."
        assert "does not serve 'other'" in check_connection("openai", "other", srv.base_url, "")
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    clean_env.setenv("V2C_RETRIES", "0")
    msg = check_connection("openai", "m", f"http://127.0.0.1:{port}/v1", "")
    assert msg.startswith("Problem:") and "connection refused" in msg


def test_panel_in_a_real_browser(clean_env):
    import gradio as gr

    from codegen.render import get_renderer

    clean_env.setenv("V2C_BACKEND", "openai")
    with gr.Blocks() as demo:
        build_settings()
    with ChatServer(lambda body, i: Reply("ok"), models=["served-model"]) as srv:
        _, url, _ = demo.queue().launch(server_name="127.0.0.1", server_port=None, prevent_thread_lock=True,
                                        quiet=True)
        try:
            def drive(browser):
                ctx = browser.new_context()
                try:
                    page = ctx.new_page()
                    page.goto(url, timeout=60_000)
                    page.locator("#v2c-settings-base-url").locator("input, textarea").first.fill(srv.base_url)
                    page.locator("#v2c-settings-test").click()
                    page.wait_for_function("() => (document.querySelector('#v2c-settings-status') || {})"
                                           ".innerText?.includes('served-model')", timeout=60_000)
                    return page.locator("#v2c-settings-status").inner_text()
                finally:
                    ctx.close()

            text = get_renderer().call(drive, timeout=120)
        finally:
            demo.close()
    assert f"Connected to {srv.base_url}" in text and "served-model" in text
