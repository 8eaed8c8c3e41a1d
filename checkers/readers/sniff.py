"""Decide what a file really is from its bytes, not its name."""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from pathlib import Path

from checkers.document import Format
from checkers.errors import ReadError
from checkers.readers.limits import ReadLimits

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTED_PACKAGE = "EncryptedPackage".encode("utf-16-le")
_WORD_MAIN = "word/document.xml"

_EXTENSIONS: dict[str, Format] = {
    ".docx": "docx",
    ".docm": "docx",
    ".dotx": "docx",
    ".pdf": "pdf",
    ".txt": "txt",
    ".text": "txt",
    ".md": "md",
    ".markdown": "md",
}
_NAMES: dict[Format, str] = {
    "docx": "a Word document (.docx)",
    "pdf": "a PDF",
    "txt": "a plain-text file",
    "md": "a Markdown file",
}
_FOREIGN: tuple[tuple[bytes, str], ...] = (
    (b"{\\rtf", "an RTF document; save it as .docx or PDF"),
    (b"\x89PNG", "a PNG image; agreements are read from .docx, .pdf or text"),
    (b"\xff\xd8\xff", "a JPEG image; agreements are read from .docx, .pdf or text"),
    (b"II*\x00", "a TIFF image; agreements are read from .docx, .pdf or text"),
    (b"MM\x00*", "a TIFF image; agreements are read from .docx, .pdf or text"),
    (b"\x1f\x8b", "a gzip archive; unpack it first"),
    (b"7z\xbc\xaf", "a 7-Zip archive; unpack it first"),
    (b"Rar!", "a RAR archive; unpack it first"),
)


@dataclass(frozen=True, slots=True)
class Sniffed:
    """The format found in the bytes, and a warning when the file name disagrees."""

    format: Format
    warning: str | None


def sniff(path: Path, head: bytes, *, limits: ReadLimits) -> Sniffed:
    """Identify .docx, .pdf or text by content; raise ReadError for anything else."""
    fmt = _format_from_bytes(path, head, limits=limits)
    return Sniffed(fmt, _name_warning(path, fmt))


def _format_from_bytes(path: Path, head: bytes, *, limits: ReadLimits) -> Format:
    if head.startswith(b"PK\x03\x04") or head.startswith(b"PK\x05\x06"):
        check_zip(path, limits=limits)
        return "docx"
    if b"%PDF-" in head[:1024]:
        return "pdf"
    if head.startswith(_OLE_MAGIC):
        raise _ole_error(path)
    for magic, what in _FOREIGN:
        if head.startswith(magic):
            raise ReadError(path, "unsupported_format", f"the file is {what}")
    if head.lstrip().lower().startswith((b"<!doctype html", b"<html")):
        raise ReadError(
            path,
            "unsupported_format",
            "the file is an HTML page; save the agreement as .docx, PDF or text",
        )
    suffix = path.suffix.lower()
    return "md" if suffix in (".md", ".markdown") else "txt"


def _ole_error(path: Path) -> ReadError:
    with path.open("rb") as fh:
        data = fh.read(4 * 1024 * 1024)
    if _ENCRYPTED_PACKAGE in data:
        return ReadError(
            path,
            "encrypted",
            "the Word document is password-protected; remove the password "
            "(File > Info > Protect Document) and try again",
        )
    return ReadError(
        path,
        "unsupported_format",
        "the file is an old binary Office document (.doc/.xls); "
        "save it as .docx or PDF",
    )


def check_zip(path: Path, *, limits: ReadLimits) -> None:
    """Refuse a damaged, encrypted, non-Word or bomb-like zip before reading it."""
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise ReadError(
            path,
            "corrupt",
            "the file is a damaged or truncated zip/Word container and cannot be "
            "opened",
        ) from exc
    names = {info.filename for info in infos}
    if _WORD_MAIN not in names:
        if "[Content_Types].xml" in names or any(n.startswith("word/") for n in names):
            raise ReadError(
                path,
                "corrupt",
                "the Word package has no main document part (word/document.xml)",
            )
        raise ReadError(
            path,
            "unsupported_format",
            "the file is a zip archive, not a Word document; unpack it and check "
            "the agreements inside",
        )
    if len(infos) > limits.max_zip_entries:
        raise ReadError(
            path,
            "too_large",
            f"the Word package holds {len(infos)} parts (limit "
            f"{limits.max_zip_entries})",
        )
    total = sum(info.file_size for info in infos)
    if total > limits.max_unzipped_bytes:
        raise ReadError(
            path,
            "too_large",
            f"the Word package unpacks to {total // (1024 * 1024)} MB "
            f"(limit {limits.max_unzipped_bytes // (1024 * 1024)} MB)",
        )
    for info in infos:
        if info.flag_bits & 0x1:
            raise ReadError(path, "encrypted", "the Word package is encrypted")
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > 1024 * 1024 and ratio > limits.max_compression_ratio:
            raise ReadError(
                path,
                "too_large",
                f"part {info.filename} expands {ratio:.0f} times (limit "
                f"{limits.max_compression_ratio:.0f}); this looks like a zip bomb",
            )


def _name_warning(path: Path, fmt: Format) -> str | None:
    claimed = _EXTENSIONS.get(path.suffix.lower())
    text_like = {"txt", "md"}
    if claimed == fmt or (claimed in text_like and fmt in text_like):
        return None
    if claimed is None and fmt in text_like:
        return None
    suffix = path.suffix or "(no extension)"
    return (
        f"{path.name}: the name says {suffix} but the content is {_NAMES[fmt]}; "
        f"read as {_NAMES[fmt]}"
    )
