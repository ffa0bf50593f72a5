"""A real chat-completions HTTP server on loopback for the backend and model-conversion tests.

`ChatServer(responder)` listens on 127.0.0.1 (port 0) in a thread; for each POST to
`/chat/completions` it calls `responder(body, index)` and plays back what it returns:
`Reply(text)`, `Stream(pieces)`, `Status(code, body)`, `Raw(bytes)` or `Stall(seconds)`.
It records every request body and the most requests it ever served at once.
"""
from __future__ import annotations

import json
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Callable


@dataclass
class Reply:
    text: str
    delay: float = 0.0
    finish_reason: str = "stop"


@dataclass
class Stream:
    pieces: list[str]
    delay: float = 0.0
    stall_after: float = 0.0  # >0: send the pieces, then go silent this long without ending


@dataclass
class Status:
    code: int
    body: Any = field(default_factory=lambda: {"error": {"message": "boom"}})
    headers: dict[str, str] = field(default_factory=dict)


@dataclass
class Raw:
    data: bytes
    content_type: str = "application/json"


@dataclass
class Stall:
    seconds: float


def completion(text: str, model: str = "fake-vl", finish_reason: str = "stop") -> dict:
    return {"id": "cmpl-1", "object": "chat.completion", "created": 0, "model": model,
            "choices": [{"index": 0, "message": {"role": "assistant", "content": text},
                         "finish_reason": finish_reason}],
            "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2}}


class ChatServer:
    def __init__(self, responder: Callable[[dict, int], Any], models: list[str] | None = None) -> None:
        self.responder = responder
        self.models = models if models is not None else ["fake-vl"]
        self.requests: list[dict] = []
        self.headers: list[dict] = []
        self.active = 0
        self.max_active = 0
        self._lock = threading.Lock()
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):  # keep test output clean
                pass

            def _send(self, code: int, data: bytes, ctype: str = "application/json", extra=None) -> None:
                self.send_response(code)
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(data)))
                for k, v in (extra or {}).items():
                    self.send_header(k, v)
                self.end_headers()
                self.wfile.write(data)

            def do_GET(self):
                if self.path.rstrip("/").endswith("/models"):
                    self._send(200, json.dumps({"object": "list", "data": [{"id": m, "object": "model"}
                                                                          for m in server.models]}).encode())
                else:
                    self._send(404, b'{"error": "not found"}')

            def do_POST(self):
                length = int(self.headers.get("Content-Length") or 0)
                body = json.loads(self.rfile.read(length) or b"{}")
                with server._lock:
                    index = len(server.requests)
                    server.requests.append(body)
                    server.headers.append(dict(self.headers))
                    server.active += 1
                    server.max_active = max(server.max_active, server.active)
                try:
                    if not self.path.rstrip("/").endswith("/chat/completions"):
                        self._send(404, b'{"error": {"message": "no such route"}}')
                        return
                    self._play(server.responder(body, index), body)
                except (BrokenPipeError, ConnectionResetError):
                    pass
                finally:
                    with server._lock:
                        server.active -= 1

            def _play(self, action, body) -> None:
                if isinstance(action, str):
                    action = Stream([action]) if body.get("stream") else Reply(action)
                if isinstance(action, Reply):
                    time.sleep(action.delay)
                    self._send(200, json.dumps(completion(action.text, body.get("model", ""),
                                                          action.finish_reason)).encode())
                elif isinstance(action, Status):
                    data = action.body if isinstance(action.body, bytes) else json.dumps(action.body).encode()
                    self._send(action.code, data, extra=action.headers)
                elif isinstance(action, Raw):
                    self._send(200, action.data, action.content_type)
                elif isinstance(action, Stall):
                    time.sleep(action.seconds)
                    self._send(200, json.dumps(completion("too late")).encode())
                elif isinstance(action, Stream):
                    self.send_response(200)
                    self.send_header("Content-Type", "text/event-stream")
                    self.send_header("Cache-Control", "no-cache")
                    self.send_header("Connection", "close")
                    self.end_headers()
                    self.wfile.write(b": keep-alive\n\n")
                    for piece in action.pieces:
                        time.sleep(action.delay)
                        chunk = {"id": "c", "object": "chat.completion.chunk", "model": body.get("model", ""),
                                 "choices": [{"index": 0, "delta": {"content": piece}, "finish_reason": None}]}
                        self.wfile.write(f"data: {json.dumps(chunk)}\n\n".encode())
                        self.wfile.flush()
                    if action.stall_after:
                        time.sleep(action.stall_after)
                        return
                    end = {"id": "c", "object": "chat.completion.chunk",
                           "choices": [{"index": 0, "delta": {}, "finish_reason": "stop"}]}
                    self.wfile.write(f"data: {json.dumps(end)}\n\ndata: [DONE]\n\n".encode())
                    self.wfile.flush()
                    self.close_connection = True
                else:
                    raise TypeError(f"unknown action {action!r}")

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.port = self.httpd.server_address[1]
        self.base_url = f"http://127.0.0.1:{self.port}/v1"
        self._thread = threading.Thread(target=self.httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)

    def __enter__(self) -> "ChatServer":
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def user_text(body: dict) -> str:
    """All text of a request's messages (what a fake model 'reads')."""
    out = []
    for m in body.get("messages", []):
        c = m.get("content")
        if isinstance(c, str):
            out.append(c)
        else:
            out.extend(p.get("text", "") for p in c or [] if p.get("type") == "text")
    return "\n".join(out)


def image_count(body: dict) -> int:
    return sum(1 for m in body.get("messages", []) if isinstance(m.get("content"), list)
               for p in m["content"] if p.get("type") == "image_url")
