"""small-text (glyphs under 12 px) and small-target (control-like boxes under 24x24 px).

The detectors live in modules of their own: `text` (lines), `words` (smaller words in a line),
`unread` (text the OCR did not find), `target`, `target_shape` and `target_over_lines` (controls),
`ink_masks` (what stands apart from its ground), `issue` (what their findings share)."""
from __future__ import annotations

from .ink_masks import ink_mask, target_mask
from .target import detect_targets
from .text import _cut_by_edge, detect_text
from .unread import detect_unread_text

__all__ = ["_cut_by_edge", "detect_targets", "detect_text", "detect_unread_text", "ink_mask", "target_mask"]
