"""Tiny random Qwen2.5-VL and Kimi K2.5 checkpoints, tokenizer included, built offline.

The tokenizer is a byte-level BPE trained in memory on a few sentences, with each family's
special tokens added; the model configs point their image/video/vision token ids at those
tokens, so transformers' own classes read the same prompts as ours.
"""
from __future__ import annotations

from pathlib import Path

import torch

SPECIAL = {
    "qwen2_5_vl": ["<|im_start|>", "<|im_end|>", "<|vision_start|>", "<|vision_end|>",
                   "<|image_pad|>", "<|video_pad|>", "<|endoftext|>"],
    "kimi_k25": ["<|im_user|>", "<|im_assistant|>", "<|im_system|>", "<|im_middle|>", "<|im_end|>",
                 "<|media_begin|>", "<|media_content|>", "<|media_end|>", "<|media_pad|>",
                 "<|kimi_k25_video_placeholder|>", "[EOS]"],
}
CORPUS = [
    "Write the HTML for this page. A header, a sidebar and three cards with buttons.",
    "<div class=\"card\"><h1>Title</h1><p>Some text here.</p><button>Save</button></div>",
    "The user clicks the login button, types an email address and scrolls down 00:00:01.500",
    "system user assistant image video You are a helpful assistant.",
]
QWEN_TEMPLATE = (
    "{% for m in messages %}{% if loop.first and m['role'] != 'system' %}"
    "<|im_start|>system\nYou are a helpful assistant.<|im_end|>\n{% endif %}"
    "<|im_start|>{{ m['role'] }}\n{{ m['content'] }}<|im_end|>\n{% endfor %}"
    "{% if add_generation_prompt %}<|im_start|>assistant\n{% endif %}"
)


def build_tokenizer(family: str, folder: Path, chat_template: str | None = None):
    """Train a small byte-level BPE, add the family's special tokens, save it to `folder`."""
    from tokenizers import Tokenizer, decoders, models, pre_tokenizers, trainers
    from transformers import PreTrainedTokenizerFast

    tok = Tokenizer(models.BPE())
    tok.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False)
    tok.decoder = decoders.ByteLevel()
    trainer = trainers.BpeTrainer(vocab_size=300, initial_alphabet=pre_tokenizers.ByteLevel.alphabet(),
                                  show_progress=False)
    tok.train_from_iterator(CORPUS, trainer)
    eos = "<|im_end|>" if family == "qwen2_5_vl" else "[EOS]"
    fast = PreTrainedTokenizerFast(tokenizer_object=tok, eos_token=eos, pad_token=eos)
    fast.add_special_tokens({"additional_special_tokens": SPECIAL[family]})
    if chat_template:
        fast.chat_template = chat_template
    folder.mkdir(parents=True, exist_ok=True)
    fast.save_pretrained(str(folder))
    return fast


def tiny_qwen(folder: Path, *, chat_template: str | None = QWEN_TEMPLATE, seed: int = 0):
    """A 2-layer Qwen2.5-VL with a 4-block vision tower, saved with its tokenizer."""
    from transformers import Qwen2_5_VLConfig, Qwen2_5_VLForConditionalGeneration

    tok = build_tokenizer("qwen2_5_vl", folder, chat_template)
    ids = {t: tok.convert_tokens_to_ids(t) for t in SPECIAL["qwen2_5_vl"]}
    config = Qwen2_5_VLConfig(
        text_config=dict(vocab_size=len(tok), hidden_size=64, intermediate_size=128, num_hidden_layers=2,
                         num_attention_heads=4, num_key_value_heads=2,
                         rope_parameters={"rope_type": "default", "rope_theta": 1e4, "mrope_section": [2, 3, 3]},
                         bos_token_id=None, eos_token_id=ids["<|im_end|>"], pad_token_id=None),
        vision_config=dict(depth=4, hidden_size=32, num_heads=4, intermediate_size=64, out_hidden_size=64,
                           window_size=112, fullatt_block_indexes=[1, 3], tokens_per_second=2),
        image_token_id=ids["<|image_pad|>"], video_token_id=ids["<|video_pad|>"],
        vision_start_token_id=ids["<|vision_start|>"], vision_end_token_id=ids["<|vision_end|>"],
    )
    torch.manual_seed(seed)
    model = Qwen2_5_VLForConditionalGeneration(config).eval()
    model.save_pretrained(str(folder))
    return model, tok


def tiny_kimi(folder: Path, *, chat_template: str | None = None, seed: int = 0):
    """A 2-layer Kimi K2.5 (DeepSeek-V3 text model, one MoE layer) with a 2-block MoonViT."""
    from transformers import Kimi_K25Config, Kimi_K25ForConditionalGeneration

    tok = build_tokenizer("kimi_k25", folder, chat_template)
    ids = {t: tok.convert_tokens_to_ids(t) for t in SPECIAL["kimi_k25"]}
    config = Kimi_K25Config(
        text_config=dict(vocab_size=len(tok), hidden_size=64, intermediate_size=128, moe_intermediate_size=32,
                         num_hidden_layers=2, num_attention_heads=4, num_key_value_heads=4, q_lora_rank=16,
                         kv_lora_rank=16, qk_rope_head_dim=8, qk_nope_head_dim=8, v_head_dim=16,
                         n_routed_experts=4, num_experts_per_tok=2, n_shared_experts=1, first_k_dense_replace=1,
                         n_group=1, topk_group=1, bos_token_id=None, eos_token_id=ids["[EOS]"], pad_token_id=None),
        vision_config=dict(num_hidden_layers=2, hidden_size=64, intermediate_size=128, num_attention_heads=4,
                           pos_emb_height=8, pos_emb_width=8),
        projection_hidden_size=64,
        image_token_id=ids["<|media_pad|>"], video_token_id=ids["<|kimi_k25_video_placeholder|>"],
        vision_start_token_id=ids["<|media_begin|>"], vision_end_token_id=ids["<|media_end|>"],
    )
    torch.manual_seed(seed)
    model = Kimi_K25ForConditionalGeneration(config).eval()
    model.save_pretrained(str(folder))
    return model, tok
