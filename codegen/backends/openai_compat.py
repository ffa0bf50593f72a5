"""Any OpenAI-compatible chat-completions server: vLLM, SGLang, Ollama, the Kimi API, OpenAI.

Failure is the normal case with remote models, so every path ends in a reply or a one-line
`BackendError`: retries with exponential back-off on 429, 5xx and dropped connections (only
before the first streamed token, so a caller never sees text twice), a connect timeout, a
stall timeout on streams (no byte for that long), and an overall deadline per request.
"""
from __future__ import annotations

import json
import random
import threading
import time
from typing import Any, Iterator

import httpx

from codegen.backends.base import Backend, BackendError, Message, TokenCallback
from codegen.backends.images import DEFAULT_MAX_PIXELS, data_url, sample_frames

RETRY_STATUS = {408, 409, 425, 429, 500, 502, 503, 504, 520, 522, 524, 529}


def _short(text: str, limit: int = 300) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 3] + "..."


def _server_message(resp: httpx.Response, body: bytes) -> str:
    """The error text a server put in its body, in the shapes OpenAI, vLLM and Ollama use."""
    try:
        obj = json.loads(body.decode("utf-8", "replace"))
    except ValueError:
        return _short(body.decode("utf-8", "replace")) or resp.reason_phrase
    if isinstance(obj, dict):
        err = obj.get("error", obj.get("detail", obj.get("message")))
        if isinstance(err, dict):
            err = err.get("message") or json.dumps(err)
        if err:
            return _short(err if isinstance(err, str) else json.dumps(err))
    return _short(json.dumps(obj))


class _Retryable(Exception):
    def __init__(self, message: str, wait: float | None = None) -> None:
        super().__init__(message)
        self.wait = wait


class OpenAICompatBackend(Backend):
    """A chat-completions endpoint at `base_url` (the part before `/chat/completions`)."""

    name = "openai"

    def __init__(self, base_url: str, model: str | None = None, api_key: str | None = None, *,
                 timeout: float = 300.0, connect_timeout: float = 10.0, stall_timeout: float = 60.0,
                 retries: int = 3, backoff: float = 1.0, max_backoff: float = 30.0,
                 max_pixels: int = DEFAULT_MAX_PIXELS, max_video_frames: int = 16,
                 max_concurrency: int = 4, extra_body: dict[str, Any] | None = None) -> None:
        if not base_url or not str(base_url).startswith(("http://", "https://")):
            raise BackendError(f"base URL must start with http:// or https:// (got {base_url!r})")
        self.base_url = str(base_url).rstrip("/")
        if self.base_url.endswith("/chat/completions"):
            self.base_url = self.base_url[: -len("/chat/completions")]
        self.model = model or ""
        self.api_key = api_key
        self.timeout = float(timeout)
        self.connect_timeout = float(min(connect_timeout, timeout))
        self.stall_timeout = float(min(stall_timeout, timeout))
        self.retries = max(0, int(retries))
        self.backoff = float(backoff)
        self.max_backoff = float(max_backoff)
        self.max_pixels = int(max_pixels)
        self.max_video_frames = max(1, int(max_video_frames))
        self.max_concurrency = max(1, int(max_concurrency))
        self.extra_body = dict(extra_body or {})
        self._token_field = "max_tokens"
        self._send_temperature = True
        self._model_lock = threading.Lock()
        self._client = httpx.Client(headers=self._headers(), follow_redirects=True,
                                    limits=httpx.Limits(max_connections=max(8, self.max_concurrency * 2)))

    # -- request building ------------------------------------------------------------------
    def _headers(self) -> dict[str, str]:
        headers = {"Content-Type": "application/json", "Accept": "application/json, text/event-stream"}
        if self.api_key:
            headers["Authorization"] = f"Bearer {self.api_key}"
        return headers

    def _parts(self, content: Any) -> str | list[dict]:
        """Our parts to the wire format; text-only content becomes a plain string, which every
        server (Ollama's and older vLLM's system role included) accepts."""
        if isinstance(content, str) or content is None:
            return content or ""
        out: list[dict] = []
        for part in content:
            kind = part.get("type")
            if kind == "text":
                out.append({"type": "text", "text": part.get("text", "")})
            elif kind == "image":
                out.append({"type": "image_url", "image_url": {"url": data_url(part["image"], self.max_pixels)}})
            elif kind == "image_url":
                out.append({"type": "image_url", "image_url": part["image_url"]})
            elif kind == "video":
                frames = sample_frames(part.get("frames") or [], part.get("timestamps"), self.max_video_frames)
                out.append({"type": "text", "text": f"A screen recording, {len(frames)} frames in time order:"})
                for t, frame in frames:
                    if t is not None:
                        out.append({"type": "text", "text": f"[t={float(t):.2f} s]"})
                    out.append({"type": "image_url", "image_url": {"url": data_url(frame, self.max_pixels)}})
            else:
                raise BackendError(f"unsupported message part type {kind!r}")
        if all(p["type"] == "text" for p in out):
            return "\n".join(p["text"] for p in out)
        return out

    def wire_messages(self, messages: list[Message]) -> list[dict]:
        """The conversation as the server takes it (pictures encoded once per call, not per retry)."""
        return [{"role": m.get("role", "user"), "content": self._parts(m.get("content"))} for m in messages]

    def _payload(self, wire: list[dict], stream: bool, max_tokens: int, temperature: float) -> dict:
        body = {
            "model": self.model,
            "messages": wire,
            self._token_field: int(max_tokens),
            "stream": bool(stream),
        }
        if self._send_temperature:
            body["temperature"] = float(temperature)
        body.update(self.extra_body)
        return body

    # -- model discovery -------------------------------------------------------------------
    def list_models(self) -> list[str]:
        """The ids `GET /models` reports (vLLM and SGLang serve one, Ollama several)."""
        def once() -> list[str]:
            timeout = httpx.Timeout(self.stall_timeout, connect=self.connect_timeout)
            try:
                resp = self._client.get(f"{self.base_url}/models", timeout=timeout)
            except httpx.HTTPError as exc:
                raise self._transport_error(exc, self.stall_timeout, "did not answer") from None
            if resp.status_code in RETRY_STATUS:
                raise _Retryable(f"HTTP {resp.status_code}")
            if resp.status_code >= 400:
                raise BackendError(f"{self.base_url}/models answered HTTP {resp.status_code}: "
                                   f"{_server_message(resp, resp.content)}")
            try:
                data = resp.json().get("data", [])
                return [str(m["id"]) for m in data if isinstance(m, dict) and "id" in m]
            except (ValueError, AttributeError, KeyError) as exc:
                raise BackendError(f"malformed reply from {self.base_url}/models: {exc}") from None

        return self._with_retries(once, f"{self.base_url}/models")

    def _ensure_model(self) -> None:
        with self._model_lock:
            if self.model:
                return
            models = self.list_models()
            if len(models) == 1:
                self.model = models[0]
                return
            if not models:
                raise BackendError(f"{self.base_url} serves no models; pass --model or set V2C_MODEL")
            raise BackendError(f"{self.base_url} serves {len(models)} models ({', '.join(models[:5])}"
                               f"{', ...' if len(models) > 5 else ''}); pass --model or set V2C_MODEL")

    # -- the call ----------------------------------------------------------------------------
    def chat(self, messages: list[Message], *, stream: bool = False, max_tokens: int = 4096,
             temperature: float = 0.0, on_token: TokenCallback | None = None) -> str:
        self._ensure_model()
        url = f"{self.base_url}/chat/completions"
        state = {"emitted": False}
        wire = self.wire_messages(messages)

        def once() -> str:
            payload = self._payload(wire, stream, max_tokens, temperature)
            try:
                return self._request(url, payload, stream, on_token, state)
            except BackendError as exc:
                # some servers refuse a parameter (OpenAI's newer models `max_tokens`, reasoning
                # models such as Kimi K2.5 any temperature but their own): ask once more without it
                msg = str(exc).lower()
                if "http 400" not in msg and "http 422" not in msg:
                    raise
                if self._token_field == "max_tokens" and "max_completion_tokens" in msg:
                    self._token_field = "max_completion_tokens"
                elif self._send_temperature and "temperature" in msg:
                    self._send_temperature = False
                else:
                    raise
                return self._request(url, self._payload(wire, stream, max_tokens, temperature),
                                     stream, on_token, state)

        return self._with_retries(once, url, state)

    def _with_retries(self, fn, url: str, state: dict | None = None):
        attempts = self.retries + 1
        last = ""
        for attempt in range(attempts):
            try:
                return fn()
            except _Retryable as exc:
                last = str(exc)
                if (state and state.get("emitted")) or attempt == attempts - 1:
                    break
                wait = exc.wait if exc.wait is not None else self.backoff * (2 ** attempt)
                time.sleep(min(self.max_backoff, wait) * (1.0 + 0.1 * random.random()))
        tries = f" after {attempts} attempts" if attempts > 1 and not (state and state.get("emitted")) else ""
        raise BackendError(f"{url}: {last}{tries}")

    def _request(self, url: str, payload: dict, stream: bool, on_token: TokenCallback | None, state: dict) -> str:
        deadline = time.monotonic() + self.timeout
        read = self.stall_timeout if stream else self.timeout
        timeout = httpx.Timeout(read, connect=self.connect_timeout, write=self.timeout, pool=self.timeout)
        try:
            with self._client.stream("POST", url, json=payload, timeout=timeout) as resp:
                if resp.status_code >= 400:
                    body = self._read_all(resp, deadline)
                    msg = f"HTTP {resp.status_code}: {_server_message(resp, body)}"
                    if resp.status_code in RETRY_STATUS:
                        raise _Retryable(msg, self._retry_after(resp))
                    if "context" in msg.lower() and ("length" in msg.lower() or "window" in msg.lower()):
                        msg += " (lower V2C_MAX_PIXELS or V2C_MAX_TOKENS, or serve a longer context)"
                    raise BackendError(f"{url} answered {msg}")
                ctype = resp.headers.get("content-type", "")
                if stream and "text/event-stream" in ctype:
                    return self._read_stream(resp, url, deadline, on_token, state)
                body = self._read_all(resp, deadline)
                text = self._parse_body(body, url, stream)
                if on_token and text:
                    state["emitted"] = True
                    on_token(text)
                return text
        except httpx.HTTPError as exc:
            what = "sent nothing" if stream else "did not answer"
            raise self._transport_error(exc, read if stream else self.timeout, what) from None

    def _transport_error(self, exc: httpx.HTTPError, waited: float, what: str) -> Exception:
        """httpx's exception as a retry (connection trouble) or a final one-line error."""
        url = str(exc.request.url) if getattr(exc, "_request", None) is not None else self.base_url
        if isinstance(exc, httpx.ConnectTimeout):
            return _Retryable(f"no connection within {self.connect_timeout:.0f} s")
        if isinstance(exc, httpx.ConnectError):
            reason = "connection refused (is the server running?)" if "refused" in str(exc).lower() else _short(exc)
            return _Retryable(f"cannot connect: {reason}")
        if isinstance(exc, (httpx.ReadTimeout, httpx.WriteTimeout, httpx.PoolTimeout)):
            return BackendError(f"{url}: the server {what} for {waited:.0f} s (timed out; raise V2C_TIMEOUT "
                                f"if the model is just slow)")
        if isinstance(exc, (httpx.RemoteProtocolError, httpx.ReadError, httpx.WriteError)):
            return _Retryable(f"connection dropped ({_short(exc, 120) or type(exc).__name__})")
        return BackendError(f"{url}: {type(exc).__name__}: {_short(exc)}")

    def _retry_after(self, resp: httpx.Response) -> float | None:
        try:
            return max(0.0, float(resp.headers.get("retry-after", "")))
        except ValueError:
            return None

    def _read_all(self, resp: httpx.Response, deadline: float) -> bytes:
        chunks = []
        for chunk in resp.iter_bytes():
            chunks.append(chunk)
            if time.monotonic() > deadline:
                raise BackendError(f"{resp.request.url}: no complete reply within {self.timeout:.0f} s")
        return b"".join(chunks)

    def _parse_body(self, body: bytes, url: str, stream: bool) -> str:
        text = body.decode("utf-8", "replace")
        if stream and text.lstrip().startswith("data:"):
            # an event stream without its content type: parse it as one
            return self._collect_events(iter(text.splitlines()), url, None, {"emitted": False})
        try:
            obj = json.loads(text)
        except ValueError:
            raise BackendError(f"malformed reply from {url}: not JSON ({_short(text, 80) or 'empty body'})") from None
        if not isinstance(obj, dict):
            raise BackendError(f"malformed reply from {url}: expected a JSON object")
        if "error" in obj and not obj.get("choices"):
            raise BackendError(f"{url} reported an error: {_server_message(httpx.Response(200), body)}")
        try:
            choice = obj["choices"][0]
            message = choice["message"]
        except (KeyError, IndexError, TypeError):
            raise BackendError(f"malformed reply from {url}: no choices[0].message") from None
        content = _content_text(message.get("content") if isinstance(message, dict) else None)
        if not content:
            reason = choice.get("finish_reason") if isinstance(choice, dict) else None
            raise BackendError(f"{url} returned an empty reply (finish_reason={reason})")
        return content

    def _read_stream(self, resp: httpx.Response, url: str, deadline: float, on_token: TokenCallback | None,
                     state: dict) -> str:
        def lines() -> Iterator[str]:
            for line in resp.iter_lines():
                if time.monotonic() > deadline:
                    raise BackendError(f"{url}: the stream did not finish within {self.timeout:.0f} s")
                yield line

        return self._collect_events(lines(), url, on_token, state)

    def _collect_events(self, lines: Iterator[str], url: str, on_token: TokenCallback | None, state: dict) -> str:
        """Server-sent events: `data: {json}` lines, `data: [DONE]` at the end."""
        pieces: list[str] = []
        done = False
        for line in lines:
            line = line.strip()
            if not line.startswith("data:"):
                continue  # comments (keep-alives), event names, blank separators
            data = line[5:].strip()
            if data == "[DONE]":
                done = True
                break
            try:
                obj = json.loads(data)
            except ValueError:
                raise BackendError(f"malformed stream from {url}: an event is not JSON ({_short(data, 80)})") from None
            if not isinstance(obj, dict):
                raise BackendError(f"malformed stream from {url}: an event is not a JSON object")
            if obj.get("error"):
                err = obj["error"]
                raise BackendError(f"{url} reported an error mid-stream: "
                                   f"{_short(err.get('message', err) if isinstance(err, dict) else err)}")
            for choice in obj.get("choices") or []:
                delta = choice.get("delta") or choice.get("message") or {}
                piece = _content_text(delta.get("content")) if isinstance(delta, dict) else ""
                if piece:
                    pieces.append(piece)
                    state["emitted"] = True
                    if on_token:
                        on_token(piece)
                if choice.get("finish_reason"):
                    done = True
        text = "".join(pieces)
        if not text:
            raise BackendError(f"{url} streamed an empty reply" + ("" if done else " (the stream ended early)"))
        return text

    def close(self) -> None:
        self._client.close()


def _content_text(content: Any) -> str:
    """`content` as a string, or as a list of text parts (some servers answer that way)."""
    if isinstance(content, str):
        return content
    if isinstance(content, list):
        return "".join(p.get("text", "") for p in content if isinstance(p, dict))
    return ""
