"""The web app's settings panel: which model backend the tabs use.

The tabs build their backend with `codegen.backends.get_backend()`, which reads the V2C_*
environment variables; applying the panel sets those variables for this server process. The
API key itself is never typed into the page: the panel names the environment variable that
holds it (V2C_API_KEY by default), so it stays out of the browser and out of logs.
"""
from __future__ import annotations

import os
import re

import gradio as gr

from codegen.backends import BACKENDS, DEFAULT_BASE_URL, Backend, BackendError, api_key_from_env, get_backend
from codegen.model_convert import regions_from_env

ENV_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
CHOICES = [("layout (offline engine, no model)", "layout"), ("local checkpoint folder", "local"),
           ("OpenAI-compatible server (vLLM, SGLang, Ollama, Kimi API)", "openai")]


def current_settings() -> dict:
    """What the environment says now (what the panel shows when the page loads)."""
    return {"backend": os.environ.get("V2C_BACKEND") or "layout", "model": os.environ.get("V2C_MODEL") or "",
            "base_url": os.environ.get("V2C_BASE_URL") or "",
            "api_key_env": os.environ.get("V2C_API_KEY_ENV") or "V2C_API_KEY",
            "regions": regions_from_env()}


def _clean(backend: str, model: str | None, base_url: str | None, api_key_env: str | None) -> dict[str, str]:
    backend = (backend or "layout").strip().lower()
    if backend not in BACKENDS:
        raise BackendError(f"unknown backend {backend!r}: choose one of {', '.join(BACKENDS)}")
    key_env = (api_key_env or "").strip()
    if key_env and not ENV_NAME.match(key_env):
        raise BackendError(f"{key_env!r} is not an environment variable name (letters, digits and _)")
    return {"backend": backend, "model": (model or "").strip(), "base_url": (base_url or "").strip(),
            "api_key_env": key_env}


def backend_from_settings(backend: str, model: str | None = None, base_url: str | None = None,
                          api_key_env: str | None = None) -> Backend:
    """The backend these settings describe; a `BackendError` says what is wrong with them."""
    s = _clean(backend, model, base_url, api_key_env)
    return get_backend(s["backend"], s["model"] or None, s["base_url"] or None,
                       api_key_env=s["api_key_env"] or None)


def apply_settings(backend: str, model: str | None, base_url: str | None, api_key_env: str | None,
                   regions: bool = False) -> str:
    """Check the settings and make them the process's (V2C_* variables); returns a status line.
    `regions` turns on the parallel regions mode for model backends (V2C_REGIONS)."""
    try:
        s = _clean(backend, model, base_url, api_key_env)
        b = backend_from_settings(**s)
    except BackendError as exc:
        return f"Not applied: {exc}"
    b.close()
    for var, key in (("V2C_BACKEND", "backend"), ("V2C_MODEL", "model"), ("V2C_BASE_URL", "base_url"),
                     ("V2C_API_KEY_ENV", "api_key_env")):
        if s[key]:
            os.environ[var] = s[key]
        else:
            os.environ.pop(var, None)
    if regions and s["backend"] != "layout":
        os.environ["V2C_REGIONS"] = "1"
    else:
        os.environ.pop("V2C_REGIONS", None)
    if s["backend"] == "layout":
        return "Applied: the offline layout engine (no model)."
    note = ""
    if s["backend"] == "openai" and not api_key_from_env():
        note = (f" No key in ${s['api_key_env'] or 'V2C_API_KEY'}: fine for a local server, "
                "needed for a hosted API.")
    where = f" at {getattr(b, 'base_url', '')}" if s["backend"] == "openai" else ""
    mode = " Pages are written region by region, in parallel." if regions else ""
    return f"Applied: {b.describe()}{where}.{mode}{note}"


def check_connection(backend: str, model: str | None, base_url: str | None, api_key_env: str | None) -> str:
    """Ask the server which models it serves (openai), or check the checkpoint folder (local)."""
    try:
        b = backend_from_settings(backend, model, base_url, api_key_env)
    except BackendError as exc:
        return f"Problem: {exc}"
    try:
        if b.name == "layout":
            return "The offline engine needs no connection."
        if b.name == "local":
            return f"Checkpoint folder found: {getattr(b, 'folder', model)} (loaded on first use)."
        models = b.list_models()  # type: ignore[attr-defined]
        listed = ", ".join(models[:8]) + (", ..." if len(models) > 8 else "")
        if b.model and models and b.model not in models:
            return f"Connected to {b.base_url}, but it does not serve {b.model!r}; it serves: {listed}."
        return f"Connected to {b.base_url}; it serves: {listed or 'no models'}."
    except BackendError as exc:
        return f"Problem: {exc}"
    finally:
        b.close()


def build_settings() -> dict[str, gr.components.Component]:
    """The panel's components (call inside a Blocks); returns them by name."""
    cur = current_settings()
    with gr.Row():
        backend = gr.Dropdown(CHOICES, value=cur["backend"], label="Backend", elem_id="v2c-settings-backend")
        model = gr.Textbox(cur["model"], label="Model",
                           placeholder="model name (openai) or checkpoint folder (local)",
                           elem_id="v2c-settings-model")
        base_url = gr.Textbox(cur["base_url"], label="Base URL", placeholder=DEFAULT_BASE_URL,
                              elem_id="v2c-settings-base-url")
        api_key_env = gr.Textbox(cur["api_key_env"], label="API key environment variable",
                                 info="the name of the variable that holds the key, never the key",
                                 elem_id="v2c-settings-key-env")
    with gr.Row():
        regions = gr.Checkbox(cur["regions"], label="Parallel regions (model backends: one request per page band)",
                              elem_id="v2c-settings-regions")
        apply = gr.Button("Apply", variant="primary", elem_id="v2c-settings-apply")
        test = gr.Button("Test connection", elem_id="v2c-settings-test")
    status = gr.Markdown("", elem_id="v2c-settings-status")
    inputs = [backend, model, base_url, api_key_env]
    apply.click(apply_settings, inputs + [regions], status, concurrency_limit=None)
    test.click(check_connection, inputs, status, concurrency_limit=None)
    return {"backend": backend, "model": model, "base_url": base_url, "api_key_env": api_key_env,
            "regions": regions, "apply": apply, "test": test, "status": status}
