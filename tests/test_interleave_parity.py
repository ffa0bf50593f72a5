"""Our whole forward pass equals transformers' for a prompt with text, two images and a video.

Our side: the project's encoder (`vision.encoder`), our prompt, feature scattering and
positions, transformers' text model. Reference: transformers' `...ForConditionalGeneration`
given the same token ids and pixel values. Greedy decoding with our KV-cache loop must also
pick the same tokens as transformers' `generate` (this checks the decode positions).
"""
from __future__ import annotations

import numpy as np
import pytest
import torch

from codegen.interleave.generate import SamplingParams
from codegen.interleave.model import LocalVLM
from tiny_vlm import tiny_kimi, tiny_qwen

BUILDERS = {"qwen2_5_vl": tiny_qwen, "kimi_k25": tiny_kimi}


def _messages(n_frames: int) -> list[dict]:
    """Qwen gets 3 frames (an odd last pair), Kimi 5 (a 4-frame chunk and a 1-frame chunk)."""
    rng = np.random.default_rng(7)
    img = lambda h, w: rng.integers(0, 256, (h, w, 3), dtype=np.uint8)  # noqa: E731
    frames = [img(60, 90) for _ in range(n_frames)]
    return [
        {"role": "system", "content": "You are a helpful assistant."},
        {"role": "user", "content": [
            {"type": "text", "text": "Write the HTML for this page."},
            {"type": "image", "image": img(64, 50)},
            {"type": "text", "text": " and this one "},
            {"type": "image", "image": img(90, 120)},
            {"type": "text", "text": " then the video:"},
            {"type": "video", "frames": frames, "timestamps": [0.5 * i for i in range(n_frames)]},
            {"type": "text", "text": "Save"},
        ]},
    ]


def _reference_inputs(vlm: LocalVLM, family: str, reference, inputs) -> dict:
    """The same ids and pixels in transformers' calling convention."""
    images = [m for m in inputs.items if m.kind == "image"]
    videos = [m for m in inputs.items if m.kind == "video"]
    ids = torch.tensor([inputs.prompt.input_ids])
    kw = dict(pixel_values=torch.cat([m.pixel_values for m in images]),
              image_grid_thw=torch.cat([m.grid_thw for m in images]),
              pixel_values_videos=torch.cat([m.pixel_values for m in videos]),
              video_grid_thw=torch.cat([m.grid_thw for m in videos]))
    types = torch.tensor([inputs.prompt.token_types()])
    if family == "qwen2_5_vl":
        kw["mm_token_type_ids"] = types
        kw["second_per_grid_ts"] = torch.tensor([m.grid.seconds_per_t for m in videos])
    else:  # transformers' Kimi scatters video features at its own video token id
        ids = ids.masked_fill(types == 2, reference.config.video_token_id)
    kw["input_ids"] = ids
    return kw


@pytest.mark.parametrize("family", ["qwen2_5_vl", "kimi_k25"])
def test_forward_and_greedy_decode_match_transformers(tmp_path, family):
    reference, _ = BUILDERS[family](tmp_path)
    vlm = LocalVLM.load(tmp_path, device="cpu")
    assert vlm.family == family and vlm.dtype == torch.float32
    assert not any(name.startswith(("visual", "vision_tower")) for name, _ in vlm.language_model.named_modules())
    messages = _messages(3 if family == "qwen2_5_vl" else 5)
    inputs = vlm.prepare(messages)
    runs = [s.kind for s in inputs.prompt.spans]
    assert runs == (["image", "image", "video"] if family == "qwen2_5_vl" else ["image", "image", "video", "video"])

    ours = vlm.logits(messages)
    kw = _reference_inputs(vlm, family, reference, inputs)
    with torch.no_grad():
        ref = reference(**kw).logits
    assert ours.shape == ref.shape == (1, len(inputs.prompt.input_ids), reference.config.get_text_config().vocab_size)
    assert torch.allclose(ours, ref, atol=1e-4, rtol=0), float((ours - ref).abs().max())

    mine = list(vlm.token_stream(messages, SamplingParams(max_new_tokens=4)))
    with torch.no_grad():
        out = reference.generate(**kw, attention_mask=torch.ones_like(kw["input_ids"]), max_new_tokens=4,
                                 do_sample=False, eos_token_id=None)
    theirs = out[0, kw["input_ids"].shape[1]:].tolist()
    stop_at = next((i for i, t in enumerate(theirs) if t in vlm.stop_ids), len(theirs))
    assert mine == theirs[:stop_at]
