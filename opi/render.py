"""Plain-text views of a Document for the terminal."""

from __future__ import annotations

from checkers.document import Block, Document

_KIND = {
    "heading": "HEAD",
    "paragraph": "PARA",
    "list_item": "ITEM",
    "table_row": "ROW ",
    "footnote": "NOTE",
    "header": "HDR ",
    "footer": "FTR ",
    "page_number": "PAGE",
}


def location(block: Block, fmt: str) -> str:
    """'p.3', 'p.3-4' (PDF), '¶12' (Word paragraph) or 'l.40' (text line)."""
    if block.page is not None:
        end = (
            f"-{block.page_end}"
            if block.page_end and block.page_end != block.page
            else ""
        )
        return f"p.{block.page}{end}"
    if block.paragraph is not None:
        return f"{'¶' if fmt == 'docx' else 'l.'}{block.paragraph}"
    return ""


def document_text(doc: Document, *, width: int = 100) -> str:
    """A header line, the warnings, then one line per block."""
    pages = f", {doc.pages} pages" if doc.pages else ""
    lines = [
        f"{doc.path.name}: {doc.format}, language {doc.language}{pages}, "
        f"{len(doc.body)} body blocks, {len(doc.furniture)} furniture",
    ]
    lines += [f"  warning: {w}" for w in doc.warnings]
    for block in doc.blocks:
        parents = block.section[:-1] if block.kind == "heading" else block.section
        section = " > ".join(parents[-2:])
        text = block.text if len(block.text) <= width else block.text[: width - 1] + "…"
        lines.append(
            f"  {_KIND[block.kind]} {location(block, doc.format):>8} "
            f"[{block.start}:{block.end}] {section + ' | ' if section else ''}{text}"
        )
    return "\n".join(lines)


def document_summary(doc: Document) -> str:
    """One line per file: what was read."""
    kinds: dict[str, int] = {}
    for block in doc.body:
        kinds[block.kind] = kinds.get(block.kind, 0) + 1
    counts = ", ".join(f"{n} {k.replace('_', ' ')}s" for k, n in sorted(kinds.items()))
    pages = f"{doc.pages} p, " if doc.pages else ""
    first = next((b.text for b in doc.body if b.kind == "heading"), doc.body[0].text)
    return (
        f"{doc.path.name:40} {doc.format:4} {doc.language}  {pages}{counts}; "
        f"{len(doc.furniture)} furniture  «{first[:50]}»"
    )
