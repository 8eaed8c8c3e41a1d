"""--scheduler: the same audit on a Dask cluster gives the same files."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

import opi.audit.distributed as distributed_module
from opi.cli import cli


@pytest.fixture
def scheduler() -> Iterator[str]:
    from distributed import LocalCluster

    with LocalCluster(
        n_workers=1,
        threads_per_worker=2,
        processes=False,
        dashboard_address=":0",  # any free port: other test runs may hold 8787
    ) as cluster:
        yield cluster.scheduler_address


def test_a_dask_audit_writes_the_same_reports_as_a_local_one(
    archive: Path, scheduler: str
) -> None:
    local = CliRunner().invoke(cli, ["audit", str(archive), "--out", "local"])
    remote = CliRunner().invoke(
        cli, ["audit", str(archive), "--out", "dask", "--scheduler", scheduler]
    )
    assert local.exit_code in (0, 1), local.output
    assert remote.exit_code == local.exit_code, remote.output
    assert "checked 7, from the store 0" in remote.stdout
    for name in ("results.csv", "results.json", "report.html"):
        assert (Path("dask") / name).read_bytes() == (Path("local") / name).read_bytes()
    pages = sorted(p.name for p in Path("local/documents").iterdir())
    assert pages == sorted(p.name for p in Path("dask/documents").iterdir())


def test_an_unreachable_scheduler_is_a_clear_error(
    archive: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(distributed_module, "CONNECT_SECONDS", 0.5)
    result = CliRunner().invoke(
        cli,
        ["audit", str(archive), "--out", "x", "--scheduler", "tcp://127.0.0.1:9"],
    )
    assert result.exit_code == 2
    assert "cannot reach the Dask scheduler tcp://127.0.0.1:9" in result.output


def test_workers_with_other_checkers_are_refused_before_any_document(
    archive: Path, scheduler: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(distributed_module, "checker_fingerprint", lambda: "0ther")
    result = CliRunner().invoke(
        cli, ["audit", str(archive), "--out", "x", "--scheduler", scheduler]
    )
    assert result.exit_code == 2
    assert "runs checkers 0ther" in result.output
    assert "install the same opi on every worker" in result.output
