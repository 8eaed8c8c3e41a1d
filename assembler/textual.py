"""Write an Agreement as Markdown or plain text (for review, diffs and snapshots)."""

from __future__ import annotations

from assembler.render import Agreement, Table


def _markdown_table(table: Table) -> list[str]:
    def row(cells: tuple[str, ...]) -> str:
        return "| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |"

    return [row(table.header), "|" + "---|" * len(table.header)] + [
        row(cells) for cells in table.rows
    ]


def to_markdown(agreement: Agreement) -> str:
    """Headings `#`/`##`/`###` with their numbers, paragraphs, lists and tables."""
    lines = [f"# {agreement.title}", "", agreement.subtitle, ""]
    for section in agreement.sections:
        lines += [f"## {section.number} {section.title}", ""]
        for clause in section.clauses:
            lines += [f"### {clause.number} {clause.title}", ""]
            previous_item = False
            for paragraph in clause.paragraphs:
                if previous_item and not paragraph.is_item:
                    lines.append("")
                prefix = "- " if paragraph.is_item else ""
                lines.append(prefix + paragraph.text)
                if not paragraph.is_item:
                    lines.append("")
                previous_item = paragraph.is_item
            if previous_item:
                lines.append("")
        for table in section.tables:
            lines += [*_markdown_table(table), ""]
    refs = ", ".join(agreement.clause_refs)
    lines.append(f"<!-- opi clauses ({agreement.language}): {refs} -->")
    return "\n".join(lines) + "\n"


def to_text(agreement: Agreement) -> str:
    """Plain text: numbered headings, '–' list items, tables as ' | ' rows."""
    lines = [agreement.title, agreement.subtitle, ""]
    for section in agreement.sections:
        lines += [f"{section.number} {section.title.upper()}", ""]
        for clause in section.clauses:
            lines += [f"{clause.number} {clause.title}", ""]
            for paragraph in clause.paragraphs:
                prefix = "  – " if paragraph.is_item else ""
                lines.append(prefix + paragraph.text)
            lines.append("")
        for table in section.tables:
            lines += [" | ".join(row) for row in (table.header, *table.rows)]
            lines.append("")
    lines.append(
        f"[opi clauses ({agreement.language}): {', '.join(agreement.clause_refs)}]"
    )
    return "\n".join(lines) + "\n"
