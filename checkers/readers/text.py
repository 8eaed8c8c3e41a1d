"""Read plain text and Markdown: decode safely, then paragraphs, headings, lists,
tables."""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from checkers.errors import ReadError
from checkers.readers.blocks import RawBlock, ReadResult
from checkers.readers.headings import (
    is_caps_heading,
    looks_like_heading,
    numbering_level,
)
from checkers.readers.limits import ReadLimits
from checkers.readers.pagination import is_page_number

_MD_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_LIST_ITEM = re.compile(
    r"^\s*([-*+•–]|\(?[a-zåäö]\)|\(?\d{1,2}[.)]|\(?[ivx]{1,4}\))\s+\S"
)
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")
_SETEXT = re.compile(r"^(=+|-+)\s*$")
_BLANK_SPLIT = re.compile(r"\n[ \t]*\n")
_WIDE_GAP = re.compile(r" {3,}")


def decode(data: bytes, path: Path) -> tuple[str, str]:
    """Text and the encoding it was read in: BOM, UTF-8, UTF-16, else Windows-1252."""
    for bom, encoding in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            return _decode(data, encoding, path), encoding
    even_nuls = data[1::2].count(0)
    odd_nuls = data[0::2].count(0)
    if len(data) >= 4 and max(even_nuls, odd_nuls) > len(data) // 4:
        encoding = "utf-16-le" if even_nuls > odd_nuls else "utf-16-be"
        return _decode(data, encoding, path), encoding
    if b"\x00" in data:
        raise ReadError(
            path,
            "unsupported_format",
            "the file is binary data, not text, Word or PDF",
        )
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace"), "windows-1252"


def _decode(data: bytes, encoding: str, path: Path) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise ReadError(
            path, "corrupt", f"the text is not valid {encoding} ({exc.reason})"
        ) from exc


def read_text(path: Path, *, limits: ReadLimits, markdown: bool) -> ReadResult:
    """Paragraphs separated by blank lines; headings by '#', numbering or capitals."""
    data = path.read_bytes()
    if len(data) > limits.max_text_bytes:
        raise ReadError(
            path,
            "too_large",
            f"the text file is {len(data) // (1024 * 1024)} MB "
            f"(limit {limits.max_text_bytes // (1024 * 1024)} MB)",
        )
    text, encoding = decode(data, path)
    warnings = []
    if encoding == "windows-1252":
        warnings.append("the text is not UTF-8; read as Windows-1252")
    if "\ufffd" in text:
        warnings.append("some characters could not be decoded and were replaced")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "\n" not in text.strip() and _WIDE_GAP.search(text):
        # One long line whose paragraphs are separated by runs of spaces
        # (a common export of EDGAR/HTML documents).
        text = _WIDE_GAP.sub("\n\n", text)
    wrapped = _is_hard_wrapped(text)
    blocks = _blocks(text, markdown=markdown, wrapped=wrapped)
    return ReadResult(blocks=blocks, warnings=warnings)


def _is_hard_wrapped(text: str) -> bool:
    """Lines broken at a fixed width (<= ~100 characters): a paragraph continues on
    the next line. Otherwise every line is a paragraph of its own."""
    lengths = sorted(len(line) for line in text.split("\n") if line.strip())
    if not lengths:
        return False
    return lengths[int(len(lengths) * 0.9)] <= 100


def _blocks(text: str, *, markdown: bool, wrapped: bool) -> list[RawBlock]:
    blocks: list[RawBlock] = []
    line_no = 1
    for chunk in _BLANK_SPLIT.split(text):
        lines = chunk.split("\n")
        blocks.extend(_chunk_blocks(lines, line_no, markdown=markdown, wrapped=wrapped))
        line_no += chunk.count("\n") + 2
    return _pipe_tables(blocks)


def _cells(text: str) -> int:
    return len(text.split(" | ")) if " | " in text else 0


def _pipe_tables(blocks: list[RawBlock]) -> list[RawBlock]:
    """Consecutive paragraphs written as cells ("Testmiljö | Kommunen"), two or
    more with the same number of cells, are table rows."""
    i = 0
    while i < len(blocks):
        cells = _cells(blocks[i].text) if blocks[i].kind == "paragraph" else 0
        j = i
        while (
            cells
            and j + 1 < len(blocks)
            and blocks[j + 1].kind == "paragraph"
            and _cells(blocks[j + 1].text) == cells
        ):
            j += 1
        if j > i:
            for block in blocks[i : j + 1]:
                block.kind = "table_row"
        i = j + 1
    return blocks


def _chunk_blocks(
    lines: list[str], first_line: int, *, markdown: bool, wrapped: bool
) -> list[RawBlock]:
    """Blocks of one blank-line-separated chunk; each line starting a list item,
    a heading or a table row stands alone, other lines join the paragraph."""
    out: list[RawBlock] = []
    para: list[str] = []
    para_line = first_line

    def flush() -> None:
        if para:
            out.append(
                RawBlock(kind="paragraph", text=" ".join(para), paragraph=para_line)
            )
            para.clear()

    for i, raw in enumerate(lines):
        line = raw.strip()
        number = first_line + i
        if not line:
            continue
        block = _line_block(line, lines, i, markdown=markdown)
        if block is None and not wrapped and para:
            flush()
        if block is None:
            if not para:
                para_line = number
            para.append(line)
            continue
        flush()
        if block.kind == "paragraph" and not block.text:
            continue  # a setext underline or table rule
        block.paragraph = number
        out.append(block)
    flush()
    return _merge_list_continuations(out)


def _line_block(
    line: str, lines: list[str], i: int, *, markdown: bool
) -> RawBlock | None:
    md = _MD_HEADING.match(line)
    if md:
        return RawBlock(kind="heading", text=md.group(2), level=len(md.group(1)))
    if _TABLE_RULE.match(line) and "-" in line and ("|" in line or markdown):
        return RawBlock(kind="paragraph", text="")
    if line.startswith("|") and line.count("|") >= 2:
        cells = [c.strip() for c in line.strip("|").split("|")]
        return RawBlock(kind="table_row", text=" | ".join(c for c in cells if c))
    if i + 1 < len(lines) and _SETEXT.match(lines[i + 1].strip()) and len(lines) > 1:
        level = 1 if lines[i + 1].strip().startswith("=") else 2
        return RawBlock(kind="heading", text=line, level=level)
    if _SETEXT.match(line) and i > 0:
        return RawBlock(kind="paragraph", text="")
    alone = len([x for x in lines if x.strip()]) == 1
    if alone and is_page_number(line):
        return RawBlock(kind="page_number", text=line)
    if (alone or is_caps_heading(line) or _heads_chunk(line, lines, i)) and (
        looks_like_heading(line)
    ):
        shape = numbering_level(line)
        return RawBlock(kind="heading", text=line, level=shape.level if shape else 1)
    if _LIST_ITEM.match(line):
        return RawBlock(kind="list_item", text=line)
    return None


def _heads_chunk(line: str, lines: list[str], i: int) -> bool:
    """A numbered title on the first line of a chunk, the clause text below it.

    A hard-wrapped sentence that merely starts with a number continues in lower
    case on the next line; a heading is followed by a new sentence.
    """
    if i != 0 or len(lines) < 2 or numbering_level(line) is None or len(line) > 70:
        return False
    following = lines[1].strip()
    return bool(following) and not following[0].islower()


def _merge_list_continuations(blocks: list[RawBlock]) -> list[RawBlock]:
    """A paragraph line right after a list item, in the same chunk, continues it."""
    merged: list[RawBlock] = []
    for block in blocks:
        if (
            merged
            and block.kind == "paragraph"
            and merged[-1].kind == "list_item"
            and block.paragraph is not None
            and merged[-1].paragraph is not None
            and block.paragraph > merged[-1].paragraph
        ):
            merged[-1].text = f"{merged[-1].text} {block.text}"
            continue
        merged.append(block)
    return merged
