"""`opi serve`: the options become the server's settings; no token, no LAN."""

from __future__ import annotations

import subprocess
import sys
from typing import Any

import pytest
import uvicorn
from click.testing import CliRunner

from opi.cli import cli
from tests.opi.web.conftest import TOKEN


@pytest.fixture
def started(monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    """Capture what `opi serve` would run instead of serving."""
    seen: dict[str, Any] = {}

    def run(app: Any, **options: Any) -> None:
        seen["settings"] = app.state.settings
        seen.update(options)

    monkeypatch.setattr(uvicorn, "run", run)
    return seen


def test_loopback_by_default(started: dict[str, Any]) -> None:
    result = CliRunner().invoke(cli, ["serve", "--workers", "1"])
    assert result.exit_code == 0, result.output
    assert started["host"] == "127.0.0.1" and started["port"] == 8000
    assert started["limit_concurrency"] == 64
    settings = started["settings"]
    assert settings.token is None and settings.workers == 1
    assert settings.max_upload_bytes == 25 * 1024 * 1024
    assert "loopback only" in result.output


def test_another_host_without_token_is_refused(started: dict[str, Any]) -> None:
    result = CliRunner().invoke(
        cli, ["serve", "--host", "0.0.0.0"], env={"OPI_TOKEN": ""}
    )
    assert result.exit_code == 2
    assert "0.0.0.0 is not loopback: an access token is required" in result.output
    assert started == {}


def test_token_from_the_environment(started: dict[str, Any]) -> None:
    result = CliRunner().invoke(
        cli,
        ["serve", "--host", "0.0.0.0", "--max-upload-mb", "2", "--timeout", "5"],
        env={"OPI_TOKEN": TOKEN},
    )
    assert result.exit_code == 0, result.output
    settings = started["settings"]
    assert settings.token == TOKEN
    assert settings.max_upload_bytes == 2 * 1024 * 1024
    assert settings.timeout_seconds == 5
    assert TOKEN not in result.output


def test_the_cli_does_not_load_the_web_stack_until_serve_runs() -> None:
    code = (
        "import sys, opi.cli; "
        "print(sorted({m.split('.')[0] for m in sys.modules} & "
        "{'fastapi', 'uvicorn', 'starlette', 'python_multipart'}))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"
