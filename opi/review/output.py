"""Writing review outputs: never over an existing file unless asked, never over
the draft itself, and never half a file (written aside, then renamed)."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from opi.review.errors import OutputError


def check_new(out: Path, *, force: bool, source: Path | None = None) -> None:
    """Raise OutputError unless `out` may be written."""
    if source is not None and out.exists() and out.resolve() == source.resolve():
        raise OutputError(f"{out}: is the draft itself; choose another output file")
    if out.is_dir():
        raise OutputError(f"{out}: is a folder; give a file name")
    if out.exists() and not force:
        raise OutputError(f"{out}: exists already; use --force to replace it")
    if not out.parent.is_dir():
        raise OutputError(f"{out.parent}: no such folder; create it first")


def write_new(
    out: Path, data: bytes, *, force: bool, source: Path | None = None
) -> None:
    """Write `data` to `out` atomically after check_new."""
    check_new(out, force=force, source=source)
    handle, temp = tempfile.mkstemp(prefix=f".{out.name}.", dir=out.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.replace(temp, out)
    except OSError as exc:
        Path(temp).unlink(missing_ok=True)
        raise OutputError(f"{out}: cannot be written ({exc})") from exc
