"""From positioned PDF lines to blocks: furniture set aside, lines joined into
paragraphs, hyphenation undone, clauses split by a page break joined again."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from statistics import median

from checkers.document import BlockKind
from checkers.readers.blocks import RawBlock
from checkers.readers.headings import (
    is_caps_heading,
    looks_like_heading,
    numbering_level,
)
from checkers.readers.pagination import furniture_key, is_page_number


@dataclass(slots=True, eq=False)
class Line:
    """One visual line (or a whole table when `is_table`) on one page."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    bold: bool
    page: int
    column: int
    is_table: bool = False
    first_word_width: float = 0.0


_LIST_MARKER = re.compile(
    r"^([•▪◦·\-–*]\s|\(?[a-zåäö]\)\s|\(?\d{1,2}\)\s|\(?[ivx]{1,4}\)\s)", re.I
)
_SENTENCE_END = re.compile(r"[.:;!?»”\"')]$")
_DOT_LEADER = re.compile(r"(\.\s?){5,}\s*\d*$")
_KEEP_HYPHEN_NEXT = {"och", "eller", "samt", "resp", "and", "or", "og", "respektive"}


def lines_to_blocks(pages: list[list[Line]]) -> list[RawBlock]:
    """Blocks in reading order: body first as found, furniture marked by kind."""
    furniture = _furniture(pages)
    typo = Typography.of(pages)
    blocks: list[RawBlock] = []
    for lines in pages:
        body = [line for line in lines if id(line) not in furniture]
        page_blocks = _paragraphs(body, typo)
        if blocks and page_blocks:
            _join_across_pages(blocks, page_blocks)
        blocks.extend(page_blocks)
    for lines in pages:
        for line in lines:
            kind = furniture.get(id(line))
            if kind is not None:
                blocks.append(RawBlock(kind=kind, text=line.text, page=line.page))
    return blocks


def _furniture(pages: list[list[Line]]) -> dict[int, BlockKind]:
    """Page numbers, and lines that repeat across pages, among each page's first
    and last three lines (running headers and footers sit there, wherever the
    margin is)."""
    candidates: list[list[tuple[Line, BlockKind]]] = []
    for lines in pages:
        text_lines = [line for line in lines if not line.is_table]
        page_candidates: list[tuple[Line, BlockKind]] = [
            (line, "header") for line in text_lines[:3]
        ]
        page_candidates += [
            (line, "footer") for line in text_lines[-3:] if line not in text_lines[:3]
        ]
        candidates.append(page_candidates)
    counts = Counter(
        key
        for page_candidates in candidates
        for key in {furniture_key(line.text) for line, _ in page_candidates}
    )
    needed = max(2, round(len(pages) * 0.4))
    marked: dict[int, BlockKind] = {}
    for page_candidates in candidates:
        for line, zone in page_candidates:
            if is_page_number(line.text):
                marked[id(line)] = "page_number"
            elif len(pages) > 1 and counts[furniture_key(line.text)] >= needed:
                marked[id(line)] = zone
    return marked


@dataclass(frozen=True, slots=True)
class Typography:
    """What emphasis looks like in this document."""

    body_size: float
    uses_bold: bool

    @classmethod
    def of(cls, pages: list[list[Line]]) -> Typography:
        lines = [line for page in pages for line in page if not line.is_table]
        sizes = [line.size for line in lines if line.size > 0]
        return cls(
            body_size=float(median(sizes)) if sizes else 10.0,
            uses_bold=any(line.bold for line in lines),
        )


def _paragraphs(lines: list[Line], typo: Typography) -> list[RawBlock]:
    body_size = typo.body_size
    blocks: list[RawBlock] = []
    gaps = [
        b.top - a.bottom
        for a, b in zip(lines, lines[1:], strict=False)
        if a.column == b.column
        and not a.is_table
        and not b.is_table
        and 0 <= b.top - a.bottom < body_size * 3
    ]
    usual_gap = float(median(gaps)) if gaps else body_size * 0.3
    right_edges: dict[int, float] = {}
    for line in lines:
        if not line.is_table:
            right_edges[line.column] = max(right_edges.get(line.column, 0.0), line.x1)
    current: list[Line] = []

    def flush() -> None:
        if current:
            blocks.append(_block(current, typo))
            current.clear()

    for line in lines:
        if line.is_table:
            flush()
            for row in line.text.split("\n"):
                blocks.append(RawBlock(kind="table_row", text=row, page=line.page))
            continue
        edge = right_edges.get(line.column, line.x1)
        if current and _starts_new(current[-1], line, usual_gap, edge, typo):
            flush()
        current.append(line)
    flush()
    return blocks


def _is_heading_line(line: Line, typo: Typography) -> bool:
    """Short, title-shaped and, where the document uses bold at all, emphasised."""
    emphasised = line.bold or line.size > typo.body_size * 1.15
    if typo.uses_bold and not emphasised and not is_caps_heading(line.text):
        return False
    return looks_like_heading(line.text, bold=emphasised)


def _continues_heading(prev: Line, line: Line, typo: Typography) -> bool:
    """The second line of a wrapped heading: same emphasis, unnumbered, close below."""
    body_size = typo.body_size
    if not _is_heading_line(prev, typo) or _SENTENCE_END.search(prev.text):
        return False
    same_style = line.bold == prev.bold and abs(line.size - prev.size) < 0.5
    close = line.top - prev.bottom < body_size
    emphasised = line.bold or line.size > body_size * 1.15
    return (
        same_style
        and close
        and emphasised
        and numbering_level(line.text) is None
        and len(prev.text) + len(line.text) < 150
    )


def _starts_new(
    prev: Line, line: Line, usual_gap: float, right_edge: float, typo: Typography
) -> bool:
    body_size = typo.body_size
    if prev.column != line.column or _DOT_LEADER.search(prev.text):
        return True
    gap = line.top - prev.bottom
    if gap > max(usual_gap * 1.6, usual_gap + body_size * 0.45) or gap < -2:
        return True
    if _continues_heading(prev, line, typo):
        return False
    if _is_heading_line(prev, typo) or _is_heading_line(line, typo):
        return True
    if _LIST_MARKER.match(line.text):
        return True
    ends_sentence = bool(_SENTENCE_END.search(prev.text))
    if ends_sentence and numbering_level(line.text) is not None:
        return True
    return ends_sentence and _room_for_next_word(prev, line, right_edge)


def _room_for_next_word(prev: Line, line: Line, right_edge: float) -> bool:
    """The line ended early by choice: the next line's first word would have fit."""
    if not line.text.split():
        return True
    width = line.first_word_width
    if width <= 0:  # not measured: estimate from the line's average glyph width
        width = (line.x1 - line.x0) / max(len(line.text), 1) * len(line.text.split()[0])
    space = 0.3 * (line.size or prev.size or 10.0)
    return prev.x1 + space + width < right_edge - 1.0


def _block(lines: list[Line], typo: Typography) -> RawBlock:
    text = lines[0].text
    for line in lines[1:]:
        text = join_lines(text, line.text)
    first = lines[0]
    kind: BlockKind = "paragraph"
    level = None
    if _is_heading_line(first, typo) and all(
        _continues_heading(a, b, typo) for a, b in zip(lines, lines[1:], strict=False)
    ):
        kind = "heading"
        shape = numbering_level(text)
        level = shape.level if shape else 1
    elif _LIST_MARKER.match(text):
        kind = "list_item"
    return RawBlock(
        kind=kind, text=text, page=first.page, page_end=lines[-1].page, level=level
    )


def join_lines(left: str, right: str) -> str:
    """Join two visual lines, undoing end-of-line hyphenation where it is one.

    'samar-' + 'bete' -> 'samarbete'; 'OPI-' + 'projektet' -> 'OPI-projektet';
    'vård-' + 'och omsorg' -> 'vård- och omsorg'; 'e-' + 'tjänster' -> 'e-tjänster'.
    """
    left = left.rstrip()
    right = right.lstrip()
    if not left.endswith("-") or len(left) < 2 or not left[-2].isalpha():
        return f"{left} {right}"
    stem = left[:-1].split()[-1] if left[:-1].split() else ""
    next_word = right.split()[0] if right.split() else ""
    if next_word.lower().strip(",.") in _KEEP_HYPHEN_NEXT:
        return f"{left} {right}"
    if not next_word[:1].islower() or stem[-1:].isupper() or len(stem) <= 2:
        return f"{left}{right}"
    return f"{left[:-1]}{right}"


def _join_across_pages(blocks: list[RawBlock], page_blocks: list[RawBlock]) -> None:
    """A paragraph cut by a page break continues on the next page: join them."""
    last, first = blocks[-1], page_blocks[0]
    if last.kind not in ("paragraph", "list_item") or first.kind != "paragraph":
        return
    if _SENTENCE_END.search(last.text) and not last.text.endswith("-"):
        return
    if not (first.text[:1].islower() or last.text.endswith(("-", ","))):
        return
    last.text = join_lines(last.text, first.text)
    last.page_end = first.page_end
    page_blocks.pop(0)
