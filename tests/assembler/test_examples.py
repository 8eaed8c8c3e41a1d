"""Every example deal description in corpora/specs: pinned selection and text."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytest_regressions.data_regression import DataRegressionFixture
from pytest_regressions.file_regression import FileRegressionFixture

from assembler.assemble import build_assembly
from assembler.spec import load_spec
from assembler.textual import to_markdown

SPECS = sorted(
    (Path(__file__).resolve().parents[2] / "corpora" / "specs").glob("*.yaml")
)


def test_there_are_examples_for_each_model_and_language() -> None:
    specs = [load_spec(path) for path in SPECS]
    assert {s.ownership.model for s in specs} == {
        "each_own",
        "joint",
        "authority",
        "supplier",
    }
    assert {s.language for s in specs} == {"sv", "en"}
    assert {len(s.suppliers) > 1 for s in specs} == {True, False}


@pytest.mark.parametrize("path", SPECS, ids=[p.stem for p in SPECS])
def test_example_clause_selection(
    path: Path, data_regression: DataRegressionFixture
) -> None:
    assembly = build_assembly(load_spec(path))
    data_regression.check([s.to_dict() for s in assembly.selections])


@pytest.mark.parametrize("path", SPECS, ids=[p.stem for p in SPECS])
def test_example_markdown_rendering(
    path: Path, file_regression: FileRegressionFixture
) -> None:
    markdown = to_markdown(build_assembly(load_spec(path)).agreement)
    file_regression.check(markdown, extension=".md", encoding="utf-8")
