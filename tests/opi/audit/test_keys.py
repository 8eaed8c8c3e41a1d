"""The cache key: a change to any checker source or data file changes it."""

from __future__ import annotations

from pathlib import Path

from opi.audit.keys import checker_fingerprint, playbook_hash, tree_hash


def _package(root: Path) -> Path:
    (root / "data").mkdir(parents=True)
    (root / "__pycache__").mkdir()
    (root / "check.py").write_text("RULE = 1\n")
    (root / "data" / "language.yaml").write_text("cues: [a]\n")
    (root / "__pycache__" / "check.cpython-311.pyc").write_bytes(b"\0compiled")
    return root


def test_editing_a_data_file_or_a_module_changes_the_fingerprint(
    tmp_path: Path,
) -> None:
    root = _package(tmp_path / "checkers")
    before = tree_hash(root)
    (root / "data" / "language.yaml").write_text("cues: [a, b]\n")
    after_data = tree_hash(root)
    (root / "check.py").write_text("RULE = 2\n")
    assert len({before, after_data, tree_hash(root)}) == 3


def test_compiled_files_and_renaming_nothing_keep_the_fingerprint(
    tmp_path: Path,
) -> None:
    root = _package(tmp_path / "checkers")
    before = tree_hash(root)
    (root / "__pycache__" / "check.cpython-311.pyc").write_bytes(b"\0recompiled")
    assert tree_hash(root) == before
    (root / "data" / "language.yaml").rename(root / "data" / "other.yaml")
    assert tree_hash(root) != before


def test_the_installed_checkers_have_a_fingerprint() -> None:
    assert len(checker_fingerprint()) == 16


def test_a_playbook_is_known_by_its_content(tmp_path: Path) -> None:
    one, two = tmp_path / "a.yaml", tmp_path / "b.yaml"
    one.write_text("requirements: []\n")
    two.write_text("requirements: []\n")
    assert playbook_hash(one) == playbook_hash(two) != playbook_hash(None)
    two.write_text("requirements: [x]\n")
    assert playbook_hash(one) != playbook_hash(two)
