"""Errors raised while validating a deal description and assembling an agreement."""

from __future__ import annotations

from dataclasses import dataclass


class AssemblyError(Exception):
    """Base of every error the assembler raises on purpose."""


@dataclass(frozen=True, slots=True)
class SpecIssue:
    """One mistake in a deal description: the field, what is wrong, and its line."""

    field: str
    message: str
    line: int | None

    def __str__(self) -> str:
        where = f" (line {self.line})" if self.line is not None else ""
        return f"{self.field}: {self.message}{where}"

    def to_dict(self) -> dict[str, str | int | None]:
        return {"field": self.field, "message": self.message, "line": self.line}


class SpecError(AssemblyError):
    """The deal description is invalid; `issues` lists every mistake at once."""

    def __init__(self, source: str, issues: list[SpecIssue]) -> None:
        self.source = source
        self.issues = tuple(issues)
        lines = "\n".join(f"  {issue}" for issue in self.issues)
        super().__init__(
            f"{source}: {len(self.issues)} problem(s) in the deal description; "
            f"fix them and run again:\n{lines}"
        )


class OutputExistsError(AssemblyError):
    """The output file exists and --force was not given."""


class TemplateError(AssemblyError):
    """A master template cannot be read or needs names the context lacks."""


class ClauseRenderError(AssemblyError):
    """A clause's text or condition failed to render against the deal."""
