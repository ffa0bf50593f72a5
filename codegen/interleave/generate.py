"""Token-by-token generation with a KV cache, streamed as text.

The model side is a `step(ids) -> logits` callable that appends tokens to its own cache, so this
module knows nothing about images or positions. Text is decoded incrementally: a piece is only
released once it can no longer change (no half UTF-8 character, no possible start of a stop
string), so the pieces always add up to exactly the final text.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Iterator

import torch


@dataclass
class SamplingParams:
    max_new_tokens: int = 512
    temperature: float = 0.0            # 0 is greedy
    top_p: float = 1.0
    stop: list[str] = field(default_factory=list)       # strings that end the reply (not included)
    stop_ids: set[int] = field(default_factory=set)     # token ids that end the reply (not included)
    seed: int | None = None

    def check(self) -> None:
        if self.max_new_tokens < 0:
            raise ValueError(f"max_new_tokens must be >= 0, got {self.max_new_tokens}")
        if self.temperature < 0:
            raise ValueError(f"temperature must be >= 0, got {self.temperature}")
        if not 0 < self.top_p <= 1:
            raise ValueError(f"top_p must be in (0, 1], got {self.top_p}")


def pick_token(logits: torch.Tensor, params: SamplingParams, generator: torch.Generator | None) -> int:
    """Greedy, or temperature / nucleus sampling, from one row of logits."""
    if params.temperature == 0:
        return int(torch.argmax(logits))
    logits = logits.float().cpu()  # the generator lives on the CPU; one row is cheap to move
    probs = torch.softmax(logits / params.temperature, dim=-1)
    if params.top_p < 1.0:
        sorted_p, order = torch.sort(probs, descending=True)
        keep = torch.cumsum(sorted_p, dim=-1) - sorted_p < params.top_p
        sorted_p = torch.where(keep, sorted_p, torch.zeros_like(sorted_p))
        choice = torch.multinomial(sorted_p / sorted_p.sum(), 1, generator=generator)
        return int(order[int(choice)])
    return int(torch.multinomial(probs, 1, generator=generator))


def generate_ids(first_logits: torch.Tensor, step: Callable[[int], torch.Tensor],
                 params: SamplingParams) -> Iterator[int]:
    """Yield new token ids until a stop id or the token limit; `step(id)` returns the next logits."""
    params.check()
    generator = None
    if params.seed is not None:
        generator = torch.Generator().manual_seed(params.seed)
    logits = first_logits
    for i in range(params.max_new_tokens):
        tok = pick_token(logits, params, generator)
        if tok in params.stop_ids:
            return
        yield tok
        if i + 1 < params.max_new_tokens:
            logits = step(tok)


class TextStream:
    """Turns a growing list of token ids into text pieces that never need taking back."""

    def __init__(self, decode: Callable[[list[int]], str], stop: list[str]):
        self._decode = decode
        self._stop = [s for s in stop if s]
        self._ids: list[int] = []
        self._sent = ""
        self.stopped = False

    def _holdback(self, text: str) -> int:
        """How many trailing characters might still become the start of a stop string."""
        keep = 0
        for s in self._stop:
            for k in range(min(len(s) - 1, len(text)), 0, -1):
                if text.endswith(s[:k]):
                    keep = max(keep, k)
                    break
        return keep

    def push(self, tok: int) -> str:
        """Add one token; return the text that is now final (maybe empty)."""
        self._ids.append(tok)
        text = self._decode(self._ids)
        cut = min((text.find(s) for s in self._stop if s in text), default=-1)
        if cut >= 0:
            self.stopped = True
            return self._release(text[:cut])
        if text.endswith("\ufffd"):          # an incomplete multi-byte character
            return ""
        return self._release(text[:len(text) - self._holdback(text)])

    def _release(self, upto: str) -> str:
        if not upto.startswith(self._sent) or len(upto) <= len(self._sent):
            return ""
        piece, self._sent = upto[len(self._sent):], upto
        return piece

    def finish(self) -> str:
        """The rest of the text once generation has ended."""
        if self.stopped:
            return ""
        text = self._decode(self._ids)
        return self._release(text)
