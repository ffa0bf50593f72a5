"""The OpenAI-compatible backend against a real chat-completions server on loopback."""
from __future__ import annotations

import base64
import io
import socket
import time

import numpy as np
import pytest
from PIL import Image

from chat_server import ChatServer, Raw, Reply, Stall, Status, Stream, image_count, user_text
from codegen.backends import BackendError, get_backend
from codegen.backends.openai_compat import OpenAICompatBackend


def backend(url: str, **kw) -> OpenAICompatBackend:
    kw.setdefault("backoff", 0.01)
    kw.setdefault("timeout", 10)
    return OpenAICompatBackend(url, kw.pop("model", "fake-vl"), kw.pop("api_key", "sk-test"), **kw)


def test_plain_reply_carries_model_key_and_image():
    img = np.zeros((60, 80, 3), np.uint8)
    img[:, :40] = (255, 0, 0)
    with ChatServer(lambda body, i: Reply("<p>hi</p>")) as srv:
        b = backend(srv.base_url)
        out = b.chat([{"role": "system", "content": "be brief"},
                      {"role": "user", "content": [{"type": "text", "text": "what is this"},
                                                   {"type": "image", "image": img}]}], max_tokens=99)
    assert out == "<p>hi</p>"
    body = srv.requests[0]
    assert body["model"] == "fake-vl" and body["max_tokens"] == 99 and body["stream"] is False
    assert body["messages"][0] == {"role": "system", "content": "be brief"}
    assert srv.headers[0]["Authorization"] == "Bearer sk-test"
    url = body["messages"][1]["content"][1]["image_url"]["url"]
    assert url.startswith("data:image/png;base64,")
    back = np.asarray(Image.open(io.BytesIO(base64.b64decode(url.split(",", 1)[1]))).convert("RGB"))
    assert back.shape == img.shape and (back == img).all()


def test_streamed_reply_calls_on_token_per_piece():
    pieces = ["<html>", "<body>", "hello", "</body></html>"]
    seen: list[str] = []
    with ChatServer(lambda body, i: Stream(pieces, delay=0.01)) as srv:
        out = backend(srv.base_url).chat([{"role": "user", "content": "x"}], stream=True, on_token=seen.append)
    assert srv.requests[0]["stream"] is True
    assert seen == pieces and out == "".join(pieces)


def test_server_error_then_success_is_retried():
    script = [Status(500), Status(429, headers={"Retry-After": "0"}), Reply("ok")]
    with ChatServer(lambda body, i: script[i]) as srv:
        out = backend(srv.base_url, retries=3).chat([{"role": "user", "content": "x"}])
    assert out == "ok" and len(srv.requests) == 3


def test_retries_give_up_with_a_clear_error():
    with ChatServer(lambda body, i: Status(503, {"error": {"message": "overloaded"}})) as srv:
        with pytest.raises(BackendError, match=r"HTTP 503: overloaded after 3 attempts"):
            backend(srv.base_url, retries=2).chat([{"role": "user", "content": "x"}])
    assert len(srv.requests) == 3


def test_client_error_is_not_retried_and_names_the_server_message():
    with ChatServer(lambda body, i: Status(401, {"error": {"message": "invalid api key"}})) as srv:
        with pytest.raises(BackendError, match=r"HTTP 401: invalid api key"):
            backend(srv.base_url).chat([{"role": "user", "content": "x"}])
    assert len(srv.requests) == 1


def test_stalled_server_times_out_within_the_limit():
    with ChatServer(lambda body, i: Stall(5)) as srv:
        t0 = time.monotonic()
        with pytest.raises(BackendError, match="timed out"):
            backend(srv.base_url, timeout=1.0).chat([{"role": "user", "content": "x"}])
        assert time.monotonic() - t0 < 3.0


def test_stream_that_goes_silent_times_out():
    seen: list[str] = []
    with ChatServer(lambda body, i: Stream(["<div>", "half"], stall_after=5)) as srv:
        t0 = time.monotonic()
        with pytest.raises(BackendError, match="sent nothing for 1 s"):
            backend(srv.base_url, timeout=10, stall_timeout=1.0).chat(
                [{"role": "user", "content": "x"}], stream=True, on_token=seen.append)
        assert time.monotonic() - t0 < 3.0
    assert seen == ["<div>", "half"] and len(srv.requests) == 1  # no retry after text was shown


@pytest.mark.parametrize("action, stream, pattern", [
    (Raw(b"<html>not json</html>", "text/html"), False, "malformed reply.*not JSON"),
    (Raw(b'{"id": "x", "object": "chat.completion"}'), False, r"malformed reply.*choices"),
    (Raw(b'{"choices": [{"message": {"content": ""}, "finish_reason": "length"}]}'), False, "empty reply"),
    (Raw(b"data: {broken\n\n", "text/event-stream"), True, "malformed stream"),
    (Raw(b'data: {"error": {"message": "CUDA out of memory"}}\n\n', "text/event-stream"), True, "CUDA out of memory"),
])
def test_malformed_replies_are_clear_errors(action, stream, pattern):
    with ChatServer(lambda body, i: action) as srv:
        with pytest.raises(BackendError, match=pattern):
            backend(srv.base_url).chat([{"role": "user", "content": "x"}], stream=stream)


def test_refused_connection_is_retried_then_reported():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    t0 = time.monotonic()
    with pytest.raises(BackendError, match=r"connection refused .*after 3 attempts"):
        backend(f"http://127.0.0.1:{port}/v1", retries=2).chat([{"role": "user", "content": "x"}])
    assert time.monotonic() - t0 < 5.0


def test_model_is_discovered_when_the_server_serves_one():
    with ChatServer(lambda body, i: Reply("ok"), models=["Qwen/Qwen2.5-VL-7B-Instruct"]) as srv:
        b = backend(srv.base_url, model=None)
        assert b.chat([{"role": "user", "content": "x"}]) == "ok"
    assert srv.requests[0]["model"] == "Qwen/Qwen2.5-VL-7B-Instruct"
    with ChatServer(lambda body, i: Reply("ok"), models=["a", "b"]) as srv:
        with pytest.raises(BackendError, match="serves 2 models"):
            backend(srv.base_url, model=None).chat([{"role": "user", "content": "x"}])


def test_max_completion_tokens_fallback():
    def respond(body, i):
        if "max_tokens" in body:
            return Status(400, {"error": {"message": "Unsupported parameter: 'max_tokens'. "
                                                     "Use 'max_completion_tokens' instead."}})
        return Reply("ok")

    with ChatServer(respond) as srv:
        assert backend(srv.base_url).chat([{"role": "user", "content": "x"}], max_tokens=7) == "ok"
    assert srv.requests[-1]["max_completion_tokens"] == 7


def test_big_images_shrink_to_the_budget_and_videos_to_the_frame_budget():
    big = np.full((2160, 3840, 3), 200, np.uint8)
    frames = [np.full((90, 160, 3), i * 10, np.uint8) for i in range(20)]
    with ChatServer(lambda body, i: Reply("ok")) as srv:
        b = backend(srv.base_url, max_pixels=500_000, max_video_frames=5)
        b.chat([{"role": "user", "content": [{"type": "image", "image": big},
                                             {"type": "video", "frames": frames,
                                              "timestamps": [i * 0.5 for i in range(20)]}]}])
    body = srv.requests[0]
    parts = body["messages"][0]["content"]
    first = parts[0]["image_url"]["url"]
    w, h = Image.open(io.BytesIO(base64.b64decode(first.split(",", 1)[1]))).size
    assert w * h <= 500_000 and abs(w / h - 16 / 9) < 0.02
    assert image_count(body) == 1 + 5
    text = user_text(body)
    assert "[t=0.00 s]" in text and "[t=9.50 s]" in text


def test_factory_reads_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("V2C_BACKEND", "openai")
    monkeypatch.setenv("V2C_BASE_URL", "http://127.0.0.1:9/v1/")
    monkeypatch.setenv("V2C_MODEL", "kimi-k2.5")
    monkeypatch.delenv("V2C_API_KEY", raising=False)
    monkeypatch.setenv("OPENAI_API_KEY", "sk-env")
    monkeypatch.setenv("V2C_TIMEOUT", "42")
    b = get_backend()
    assert isinstance(b, OpenAICompatBackend)
    assert (b.base_url, b.model, b.api_key, b.timeout) == ("http://127.0.0.1:9/v1", "kimi-k2.5", "sk-env", 42.0)
    monkeypatch.setenv("MY_KEY", "sk-mine")
    assert get_backend("openai", api_key_env="MY_KEY").api_key == "sk-mine"
    assert get_backend("layout").name == "layout"
    with pytest.raises(BackendError, match="answers no prompts"):
        get_backend("layout").chat([{"role": "user", "content": "x"}])
    with pytest.raises(BackendError, match="unknown backend"):
        get_backend("gpt")
    with pytest.raises(BackendError, match="no such checkpoint folder"):
        get_backend("local", model=str(tmp_path / "missing"))
    with pytest.raises(BackendError, match="no config.json"):
        get_backend("local", model=str(tmp_path))
    monkeypatch.setenv("V2C_TIMEOUT", "soon")
    with pytest.raises(BackendError, match="V2C_TIMEOUT"):
        get_backend("openai")
    with pytest.raises(BackendError, match="http"):
        OpenAICompatBackend("localhost:8000", "m")


def test_a_refused_temperature_is_dropped_once():
    def respond(body, i):
        if "temperature" in body:
            return Status(400, {"error": {"message": "invalid temperature: only 1 is allowed for this model"}})
        return Reply("ok")

    with ChatServer(respond) as srv:
        b = backend(srv.base_url)
        assert b.chat([{"role": "user", "content": "x"}]) == "ok"
        assert b.chat([{"role": "user", "content": "y"}]) == "ok"
    assert len(srv.requests) == 3 and "temperature" not in srv.requests[-1]


def test_context_overflow_says_what_to_lower():
    msg = ("This model's maximum context length is 32768 tokens. However, you requested 8192 output tokens "
           "and your prompt contains at least 24577 input tokens")
    with ChatServer(lambda body, i: Status(400, {"object": "error", "message": msg})) as srv:
        with pytest.raises(BackendError, match=r"HTTP 400: This model's maximum context.*lower V2C_MAX_PIXELS"):
            backend(srv.base_url).chat([{"role": "user", "content": "x"}])
