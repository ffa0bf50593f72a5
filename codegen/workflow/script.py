"""script.py: a Playwright (Python, sync API) script draft that replays a detected workflow.

Targets are addressed the way a person names them (role and accessible name, label, placeholder,
visible text), which survives layout changes better than coordinates; coordinates from the video
are used only where no name was read. The viewport is the recording's size, so those coordinates
land where the person's pointer did.
"""
from __future__ import annotations

from pathlib import Path

from codegen.workflow.describe import describe, fmt_time, numbers, scroll_dy
from vision.video.steps import Step, Workflow

# ARIA roles Playwright's get_by_role accepts that a click target plausibly has.
CLICK_ROLES = {"button", "link", "checkbox", "radio", "tab", "menuitem", "option", "switch",
               "combobox", "textbox", "searchbox", "heading", "img", "row", "cell", "listitem",
               "treeitem", "slider", "spinbutton"}
FIELD_ROLES = {"textbox", "searchbox", "combobox", "spinbutton"}
KEY_NAMES = {"enter": "Enter", "return": "Enter", "tab": "Tab", "esc": "Escape", "escape": "Escape",
             "backspace": "Backspace", "delete": "Delete", "del": "Delete", "space": "Space",
             "up": "ArrowUp", "down": "ArrowDown", "left": "ArrowLeft", "right": "ArrowRight",
             "pageup": "PageUp", "pagedown": "PageDown", "home": "Home", "end": "End",
             "ctrl": "Control", "control": "Control", "cmd": "Meta", "meta": "Meta", "alt": "Alt",
             "shift": "Shift", "option": "Alt"}

HEADER = '''#!/usr/bin/env python3
"""Playwright script draft for the recording {video!r}, written by vision2code.

Replays the {n} step(s) read from the video. Names come from OCR of the video frames: review
the selectors before relying on the script.

Usage: python script.py START_URL [--headed] [--executable-path /usr/bin/chromium]
"""
import argparse

from playwright.sync_api import sync_playwright

VIEWPORT = {{"width": {width}, "height": {height}}}


def replay(page):
'''

FOOTER = '''

def main():
    ap = argparse.ArgumentParser(description="Replay the recorded workflow.")
    ap.add_argument("url", help="the page the recording starts on")
    ap.add_argument("--headed", action="store_true", help="show the browser window")
    ap.add_argument("--executable-path", default=None, help="a Chromium binary to use")
    ap.add_argument("--slow-mo", type=float, default=0, help="milliseconds between actions")
    args = ap.parse_args()
    with sync_playwright() as p:
        browser = p.chromium.launch(headless=not args.headed, executable_path=args.executable_path,
                                    slow_mo=args.slow_mo, args=["--no-sandbox"])
        page = browser.new_page(viewport=VIEWPORT)
        page.set_default_timeout(10_000)
        page.goto(args.url)
        replay(page)
        browser.close()


if __name__ == "__main__":
    main()
'''


def _q(text: str) -> str:
    """A Python string literal (repr escapes quotes, backslashes and control characters)."""
    return repr(str(text))


def _centre(step: Step) -> tuple[int, int] | None:
    if step.bbox is None:
        return None
    x, y, w, h = step.bbox
    return int(x + w / 2), int(y + h / 2)


def _click_locator(step: Step) -> str | None:
    name = (step.target or "").strip()
    if not name:
        return None
    role = (step.role or "").strip().lower()
    if role in FIELD_ROLES:
        return _field_locator(step)
    if role in CLICK_ROLES:
        # the role is read from pixels, so the visible text stands by in case it was misjudged
        return (f"page.get_by_role({_q(role)}, name={_q(name)})"
                f".or_(page.get_by_text({_q(name)}, exact=True)).first")
    return (f"page.get_by_role('button', name={_q(name)})"
            f".or_(page.get_by_role('link', name={_q(name)}))"
            f".or_(page.get_by_text({_q(name)}, exact=True)).first")


def _field_locator(step: Step) -> str | None:
    name = (step.target or "").strip()
    if not name:
        return None
    return f"page.get_by_label({_q(name)}).or_(page.get_by_placeholder({_q(name)})).first"


def key_name(value: str) -> str:
    """Playwright's key syntax ("Control+a", "Enter") from what the detector read ("ctrl+a", "enter")."""
    parts = [p.strip() for p in value.replace(" ", "+").split("+") if p.strip()]
    out = []
    for p in parts:
        mapped = KEY_NAMES.get(p.lower())
        out.append(mapped if mapped else (p if len(p) == 1 else p[:1].upper() + p[1:]))
    return "+".join(out) or "Enter"


def step_lines(step: Step) -> list[str]:
    """The statements that replay one step (without indentation)."""
    c = _centre(step)
    if step.action == "click":
        loc = _click_locator(step)
        lines = [f"{loc}.click()"] if loc else ([f"page.mouse.click({c[0]}, {c[1]})"] if c else [])
        if step.navigates:
            lines.append("page.wait_for_load_state()")
        return lines or ["pass  # no target was read for this click"]
    if step.action == "type":
        value = step.value or ""
        loc = _field_locator(step)
        if loc:
            return [f"{loc}.fill({_q(value)})"]
        if c:
            return [f"page.mouse.click({c[0]}, {c[1]})", f"page.keyboard.type({_q(value)})"]
        return [f"page.keyboard.type({_q(value)})"]
    if step.action == "scroll":
        dy = scroll_dy(step)
        lines = [f"page.mouse.move({c[0]}, {c[1]})"] if c else []
        lines.append(f"page.mouse.wheel(0, {dy if dy is not None else 0})")
        lines.append("page.wait_for_timeout(300)")
        return lines
    if step.action == "drag":
        nums = numbers(step.value)
        src = _click_locator(step)
        if len(nums) >= 2:
            tx, ty = int(nums[-2]), int(nums[-1])
            start = [f"{src}.hover()"] if src else ([f"page.mouse.move({c[0]}, {c[1]})"] if c else [])
            return start + ["page.mouse.down()", f"page.mouse.move({tx}, {ty}, steps=12)", "page.mouse.up()"]
        if src and step.value:
            return [f"{src}.drag_to(page.get_by_text({_q(step.value)}).first)"]
        return ["pass  # the drag's end point was not read"]
    if step.action == "key":
        lines = [f"page.keyboard.press({_q(key_name(step.value or step.target or 'Enter'))})"]
        return lines + (["page.wait_for_load_state()"] if step.navigates else [])
    if step.action == "wait":
        ms = int(round(max(0.0, step.t_end - step.t_start) * 1000))
        return [f"page.wait_for_timeout({ms})"]
    return [f"pass  # unsupported action {step.action!r}"]


def workflow_script(wf: Workflow, intents: dict[int, str] | None = None) -> str:
    """The whole script as text; it compiles whatever the steps hold."""
    intents = intents or {}
    body: list[str] = []
    for n, s in enumerate(wf.steps, 1):
        note = " ".join(describe(s).split())
        body.append(f"    # {n}. {note} ({fmt_time(s.t_start)})")
        if intents.get(s.index):
            body.append(f"    #    intent: {' '.join(intents[s.index].split())}")
        body += [f"    {line}" for line in step_lines(s)]
    if not body:
        body = ["    pass  # no interaction was detected in the recording"]
    head = HEADER.format(video=Path(wf.video).name, n=len(wf.steps), width=int(wf.width or 1280),
                         height=int(wf.height or 800))
    return head + "\n".join(body) + "\n" + FOOTER
