"""The offline engine's place in the registry: `--backend layout` means no model at all.

It is a marker, not a chat model: conversion code checks `is_offline(backend)` and runs the
analysis-to-layout engine instead of prompting. Calling `chat` on it is a programming error
reported as a clear `BackendError`.
"""
from __future__ import annotations

from codegen.backends.base import Backend, BackendError, Message, TokenCallback


class LayoutBackend(Backend):
    """No model: the layout tree of the offline analysis becomes the code."""

    name = "layout"
    model = ""
    max_concurrency = 1

    def chat(self, messages: list[Message], *, stream: bool = False, max_tokens: int = 4096,
             temperature: float = 0.0, on_token: TokenCallback | None = None) -> str:
        raise BackendError("the layout backend is the offline engine and answers no prompts; "
                           "choose --backend openai or --backend local for a model")


def is_offline(backend: Backend | None) -> bool:
    """True when conversion should use the offline engine (no backend, or the layout marker)."""
    return backend is None or isinstance(backend, LayoutBackend)
