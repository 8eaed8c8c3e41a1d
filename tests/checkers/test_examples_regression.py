"""Pin the block structure of every bundled example (review diffs like code)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from checkers import read_document
from tests.conftest import EXAMPLES

EXAMPLE_FILES = sorted(
    p for p in EXAMPLES.iterdir() if p.suffix in {".docx", ".pdf", ".txt", ".md"}
)


@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=[p.name for p in EXAMPLE_FILES])
def test_example_block_structure(path: Path, data_regression: Any) -> None:
    data_regression.check(read_document(path).to_dict())
