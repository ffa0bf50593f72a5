"""What a person touches: the `v2c` CLI, the Gradio app, batch running."""
