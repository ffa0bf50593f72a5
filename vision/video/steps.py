"""The step records shared by the detector (vision.video) and the reports (codegen, app).

Plain dataclasses so that every layer can build, serialise and compare them without importing
the detector itself.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field

ACTIONS = ("click", "type", "scroll", "drag", "key", "wait")


@dataclass
class Step:
    """One thing the person did, with where and when."""

    index: int
    action: str                  # click|type|scroll|drag|key|wait
    t_start: float
    t_end: float
    target: str                  # text a person would name it by ("Sign in" button, "Email" field)
    value: str | None = None     # typed text, key name, scroll distance in px ("600"), drag end
    bbox: list[int] | None = None  # [x, y, w, h] in full-resolution video pixels
    navigates: bool = False
    frame: str | None = None     # key-frame file name, filled by the report writer
    frame_time: float = 0.0      # time of the key frame to save (just before/at the action)
    role: str | None = None      # button|link|textbox|... when evident

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass
class Workflow:
    """All steps found in one recording."""

    video: str
    duration: float
    width: int
    height: int
    steps: list[Step] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {"video": self.video, "duration": self.duration, "width": self.width,
                "height": self.height, "steps": [s.to_dict() for s in self.steps]}

    @classmethod
    def from_dict(cls, d: dict) -> "Workflow":
        return cls(d["video"], float(d["duration"]), int(d.get("width", 0)), int(d.get("height", 0)),
                   [Step(**s) for s in d.get("steps", [])])
