"""The one interface every model backend speaks, so conversion code never cares which it is.

Messages are OpenAI-style dicts whose `content` is a string or a list of parts:
`{"type": "text", "text": ...}`, `{"type": "image", "image": ndarray RGB}` and
`{"type": "video", "frames": [ndarray...], "timestamps": [seconds...]}`. Each backend turns
those parts into what its model takes (data URLs for a server, pixel tensors for a local one).
"""
from __future__ import annotations

from abc import ABC, abstractmethod
from typing import Any, Callable

Message = dict[str, Any]
TokenCallback = Callable[[str], None]


class BackendError(RuntimeError):
    """A model backend failed; the message is one line a user can act on."""

    def __init__(self, message: str) -> None:
        super().__init__(" ".join(str(message).split()))


class Backend(ABC):
    """A chat model that sees images; `chat` returns the whole reply as text."""

    name: str = "backend"
    model: str = ""
    #: how many requests this backend serves well at once (regions mode caps itself at this)
    max_concurrency: int = 1

    @abstractmethod
    def chat(self, messages: list[Message], *, stream: bool = False, max_tokens: int = 4096,
             temperature: float = 0.0, on_token: TokenCallback | None = None) -> str:
        """Send a conversation, return the reply. `on_token` sees each piece as it streams."""

    def describe(self) -> str:
        """What the report and the web app show, e.g. `openai:qwen2.5-vl-7b`."""
        return f"{self.name}:{self.model}" if self.model else self.name

    def close(self) -> None:
        """Release connections or memory; the backend may not be used afterwards."""


def text_of(content: Any) -> str:
    """The text parts of a message's content, joined (for backends and logs without images)."""
    if isinstance(content, str):
        return content
    return "\n".join(p.get("text", "") for p in content or [] if isinstance(p, dict) and p.get("type") == "text")
