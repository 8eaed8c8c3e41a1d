"""Workers get the largest documents first, so a batch does not end on one long
document while the other workers wait."""

from __future__ import annotations

from pathlib import Path

from opi.audit.batch import _tasks
from opi.audit.collect import collect


def test_unknown_documents_are_queued_largest_first(tmp_path: Path) -> None:
    for name, size in [("a.txt", 10), ("b.txt", 3000), ("c.txt", 200)]:
        (tmp_path / name).write_text("x" * size, encoding="utf-8")
    collection = collect([tmp_path])
    known = {item.sha256: "compliant" for item in collection.items if item.size == 200}
    assert [task.name for task in _tasks(collection, known)] == ["b.txt", "a.txt"]
