"""Shared fixtures: the bundled examples, the reader fixtures and ../shared/external."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "corpora" / "examples"
FIXTURES = ROOT / "corpora" / "fixtures"


def shared_external() -> Path:
    """`shared/external` beside the checkout (or $OPI_SHARED_EXTERNAL)."""
    override = os.environ.get("OPI_SHARED_EXTERNAL")
    return Path(override) if override else ROOT.parent / "shared" / "external"


@pytest.fixture(scope="session")
def external() -> Path:
    path = shared_external()
    if not path.is_dir():
        pytest.skip(
            f"real documents not present at {path} (shared/ beside the checkout)"
        )
    return path


@pytest.fixture(scope="session")
def examples() -> Path:
    return EXAMPLES


@pytest.fixture(scope="session")
def fixtures() -> Path:
    return FIXTURES
