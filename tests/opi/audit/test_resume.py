"""An audit killed with SIGKILL resumes: every document reported exactly once."""

from __future__ import annotations

import csv
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

import opi.audit.batch as batch
from opi.cli import cli
from tests.conftest import EXAMPLES, ROOT

DOCUMENTS = 30


def _stored(store: Path) -> int:
    if not store.exists():
        return 0
    db = sqlite3.connect(store, timeout=5)
    try:
        (n,) = db.execute("SELECT count(*) FROM results").fetchone()
    except sqlite3.OperationalError:  # the audit has not made its tables yet
        n = 0
    finally:
        db.close()
    return int(n)


def _fingerprint(store: Path) -> str:
    db = sqlite3.connect(store)
    (checker,) = db.execute("SELECT checker FROM runs ORDER BY id LIMIT 1").fetchone()
    db.close()
    return str(checker)


def _archive(folder: Path) -> None:
    folder.mkdir()
    text = (EXAMPLES / "en_shuttle_pilot.txt").read_text(encoding="utf-8")
    for i in range(DOCUMENTS):
        (folder / f"avtal_{i:02}.txt").write_text(
            f"{text}\nAnnex {i}: the pilot route number {i}.\n", encoding="utf-8"
        )


def test_a_killed_audit_resumes_and_reports_each_document_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    docs, out = tmp_path / "docs", tmp_path / "out"
    _archive(docs)
    store = out / "opi-audit.sqlite"
    command = [sys.executable, "-m", "opi", "audit", str(docs), "--jobs", "1"]
    process = subprocess.Popen(
        [*command, "--out", str(out)],
        cwd=ROOT,
        start_new_session=True,  # its own process group: the workers die with it
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 120
    try:
        while _stored(store) < 3 and process.poll() is None:
            assert time.monotonic() < deadline, "the audit stored nothing in 120 s"
            time.sleep(0.05)
    finally:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
    killed_at = _stored(store)
    assert 3 <= killed_at < DOCUMENTS, "the audit finished before it was killed"
    # Resume under the killed run's checker fingerprint, even if someone edits
    # checkers/ in this working tree meanwhile (which would rightly redo all).
    monkeypatch.setattr(batch, "checker_fingerprint", lambda: _fingerprint(store))

    result = CliRunner().invoke(
        cli, ["audit", str(docs), "--jobs", "1", "--out", str(out)]
    )
    assert result.exit_code in (0, 1), result.output
    assert (
        f"checked {DOCUMENTS - killed_at}, from the store {killed_at}" in result.stdout
    )
    with (out / "results.csv").open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    paths = [row["path"] for row in rows]
    assert len(paths) == len(set(paths)) == DOCUMENTS
    assert all(row["status"] in ("compliant", "non_compliant") for row in rows)
    assert _stored(store) == DOCUMENTS
