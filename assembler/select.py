"""Choose the clauses whose conditions hold, section by section in recipe order."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from jinja2 import TemplateError

from assembler.errors import ClauseRenderError
from clauses.environment import build_environment
from clauses.loader import Clause, Library, RecipeSection


@dataclass(frozen=True, slots=True)
class Selection:
    """The clauses chosen for one recipe section; empty sections are left out."""

    section: RecipeSection
    clauses: tuple[Clause, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "section": self.section.section,
            "clauses": [clause.ref for clause in self.clauses],
        }


def is_applicable(clause: Clause, context: Mapping[str, Any]) -> bool:
    """Whether the clause's condition holds for this deal (no condition: always)."""
    if clause.condition is None:
        return True
    try:
        expression = build_environment().compile_expression(clause.condition)
        return bool(expression(**context))
    except TemplateError as exc:
        raise ClauseRenderError(
            f"{clause.path.name}: condition '{clause.condition}' failed: {exc}; "
            "run `opi clauses lint`"
        ) from exc


def select_clauses(
    library: Library, context: Mapping[str, Any]
) -> tuple[Selection, ...]:
    """The applicable clauses of every section, in recipe order."""
    chosen = []
    for section in library.recipe:
        clauses = tuple(
            sorted(
                (
                    clause
                    for clause in library.clauses
                    if clause.section == section.section
                    and is_applicable(clause, context)
                ),
                key=lambda clause: section.sort_key(clause.id),
            )
        )
        if clauses:
            chosen.append(Selection(section=section, clauses=clauses))
    return tuple(chosen)
