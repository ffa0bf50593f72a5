"""Prompt texts for model-driven conversion, kept apart from the providers that send them."""
from codegen.prompts.analysis import format_analysis
from codegen.prompts.messages import first_messages, region_messages, revision_messages
from codegen.prompts.system import region_system_prompt, system_prompt

__all__ = ["format_analysis", "first_messages", "region_messages", "revision_messages",
           "region_system_prompt", "system_prompt"]
