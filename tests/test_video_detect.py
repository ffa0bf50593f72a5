"""Step detection on short generated recordings, and unusable video files."""
from __future__ import annotations

import html
import json
import sys
from concurrent.futures import Future
from pathlib import Path

import numpy as np
import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

from record_cases import Recorder, page_html, record, words  # noqa: E402
from vision.video.decode import VideoError  # noqa: E402
from vision.video.detect import detect_steps  # noqa: E402


def _short(r: Recorder, rng, theme) -> None:
    """A field that is clicked and typed into, a button that reveals text, a scroll."""
    body = ("<h1>Account details</h1><label for='f'>Nickname</label><input type='text' id='f' placeholder='your name'>"
            "<br><button id='b' data-reveal='m'>Show summary</button><p id='m' class='notice' style='display:none'>"
            "All changes were saved to your profile</p>" + "".join(f"<p>{html.escape(words(rng, 50))}</p>" for _ in range(12)))
    r.page.set_content(page_html(theme, "Portal", ["Home", "Help"], body))
    r.shoot()
    r.hold(0.6)
    r.type("#f", "orchid42", "Nickname")
    r.click("#b", "Show summary", "button")
    r.scroll(500)


def _idle(r: Recorder, rng, theme) -> None:
    r.page.set_content(page_html(theme, "Quiet", ["Home"], "<h1>Nothing happens here</h1><p>Just a page.</p>"))
    r.shoot()
    r.hold(3.0)


@pytest.fixture(scope="module")
def short_video(tmp_path_factory) -> tuple[Path, dict]:
    d = tmp_path_factory.mktemp("rec")
    wf = record(d / "short.mp4", [_short], width=960, height=600, fps=15, seed=5)
    return d / "short.mp4", wf.to_dict()


def test_one_pass_reads_the_same_frames_as_decoding_again(short_video):
    """The frames held back during the single decoding pass name the steps exactly as frames
    decoded afterwards by seeking do, and none had to be decoded again."""
    from vision.video.decode import probe
    from vision.video.detect import _name, analyse
    from vision.video.events import find_events

    path, _ = short_video
    stats: dict = {}
    one = detect_steps(path, stats=stats)
    assert stats["reread"] == 0 and stats["held_frames"] > 0
    info = probe(path)
    infos = analyse(path)
    again = _name(find_events(infos, info.width, info.height), infos, path, info.width, info.height)
    assert [(s.action, s.target, s.value, s.bbox) for s in one.steps] == \
        [(s.action, s.target, s.value, s.bbox) for s in again]


class _AtOnce:
    """An executor that runs each task as it is submitted: the early naming then happens during
    the pass whatever the load on the machine (a starved worker thread would otherwise leave
    it all to the final naming, and the test would measure the scheduler)."""

    def __init__(self, *args, **kwargs) -> None:
        pass

    def submit(self, fn, *args, **kwargs) -> Future:
        done: Future = Future()
        done.set_result(fn(*args, **kwargs))
        return done

    def shutdown(self, **kwargs) -> None:
        pass


def test_early_naming_changes_nothing(short_video, monkeypatch):
    """Events named during the pass (here as soon as they are 1 s old) give the very steps the
    naming after the pass gives, and their readings are not made twice."""
    import vision.video.detect as detect

    path, _ = short_video
    monkeypatch.setattr(detect, "EARLY_S", 1e9)
    monkeypatch.setattr(detect._Early, "finish", lambda self, events, infos: None)
    monkeypatch.setattr(detect._Early, "start_tail", lambda self: None)
    stats: dict = {}
    late = detect_steps(path, stats=stats)
    assert stats["read_early"] == 0 and stats["read_after"] > 0
    monkeypatch.undo()
    monkeypatch.setattr(detect, "EARLY_S", 1.0)
    monkeypatch.setattr(detect, "ThreadPoolExecutor", _AtOnce)
    early = detect_steps(path, stats=stats)
    assert stats["read_early"] > 0
    assert [s.to_dict() for s in early.steps] == [s.to_dict() for s in late.steps]


def test_events_left_at_the_end_are_named_before_the_final_naming(short_video, monkeypatch):
    """With nothing named during the pass, every event is named right after it (shared between
    this thread and the naming worker): the final naming makes no reading of its own, and the
    steps are those of naming serially."""
    import vision.video.detect as detect

    path, _ = short_video
    monkeypatch.setattr(detect._Early, "finish", lambda self, events, infos: None)
    monkeypatch.setattr(detect._Early, "start_tail", lambda self: None)
    serial = detect_steps(path)
    monkeypatch.undo()
    monkeypatch.setattr(detect, "EARLY_S", 1e9)
    stats: dict = {}
    tail = detect_steps(path, stats=stats)
    assert stats["read_early"] > 0 and stats["read_after"] == 0
    assert [s.to_dict() for s in tail.steps] == [s.to_dict() for s in serial.steps]


def test_key_frames_from_the_pass_are_the_seeked_ones(short_video):
    """Each step's key frame, held back during the pass, is the frame seeking gives at its time,
    and asking for key frames changes no step."""
    from vision.video.keep import KeyFrames
    from vision.video.seek import iter_key_frames

    path, _ = short_video
    plain = detect_steps(path)
    with KeyFrames() as kf:
        wf = detect_steps(path, key_frames=kf)
        assert [s.to_dict() for s in wf.steps] == [s.to_dict() for s in plain.steps]
        times = {s.index: s.frame_time for s in wf.steps}
        seeked = {idx: frame for idx, _t, frame in iter_key_frames(path, times)}
        assert all(kf.has(i, t) for i, t in times.items())
        for i, t in times.items():
            assert np.array_equal(kf.get(i, t), seeked[i]), i
        assert kf.get(0, times[0] + 0.5) is None
        folder = kf.tmp
    assert not folder.exists()


def test_steps_match_truth(short_video):
    path, truth = short_video
    wf = detect_steps(path)
    got = [(s.action, s.t_start) for s in wf.steps]
    want = [(s["action"], s["t_start"]) for s in truth["steps"]]
    assert [a for a, _ in got] == [a for a, _ in want], (got, want)
    for (_, tg), (_, tw) in zip(got, want):
        assert abs(tg - tw) <= 1.0
    by = {s.action: s for s in wf.steps}
    assert by["type"].value == "orchid42"
    assert by["type"].target == "Nickname"
    clicks = [s for s in wf.steps if s.action == "click"]
    assert clicks[0].target == "Nickname" and clicks[0].role == "textbox"
    assert clicks[1].target == "Show summary"
    true_scroll = next(s for s in truth["steps"] if s["action"] == "scroll")
    assert abs(int(by["scroll"].value) - int(true_scroll["value"])) <= 25
    assert wf.width == 960 and wf.height == 600


def test_workflow_json_shape(short_video):
    path, _ = short_video
    d = detect_steps(path).to_dict()
    json.dumps(d)
    assert set(d) >= {"video", "duration", "steps"}
    for s in d["steps"]:
        assert set(s) >= {"index", "action", "t_start", "t_end", "target", "value", "bbox", "navigates", "frame"}
        assert s["action"] in ("click", "type", "scroll", "drag", "key", "wait")
        assert s["t_start"] <= s["t_end"]


def test_progress_reported(short_video):
    path, _ = short_video
    seen: list[float] = []
    detect_steps(path, progress=seen.append)
    assert seen and seen[-1] == 1.0 and all(0 <= v <= 1 for v in seen)


def test_no_interaction_gives_no_actions(tmp_path):
    record(tmp_path / "idle.mp4", [_idle], width=640, height=400, fps=10, seed=1)
    wf = detect_steps(tmp_path / "idle.mp4")
    assert [s.action for s in wf.steps if s.action != "wait"] == []


def test_empty_file(tmp_path):
    p = tmp_path / "empty.mp4"
    p.write_bytes(b"")
    with pytest.raises(VideoError, match="empty"):
        detect_steps(p)


def test_corrupt_file(tmp_path):
    p = tmp_path / "junk.mp4"
    p.write_bytes(np.random.default_rng(0).integers(0, 256, 50_000, dtype=np.uint8).tobytes())
    with pytest.raises(VideoError):
        detect_steps(p)


def test_truncated_video(tmp_path, short_video):
    path, _ = short_video
    p = tmp_path / "cut.mp4"
    p.write_bytes(path.read_bytes()[:4000])
    with pytest.raises(VideoError):
        detect_steps(p)


def test_audio_only(tmp_path):
    import av

    p = tmp_path / "tone.m4a"
    with av.open(str(p), "w") as c:
        s = c.add_stream("aac", rate=16000)
        t = np.arange(16000) / 16000
        samples = (0.2 * np.sin(2 * np.pi * 440 * t)).astype(np.float32)[None, :]
        frame = av.AudioFrame.from_ndarray(samples, format="fltp", layout="mono")
        frame.sample_rate = 16000
        for pkt in s.encode(frame):
            c.mux(pkt)
        for pkt in s.encode():
            c.mux(pkt)
    with pytest.raises(VideoError, match="no video"):
        detect_steps(p)


def test_zero_length_video(tmp_path):
    import av

    p = tmp_path / "zero.mp4"
    with av.open(str(p), "w") as c:
        s = c.add_stream("libx264", rate=30)
        s.width, s.height, s.pix_fmt = 64, 64, "yuv420p"
    with pytest.raises(VideoError):
        detect_steps(p)


def test_missing_file(tmp_path):
    with pytest.raises(VideoError, match="no such file"):
        detect_steps(tmp_path / "nope.mp4")
