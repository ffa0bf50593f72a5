"""Build the multimodal prompt: chat-template text with each picture's placeholder run.

The chat template only lays out turns; every image or video part is replaced by a sentinel
before rendering and by its family's placeholder text afterwards, so any template that prints
message text works, with or without native image support. The whole text is then tokenised in
one pass (placeholders are added tokens, so this is exactly what the checkpoints' processors
do) and the runs of pad tokens are located to give each picture its span.
"""
from __future__ import annotations

import secrets
import time
from dataclasses import dataclass, field

FAMILIES = ("qwen2_5_vl", "kimi_k25")


@dataclass(frozen=True)
class FamilySpec:
    """Placeholder text of one checkpoint family."""

    image_begin: str
    image_pad: str
    image_end: str
    video_begin: str
    video_pad: str
    video_end: str
    chunk_timestamps: bool          # Kimi writes each video chunk's start time before it
    fallback_template: str          # used when the tokenizer has no chat template


_CHATML = (
    "{% for m in messages %}<|im_start|>{{ m['role'] }}\n{{ m['content'] }}<|im_end|>\n{% endfor %}"
    "{% if add_generation_prompt %}<|im_start|>assistant\n{% endif %}"
)
_KIMI = (
    "{% for m in messages %}"
    "{% if m['role'] == 'system' %}<|im_system|>system<|im_middle|>"
    "{% elif m['role'] == 'assistant' %}<|im_assistant|>assistant<|im_middle|>"
    "{% else %}<|im_user|>{{ m['role'] }}<|im_middle|>{% endif %}"
    "{{ m['content'] }}<|im_end|>{% endfor %}"
    "{% if add_generation_prompt %}<|im_assistant|>assistant<|im_middle|>{% endif %}"
)

SPECS = {
    "qwen2_5_vl": FamilySpec("<|vision_start|>", "<|image_pad|>", "<|vision_end|>",
                             "<|vision_start|>", "<|video_pad|>", "<|vision_end|>", False, _CHATML),
    "kimi_k25": FamilySpec("<|media_begin|>image<|media_content|>", "<|media_pad|>", "<|media_end|>",
                           "<|media_begin|>video<|media_content|>", "<|media_pad|>", "<|media_end|>",
                           True, _KIMI),
}


class PromptError(ValueError):
    """The messages cannot be turned into a prompt; the message is one line."""


@dataclass
class MediaSlot:
    """What the prompt needs to know about one image or video after preprocessing.

    `runs` holds the placeholder count of each run: one for an image or a Qwen video, one per
    chunk for a Kimi video (with `run_times`, each chunk's start in seconds).
    """

    kind: str                                   # "image" or "video"
    runs: list[int]
    run_times: list[float] = field(default_factory=list)


@dataclass
class Span:
    """Where one run of placeholders sits in the token sequence."""

    kind: str
    start: int
    length: int
    media: int                                  # index of the media item it belongs to


@dataclass
class Prompt:
    text: str
    input_ids: list[int]
    spans: list[Span]

    def token_types(self) -> list[int]:
        """0 text, 1 image, 2 video per token (transformers' mm_token_type_ids)."""
        types = [0] * len(self.input_ids)
        for s in self.spans:
            types[s.start:s.start + s.length] = [1 if s.kind == "image" else 2] * s.length
        return types


def timestamp_text(seconds: float) -> str:
    """HH:MM:SS.mmm as Kimi's processor writes it."""
    return time.strftime("%H:%M:%S", time.gmtime(seconds)) + f".{int(seconds % 1 * 1000):03d}"


def media_text(spec: FamilySpec, slot: MediaSlot) -> str:
    if slot.kind == "image":
        return spec.image_begin + spec.image_pad * slot.runs[0] + spec.image_end
    if spec.chunk_timestamps:
        if len(slot.run_times) != len(slot.runs):
            raise PromptError("each video chunk needs a start time")
        return "".join(timestamp_text(t) + spec.video_begin + spec.video_pad * n + spec.video_end
                       for t, n in zip(slot.run_times, slot.runs))
    return spec.video_begin + spec.video_pad * sum(slot.runs) + spec.video_end


def media_parts(messages: list[dict]) -> list[dict]:
    """The image and video parts of `messages`, in prompt order."""
    found = []
    for m in messages:
        content = m.get("content")
        if isinstance(content, list):
            found.extend(p for p in content if isinstance(p, dict) and p.get("type") in ("image", "video"))
    return found


def _flatten(messages: list[dict], sentinel: str) -> list[dict]:
    """Messages with string content: text parts joined, media parts as numbered sentinels."""
    flat, n = [], 0
    for i, m in enumerate(messages):
        if not isinstance(m, dict) or "role" not in m:
            raise PromptError(f"message {i} needs a 'role'")
        content = m.get("content", "")
        if content is None:
            content = ""
        if isinstance(content, str):
            flat.append({"role": m["role"], "content": content})
            continue
        if not isinstance(content, list):
            raise PromptError(f"message {i}: content must be a string or a list of parts")
        pieces = []
        for part in content:
            kind = part.get("type") if isinstance(part, dict) else None
            if kind == "text":
                pieces.append(str(part.get("text", "")))
            elif kind in ("image", "video"):
                pieces.append(f"{sentinel}{n}>")
                n += 1
            else:
                raise PromptError(f"message {i}: unsupported content part {kind!r} (text, image or video)")
        flat.append({"role": m["role"], "content": "".join(pieces)})
    return flat


def render_chat(tokenizer, messages: list[dict], template: str, add_generation_prompt: bool = True) -> str:
    """The chat template's text for string-content messages."""
    own = getattr(tokenizer, "chat_template", None)
    if isinstance(own, dict):  # several named templates: the default one renders chats
        own = own.get("default") or next(iter(own.values()), None)
    return tokenizer.apply_chat_template(messages, chat_template=own or template, tokenize=False,
                                         add_generation_prompt=add_generation_prompt)


def pad_ids(tokenizer, spec: FamilySpec) -> dict[str, int]:
    """Token ids of the image and video pads; a tokenizer without them cannot serve this family."""
    ids = {}
    for kind, tok in (("image", spec.image_pad), ("video", spec.video_pad)):
        tid = tokenizer.convert_tokens_to_ids(tok)
        if tid is None or tid == tokenizer.unk_token_id or tokenizer.convert_ids_to_tokens(tid) != tok:
            raise PromptError(f"the tokenizer has no {tok} token: not a checkpoint of this family")
        ids[kind] = tid
    return ids


def build_prompt(tokenizer, family: str, messages: list[dict], slots: list[MediaSlot],
                 add_generation_prompt: bool = True) -> Prompt:
    """Token ids and placeholder spans for `messages`, whose media parts match `slots` in order."""
    if family not in SPECS:
        raise PromptError(f"unknown model family {family!r} (expected one of {', '.join(FAMILIES)})")
    spec = SPECS[family]
    sentinel = f"<v2c-media-{secrets.token_hex(6)}-"
    flat = _flatten(messages, sentinel)
    text = render_chat(tokenizer, flat, spec.fallback_template, add_generation_prompt)
    if text.count(sentinel) != len(slots):
        raise PromptError(f"{len(slots)} images/videos given but the chat template kept {text.count(sentinel)}")
    for i, slot in enumerate(slots):
        text = text.replace(f"{sentinel}{i}>", media_text(spec, slot), 1)
    ids = tokenizer(text, add_special_tokens=False)["input_ids"]
    return Prompt(text, list(ids), _find_spans(ids, slots, spec, pad_ids(tokenizer, spec)))


def _find_spans(ids: list[int], slots: list[MediaSlot], spec: FamilySpec, pads: dict[str, int]) -> list[Span]:
    """Runs of pad tokens in order, checked against what each slot asked for."""
    wanted = [(k, slot.kind, n) for k, slot in enumerate(slots)
              for n in (slot.runs if slot.kind == "image" or spec.chunk_timestamps else [sum(slot.runs)])]
    pad_set = set(pads.values())
    runs, i = [], 0
    while i < len(ids):
        if ids[i] in pad_set:
            j = i
            while j < len(ids) and ids[j] == ids[i]:
                j += 1
            runs.append((i, j - i))
            i = j
        else:
            i += 1
    if [n for _, n in runs] != [n for _, _, n in wanted]:
        raise PromptError("placeholder tokens in the text do not match the images and videos given "
                          "(does the text itself contain placeholder tokens?)")
    return [Span(kind, start, n, k) for (start, n), (k, kind, _) in zip(runs, wanted)]

