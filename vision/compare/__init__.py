"""Comparing a render with its mockup: fidelity scores, heat-map, side-by-side picture.

See DESIGN.md, "Fidelity scores". Typical use by the pipeline:

    mb = blocks_from_ocr(read_lines(mockup), mockup)        # once per mockup
    rb = blocks_from_dom(render_result.text_boxes)          # each render, no OCR
    s = fidelity_scores(mockup, render_result.image, mb, rb)
    s.as_dict(); s.details  # per matched group: dx, dy, size ratios, colour dE
"""
from .blocks import TextBlock, blocks_from_dom, blocks_from_ocr, parse_css_color, text_color
from .heatmap import heatmap, side_by_side
from .match import Match, match_blocks
from .scores import SCORE_NAMES, BlockDetail, Scores, fidelity_scores, ocr_blocks
from .visual import cell_size, paint_text_out

__all__ = [
    "TextBlock", "blocks_from_dom", "blocks_from_ocr", "parse_css_color", "text_color",
    "heatmap", "side_by_side", "Match", "match_blocks", "SCORE_NAMES", "BlockDetail", "Scores",
    "fidelity_scores", "ocr_blocks", "cell_size", "paint_text_out",
]
