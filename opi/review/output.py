"""Writing review outputs: never over an existing file unless asked, never over
the draft itself, and never half a file (written aside, then renamed)."""

from __future__ import annotations

import os
import secrets
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
    # Not mkstemp: its 0600 mode would stay on the renamed file; "x" opens a
    # fresh file with the usual permissions (umask) and never an existing one.
    temp = out.with_name(f".{out.name}.{os.getpid()}.{secrets.token_hex(4)}.tmp")
    try:
        with temp.open("xb") as stream:
            stream.write(data)
        os.replace(temp, out)
    except OSError as exc:
        temp.unlink(missing_ok=True)
        raise OutputError(f"{out}: cannot be written ({exc})") from exc
