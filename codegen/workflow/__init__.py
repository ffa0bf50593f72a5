"""Workflow reports from detected steps: workflow.json, workflow.md, key frames, script.py."""
from codegen.workflow.outputs import MARKER, is_complete, write_outputs

__all__ = ["MARKER", "is_complete", "write_outputs"]
