"""The SQLite store: one result per key, retries of timeouts, clear errors."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from opi.audit.collect import Item
from opi.audit.errors import StoreError
from opi.audit.store import Store
from opi.audit.work import Outcome

CHECKER = "checkers-1"


def _outcome(sha: str, status: str = "compliant", code: str | None = None) -> Outcome:
    report = {"file": f"{sha}.txt", "status": status, "requirements": []}
    return Outcome(sha, status, code, json.dumps(report), 0.1)


def _put(store: Store, outcome: Outcome, *, time_limit: float = 60) -> None:
    store.put(outcome, checker=CHECKER, playbook="p", time_limit=time_limit)


def _known(
    store: Store, *, checker: str = CHECKER, playbook: str = "p", limit: float = 60
) -> dict[str, str]:
    return store.known(checker=checker, playbook=playbook, time_limit=limit)


def _item(path: str, sha: str) -> Item:
    return Item(path, Path(path), None, sha, 10)


def test_a_result_stored_twice_is_one_row_and_the_last_one(tmp_path: Path) -> None:
    with Store(tmp_path / "s.sqlite") as store:
        _put(store, _outcome("a", "compliant"))
        _put(store, _outcome("a", "non_compliant"))
        assert store.count_results() == 1
        assert _known(store) == {"a": "non_compliant"}


def test_results_of_another_checker_or_playbook_are_not_known(
    tmp_path: Path,
) -> None:
    with Store(tmp_path / "s.sqlite") as store:
        _put(store, _outcome("a"))
        assert _known(store, checker="checkers-2") == {}
        assert _known(store, playbook="q") == {}


def test_a_timeout_is_retried_only_with_a_longer_time_limit(tmp_path: Path) -> None:
    with Store(tmp_path / "s.sqlite") as store:
        _put(store, _outcome("a", "error", "timeout"), time_limit=5)
        _put(store, _outcome("b", "error", "corrupt"), time_limit=5)
        assert set(_known(store, limit=5)) == {"a", "b"}
        assert set(_known(store, limit=9)) == {"b"}


def test_a_run_lists_every_path_with_its_result_or_none(tmp_path: Path) -> None:
    with Store(tmp_path / "s.sqlite") as store:
        run = store.start_run(
            [_item("x/1.txt", "a"), _item("x/2.txt", "a"), _item("x/3.txt", "b")],
            [],
            checker=CHECKER,
            playbook="p",
        )
        _put(store, _outcome("a"))
        view = store.view(run)
    assert [(r.path, r.status) for r in view.rows] == [
        ("x/1.txt", "compliant"),
        ("x/2.txt", "compliant"),
        ("x/3.txt", None),
    ]
    assert not view.finished


def test_the_store_is_in_wal_mode(tmp_path: Path) -> None:
    Store(tmp_path / "s.sqlite").close()
    db = sqlite3.connect(tmp_path / "s.sqlite")
    assert db.execute("PRAGMA journal_mode").fetchone() == ("wal",)
    db.close()


def test_a_file_that_is_not_a_store_is_named_in_the_error(tmp_path: Path) -> None:
    bad = tmp_path / "notes.sqlite"
    bad.write_text("hello, not a database" * 100)
    with pytest.raises(StoreError, match="notes.sqlite: not a usable audit store"):
        Store(bad)


def test_a_missing_store_is_not_created_for_reading(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no audit store here"):
        Store(tmp_path / "absent.sqlite", create=False)
    assert not (tmp_path / "absent.sqlite").exists()


def test_an_empty_store_has_no_run_to_show(tmp_path: Path) -> None:
    with Store(tmp_path / "s.sqlite") as store, pytest.raises(StoreError):
        store.view()
