"""The proxy stream: decoding ahead in a thread gives exactly what decoding in the caller gives."""
from __future__ import annotations

import threading

import cv2
import numpy as np
import pytest

from tests.workflow_media import make_video
from vision.video.decode import VideoError
from vision.video.proxy import iter_proxy, shrink_changed


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


@pytest.mark.parametrize("shape,size", [((1080, 1920), (640, 360)), ((800, 1280), (640, 400)), ((768, 1366), (640, 360))])
def test_shrinking_changed_bands_equals_shrinking_the_frame(shape, size):
    rng = np.random.default_rng(0)
    prev = rng.integers(0, 256, shape, dtype=np.uint8)
    prev_small = cv2.resize(prev, size, interpolation=cv2.INTER_AREA)
    assert shrink_changed(prev.copy(), prev, prev_small, size) is prev_small
    cur = prev.copy()
    cur[100:130, 500:530] = 0          # a pointer's worth of change
    cur[-5:, :7] = 255                 # and one in the last rows
    out = shrink_changed(cur, prev, prev_small, size)
    assert np.array_equal(out, cv2.resize(cur, size, interpolation=cv2.INTER_AREA))
    assert np.array_equal(prev_small, cv2.resize(prev, size, interpolation=cv2.INTER_AREA))  # not written to
