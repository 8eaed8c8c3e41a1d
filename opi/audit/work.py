"""The per-document work, run in a worker process: read, check, return an Outcome.

Everything here crosses a process (or network) boundary, so tasks and outcomes are
small frozen dataclasses of plain values; the report travels as its JSON text."""

from __future__ import annotations

import json
import resource
import tempfile
import time
import zipfile
import zlib
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, Literal

ErrorCode = Literal["timeout", "crashed", "internal"]


@dataclass(frozen=True, slots=True)
class PlaybookRef:
    """A playbook by content, so that a remote worker can use it too."""

    hash: str
    text: str | None  # None: the checkers' built-in playbook


@dataclass(frozen=True, slots=True)
class Task:
    """One document to check. `data` carries the bytes to a remote worker."""

    sha256: str
    name: str
    path: str
    member: str | None = None
    data: bytes | None = None


@dataclass(frozen=True, slots=True)
class Outcome:
    """The result of one document: its report as JSON text, and how it went."""

    sha256: str
    status: str
    error_code: str | None
    report: str  # as results.json shows it (indented), for a cheap re-run
    seconds: float
    peak_rss_mb: float = 0.0
    page: bytes | None = None  # the per-document HTML review page, zlib-compressed


def warm(playbook: PlaybookRef) -> None:
    """Load the playbook and build the spaCy pipeline of every language once."""
    from checkers.annotate import build_nlp

    book = _playbook(playbook)
    for lang in ("sv", "en", "da"):
        build_nlp(lang, book.source)
    import checkers.readers.docx  # noqa: F401  (import cost paid before timing)
    import checkers.readers.pdf  # noqa: F401


def check_task(task: Task, playbook: PlaybookRef) -> Outcome:
    """Read and check one document (an unreadable file gives an error report),
    and render its HTML review page."""
    from checkers import ReadError, read_document
    from checkers.engine import check_document
    from checkers.report import Report
    from opi.review.html import render_html

    started = time.perf_counter()
    book = _playbook(playbook)
    with tempfile.TemporaryDirectory(prefix="opi-audit-") as tmp:
        path = _materialise(task, Path(tmp))
        try:
            found = read_document(path)
        except ReadError as exc:
            document = None
            report = Report.for_error(path.name, exc)
        else:
            document = found
            report = check_document(found, playbook=book)
    page = render_html(report, document, playbook=book)
    data = report.to_dict()
    return Outcome(
        sha256=task.sha256,
        status=report.status,
        error_code=data["error"]["code"] if data["error"] else None,
        report=json.dumps(data, ensure_ascii=False, indent=2),
        seconds=time.perf_counter() - started,
        peak_rss_mb=peak_rss_mb(),
        page=zlib.compress(page.encode("utf-8"), 6),
    )


def task_bytes(task: Task) -> bytes:
    """The document's bytes, for a worker that cannot see this machine's files."""
    if task.member is None:
        return Path(task.path).read_bytes()
    with zipfile.ZipFile(task.path) as archive:
        return archive.read(task.member)


def failed(task: Task, code: ErrorCode, message: str, seconds: float) -> Outcome:
    """An error Outcome made outside the worker (timeout, crashed worker, bug)."""
    data: dict[str, Any] = {
        "file": task.name,
        "format": None,
        "language": None,
        "pages": None,
        "status": "error",
        "error": {"code": code, "message": f"{task.name}: {message}"},
        "requirements": [],
        "warnings": [],
    }
    return Outcome(
        sha256=task.sha256,
        status="error",
        error_code=code,
        report=json.dumps(data, ensure_ascii=False, indent=2),
        seconds=seconds,
    )


def peak_rss_mb() -> float:
    """This process's peak resident memory in MB (Linux reports kilobytes)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _materialise(task: Task, tmp: Path) -> Path:
    if task.data is None and task.member is None:
        return Path(task.path)
    target = tmp / task.name
    if task.data is not None:
        target.write_bytes(task.data)
    else:
        assert task.member is not None
        with zipfile.ZipFile(task.path) as archive, archive.open(task.member) as src:
            target.write_bytes(src.read())
    return target


@cache
def _playbook_file(ref: PlaybookRef) -> Path | None:
    if ref.text is None:
        return None
    path = Path(tempfile.gettempdir()) / f"opi-audit-playbook-{ref.hash}.yaml"
    if not path.exists():
        partial = path.with_suffix(f".{id(ref)}.part")
        partial.write_text(ref.text, encoding="utf-8")
        partial.replace(path)
    return path


def _playbook(ref: PlaybookRef) -> Any:
    from checkers.playbook import load_playbook

    return _load(_playbook_file(ref), load_playbook)


@cache
def _load(path: Path | None, loader: Any) -> Any:
    return loader(path)
