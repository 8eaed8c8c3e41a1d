"""Errors raised while reading the clause library."""

from __future__ import annotations

from pathlib import Path


class ClauseError(Exception):
    """Base of every error the clause loader raises on purpose."""


class ClauseFileError(ClauseError):
    """A clause, recipe or label file is unreadable or has a bad key."""

    def __init__(self, path: Path, key: str, message: str) -> None:
        self.path = path
        self.key = key
        self.message = message
        where = f"{path.name}: {key}: " if key else f"{path.name}: "
        super().__init__(f"{where}{message}")


class LibraryError(ClauseError):
    """The library as a whole is inconsistent (duplicate ids, unknown sections)."""
