"""Model backends and the one factory that picks them from flags and environment variables.

`get_backend(name, model, base_url)`; anything left out comes from V2C_BACKEND, V2C_MODEL,
V2C_BASE_URL, the API key (in the variable V2C_API_KEY_ENV names, else V2C_API_KEY, else
OPENAI_API_KEY), V2C_TIMEOUT, V2C_RETRIES, V2C_CONCURRENCY and V2C_MAX_PIXELS; for local
checkpoints V2C_DEVICE and V2C_DTYPE.
"""
from __future__ import annotations

import os

from codegen.backends.base import Backend, BackendError, Message, text_of
from codegen.backends.layout import LayoutBackend, is_offline

BACKENDS = ("layout", "local", "openai")
DEFAULT_BASE_URL = "http://127.0.0.1:8000/v1"

__all__ = ["Backend", "BackendError", "Message", "BACKENDS", "get_backend", "is_offline", "text_of",
           "LayoutBackend", "DEFAULT_BASE_URL"]


def _env_number(name: str, default: float, cast=float) -> float:
    raw = os.environ.get(name)
    if raw is None or not raw.strip():
        return default
    try:
        value = cast(raw)
    except ValueError:
        raise BackendError(f"{name}={raw!r} is not a number") from None
    if value <= 0:
        raise BackendError(f"{name} must be positive (got {raw})")
    return value


def api_key_from_env(env_name: str | None = None) -> str | None:
    """The key in `env_name` (or the variable V2C_API_KEY_ENV names), else V2C_API_KEY, else
    OPENAI_API_KEY. Keys are never passed on command lines, where `ps` would show them."""
    env_name = env_name or os.environ.get("V2C_API_KEY_ENV") or None
    names = [env_name] if env_name else ["V2C_API_KEY", "OPENAI_API_KEY"]
    for n in names:
        value = os.environ.get(n or "")
        if value:
            return value.strip()
    return None


def get_backend(name: str | None = None, model: str | None = None, base_url: str | None = None, *,
                api_key: str | None = None, api_key_env: str | None = None,
                timeout: float | None = None) -> Backend:
    """The backend a run asked for; bad settings raise a one-line `BackendError`."""
    name = (name or os.environ.get("V2C_BACKEND") or "layout").strip().lower()
    model = model or os.environ.get("V2C_MODEL") or None
    if name == "layout":
        return LayoutBackend()
    if name == "local":
        from codegen.backends.local import LocalBackend

        return LocalBackend(model or "", device=os.environ.get("V2C_DEVICE") or None,
                            dtype=os.environ.get("V2C_DTYPE") or None)
    if name == "openai":
        from codegen.backends.openai_compat import OpenAICompatBackend

        url = base_url or os.environ.get("V2C_BASE_URL") or DEFAULT_BASE_URL
        return OpenAICompatBackend(
            url, model, api_key if api_key is not None else api_key_from_env(api_key_env),
            timeout=timeout or _env_number("V2C_TIMEOUT", 300.0),
            max_concurrency=int(_env_number("V2C_CONCURRENCY", 4, int)),
            max_pixels=int(_env_number("V2C_MAX_PIXELS", 1920 * 1200, int)),
            retries=int(_env_number("V2C_RETRIES", 3, int)) if os.environ.get("V2C_RETRIES") != "0" else 0,
        )
    raise BackendError(f"unknown backend {name!r}: choose one of {', '.join(BACKENDS)}")
