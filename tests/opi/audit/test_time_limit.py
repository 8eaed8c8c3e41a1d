"""A document slower than --timeout becomes a `timeout` error; the batch goes on."""

from __future__ import annotations

import csv
import json
from pathlib import Path

from click.testing import CliRunner

from opi.cli import cli
from tests.conftest import EXAMPLES


def test_a_slow_document_times_out_and_a_fresh_worker_checks_the_next(
    tmp_path: Path,
) -> None:
    docs, out = tmp_path / "docs", tmp_path / "out"
    docs.mkdir()
    text = (EXAMPLES / "en_shuttle_pilot.txt").read_text(encoding="utf-8")
    # Checking 300 copies of an agreement takes many seconds (11 s here); the
    # plain one a fraction of a second, well inside the limit even on a busy host.
    (docs / "a_slow.txt").write_text(text * 300, encoding="utf-8")
    (docs / "b_plain.txt").write_text(text, encoding="utf-8")
    args = ["audit", str(docs), "--jobs", "1", "--timeout", "3", "--out", str(out)]

    result = CliRunner().invoke(cli, args)

    assert result.exit_code in (0, 1), result.output
    with (out / "results.csv").open(encoding="utf-8") as fh:
        rows = {Path(r["path"]).name: r for r in csv.DictReader(fh)}
    assert (rows["a_slow.txt"]["status"], rows["a_slow.txt"]["error_code"]) == (
        "error",
        "timeout",
    )
    assert rows["b_plain.txt"]["status"] in ("compliant", "non_compliant")
    documents = json.loads((out / "results.json").read_text(encoding="utf-8"))
    slow = next(d for d in documents["documents"] if d["file"].endswith("a_slow.txt"))
    assert slow["error"]["message"].endswith("a_slow.txt: not checked within 3 s")

    again = CliRunner().invoke(cli, [*args, "--force"])
    assert "checked 0, from the store 2" in again.stdout


def test_workers_replaced_after_each_document_give_the_same_results(
    tmp_path: Path,
) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    for example in sorted(EXAMPLES.glob("*.txt"))[:2] + [
        EXAMPLES / "sv_vardlarm_opi.docx"
    ]:
        (docs / example.name).write_bytes(example.read_bytes())
    runs = []
    for max_tasks in ("1", "200"):
        out = tmp_path / f"out{max_tasks}"
        args = ["audit", str(docs), "--jobs", "1", "--out", str(out)]
        result = CliRunner().invoke(cli, [*args, "--max-tasks", max_tasks])
        assert "checked 3, from the store 0" in result.stdout, result.output
        runs.append((out / "results.csv").read_text(encoding="utf-8"))
    assert runs[0] == runs[1]
