"""Generation end to end with a tiny random local checkpoint (tokenizer included).

The text is random; what is pinned is the mechanics: token limits, stop ids and stop strings,
streaming pieces adding up to generate(), seeded sampling, a sampled video going through.
"""
from __future__ import annotations

import json

import av
import numpy as np
import pytest
from PIL import Image

from codegen.interleave.generate import SamplingParams
from codegen.interleave.model import LocalVLM
from codegen.interleave.prompt import PromptError
from tiny_vlm import tiny_qwen
from vision.video.sample import sample_video

TEXT = [{"role": "user", "content": "Write the HTML for this page."}]


@pytest.fixture(scope="module")
def vlm(tmp_path_factory) -> LocalVLM:
    folder = tmp_path_factory.mktemp("tinyqwen")
    tiny_qwen(folder, seed=3)
    return LocalVLM.load(folder)


def test_token_limit_and_stop_ids(vlm):
    ids = list(vlm.token_stream(TEXT, SamplingParams(max_new_tokens=6, stop_ids=set())))
    assert len(ids) == 6 and all(0 <= t < len(vlm.tokenizer) for t in ids)
    assert list(vlm.token_stream(TEXT, SamplingParams(max_new_tokens=6, stop_ids={ids[2]}))) == ids[:ids.index(ids[2])]
    assert list(vlm.token_stream(TEXT, SamplingParams(max_new_tokens=0))) == []


def test_stream_pieces_add_up_to_generate(vlm):
    seen: list[str] = []
    full = vlm.generate(TEXT, max_new_tokens=10, on_piece=seen.append)
    pieces = list(vlm.stream(TEXT, max_new_tokens=10))
    assert seen == pieces
    assert pieces and all(isinstance(p, str) and p for p in pieces)
    assert "".join(pieces) == full
    assert len(full) >= 4
    stop = full[len(full) // 2:len(full) // 2 + 2]
    cut = vlm.generate(TEXT, max_new_tokens=10, stop=[stop])
    assert cut == full[:full.find(stop)] and len(cut) < len(full)


def test_seeded_sampling_repeats(vlm):
    a = vlm.generate(TEXT, max_new_tokens=8, temperature=1.0, seed=11)
    b = vlm.generate(TEXT, max_new_tokens=8, temperature=1.0, seed=11)
    assert a == b


def test_image_and_sampled_video(vlm, tmp_path):
    path = tmp_path / "clip.mp4"
    with av.open(str(path), "w") as out:
        stream = out.add_stream("libx264", rate=8)
        stream.width, stream.height, stream.pix_fmt = 112, 84, "yuv420p"
        for i in range(16):
            img = np.full((84, 112, 3), 230, np.uint8)
            img[20:50, 5 + 6 * i:35 + 6 * i] = (200, 40, 40)
            for packet in stream.encode(av.VideoFrame.from_ndarray(img, format="rgb24")):
                out.mux(packet)
        for packet in stream.encode():
            out.mux(packet)
    clip = sample_video(path, fps=2.0)
    assert len(clip.frames) == 4
    image = np.random.default_rng(0).integers(0, 256, (70, 90, 3), dtype=np.uint8)
    messages = [{"role": "user", "content": [
        {"type": "image", "image": Image.fromarray(image)}, {"type": "text", "text": "then"},
        {"type": "video", "frames": clip.frames, "timestamps": clip.timestamps}]}]
    inputs = vlm.prepare(messages)
    assert [s.kind for s in inputs.prompt.spans] == ["image", "video"]
    assert inputs.positions.shape == (3, 1, len(inputs.prompt.input_ids))
    assert inputs.embeds.shape == (1, len(inputs.prompt.input_ids), vlm.config.get_text_config().hidden_size)
    assert len(list(vlm.token_stream(messages, SamplingParams(max_new_tokens=3, stop_ids=set())))) == 3


def test_bad_inputs(vlm, tmp_path):
    with pytest.raises(PromptError, match="RGB uint8 array"):
        vlm.generate([{"role": "user", "content": [{"type": "image", "image": [1, 2, 3]}]}])
    with pytest.raises(PromptError, match="RGB uint8 array"):
        vlm.generate([{"role": "user", "content": [{"type": "image", "image": np.zeros((8, 8, 3))}]}])
    frames = [np.zeros((28, 28, 3), np.uint8), np.zeros((56, 28, 3), np.uint8)]
    with pytest.raises(PromptError, match="same size"):
        vlm.generate([{"role": "user", "content": [{"type": "video", "frames": frames}]}])
    with pytest.raises(PromptError, match="non-empty list"):
        vlm.generate([])
    with pytest.raises(ValueError, match="max_new_tokens"):
        vlm.generate(TEXT, max_new_tokens=-1)
    (tmp_path / "config.json").write_text(json.dumps({"model_type": "llava"}))
    with pytest.raises(ValueError, match="not supported"):
        LocalVLM.load(tmp_path)
