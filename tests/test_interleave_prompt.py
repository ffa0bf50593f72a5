"""Prompt building, M-RoPE positions, feature scattering and text streaming (no encoder needed)."""
from __future__ import annotations

import pytest
import torch

from codegen.interleave.generate import SamplingParams, TextStream, generate_ids, pick_token
from codegen.interleave.merge import scatter_features
from codegen.interleave.positions import Grid, kimi_positions, qwen_decode_positions, qwen_mrope_positions
from codegen.interleave.prompt import MediaSlot, PromptError, build_prompt, timestamp_text
from tiny_vlm import QWEN_TEMPLATE, build_tokenizer


@pytest.fixture(scope="module")
def qwen_tok(tmp_path_factory):
    return build_tokenizer("qwen2_5_vl", tmp_path_factory.mktemp("qtok"), QWEN_TEMPLATE)


@pytest.fixture(scope="module")
def kimi_tok(tmp_path_factory):
    return build_tokenizer("kimi_k25", tmp_path_factory.mktemp("ktok"), None)


def _messages(n_images=2, video=True):
    parts = [{"type": "text", "text": "Write the HTML for this page."}]
    for _ in range(n_images):
        parts += [{"type": "image", "image": None}, {"type": "text", "text": " and "}]
    if video:
        parts.append({"type": "video", "frames": []})
    return [{"role": "system", "content": "You are a helpful assistant."}, {"role": "user", "content": parts}]


def test_qwen_prompt_runs_and_spans(qwen_tok):
    slots = [MediaSlot("image", [4]), MediaSlot("image", [12]), MediaSlot("video", [18])]
    p = build_prompt(qwen_tok, "qwen2_5_vl", _messages(), slots)
    assert p.text.startswith("<|im_start|>system\nYou are a helpful assistant.<|im_end|>\n<|im_start|>user\n")
    assert "page.<|vision_start|>" + "<|image_pad|>" * 4 + "<|vision_end|> and " in p.text
    assert "<|vision_start|>" + "<|video_pad|>" * 18 + "<|vision_end|><|im_end|>" in p.text
    assert p.text.endswith("<|im_start|>assistant\n")
    assert [(s.kind, s.length, s.media) for s in p.spans] == [("image", 4, 0), ("image", 12, 1), ("video", 18, 2)]
    image_id = qwen_tok.convert_tokens_to_ids("<|image_pad|>")
    for s in p.spans[:2]:
        assert p.input_ids[s.start:s.start + s.length] == [image_id] * s.length
        assert p.input_ids[s.start - 1] == qwen_tok.convert_tokens_to_ids("<|vision_start|>")
    types = p.token_types()
    assert types.count(1) == 16 and types.count(2) == 18
    assert qwen_tok.decode(p.input_ids) == p.text


def test_kimi_prompt_fallback_template_and_timestamps(kimi_tok):
    slots = [MediaSlot("image", [6]), MediaSlot("video", [4, 4, 2], [0.0, 2.0, 61.25])]
    p = build_prompt(kimi_tok, "kimi_k25", _messages(1), slots)
    assert p.text.startswith("<|im_system|>system<|im_middle|>You are a helpful assistant.<|im_end|>"
                             "<|im_user|>user<|im_middle|>Write the HTML")
    assert "<|media_begin|>image<|media_content|>" + "<|media_pad|>" * 6 + "<|media_end|>" in p.text
    assert ("00:00:02.000<|media_begin|>video<|media_content|>" + "<|media_pad|>" * 4 + "<|media_end|>"
            "00:01:01.250<|media_begin|>video") in p.text
    assert p.text.endswith("<|im_assistant|>assistant<|im_middle|>")
    assert [(s.kind, s.length, s.media) for s in p.spans] == [("image", 6, 0), ("video", 4, 1),
                                                               ("video", 4, 1), ("video", 2, 1)]
    assert timestamp_text(3723.5) == "01:02:03.500"


def test_prompt_errors(qwen_tok):
    with pytest.raises(PromptError, match="unknown model family"):
        build_prompt(qwen_tok, "llava", _messages(), [])
    with pytest.raises(PromptError, match="3 images/videos given"):
        build_prompt(qwen_tok, "qwen2_5_vl", _messages(0, video=False),
                     [MediaSlot("image", [4])] * 3)
    sneaky = [{"role": "user", "content": [{"type": "text", "text": "hi <|image_pad|>"},
                                           {"type": "image", "image": None}]}]
    with pytest.raises(PromptError, match="placeholder tokens"):
        build_prompt(qwen_tok, "qwen2_5_vl", sneaky, [MediaSlot("image", [4])])
    with pytest.raises(PromptError, match="unsupported content part"):
        build_prompt(qwen_tok, "qwen2_5_vl", [{"role": "user", "content": [{"type": "audio"}]}], [])
    with pytest.raises(PromptError, match="no <|media_pad|> token"):
        build_prompt(qwen_tok, "kimi_k25", [{"role": "user", "content": "hi"}], [])


@pytest.mark.parametrize("seconds", [1.0, 0.75, 2.5])
def test_qwen_positions_match_transformers(qwen_tok, seconds):
    from transformers import Qwen2_5_VLConfig
    from transformers.models.qwen2_5_vl.modeling_qwen2_5_vl import Qwen2_5_VLModel

    config = Qwen2_5_VLConfig(
        text_config=dict(vocab_size=512, hidden_size=16, intermediate_size=16, num_hidden_layers=1,
                         num_attention_heads=2, num_key_value_heads=1,
                         rope_parameters={"rope_type": "default", "rope_theta": 1e4, "mrope_section": [1, 1, 2]}),
        vision_config=dict(depth=1, hidden_size=16, num_heads=2, intermediate_size=16, out_hidden_size=16,
                           tokens_per_second=2))
    ref_model = Qwen2_5_VLModel(config)
    grids = [Grid(1, 4, 6), Grid(1, 8, 2), Grid(3, 6, 4, seconds)]
    slots = [MediaSlot("image", [6]), MediaSlot("image", [4]), MediaSlot("video", [18])]
    p = build_prompt(qwen_tok, "qwen2_5_vl", _messages(), slots)
    ids = torch.tensor([p.input_ids])
    ours, delta = qwen_mrope_positions(len(p.input_ids), p.spans, grids, tokens_per_second=2)
    ref, ref_delta = ref_model.get_rope_index(
        ids, torch.tensor([p.token_types()]), image_grid_thw=torch.tensor([[1, 4, 6], [1, 8, 2]]),
        video_grid_thw=torch.tensor([[3, 6, 4]]), second_per_grid_ts=torch.tensor([seconds]))
    assert torch.equal(ours, ref)
    assert delta == int(ref_delta)
    nxt = qwen_decode_positions(len(p.input_ids), 2, delta)
    assert nxt[:, 0, 0].tolist() == [int(ours.max()) + 1] * 3 and nxt.shape == (3, 1, 2)
    assert kimi_positions(3, 5).tolist() == [[5, 6, 7]]


def test_scatter_features():
    from codegen.interleave.prompt import Span

    embeds = torch.zeros(1, 10, 4)
    spans = [Span("image", 2, 3, 0), Span("video", 6, 2, 1)]
    out = scatter_features(embeds, spans, [torch.ones(3, 4), torch.full((2, 4), 2.0)])
    assert out[0, :, 0].tolist() == [0, 0, 1, 1, 1, 0, 2, 2, 0, 0]
    assert embeds.abs().sum() == 0
    with pytest.raises(ValueError, match="do not fit"):
        scatter_features(embeds, spans, [torch.ones(2, 4), torch.ones(2, 4)])


def test_text_stream_stops_and_holds_back():
    vocab = {1: "Hel", 2: "lo <", 3: "/ht", 4: "ml> tail", 5: "!"}
    decode = lambda ids: "".join(vocab[i] for i in ids)  # noqa: E731
    s = TextStream(decode, ["</html>"])
    pieces = [s.push(t) for t in (1, 2, 3)]
    assert pieces == ["Hel", "lo ", ""]          # "</ht" could still become the stop string
    assert s.push(4) == "" and s.stopped
    s = TextStream(decode, ["</html>"])
    assert [s.push(t) for t in (1, 2, 5)] == ["Hel", "lo ", "<!"] and s.finish() == ""
    s = TextStream(lambda ids: "ab\ufffd" if len(ids) == 1 else "abé", [])
    assert s.push(1) == "" and s.push(2) == "abé"


def test_generate_ids_limits_and_stop_ids():
    logits = [torch.tensor([0.0, 5.0, 1.0]), torch.tensor([0.0, 1.0, 5.0]), torch.tensor([9.0, 0, 0])]
    it = iter(logits[1:])
    out = list(generate_ids(logits[0], lambda tok: next(it), SamplingParams(max_new_tokens=5, stop_ids={0})))
    assert out == [1, 2]
    assert list(generate_ids(logits[0], lambda tok: logits[0], SamplingParams(max_new_tokens=3))) == [1, 1, 1]
    params = SamplingParams(temperature=1.0, top_p=0.5, seed=3)
    assert pick_token(torch.tensor([0.0, 10.0, 0.0]), params, torch.Generator().manual_seed(3)) == 1
    with pytest.raises(ValueError, match="top_p"):
        SamplingParams(top_p=0).check()
