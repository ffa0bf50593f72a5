"""Put the encoder's features where the placeholders are.

Each span of placeholder tokens is overwritten, row for row, by the features of the picture (or
video chunk) it stands for. Spans come from the prompt builder, so this does not depend on which
token id a family uses for its pads, and a count mismatch is caught with a clear message instead
of a silent shift.
"""
from __future__ import annotations

import torch

from codegen.interleave.prompt import Span


def scatter_features(embeds: torch.Tensor, spans: list[Span], features: list[torch.Tensor]) -> torch.Tensor:
    """Return `embeds` (1, L, D) with span i replaced by features[i] (n_i, D)."""
    if len(spans) != len(features):
        raise ValueError(f"{len(spans)} placeholder runs but {len(features)} feature blocks")
    out = embeds.clone()
    for span, feat in zip(spans, features):
        if feat.ndim != 2 or feat.shape[0] != span.length or feat.shape[1] != embeds.shape[-1]:
            raise ValueError(f"features of shape {tuple(feat.shape)} do not fit a run of {span.length} "
                             f"tokens of width {embeds.shape[-1]}")
        out[0, span.start:span.start + span.length] = feat.to(out.device, out.dtype)
    return out
