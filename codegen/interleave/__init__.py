"""Interleaved multimodal sequences for a local checkpoint.

Text and pictures become one token sequence: the chat template lays out the turns, each image or
video gets its family's placeholder run, the encoder's features replace those placeholders in
the language model's embeddings, and positions follow the family's scheme (1D for Kimi K2.5,
3D M-RoPE for Qwen2.5-VL). `model.LocalVLM` ties it together with streaming generation.
"""
