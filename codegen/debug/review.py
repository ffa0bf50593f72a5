"""Model review pass: show the model the screenshot with numbered element marks and ask for the
defects pixel rules cannot judge (wrong icon, nonsensical text, inconsistent styling)."""
from __future__ import annotations

import json
import re

import numpy as np
from PIL import Image, ImageDraw, ImageFont

from vision.defects.issue import CATEGORIES, SEVERITIES, Issue, clip_box

MAX_MARKS = 80
PROMPT = """You review a screenshot of a user interface for visible defects. Numbered red marks label its elements.
Automatic checks already look for overlaps, truncation, low contrast, broken images, misalignment, blank areas and small text or targets.
Report what they cannot see: wrong or mismatched icons, nonsensical or placeholder text (lorem ipsum, {{variable}}, undefined, NaN),
inconsistent styling between similar elements, misleading labels. Report only real defects; an empty list is fine.
Answer with JSON only: {"issues": [{"mark": <number or null>, "bbox": [x, y, w, h] or null, "category": one of %s,
"severity": "error"|"warning"|"info", "message": "...", "fix": "..."}]}.
Marks: %s"""


def _font():
    try:
        return ImageFont.truetype("DejaVuSans-Bold.ttf", 12)
    except OSError:
        return ImageFont.load_default()


def marked_image(img: np.ndarray, boxes: list[list[int]]) -> np.ndarray:
    """Set-of-marks picture: each element boxed and numbered from 1."""
    im = Image.fromarray(np.ascontiguousarray(img[:, :, :3]))
    d = ImageDraw.Draw(im)
    font = _font()
    for n, (x, y, w, h) in enumerate(boxes, 1):
        d.rectangle([x, y, x + w - 1, y + h - 1], outline=(230, 0, 0), width=1)
        d.rectangle([x, max(0, y - 13), x + 8 + 7 * len(str(n)), max(13, y)], fill=(230, 0, 0))
        d.text((x + 3, max(0, y - 13)), str(n), fill=(255, 255, 255), font=font)
    return np.asarray(im)


def _parse(reply: str) -> list[dict]:
    m = re.search(r"\{.*\}|\[.*\]", reply, re.S)
    if not m:
        return []
    try:
        data = json.loads(m.group(0))
    except json.JSONDecodeError:
        return []
    items = data.get("issues", []) if isinstance(data, dict) else data
    return [i for i in items if isinstance(i, dict)] if isinstance(items, list) else []


def review(backend, img: np.ndarray, elements: list[list[int]]) -> list[Issue]:
    """Ask the model; findings come back with source "model" and boxes from their marks."""
    H, W = img.shape[:2]
    boxes = [list(map(int, b)) for b in elements[:MAX_MARKS]]
    marks = "; ".join(f"{n}: {b}" for n, b in enumerate(boxes, 1))
    messages = [{"role": "user", "content": [
        {"type": "image", "image": marked_image(img, boxes)},
        {"type": "text", "text": PROMPT % (", ".join(CATEGORIES), marks or "none")},
    ]}]
    reply = backend.chat(messages, max_tokens=1500, temperature=0.0)
    out = []
    for it in _parse(reply):
        cat = it.get("category") if it.get("category") in CATEGORIES else "accessibility"
        sev = it.get("severity") if it.get("severity") in SEVERITIES else "warning"
        box = None
        mark = it.get("mark")
        if isinstance(mark, (int, float)) and 1 <= int(mark) <= len(boxes):
            box = boxes[int(mark) - 1]
        elif isinstance(it.get("bbox"), list) and len(it["bbox"]) == 4:
            try:
                box = [float(v) for v in it["bbox"]]
            except (TypeError, ValueError):
                box = None
        if box is None or not str(it.get("message", "")).strip():
            continue
        out.append(Issue(cat, clip_box(box, W, H), sev, str(it["message"])[:300], "model",
                         str(it.get("fix", ""))[:300], score=0.5))
    return out
