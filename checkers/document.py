"""The typed, immutable document model that every stage after reading consumes."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

BlockKind = Literal[
    "heading",
    "paragraph",
    "list_item",
    "table_row",
    "footnote",
    "header",
    "footer",
    "page_number",
]
FURNITURE_KINDS: frozenset[str] = frozenset({"header", "footer", "page_number"})

Format = Literal["docx", "pdf", "txt", "md"]
Language = Literal["sv", "en", "da"]


@dataclass(frozen=True, slots=True)
class Block:
    """One unit of text: a heading, paragraph, list item, table row or furniture.

    `start`/`end` are offsets into `Document.text`; `page` (PDF, 1-based) or
    `paragraph` (DOCX body paragraph, 1-based; for text files the line) locate it
    in the source; `section` is the heading path it sits under.
    """

    kind: BlockKind
    text: str
    start: int
    end: int
    section: tuple[str, ...] = ()
    page: int | None = None
    page_end: int | None = None
    paragraph: int | None = None
    level: int | None = None

    @property
    def is_furniture(self) -> bool:
        return self.kind in FURNITURE_KINDS

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "kind": self.kind,
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "section": list(self.section),
            "page": self.page,
            "paragraph": self.paragraph,
        }
        if self.page_end is not None and self.page_end != self.page:
            data["page_end"] = self.page_end
        if self.level is not None:
            data["level"] = self.level
        return data


@dataclass(frozen=True, slots=True)
class Document:
    """A read agreement: normalised full text plus its blocks in reading order.

    Body blocks come first in `text`, in reading order, separated by blank lines;
    page furniture (headers, footers, page numbers) follows them, so that the body
    reads as one continuous text and furniture still has exact offsets.
    """

    path: Path
    format: Format
    language: Language
    text: str
    blocks: tuple[Block, ...]
    pages: int | None = None
    warnings: tuple[str, ...] = field(default=())

    @property
    def body(self) -> tuple[Block, ...]:
        return tuple(b for b in self.blocks if not b.is_furniture)

    @property
    def furniture(self) -> tuple[Block, ...]:
        return tuple(b for b in self.blocks if b.is_furniture)

    def block_at(self, offset: int) -> Block | None:
        """The block whose text contains `offset`, if any (blocks are stored in
        offset order, so a binary search finds it)."""
        index = bisect_right(self.blocks, offset, key=lambda block: block.start) - 1
        if index >= 0 and offset < self.blocks[index].end:
            return self.blocks[index]
        return None

    def to_dict(self) -> dict[str, Any]:
        return {
            "file": self.path.name,
            "format": self.format,
            "language": self.language,
            "pages": self.pages,
            "warnings": list(self.warnings),
            "blocks": [b.to_dict() for b in self.blocks],
        }
