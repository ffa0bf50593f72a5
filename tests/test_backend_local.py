"""The local backend over a tiny random checkpoint (built offline): one load per process,
streaming through `on_token`, images in messages, clear errors for unusable folders."""
from __future__ import annotations

import threading

import numpy as np

import pytest

from codegen.backends import BackendError, get_backend
from codegen.backends import local as local_mod
from tiny_vlm import tiny_qwen

PROMPT = [{"role": "system", "content": "You write HTML."},
          {"role": "user", "content": [{"type": "text", "text": "Write the HTML for this page."},
                                       {"type": "image", "image": np.full((56, 84, 3), 200, np.uint8)}]}]


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    path = tmp_path_factory.mktemp("tinyqwen-local")
    tiny_qwen(path, seed=5)
    local_mod.clear_cache()
    yield path
    local_mod.clear_cache()


def test_local_backend_streams_and_shares_one_loaded_model(folder):
    a = get_backend("local", model=str(folder))
    b = get_backend("local", model=str(folder))
    assert a.name == "local" and a.describe() == f"local:{folder.name}"
    pieces: list[str] = []
    streamed = a.chat(PROMPT, stream=True, max_tokens=8, on_token=pieces.append)
    assert pieces and "".join(pieces) == streamed
    assert b.chat(PROMPT, max_tokens=8) == streamed  # greedy: the same text, from the same loaded model
    assert a._get() is b._get() and len(local_mod._CACHE) == 1


def test_concurrent_calls_are_serialised(folder):
    backend = get_backend("local", model=str(folder))
    want = backend.chat(PROMPT, max_tokens=6)
    got: list[str] = []
    threads = [threading.Thread(target=lambda: got.append(backend.chat(PROMPT, max_tokens=6))) for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    assert got == [want] * 3


def test_unusable_checkpoints_are_clear_errors(tmp_path):
    (tmp_path / "config.json").write_text('{"model_type": "bert"}')
    with pytest.raises(BackendError) as info:
        get_backend("local", model=str(tmp_path)).chat([{"role": "user", "content": "hi"}], max_tokens=2)
    assert "\n" not in str(info.value) and str(tmp_path) in str(info.value)
    with pytest.raises(BackendError, match="needs a checkpoint folder"):
        get_backend("local", model="")
