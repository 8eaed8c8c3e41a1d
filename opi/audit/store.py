"""The audit's SQLite store: results keyed by content, checker and playbook.

WAL journal, one transaction per result, written only by the parent process. A run
records the documents it was given first (one transaction), then each result as it
arrives, so a run killed at any moment leaves every finished document stored once
and the next run computes only the rest."""

from __future__ import annotations

import json
import sqlite3
import zlib
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from opi.audit.collect import Item, Skipped
from opi.audit.errors import StoreError
from opi.audit.work import Outcome

SCHEMA_VERSION = "1"
RETRIED = ("timeout", "crashed")  # not the document's fault alone: retried when
# the new time limit is longer than the one that failed

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS results (
  sha256 TEXT NOT NULL, checker TEXT NOT NULL, playbook TEXT NOT NULL,
  status TEXT NOT NULL, error_code TEXT, report TEXT NOT NULL,
  time_limit REAL, seconds REAL NOT NULL, page BLOB,
  PRIMARY KEY (sha256, checker, playbook)
);
CREATE TABLE IF NOT EXISTS runs (
  id INTEGER PRIMARY KEY, checker TEXT NOT NULL, playbook TEXT NOT NULL,
  started TEXT NOT NULL, finished TEXT
);
CREATE TABLE IF NOT EXISTS run_files (
  run INTEGER NOT NULL REFERENCES runs(id), path TEXT NOT NULL,
  sha256 TEXT NOT NULL, size INTEGER NOT NULL, PRIMARY KEY (run, path)
);
CREATE TABLE IF NOT EXISTS charts (key TEXT PRIMARY KEY, svg TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS run_skipped (
  run INTEGER NOT NULL REFERENCES runs(id), path TEXT NOT NULL,
  reason TEXT NOT NULL, PRIMARY KEY (run, path)
);
"""


@dataclass(frozen=True, slots=True)
class Row:
    """A document of a run and the facts of its stored result (status None while
    not yet checked). The full report stays in the store: see Store.reports."""

    path: str
    sha256: str
    status: str | None = None
    error_code: str | None = None
    error_message: str | None = None
    name: str | None = None  # the file name the stored report carries
    format: str | None = None
    language: str | None = None
    pages: int | None = None
    requirements: tuple[tuple[str, str], ...] = ()  # (id, status), playbook order

    @classmethod
    def from_report(cls, path: str, sha256: str, report: dict[str, Any]) -> Row:
        error = report.get("error") or {}
        return cls(
            path=path,
            sha256=sha256,
            status=report["status"],
            error_code=error.get("code"),
            error_message=error.get("message"),
            name=report["file"],
            format=report.get("format"),
            language=report.get("language"),
            pages=report.get("pages"),
            requirements=tuple(
                (r["id"], r["status"]) for r in report.get("requirements", [])
            ),
        )


@dataclass(frozen=True, slots=True)
class RunView:
    """Everything one run of the store knows, for summaries and reports."""

    run: int
    checker: str
    playbook: str
    finished: bool
    rows: tuple[Row, ...]
    skipped: tuple[Skipped, ...]


class Store:
    """An open audit store. Use as a context manager; close() commits nothing."""

    def __init__(self, path: Path, *, create: bool = True) -> None:
        if not create and not path.is_file():
            raise StoreError(f"{path}: no audit store here (run `opi audit` first)")
        self.path = path
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(path, timeout=10, isolation_level=None)
        except (OSError, sqlite3.DatabaseError) as exc:
            raise StoreError(f"{path}: cannot open the store ({exc})") from exc
        try:
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA synchronous=NORMAL")
            self._db.executescript(SCHEMA)
            version = self._version()
        except sqlite3.DatabaseError as exc:
            self._db.close()
            raise StoreError(f"{path}: not a usable audit store ({exc})") from exc
        if version != SCHEMA_VERSION:
            self._db.close()
            raise StoreError(
                f"{path}: store schema {version}, this opi writes "
                f"{SCHEMA_VERSION}; audit into a new --store"
            )

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._db.close()

    def _version(self) -> str:
        with self._transaction() as db:
            db.execute(
                "INSERT OR IGNORE INTO meta VALUES ('schema', ?)", (SCHEMA_VERSION,)
            )
            (version,) = db.execute(
                "SELECT value FROM meta WHERE key = 'schema'"
            ).fetchone()
        return str(version)

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        self._db.execute("BEGIN IMMEDIATE")
        try:
            yield self._db
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        self._db.execute("COMMIT")

    def start_run(
        self,
        items: Iterable[Item],
        skipped: Iterable[Skipped],
        *,
        checker: str,
        playbook: str,
    ) -> int:
        """Record a run and its documents in one transaction; return its id."""
        with self._transaction() as db:
            cursor = db.execute(
                "INSERT INTO runs (checker, playbook, started) VALUES (?, ?, ?)",
                (checker, playbook, _now()),
            )
            run = cursor.lastrowid
            assert run is not None
            db.executemany(
                "INSERT INTO run_files VALUES (?, ?, ?, ?)",
                ((run, i.display, i.sha256, i.size) for i in items),
            )
            db.executemany(
                "INSERT INTO run_skipped VALUES (?, ?, ?)",
                ((run, s.display, s.reason) for s in skipped),
            )
        return run

    def finish_run(self, run: int) -> None:
        with self._transaction() as db:
            db.execute("UPDATE runs SET finished = ? WHERE id = ?", (_now(), run))

    def known(
        self, *, checker: str, playbook: str, time_limit: float
    ) -> dict[str, str]:
        """Status by content hash of the results final for this checker and playbook."""
        rows = self._db.execute(
            "SELECT sha256, status FROM results WHERE checker = ? AND playbook = ? AND "
            f"(error_code IS NULL OR error_code NOT IN {RETRIED} "
            "OR time_limit >= ?)",
            (checker, playbook, time_limit),
        )
        return dict(rows.fetchall())

    def put(
        self, outcome: Outcome, *, checker: str, playbook: str, time_limit: float
    ) -> None:
        """Store one result in its own transaction (a later result replaces it)."""
        with self._transaction() as db:
            db.execute(
                "INSERT OR REPLACE INTO results VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    outcome.sha256,
                    checker,
                    playbook,
                    outcome.status,
                    outcome.error_code,
                    outcome.report,
                    time_limit if outcome.error_code in RETRIED else None,
                    outcome.seconds,
                    outcome.page,
                ),
            )

    def view(self, run: int | None = None) -> RunView:
        """A run (the latest by default) with each document's stored result."""
        query = "SELECT id, checker, playbook, finished FROM runs "
        found = self._db.execute(
            query + ("WHERE id = ?" if run else "ORDER BY id DESC LIMIT 1"),
            (run,) if run else (),
        ).fetchone()
        if found is None:
            raise StoreError(f"{self.path}: the store holds no audit run")
        run_id, checker, playbook, finished = found
        rows = self._db.execute(
            "SELECT f.path, f.sha256, r.report "
            "FROM run_files f LEFT JOIN results r ON r.sha256 = f.sha256 "
            "AND r.checker = ? AND r.playbook = ? WHERE f.run = ? ORDER BY f.path",
            (checker, playbook, run_id),
        )
        skipped = self._db.execute(
            "SELECT path, reason FROM run_skipped WHERE run = ? ORDER BY path",
            (run_id,),
        )
        return RunView(
            run=run_id,
            checker=checker,
            playbook=playbook,
            finished=finished is not None,
            rows=tuple(
                Row.from_report(path, sha, json.loads(report))
                if report
                else Row(path, sha)
                for path, sha, report in rows
            ),
            skipped=tuple(Skipped(p, r) for p, r in skipped),
        )

    def reports(self, view: RunView) -> Iterator[tuple[Row, str]]:
        """Each checked document of a run with its full stored report (JSON text),
        by path, one at a time (an archive's reports need not fit in memory)."""
        rows = {row.path: row for row in view.rows}
        found = self._db.execute(
            "SELECT f.path, r.report FROM run_files f JOIN results r "
            "ON r.sha256 = f.sha256 AND r.checker = ? AND r.playbook = ? "
            "WHERE f.run = ? ORDER BY f.path",
            (view.checker, view.playbook, view.run),
        )
        for path, report in found:
            yield rows[path], report

    def pages(self, view: RunView) -> Iterator[tuple[str, str]]:
        """(sha256, HTML review page) of each checked document of a run, once."""
        rows = self._db.execute(
            "SELECT DISTINCT r.sha256, r.page FROM run_files f JOIN results r "
            "ON r.sha256 = f.sha256 AND r.checker = ? AND r.playbook = ? "
            "WHERE f.run = ? AND r.page IS NOT NULL ORDER BY r.sha256",
            (view.checker, view.playbook, view.run),
        )
        for sha, page in rows:
            yield sha, zlib.decompress(page).decode("utf-8")

    def get_svg(self, key: str) -> str | None:
        """A chart drawn before for the same figures (see opi.audit.charts)."""
        found = self._db.execute("SELECT svg FROM charts WHERE key = ?", (key,))
        row = found.fetchone()
        return str(row[0]) if row else None

    def put_svg(self, key: str, svg: str) -> None:
        with self._transaction() as db:
            db.execute("INSERT OR REPLACE INTO charts VALUES (?, ?)", (key, svg))

    def count_results(self) -> int:
        (n,) = self._db.execute("SELECT count(*) FROM results").fetchone()
        return int(n)


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")
