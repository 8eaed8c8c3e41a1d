"""The cache key of a result: content hash, checker fingerprint and playbook hash."""

from __future__ import annotations

import hashlib
from functools import cache
from importlib import resources
from importlib.abc import Traversable
from pathlib import Path

CHUNK = 1 << 20


def sha256_file(path: Path) -> str:
    """The hex sha256 of a file's bytes, read in chunks."""
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        while chunk := fh.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


@cache
def checker_fingerprint() -> str:
    """A hash over the installed `checkers` package's source and data files.

    Any edit to a module, a pattern file or the playbook shipped with the package
    changes it, so cached results never outlive the behaviour that made them.
    Computed once per process."""
    return tree_hash(resources.files("checkers"))


def tree_hash(folder: Traversable) -> str:
    """A hash over every file's relative path and bytes (compiled files left out)."""
    digest = hashlib.sha256()
    for rel, entry in sorted(_package_files(folder, "")):
        digest.update(rel.encode("utf-8") + b"\0")
        digest.update(entry.read_bytes())
        digest.update(b"\0")
    return digest.hexdigest()[:16]


def _package_files(folder: Traversable, prefix: str) -> list[tuple[str, Traversable]]:
    found: list[tuple[str, Traversable]] = []
    for entry in folder.iterdir():
        rel = f"{prefix}{entry.name}"
        if entry.is_dir():
            if entry.name != "__pycache__":
                found += _package_files(entry, rel + "/")
        elif not entry.name.endswith((".pyc", ".pyo")):
            found.append((rel, entry))
    return found


def playbook_hash(path: Path | None) -> str:
    """The playbook's content hash; `builtin` for the package's own playbook,
    which the checker fingerprint already covers."""
    if path is None:
        return "builtin"
    return sha256_file(path)[:16]
