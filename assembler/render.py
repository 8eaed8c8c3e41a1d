"""Render the chosen clauses into an Agreement: numbered sections of paragraphs."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from jinja2 import TemplateError
from markupsafe import Markup

from assembler.errors import ClauseRenderError
from assembler.select import Selection
from assembler.spec import Language
from clauses.environment import build_environment
from clauses.loader import Clause


@dataclass(frozen=True, slots=True)
class Paragraph:
    """One paragraph of plain (unescaped) text; list items are marked."""

    text: str
    is_item: bool = False


@dataclass(frozen=True, slots=True)
class RenderedClause:
    number: str
    title: str
    ref: str
    paragraphs: tuple[Paragraph, ...]


@dataclass(frozen=True, slots=True)
class Table:
    """A table of plain text cells, first row the header."""

    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


@dataclass(frozen=True, slots=True)
class RenderedSection:
    id: str
    number: int
    title: str
    clauses: tuple[RenderedClause, ...]
    tables: tuple[Table, ...] = ()


@dataclass(frozen=True, slots=True)
class Agreement:
    """The assembled agreement in one language, independent of the output format."""

    language: Language
    title: str
    subtitle: str
    sections: tuple[RenderedSection, ...]

    @property
    def clause_refs(self) -> tuple[str, ...]:
        """`id@version` of every clause used, in document order."""
        return tuple(c.ref for s in self.sections for c in s.clauses)


def split_paragraphs(text: str) -> tuple[Paragraph, ...]:
    """Blank lines separate paragraphs; a line starting with '- ' is a list item."""
    paragraphs: list[Paragraph] = []
    current: list[str] = []

    def flush() -> None:
        if current:
            paragraphs.append(Paragraph(" ".join(current)))
            current.clear()

    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            flush()
        elif line.startswith("- "):
            flush()
            paragraphs.append(Paragraph(line[2:].strip(), is_item=True))
        else:
            current.append(line)
    flush()
    return tuple(paragraphs)


def render_clause_text(
    clause: Clause, language: Language, context: Mapping[str, Any]
) -> tuple[Paragraph, ...]:
    """Render one clause's text; values are escaped, then read back as plain text."""
    try:
        template = build_environment().from_string(clause.text[language])
        rendered = Markup(template.render(**context)).unescape()
    except (KeyError, TemplateError) as exc:
        raise ClauseRenderError(
            f"{clause.path.name}: text.{language} failed to render: {exc}; "
            "run `opi clauses lint`"
        ) from exc
    return split_paragraphs(rendered)


def render_agreement(
    selections: tuple[Selection, ...],
    context: Mapping[str, Any],
    tables: Mapping[str, tuple[Table, ...]],
    *,
    language: Language,
    subtitle: str,
) -> Agreement:
    """Number the sections (1, 2 …) and clauses (1.1, 1.2 …) and render their text."""
    sections = []
    for number, selection in enumerate(selections, start=1):
        clauses = tuple(
            RenderedClause(
                number=f"{number}.{index}",
                title=clause.title[language],
                ref=clause.ref,
                paragraphs=render_clause_text(clause, language, context),
            )
            for index, clause in enumerate(selection.clauses, start=1)
        )
        section_id = selection.section.section
        sections.append(
            RenderedSection(
                id=section_id,
                number=number,
                title=selection.section.title[language],
                clauses=clauses,
                tables=tables.get(section_id, ()),
            )
        )
    return Agreement(
        language=language,
        title=str(context["title"]),
        subtitle=subtitle,
        sections=tuple(sections),
    )
