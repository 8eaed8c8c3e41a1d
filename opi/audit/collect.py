"""Turn the PATHs of `opi audit` into documents: files, folders (recursive), zips.

A document inside an archive is shown as `archive.zip!inner/path.docx`. Files the
readers do not take, archives inside archives and members that cannot be taken out
are listed as skipped with a reason, never dropped silently."""

from __future__ import annotations

import hashlib
import os
import zipfile
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from opi.audit.keys import CHUNK, sha256_file

SUPPORTED = frozenset({".docx", ".docm", ".pdf", ".txt", ".md", ".markdown", ".text"})
MAX_MEMBER_BYTES = 100 * 1024 * 1024  # as the readers' own max_file_bytes


@dataclass(frozen=True, slots=True)
class Item:
    """One document to check: a file, or a member of a zip archive."""

    display: str
    path: Path
    member: str | None
    sha256: str
    size: int

    @property
    def name(self) -> str:
        """The file name the checkers see (and write as the report's `file`)."""
        return PurePosixPath(self.member).name if self.member else self.path.name


@dataclass(frozen=True, slots=True)
class Skipped:
    """A file that is not checked, and why."""

    display: str
    reason: str


@dataclass(frozen=True, slots=True)
class Collection:
    items: tuple[Item, ...]
    skipped: tuple[Skipped, ...]


def collect(paths: Iterable[Path]) -> Collection:
    """Every document under `paths`, sorted by display path, each path once."""
    items: dict[str, Item] = {}
    skipped: dict[str, Skipped] = {}
    for path in paths:
        for found in _expand(path):
            if isinstance(found, Item):
                items.setdefault(found.display, found)
            else:
                skipped.setdefault(found.display, found)
    return Collection(
        items=tuple(items[k] for k in sorted(items)),
        skipped=tuple(skipped[k] for k in sorted(skipped)),
    )


def _expand(path: Path) -> Iterator[Item | Skipped]:
    if path.is_dir():
        for root, dirs, files in os.walk(path):
            dirs.sort()
            for name in sorted(files):
                yield from _file(Path(root) / name)
    else:
        yield from _file(path)


def _file(path: Path) -> Iterator[Item | Skipped]:
    display = path.as_posix()
    suffix = path.suffix.lower()
    if suffix == ".zip":
        members = _archive(path)
        if members is not None:
            yield from members
            return
        # Not a readable zip: the readers say why (corrupt, empty) as for any file.
    elif suffix not in SUPPORTED:
        yield Skipped(display, f"unsupported file type '{suffix or path.name}'")
        return
    try:
        yield Item(display, path, None, sha256_file(path), path.stat().st_size)
    except OSError as exc:
        yield Skipped(display, f"cannot be read: {exc.strerror or exc}")


def _archive(path: Path) -> list[Item | Skipped] | None:
    try:
        with zipfile.ZipFile(path) as archive:
            return [_member(path, archive, info) for info in _files(archive)]
    except (zipfile.BadZipFile, OSError, EOFError):
        return None


def _files(archive: zipfile.ZipFile) -> list[zipfile.ZipInfo]:
    return sorted(
        (i for i in archive.infolist() if not i.is_dir()), key=lambda i: i.filename
    )


def _member(
    path: Path, archive: zipfile.ZipFile, info: zipfile.ZipInfo
) -> Item | Skipped:
    display = f"{path.as_posix()}!{info.filename}"
    suffix = PurePosixPath(info.filename).suffix.lower()
    if suffix == ".zip":
        return Skipped(display, "an archive inside an archive: extract it first")
    if suffix not in SUPPORTED:
        return Skipped(display, f"unsupported file type '{suffix or info.filename}'")
    if info.flag_bits & 0x1:
        return Skipped(display, "encrypted inside the archive")
    if info.file_size > MAX_MEMBER_BYTES:
        return Skipped(display, f"too large ({info.file_size // 2**20} MB unpacked)")
    digest = hashlib.sha256()
    size = 0
    try:
        with archive.open(info) as fh:
            while chunk := fh.read(CHUNK):
                size += len(chunk)
                if size > MAX_MEMBER_BYTES:
                    return Skipped(display, "too large when unpacked")
                digest.update(chunk)
    except (
        zipfile.BadZipFile,
        zlib.error,
        OSError,
        EOFError,
        NotImplementedError,
    ) as exc:
        return Skipped(display, f"cannot be taken out of the archive: {exc}")
    return Item(display, path, info.filename, digest.hexdigest(), size)
