"""Pixels in, structure out: loading, OCR, UI analysis, comparison, video, the vision encoder."""
