"""The one Jinja environment clause text and master templates render in."""

from __future__ import annotations

from jinja2 import StrictUndefined
from jinja2.sandbox import SandboxedEnvironment


def build_environment() -> SandboxedEnvironment:
    """Sandboxed, autoescaping and strict: values render as text and never run code."""
    return SandboxedEnvironment(
        undefined=StrictUndefined,
        autoescape=True,
        keep_trailing_newline=False,
    )
