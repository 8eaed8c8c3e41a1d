"""Errors raised by the readers and checkers, each with a stable code."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

ReadErrorCode = Literal[
    "empty", "corrupt", "encrypted", "no_text", "unsupported_format", "too_large"
]

READ_ERROR_CODES: tuple[ReadErrorCode, ...] = (
    "empty",
    "corrupt",
    "encrypted",
    "no_text",
    "unsupported_format",
    "too_large",
)


class CheckError(Exception):
    """Base of every error the checkers package raises on purpose."""


class ReadError(CheckError):
    """A file could not be turned into a Document; `code` says why, for machines."""

    def __init__(self, path: Path | str, code: ReadErrorCode, message: str) -> None:
        self.path = Path(path)
        self.code: ReadErrorCode = code
        self.message = message
        super().__init__(f"{self.path}: {message} [{code}]")

    def to_dict(self) -> dict[str, str]:
        return {"code": self.code, "message": f"{self.path.name}: {self.message}"}
