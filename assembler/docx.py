"""Render an Agreement into a Word master template with docxtpl (context only)."""

from __future__ import annotations

import io
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from docxtpl import DocxTemplate
from jinja2 import TemplateError as JinjaTemplateError

from assembler.errors import TemplateError
from assembler.render import Agreement
from clauses.environment import build_environment


def template_context(
    agreement: Agreement, context: Mapping[str, Any], labels: Mapping[str, Any]
) -> dict[str, Any]:
    """The names a master template may use (see clauses/README.md)."""
    return {
        **context,
        "subtitle": agreement.subtitle,
        "sections": agreement.sections,
        "labels": labels,
        "clause_refs": ", ".join(agreement.clause_refs),
    }


def _open(template: Path) -> DocxTemplate:
    if not template.is_file():
        raise TemplateError(f"Master template {template} does not exist")
    try:
        return DocxTemplate(str(template))
    except (OSError, ValueError, KeyError) as exc:
        raise TemplateError(f"{template} is not a readable .docx: {exc}") from exc


def write_docx(
    agreement: Agreement,
    context: Mapping[str, Any],
    labels: Mapping[str, Any],
    *,
    template: Path,
) -> bytes:
    """The agreement as .docx bytes; fails listing every name the template lacks."""
    values = template_context(agreement, context, labels)
    env = build_environment()
    document = _open(template)
    try:
        missing = document.get_undeclared_template_variables(env, values)
    except JinjaTemplateError as exc:
        raise TemplateError(f"{template} has a broken template tag: {exc}") from exc
    if missing:
        raise TemplateError(
            f"{template} uses names the context does not provide: "
            f"{', '.join(sorted(missing))}; see 'The master template' in "
            "clauses/README.md"
        )
    try:
        document.render(values, jinja_env=env, autoescape=True)
    except JinjaTemplateError as exc:
        raise TemplateError(f"{template} failed to render: {exc}") from exc
    props = document.core_properties
    props.title = agreement.title
    props.language = agreement.language
    props.keywords = "OPI"
    props.comments = (
        f"Assembled by opi from {len(agreement.clause_refs)} clauses; "
        "their id@version is listed on the last line"
    )
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
