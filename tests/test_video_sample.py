"""Video sampling for the model path: rate, frame budget, change filter, family grouping."""
from __future__ import annotations

from pathlib import Path

import av
import numpy as np
import pytest

from vision.video.decode import VideoError
from vision.video.sample import changed_fraction, group_frames, sample_video

FPS = 10
SECONDS = 4


def _frame(i: int) -> np.ndarray:
    """Static grey for the first 2 s, then a box that moves every frame."""
    img = np.full((120, 160, 3), 200, np.uint8)
    if i >= 2 * FPS:
        x = 10 + (i - 2 * FPS) * 6
        img[40:80, x:x + 30] = (30, 60, 200)
    return img


@pytest.fixture(scope="module")
def video(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("vid") / "clip.mp4"
    with av.open(str(path), "w") as out:
        stream = out.add_stream("libx264", rate=FPS)
        stream.width, stream.height, stream.pix_fmt = 160, 120, "yuv420p"
        stream.options = {"crf": "10", "g": "10"}
        for i in range(FPS * SECONDS):
            frame = av.VideoFrame.from_ndarray(_frame(i), format="rgb24")
            for packet in stream.encode(frame):
                out.mux(packet)
        for packet in stream.encode():
            out.mux(packet)
    return path


def test_rate_without_filter(video):
    s = sample_video(video, fps=2.0, min_change=0.0)
    assert s.rate == 2.0
    assert s.timestamps == pytest.approx([0.0, 0.5, 1.0, 1.5, 2.0, 2.5, 3.0, 3.5])
    assert all(f.shape == (120, 160, 3) and f.dtype == np.uint8 for f in s.frames)
    assert s.dropped == 0


def test_budget_lowers_rate(video):
    s = sample_video(video, fps=2.0, max_frames=4, min_change=0.0)
    assert s.rate == pytest.approx(1.0)
    assert len(s.frames) == 4
    assert s.timestamps == pytest.approx([0.0, 1.0, 2.0, 3.0])


def test_change_filter_drops_static_frames(video):
    s = sample_video(video, fps=2.0)
    # 0.5 .. 1.5 s repeat frame 0; from 2.0 s the box moves at every sample
    assert s.timestamps == pytest.approx([0.0, 2.0, 2.5, 3.0, 3.5])
    assert s.dropped == 3
    assert changed_fraction(s.frames[0], s.frames[1]) > 0.01


def test_min_frames_falls_back_to_unfiltered(video):
    s = sample_video(video, fps=2.0, min_frames=6)
    assert len(s.frames) == 8


def test_max_side_downsizes(video):
    s = sample_video(video, fps=1.0, max_side=80, min_change=0.0)
    assert s.frames[0].shape == (60, 80, 3)


def test_grouping_per_family():
    frames = [np.full((4, 4, 3), i, np.uint8) for i in range(5)]
    stamps = [0.0, 0.5, 1.0, 1.5, 2.0]
    pairs = group_frames("qwen2_5_vl", frames, stamps)
    assert [len(g.frames) for g in pairs] == [2, 2, 2]
    assert pairs[-1].padded == 1 and pairs[-1].frames[1] is frames[4]
    assert [g.start for g in pairs] == [0.0, 1.0, 2.0]
    chunks = group_frames("kimi_k25", frames, stamps)
    assert [len(g.frames) for g in chunks] == [4, 1]
    assert [g.start for g in chunks] == [0.0, 2.0] and chunks[1].padded == 0
    with pytest.raises(ValueError, match="unknown model family"):
        group_frames("llava", frames, stamps)


def test_bad_input(tmp_path):
    bad = tmp_path / "x.mp4"
    bad.write_bytes(b"not a video at all")
    with pytest.raises(VideoError):
        sample_video(bad)
    with pytest.raises(VideoError, match="positive"):
        sample_video(bad, fps=0)
