"""Plain-words phrasing of steps, shared by the Markdown guide, the web tab and the model prompt."""
from __future__ import annotations

import re

from vision.video.steps import Step

_NUM = re.compile(r"[-+]?\d+(?:\.\d+)?")


def fmt_time(t: float) -> str:
    """m:ss.s, the way a person reads a video player's clock."""
    t = max(0.0, float(t))
    m, s = divmod(t, 60.0)
    return f"{int(m)}:{s:04.1f}"


def numbers(value: str | None) -> list[float]:
    """All numbers in a step value ("600", "-320", "to 640,410"), in order."""
    return [float(x) for x in _NUM.findall(value or "")]


def scroll_dy(step: Step) -> int | None:
    """Vertical scroll distance in pixels, positive downwards, when the value carries one."""
    nums = numbers(step.value)
    if not nums:
        return None
    dy = nums[-1]
    if step.value and re.search(r"\bup\b", step.value, re.I) and dy > 0:
        dy = -dy
    return int(round(dy))


def describe(step: Step) -> str:
    """One sentence, Markdown-safe, naming what the person did."""
    target = (step.target or "").strip()
    named = f'"{target}"' if target else "the highlighted spot"
    role = f" {step.role}" if step.role and target else ""
    if step.action == "click":
        tail = ", which opens a new page" if step.navigates else ""
        return f"Click {named}{role}{tail}"
    if step.action == "type":
        field = f' into "{target}"' if target else ""
        return f'Type "{step.value or ""}"{field}'
    if step.action == "scroll":
        dy = scroll_dy(step)
        if dy is None:
            return "Scroll the page"
        return f"Scroll {'down' if dy >= 0 else 'up'} {abs(dy)} px"
    if step.action == "drag":
        dest = f" to {step.value}" if step.value else ""
        return f"Drag {named}{dest}"
    if step.action == "key":
        tail = ", which opens a new page" if step.navigates else ""
        return f"Press {step.value or target or 'a key'}{tail}"
    if step.action == "wait":
        return f"Wait {max(0.0, step.t_end - step.t_start):.1f} s"
    return f"{step.action.capitalize()} {named}"
