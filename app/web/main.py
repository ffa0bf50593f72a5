"""The Gradio app: one Blocks with a tab per job, each tab built by its own module.

A tab whose module is missing or fails to build shows a one-line notice instead of taking the
whole app down; the settings panel (model backend) appears when its module is present.
"""
from __future__ import annotations

import importlib
import logging
import os
import sys

os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")

import gradio as gr  # noqa: E402  (the environment variable above must be set first)

log = logging.getLogger("v2c.web")

TITLE = "vision2code"
TABS = [("Mockup to code", "tab_convert"), ("Screenshot debugging", "tab_debug"),
        ("Video to workflow", "tab_workflow")]
HEADER = ("# vision2code\n"
          "Pictures of user interfaces to working front-end code, checked in a real browser; "
          "UI defects found in screenshots; screen recordings turned into step-by-step workflows.")
CSS = """
#v2c-header h1 { margin-bottom: 0.2em; }
#v2c-convert-preview iframe { display: block; }
"""


def _one_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return f"{type(exc).__name__}: {text[0]}" if text else type(exc).__name__


def _build_tab(title: str, module: str) -> None:
    with gr.Tab(title, id=module, elem_id=f"v2c-{module.replace('_', '-')}"):
        try:
            importlib.import_module(f"app.web.{module}").build_tab()
        except Exception as exc:
            log.warning("tab %r unavailable: %s", title, _one_line(exc))
            gr.Markdown(f"*{title} is not available in this installation ({_one_line(exc)}).*")


def _build_settings() -> None:
    try:
        settings = importlib.import_module("app.web.settings")
    except ImportError:
        return
    try:
        with gr.Accordion("Settings: model backend", open=False, elem_id="v2c-settings"):
            settings.build_settings()
    except Exception as exc:
        log.warning("settings panel unavailable: %s", _one_line(exc))


def build_app() -> gr.Blocks:
    """The whole app, not yet launched."""
    with gr.Blocks(title=TITLE, analytics_enabled=False) as demo:
        gr.Markdown(HEADER, elem_id="v2c-header")
        _build_settings()
        with gr.Tabs():
            for title, module in TABS:
                _build_tab(title, module)
    return demo


def launch(demo: gr.Blocks, host: str, port: int, **kwargs) -> None:
    """Queue and launch (blocking unless prevent_thread_lock=True is passed)."""
    demo.queue(default_concurrency_limit=1).launch(
        server_name=host, server_port=port, show_error=True, css=CSS, footer_links=[],
        theme=gr.themes.Soft(), **kwargs)


def serve(host: str = "127.0.0.1", port: int = 7860) -> int:
    """`v2c serve`: run the app until interrupted; 1 with a one-line message when it cannot start."""
    try:
        launch(build_app(), host, port)
    except KeyboardInterrupt:
        return 0
    except OSError as exc:
        print(f"v2c serve: cannot start on {host}:{port}: {_one_line(exc)}", file=sys.stderr)
        return 1
    return 0
