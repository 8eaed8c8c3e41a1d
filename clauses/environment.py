"""The one Jinja environment clause text and master templates render in."""

from __future__ import annotations

from jinja2 import StrictUndefined
from jinja2.sandbox import SandboxedEnvironment


def as_sentence(value: object) -> str:
    """A value written as a fragment ('äldre personer saknar …') reads as a
    sentence in the agreement: capital first letter, final full stop."""
    text = str(value).strip()
    if not text:
        return text
    text = text[0].upper() + text[1:]
    return text if text[-1] in ".!?" else text + "."


def build_environment() -> SandboxedEnvironment:
    """Sandboxed, autoescaping and strict: values render as text and never run code."""
    env = SandboxedEnvironment(
        undefined=StrictUndefined,
        autoescape=True,
        keep_trailing_newline=False,
    )
    env.filters["sentence"] = as_sentence
    return env
