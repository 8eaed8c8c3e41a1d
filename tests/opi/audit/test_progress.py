"""Progress: a rich bar on a terminal, key=value lines for machines otherwise."""

from __future__ import annotations

import pytest

from opi.audit import Progress
from opi.audit_cli import _progress


def _progress_at(done: int) -> Progress:
    return Progress(
        done=done, total=10, cached=2, non_compliant=3, unreadable=1, elapsed=4.0
    )


def test_a_terminal_gets_a_bar_with_counts_and_rate(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with _progress(True) as update:
        update(_progress_at(6))
    out = capsys.readouterr().out
    assert "6/10" in out and "1.0 dok/s" in out
    assert "3 non-compliant" in out and "1 unreadable" in out


def test_elsewhere_a_line_at_the_start_and_at_the_end(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with _progress(False) as update:
        update(_progress_at(6))
        update(_progress_at(7))  # within 5 s of the last line: not printed
        update(_progress_at(10))
    lines = capsys.readouterr().err.splitlines()
    assert lines == [
        "progress done=6 total=10 docs_per_s=1.00 non_compliant=3 unreadable=1",
        "progress done=10 total=10 docs_per_s=2.00 non_compliant=3 unreadable=1",
    ]
