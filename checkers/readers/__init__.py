"""Readers: turn a .docx, .pdf or text agreement into a Document, or raise ReadError."""

from __future__ import annotations

from pathlib import Path

from checkers.document import Document
from checkers.errors import ReadError
from checkers.readers.blocks import ReadResult, build_document
from checkers.readers.limits import DEFAULT_LIMITS, ReadLimits
from checkers.readers.sniff import sniff

__all__ = ["DEFAULT_LIMITS", "ReadLimits", "read_document"]


def read_document(path: Path | str, *, limits: ReadLimits = DEFAULT_LIMITS) -> Document:
    """Read an agreement, choosing the reader by the file's content.

    Raises ReadError with a stable code (empty, corrupt, encrypted, no_text,
    unsupported_format, too_large) and a message naming the file.
    """
    path = Path(path)
    try:
        size = path.stat().st_size
        with path.open("rb") as fh:
            head = fh.read(4096)
    except IsADirectoryError as exc:
        raise ReadError(path, "unsupported_format", "is a folder, not a file") from exc
    except FileNotFoundError as exc:
        raise ReadError(path, "unsupported_format", "no such file") from exc
    except PermissionError as exc:
        raise ReadError(
            path, "unsupported_format", "the file cannot be read (permission denied)"
        ) from exc
    if size == 0 or not head.strip(b" \t\r\n\x00\xef\xbb\xbf\xff\xfe"):
        raise ReadError(path, "empty", "the file is empty")
    if size > limits.max_file_bytes:
        raise ReadError(
            path,
            "too_large",
            f"the file is {size // (1024 * 1024)} MB "
            f"(limit {limits.max_file_bytes // (1024 * 1024)} MB)",
        )
    found = sniff(path, head, limits=limits)
    result = _read(path, found.format, limits=limits)
    if found.warning:
        result.warnings.insert(0, found.warning)
    return build_document(path, found.format, result)


def _read(path: Path, fmt: str, *, limits: ReadLimits) -> ReadResult:
    # Imported here: pdfplumber and lxml cost import time that text files never need.
    if fmt == "docx":
        from checkers.readers.docx import read_docx

        return read_docx(path, limits=limits)
    if fmt == "pdf":
        from checkers.readers.pdf import read_pdf

        return read_pdf(path, limits=limits)
    from checkers.readers.text import read_text

    return read_text(path, limits=limits, markdown=fmt == "md")
