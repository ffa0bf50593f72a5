"""The proxy stream: decoding ahead in a thread gives exactly what decoding in the caller gives."""
from __future__ import annotations

import threading

import numpy as np
import pytest

from tests.workflow_media import make_video
from vision.video.decode import VideoError
from vision.video.proxy import iter_proxy


@pytest.fixture(scope="module")
def clip(tmp_path_factory):
    return make_video(tmp_path_factory.mktemp("proxy") / "clip.mp4", seconds=2.0, fps=20, size=(640, 400))


def _threads() -> int:
    return sum(1 for t in threading.enumerate() if t.name == "v2c-proxy")


def test_ahead_matches_inline(clip):
    inline = [(pf.t, pf.small.copy(), pf.scale) for pf in iter_proxy(clip, max_side=320, fps=15.0, ahead=0)]
    ahead = [(pf.t, pf.small.copy(), pf.scale) for pf in iter_proxy(clip, max_side=320, fps=15.0, ahead=3)]
    assert len(inline) == len(ahead) > 10
    for (t0, a, s0), (t1, b, s1) in zip(inline, ahead):
        assert t0 == t1 and s0 == s1 and a.shape == (200, 320) and np.array_equal(a, b)


def test_stopping_early_ends_the_decoding_thread(clip):
    it = iter_proxy(clip, max_side=320, ahead=2)
    first = next(it)
    assert first.t == 0.0 and _threads() == 1
    it.close()
    assert _threads() == 0


def test_errors_reach_the_caller(tmp_path, clip):
    cut = tmp_path / "cut.mp4"
    cut.write_bytes(clip.read_bytes()[:3000])
    with pytest.raises(VideoError):
        list(iter_proxy(cut))
    assert _threads() == 0
