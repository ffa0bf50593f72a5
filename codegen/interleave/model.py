"""A local vision-language checkpoint: our encoder, transformers' language model, our interleaving.

`LocalVLM.load(folder)` reads a Qwen2.5-VL or Kimi K2.5 checkpoint folder (config.json,
safetensors, tokenizer): the language model and its head through transformers' own classes
(so every key conversion and weight tie of the family is theirs), the vision tower through the
project's encoder (`vision.encoder.load`). Images and videos in OpenAI-style messages are
preprocessed, encoded, scattered into the token embeddings, given the family's positions and
decoded with a KV cache, streaming text as it comes.
"""
from __future__ import annotations

import gc
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterator

import torch

from codegen.interleave import media as media_mod
from codegen.interleave.generate import SamplingParams, TextStream, generate_ids
from codegen.interleave.merge import scatter_features
from codegen.interleave.positions import kimi_positions, qwen_decode_positions, qwen_mrope_positions
from codegen.interleave.prompt import FAMILIES, Prompt, PromptError, build_prompt, media_parts

_DTYPES = {"bf16": torch.bfloat16, "bfloat16": torch.bfloat16, "fp16": torch.float16,
           "float16": torch.float16, "half": torch.float16, "fp32": torch.float32, "float32": torch.float32}
_VISION_ATTRS = ("visual", "vision_tower", "mm_projector")


def resolve_device(device: str | torch.device | None) -> torch.device:
    if device in (None, "", "auto"):
        return torch.device("cuda" if torch.cuda.is_available() else "cpu")
    return torch.device(device)


def resolve_dtype(dtype: str | torch.dtype | None, device: torch.device) -> torch.dtype:
    """bf16 on CUDA, float32 on the CPU, unless asked otherwise."""
    if isinstance(dtype, torch.dtype):
        return dtype
    if dtype in (None, "", "auto"):
        return torch.bfloat16 if device.type == "cuda" else torch.float32
    if dtype not in _DTYPES:
        raise ValueError(f"unknown dtype {dtype!r} (use one of {', '.join(sorted(_DTYPES))})")
    return _DTYPES[dtype]


def read_family(folder: Path) -> tuple[str, dict]:
    cfg_path = folder / "config.json"
    if not cfg_path.is_file():
        raise ValueError(f"{folder}: not a checkpoint folder (no config.json)")
    try:
        cfg = json.loads(cfg_path.read_text())
    except (OSError, json.JSONDecodeError) as exc:
        raise ValueError(f"{cfg_path}: unreadable config ({exc})") from None
    family = cfg.get("model_type")
    if family not in FAMILIES:
        raise ValueError(f"{folder}: model_type {family!r} is not supported (expected {' or '.join(FAMILIES)})")
    return family, cfg


def _model_class(family: str):
    if family == "qwen2_5_vl":
        from transformers import Qwen2_5_VLForConditionalGeneration
        return Qwen2_5_VLForConditionalGeneration
    from transformers import Kimi_K25ForConditionalGeneration
    return Kimi_K25ForConditionalGeneration


def _adopt_processor_template(tokenizer, folder: Path) -> None:
    """VL checkpoints often keep the chat template beside the processor, not the tokenizer."""
    if getattr(tokenizer, "chat_template", None):
        return
    jinja, js = folder / "chat_template.jinja", folder / "chat_template.json"
    try:
        if jinja.is_file():
            tokenizer.chat_template = jinja.read_text()
        elif js.is_file():
            tokenizer.chat_template = json.loads(js.read_text()).get("chat_template")
    except (OSError, json.JSONDecodeError, AttributeError):
        pass


def _stop_ids(folder: Path, config, tokenizer) -> set[int]:
    """End-of-reply ids: generation_config.json, the config, the tokenizer, the end-of-turn token."""
    ids: set[int] = set()

    def add(v):
        if isinstance(v, int):
            ids.add(v)
        elif isinstance(v, (list, tuple)):
            ids.update(int(x) for x in v if isinstance(x, int))

    gen_path = folder / "generation_config.json"
    if gen_path.is_file():
        try:
            add(json.loads(gen_path.read_text()).get("eos_token_id"))
        except (OSError, json.JSONDecodeError):
            pass
    add(getattr(config.get_text_config(), "eos_token_id", None))
    add(tokenizer.eos_token_id)
    end_turn = tokenizer.convert_tokens_to_ids("<|im_end|>")
    if isinstance(end_turn, int) and end_turn != tokenizer.unk_token_id:
        ids.add(end_turn)
    return ids


@dataclass
class Inputs:
    """Everything the language model needs for one prompt."""

    prompt: Prompt
    items: list[media_mod.PreparedMedia]
    embeds: torch.Tensor            # (1, L, D)
    positions: torch.Tensor         # (1, L) for Kimi, (3, 1, L) for Qwen
    delta: int                      # Qwen: decode position = cache length + delta


class LocalVLM:
    """One loaded checkpoint; `stream()` and `generate()` answer OpenAI-style messages."""

    def __init__(self, family: str, config, tokenizer, language_model: torch.nn.Module,
                 lm_head: torch.nn.Module, encoder: torch.nn.Module, preprocess,
                 device: torch.device, dtype: torch.dtype, stop_ids: set[int]):
        self.family = family
        self.config = config
        self.tokenizer = tokenizer
        self.language_model = language_model
        self.lm_head = lm_head
        self.encoder = encoder
        self.preprocess = preprocess
        self.device = device
        self.dtype = dtype
        self.stop_ids = stop_ids
        vc = config.vision_config
        self.spatial_merge = int(getattr(vc, "spatial_merge_size", 2))
        self.tokens_per_second = float(getattr(vc, "tokens_per_second", 2))

    @classmethod
    def load(cls, folder: str | Path, device: str | torch.device | None = None,
             dtype: str | torch.dtype | None = None) -> "LocalVLM":
        from transformers import AutoTokenizer

        from codegen.interleave.vision_side import load_vision

        path = Path(folder).expanduser()
        family, _ = read_family(path)
        dev = resolve_device(device)
        dt = resolve_dtype(dtype, dev)
        tokenizer = AutoTokenizer.from_pretrained(str(path))
        _adopt_processor_template(tokenizer, path)
        extra = {"device_map": str(dev)} if dev.type == "cuda" else {}
        full = _model_class(family).from_pretrained(str(path), dtype=dt, attn_implementation="sdpa", **extra)
        for name in _VISION_ATTRS:  # the vision side is ours; free transformers' copy
            if hasattr(full.model, name):
                delattr(full.model, name)
        lm, head, config = full.model.language_model, full.lm_head, full.config
        lm.to(dev).eval()
        head.to(dev).eval()
        del full
        gc.collect()
        encoder, preprocess = load_vision(path, family, dev, dt)
        return cls(family, config, tokenizer, lm, head, encoder, preprocess, dev, dt,
                   _stop_ids(path, config, tokenizer))

    # --- building the inputs -------------------------------------------------------------
    def prepare(self, messages: list[dict]) -> "Inputs":
        """Prompt, prepared media, merged input embeddings (1, L, D), positions, M-RoPE delta."""
        if not isinstance(messages, list) or not messages:
            raise PromptError("messages must be a non-empty list")
        items = [media_mod.prepare_part(self.family, p, i, self.preprocess)
                 for i, p in enumerate(media_parts(messages))]
        prompt = build_prompt(self.tokenizer, self.family, messages, [m.slot for m in items])
        ids = torch.tensor([prompt.input_ids], dtype=torch.long, device=self.device)
        with torch.inference_mode():
            embeds = self.language_model.get_input_embeddings()(ids)
            if items:
                feats = media_mod.encode_media(self.encoder, self.family, items, self.device, self.dtype)
                embeds = scatter_features(embeds, prompt.spans, feats)
        length = len(prompt.input_ids)
        if self.family == "qwen2_5_vl":
            positions, delta = qwen_mrope_positions(length, prompt.spans, [m.grid for m in items],
                                                    spatial_merge=self.spatial_merge,
                                                    tokens_per_second=self.tokens_per_second)
        else:
            positions, delta = kimi_positions(length), 0
        return Inputs(prompt, items, embeds, positions.to(self.device), delta)

    @torch.inference_mode()
    def logits(self, messages: list[dict]) -> torch.Tensor:
        """Logits (1, L, vocab) of the whole prompt, float32: what parity tests compare."""
        inputs = self.prepare(messages)
        out = self.language_model(inputs_embeds=inputs.embeds, position_ids=inputs.positions, use_cache=False)
        return self.lm_head(out.last_hidden_state).float()

    # --- generation ----------------------------------------------------------------------
    def token_stream(self, messages: list[dict], params: SamplingParams) -> Iterator[int]:
        """New token ids, one forward step each, with a KV cache (stop ids end it, unreturned)."""
        from transformers import DynamicCache

        params.check()
        inputs = self.prepare(messages)
        cache = DynamicCache(config=self.config.get_text_config())
        embed_tokens = self.language_model.get_input_embeddings()

        @torch.inference_mode()
        def run(embeds: torch.Tensor, pos: torch.Tensor) -> torch.Tensor:
            out = self.language_model(inputs_embeds=embeds, position_ids=pos, cache=cache, use_cache=True)
            return self.lm_head(out.last_hidden_state[:, -1])[0]

        @torch.inference_mode()
        def step(tok: int) -> torch.Tensor:
            seen = cache.get_seq_length()
            embeds = embed_tokens(torch.tensor([[tok]], device=self.device))
            if self.family == "qwen2_5_vl":
                pos = qwen_decode_positions(seen, 1, inputs.delta)
            else:
                pos = kimi_positions(1, seen)
            return run(embeds, pos.to(self.device))

        yield from generate_ids(run(inputs.embeds, inputs.positions), step, params)

    def stream(self, messages: list[dict], max_new_tokens: int = 512, temperature: float = 0.0,
               stop: str | list[str] | None = None, *, top_p: float = 1.0,
               seed: int | None = None) -> Iterator[str]:
        """Yield the reply as text pieces; their concatenation is `generate()`'s result."""
        stops = [stop] if isinstance(stop, str) else list(stop or [])
        params = SamplingParams(max_new_tokens, temperature, top_p, stops, set(self.stop_ids), seed)
        text = TextStream(lambda ids: self.tokenizer.decode(ids, skip_special_tokens=True,
                                                            clean_up_tokenization_spaces=False), stops)
        for tok in self.token_stream(messages, params):
            piece = text.push(tok)
            if piece:
                yield piece
            if text.stopped:
                return
        rest = text.finish()
        if rest:
            yield rest

    def generate(self, messages: list[dict], max_new_tokens: int = 512, temperature: float = 0.0,
                 stop: str | list[str] | None = None, *, top_p: float = 1.0, seed: int | None = None,
                 on_piece: Callable[[str], None] | None = None) -> str:
        """The whole reply; `on_piece` sees each streamed piece as it comes."""
        pieces = []
        for piece in self.stream(messages, max_new_tokens, temperature, stop, top_p=top_p, seed=seed):
            pieces.append(piece)
            if on_piece is not None:
                on_piece(piece)
        return "".join(pieces)
