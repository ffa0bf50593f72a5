"""A checkpoint folder on this machine, run through the project's own encoder and interleaving
(`codegen.interleave.model.LocalVLM`). Loading takes seconds to minutes and gigabytes, so each
process keeps one loaded model per (folder, device, dtype) and serialises generation on it."""
from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

from codegen.backends.base import Backend, BackendError, Message, TokenCallback

_CACHE: dict[tuple[str, str | None, str | None], Any] = {}
_CACHE_LOCK = threading.Lock()
_GEN_LOCKS: dict[int, threading.Lock] = {}


def _load(folder: Path, device: str | None, dtype: str | None) -> Any:
    key = (str(folder), device, dtype)
    with _CACHE_LOCK:
        if key in _CACHE:
            return _CACHE[key]
        try:
            from codegen.interleave.model import LocalVLM
        except ImportError as exc:
            raise BackendError(f"the local backend needs torch, transformers and safetensors "
                               f"(pip install 'vision2code[model]'): {exc}") from None
        try:
            model = LocalVLM.load(str(folder), device=device, dtype=dtype)
        except BackendError:
            raise
        except Exception as exc:  # transformers, safetensors and torch fail in many ways: one line
            raise BackendError(f"cannot load the checkpoint in {folder}: {_first_line(exc)}") from None
        _CACHE[key] = model
        _GEN_LOCKS[id(model)] = threading.Lock()
        return model


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return f"{type(exc).__name__}: {text[0]}" if text else type(exc).__name__


def clear_cache() -> None:
    """Forget loaded models (tests, or a web app switching checkpoints to free memory)."""
    with _CACHE_LOCK:
        _CACHE.clear()
        _GEN_LOCKS.clear()


class LocalBackend(Backend):
    """A Kimi K2.5 or Qwen2.5-VL checkpoint folder; CUDA and bf16 when present, CPU otherwise."""

    name = "local"
    max_concurrency = 1  # one model, one generation at a time

    def __init__(self, folder: str | Path, *, device: str | None = None, dtype: str | None = None) -> None:
        if not folder:
            raise BackendError("the local backend needs a checkpoint folder: pass --model FOLDER or set V2C_MODEL")
        path = Path(folder).expanduser()
        if not path.is_dir():
            raise BackendError(f"{path}: no such checkpoint folder")
        if not (path / "config.json").is_file():
            raise BackendError(f"{path}: not a checkpoint folder (no config.json)")
        self.folder = path.resolve()
        self.model = self.folder.name
        self.device = device
        self.dtype = dtype
        self._vlm: Any = None

    def _get(self) -> Any:
        if self._vlm is None:
            self._vlm = _load(self.folder, self.device, self.dtype)
        return self._vlm

    def chat(self, messages: list[Message], *, stream: bool = False, max_tokens: int = 4096,
             temperature: float = 0.0, on_token: TokenCallback | None = None) -> str:
        vlm = self._get()
        lock = _GEN_LOCKS.setdefault(id(vlm), threading.Lock())
        with lock:
            try:
                if stream or on_token is not None:
                    pieces = []
                    for piece in vlm.stream(messages, max_new_tokens=max_tokens, temperature=temperature, stop=None):
                        pieces.append(piece)
                        if on_token:
                            on_token(piece)
                    return "".join(pieces)
                return vlm.generate(messages, max_new_tokens=max_tokens, temperature=temperature, stop=None)
            except BackendError:
                raise
            except Exception as exc:  # a model failure is reported, never a traceback
                raise BackendError(f"local model {self.model} failed: {_first_line(exc)}") from None
