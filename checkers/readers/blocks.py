"""Turn a reader's raw blocks into a Document with exact offsets and sections."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from checkers.document import FURNITURE_KINDS, Block, BlockKind, Document, Format
from checkers.errors import ReadError
from checkers.language import detect_language
from checkers.normalize import count_invisible, normalize_text

BLOCK_SEPARATOR = "\n\n"


@dataclass(slots=True)
class RawBlock:
    """A block as a reader finds it, before normalisation and offsets."""

    kind: BlockKind
    text: str
    page: int | None = None
    page_end: int | None = None
    paragraph: int | None = None
    level: int | None = None


@dataclass(slots=True)
class ReadResult:
    """What a format reader returns: raw blocks plus what it noticed."""

    blocks: list[RawBlock]
    pages: int | None = None
    warnings: list[str] = field(default_factory=list)


def build_document(path: Path, fmt: Format, result: ReadResult) -> Document:
    """Normalise, order body before furniture, assign offsets and heading paths.

    Raises ReadError(no_text/empty) when no body text is left, so that an empty
    Document never looks like an agreement in which nothing was found.
    """
    warnings = list(result.warnings)
    hidden = sum(count_invisible(b.text) for b in result.blocks)
    if hidden:
        warnings.append(
            f"removed {hidden} invisible character(s) (soft hyphens, zero-width "
            "or direction marks) that could split or hide words"
        )
    cleaned = [_clean(b) for b in result.blocks]
    cleaned = [b for b in cleaned if b.text]
    body = [b for b in cleaned if b.kind not in FURNITURE_KINDS]
    furniture = [b for b in cleaned if b.kind in FURNITURE_KINDS]
    if not body:
        if fmt == "pdf":
            raise ReadError(path, "no_text", "the file does not contain a text layer")
        raise ReadError(path, "empty", "the file does not contain any text")

    blocks = tuple(_place(body + furniture))
    text = BLOCK_SEPARATOR.join(b.text for b in blocks)
    language = detect_language(" ".join(b.text for b in blocks if not b.is_furniture))
    return Document(
        path=path,
        format=fmt,
        language=language,
        text=text,
        blocks=blocks,
        pages=result.pages,
        warnings=tuple(warnings),
    )


def _clean(block: RawBlock) -> RawBlock:
    block.text = normalize_text(block.text)
    return block


def _place(blocks: Iterable[RawBlock]) -> Iterable[Block]:
    """Give each block its offsets and the heading path it sits under."""
    stack: list[tuple[int, str]] = []
    offset = 0
    for raw in blocks:
        if raw.kind == "heading":
            level = raw.level or 1
            while stack and stack[-1][0] >= level:
                stack.pop()
            stack.append((level, raw.text))
        section = () if raw.kind in FURNITURE_KINDS else tuple(t for _, t in stack)
        end = offset + len(raw.text)
        yield Block(
            kind=raw.kind,
            text=raw.text,
            start=offset,
            end=end,
            section=section,
            page=raw.page,
            page_end=raw.page_end if raw.page_end != raw.page else None,
            paragraph=raw.paragraph,
            level=raw.level if raw.kind == "heading" else None,
        )
        offset = end + len(BLOCK_SEPARATOR)
