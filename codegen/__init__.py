"""Structure in, code out: backends, prompts, emitters, the renderer, refinement, reports."""
