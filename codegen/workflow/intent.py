"""Step intents from a vision-language model: the detected steps stay the skeleton, the model only
names, in plain words, what each step is for.

For every step a short chunk of frames (before, at and after the action) goes to the model as a
video part with timestamps, beside the detector's own description of the step; the reply is one
sentence. Requests run concurrently up to the backend's own limit.
"""
from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import numpy as np

from codegen.workflow.describe import describe, fmt_time
from vision.video.seek import iter_key_frames
from vision.video.steps import Step, Workflow

CHUNK_OFFSETS = (-0.6, 0.0, 0.6)   # seconds around the step, relative to its start / end
PROXY_SIDE = 960                  # frames for the model: enough to read UI text, cheap to send
MAX_INTENT_CHARS = 200

SYSTEM = ("You watch short clips of a screen recording of someone using a web application. "
          "For the step you are shown, say in one short plain sentence what the person intends "
          "to do (their goal, e.g. \"Open the sign-in form\" or \"Enter the delivery address\"), "
          "not how the pointer moved. Reply with the sentence only.")


def chunk_times(step: Step, duration: float) -> list[float]:
    """Times of the frames sent for one step: just before it, at its key frame, just after it."""
    start, end = float(step.t_start), float(max(step.t_end, step.t_start))
    key = float(step.frame_time) if step.frame_time > 0 else start
    times = [max(0.0, start + CHUNK_OFFSETS[0]), key, min(max(duration, end), end + CHUNK_OFFSETS[2])]
    return sorted(set(round(t, 3) for t in times))


def _clean(reply: str) -> str:
    text = " ".join((reply or "").split()).strip().strip('"').strip()
    if len(text) > MAX_INTENT_CHARS:
        text = text[:MAX_INTENT_CHARS].rsplit(" ", 1)[0] + "..."
    return text


def step_prompt(step: Step, n: int, frames: list[np.ndarray], times: list[float]) -> list[dict]:
    where = f" at x={step.bbox[0]}, y={step.bbox[1]} ({step.bbox[2]}x{step.bbox[3]} px)" if step.bbox else ""
    text = (f"Step {n} of the recording, {fmt_time(step.t_start)}-{fmt_time(step.t_end)}: the detector saw "
            f"\"{describe(step)}\"{where}. The frames show the screen just before, during and after it. "
            f"What does the person intend with this step?")
    return [{"role": "system", "content": SYSTEM},
            {"role": "user", "content": [{"type": "video", "frames": frames, "timestamps": times},
                                         {"type": "text", "text": text}]}]


def name_intents(wf: Workflow, video: str | Path, backend, *, max_tokens: int = 80) -> tuple[dict[int, str], list[str]]:
    """(intents by step index, one-line warnings). A failed request costs that step its intent,
    never the workflow; after the first failure of a connection-level kind the rest are skipped."""
    from codegen.backends import BackendError, is_offline

    if is_offline(backend) or not wf.steps:
        return {}, []
    wanted = {(s.index, k): t for s in wf.steps for k, t in enumerate(chunk_times(s, wf.duration))}
    chunks: dict[int, list[tuple[float, np.ndarray]]] = {s.index: [] for s in wf.steps}
    for (idx, _k), t, frame in iter_key_frames(video, wanted, max_side=PROXY_SIDE):
        chunks[idx].append((t, frame))
    warnings: list[str] = []
    failed = {"stop": False}

    def ask(n: int, step: Step) -> tuple[int, str | None]:
        if failed["stop"]:
            return step.index, None
        got = sorted(chunks[step.index], key=lambda tf: tf[0])
        try:
            reply = backend.chat(step_prompt(step, n, [f for _, f in got], [t for t, _ in got]),
                                 max_tokens=max_tokens, temperature=0.0)
        except BackendError as exc:
            warnings.append(f"step {n}: intent not named ({exc})")
            failed["stop"] = True
            return step.index, None
        return step.index, _clean(reply) or None

    workers = max(1, min(int(getattr(backend, "max_concurrency", 1) or 1), len(wf.steps)))
    with ThreadPoolExecutor(max_workers=workers) as pool:
        results = list(pool.map(lambda ns: ask(*ns), enumerate(wf.steps, 1)))
    return {idx: text for idx, text in results if text}, warnings
