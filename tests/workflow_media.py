"""Small real recordings for the workflow tests, encoded with PyAV in a fraction of a second.

A plain "page" (header bar, a field, a button) with a drawn cursor that moves to the button,
rests, and clicks; the page then changes colour as if a new page loaded. Real H.264 in MP4.
"""
from __future__ import annotations

from pathlib import Path

import numpy as np

BUTTON = [200, 120, 90, 30]   # x, y, w, h at 320x200
FIELD = [40, 60, 180, 24]


def _frame(t: float, w: int, h: int, seconds: float) -> np.ndarray:
    sx, sy = w / 320, h / 200
    img = np.full((h, w, 3), 246, np.uint8)
    img[: int(24 * sy)] = (40, 60, 120)
    loaded = t >= seconds * 0.6
    if loaded:
        img[int(24 * sy):] = (225, 240, 228)
    else:
        fx, fy, fw, fh = (int(v * s) for v, s in zip(FIELD, (sx, sy, sx, sy)))
        img[fy:fy + fh, fx:fx + fw] = 255
        img[fy:fy + 1, fx:fx + fw] = 120
        bx, by, bw, bh = (int(v * s) for v, s in zip(BUTTON, (sx, sy, sx, sy)))
        img[by:by + bh, bx:bx + bw] = (30, 110, 220)
    k = min(1.0, t / (seconds * 0.45))
    cx = int((20 + (BUTTON[0] + 40 - 20) * k) * sx)
    cy = int((180 + (BUTTON[1] + 15 - 180) * k) * sy)
    img[max(0, cy):cy + int(10 * sy), max(0, cx):cx + int(3 * sx)] = 0
    img[max(0, cy):cy + int(3 * sy), max(0, cx):cx + int(8 * sx)] = 0
    return img


def make_video(path: str | Path, seconds: float = 2.0, fps: int = 10, size: tuple[int, int] = (320, 200),
               codec: str = "libx264") -> Path:
    """Write a short recording and return its path."""
    import av

    path = Path(path)
    w, h = size
    with av.open(str(path), "w") as out:
        st = out.add_stream(codec, rate=fps)
        st.width, st.height, st.pix_fmt = w, h, "yuv420p"
        for i in range(int(round(seconds * fps))):
            frame = av.VideoFrame.from_ndarray(_frame(i / fps, w, h, seconds), format="rgb24")
            for pkt in st.encode(frame):
                out.mux(pkt)
        for pkt in st.encode():
            out.mux(pkt)
    return path


def make_audio_only(path: str | Path, seconds: float = 0.5) -> Path:
    """A WAV file: a container PyAV opens, with no video stream."""
    import av

    path = Path(path)
    rate = 8000
    with av.open(str(path), "w") as out:
        st = out.add_stream("pcm_s16le", rate=rate)
        st.layout = "mono"
        samples = (np.sin(np.arange(int(rate * seconds)) / 5.0) * 8000).astype(np.int16)[None, :]
        frame = av.AudioFrame.from_ndarray(samples, format="s16", layout="mono")
        frame.sample_rate = rate
        for pkt in st.encode(frame):
            out.mux(pkt)
        for pkt in st.encode():
            out.mux(pkt)
    return path


def make_zero_frames(path: str | Path) -> Path:
    """An MP4 with a video stream and not one frame in it."""
    import av

    path = Path(path)
    with av.open(str(path), "w") as out:
        st = out.add_stream("libx264", rate=10)
        st.width, st.height, st.pix_fmt = 64, 64, "yuv420p"
        out.start_encoding()
    return path


def make_counter_video(path: str | Path, seconds: float = 12.0, fps: int = 10, gop: int = 15) -> Path:
    """Frame i shows grey level 2*i in its top half, so a decoded frame tells its own index;
    keyframes every `gop` frames so that seeking is exercised."""
    import av

    path = Path(path)
    with av.open(str(path), "w") as out:
        st = out.add_stream("libx264", rate=fps, options={"g": str(gop), "keyint_min": str(gop), "preset": "ultrafast"})
        st.width, st.height, st.pix_fmt = 64, 48, "yuv420p"
        for i in range(int(round(seconds * fps))):
            img = np.zeros((48, 64, 3), np.uint8)
            img[:24] = min(255, 2 * i)
            for pkt in st.encode(av.VideoFrame.from_ndarray(img, format="rgb24")):
                out.mux(pkt)
        for pkt in st.encode():
            out.mux(pkt)
    return path
