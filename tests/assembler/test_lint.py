"""`lint_library` catches each class of defect in clause files."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from clauses.lint import lint_library
from clauses.loader import LIBRARY_DIR, RECIPE_PATH


def test_the_bundled_library_is_clean() -> None:
    assert lint_library() == []


@pytest.fixture
def library_copy(tmp_path: Path) -> Path:
    target = tmp_path / "library"
    shutil.copytree(LIBRARY_DIR, target)
    return target


def _edit(library: Path, clause_id: str, old: str, new: str) -> None:
    path = library / f"{clause_id}.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _kinds(library: Path) -> set[tuple[str, str]]:
    return {(p.file, p.kind) for p in lint_library(library, RECIPE_PATH)}


def test_a_missing_language_is_reported(library_copy: Path) -> None:
    _edit(library_copy, "term.duration", "  en: |", "  de: |")
    assert ("term.duration.yaml", "missing_language") in _kinds(library_copy)


def test_an_undefined_variable_is_reported(library_copy: Path) -> None:
    _edit(
        library_copy,
        "disputes.governing_law",
        "{{ venue }}",
        "{{ court }}",
    )
    problems = lint_library(library_copy, RECIPE_PATH)
    assert [str(p) for p in problems] == [
        "disputes.governing_law.yaml: undefined_variable: text.sv: 'court' is not "
        "in the context"
    ]


def test_an_undeclared_variable_is_reported(library_copy: Path) -> None:
    _edit(
        library_copy,
        "liability.force_majeure",
        "\n  en: |\n",
        "\n  en: |\n    {{ venue }}\n",
    )
    assert ("liability.force_majeure.yaml", "undefined_variable") in _kinds(
        library_copy
    )


def test_an_unknown_field_of_a_context_object_is_reported(library_copy: Path) -> None:
    _edit(library_copy, "ownership.joint", "{{ s.percent }}", "{{ s.percentage }}")
    problems = [str(p) for p in lint_library(library_copy, RECIPE_PATH)]
    assert any("'s.percentage' is not a field" in p for p in problems)


def test_an_unknown_requirement_is_reported(library_copy: Path) -> None:
    _edit(library_copy, "term.duration", "covers: []", "covers: [ownership]")
    assert ("term.duration.yaml", "unknown_requirement") in _kinds(library_copy)


def test_a_template_that_does_not_compile_is_reported(library_copy: Path) -> None:
    _edit(library_copy, "ownership.joint", "{%- endfor %}", "{%- endfro %}")
    assert ("ownership.joint.yaml", "template_syntax") in _kinds(library_copy)


def test_a_requirement_no_clause_covers_is_reported(library_copy: Path) -> None:
    for path in library_copy.glob("added_value.*.yaml"):
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace("covers: [added_value]", "covers: []"))
    assert ("library", "uncovered_requirement") in _kinds(library_copy)


def test_an_unreadable_file_does_not_hide_the_others(library_copy: Path) -> None:
    (library_copy / "broken.yaml").write_text("id: [unclosed\n", encoding="utf-8")
    _edit(library_copy, "term.duration", "covers: []", "covers: [ownership]")
    kinds = _kinds(library_copy)
    assert ("broken.yaml", "unreadable") in kinds
    assert ("term.duration.yaml", "unknown_requirement") in kinds
