"""`opi audit` as a legal team runs it on an archive: reports, cache, exit codes."""

from __future__ import annotations

import json
import re
import zipfile
from collections.abc import Iterator
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner, Result

from checkers.engine import check
from opi.cli import cli
from tests.conftest import EXAMPLES, FIXTURES, ROOT
from tests.opi.audit.conftest import make_archive

SCHEMA = json.loads(
    (ROOT / "checkers" / "data" / "report.schema.json").read_text(encoding="utf-8")
)


def _audit(*args: str) -> Result:
    return CliRunner().invoke(cli, ["audit", "--jobs", "2", *args])


@pytest.fixture(scope="module")
def audited(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, Result]]:
    """One audit of the archive shared by the tests below (each audit costs
    seconds); they only read its outputs or re-audit into the same store."""
    base = tmp_path_factory.mktemp("audit")
    make_archive(base)
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(base)
        yield Path("out"), _audit("archive", "--out", "out")


def test_an_archive_is_reported_in_csv_json_and_html(
    audited: tuple[Path, Result], file_regression, data_regression
) -> None:
    out, result = audited
    assert result.exit_code == 1, result.output  # some examples are non-compliant
    assert "checked 7, from the store 0" in result.stdout  # 8 documents, 7 contents
    assert result.stdout.rstrip().endswith(f"report: {out / 'report.html'}")
    file_regression.check((out / "results.csv").read_text(), extension=".csv")
    # Evidence, confidences and explanations move with every checker change; the
    # next test compares them with `opi check` itself. Pinned: what the audit adds.
    data = json.loads((out / "results.json").read_text())
    data_regression.check(
        {
            "documents": [
                {
                    **{k: d[k] for k in ("file", "format", "status", "error")},
                    "requirements": {r["id"]: r["status"] for r in d["requirements"]},
                }
                for d in data["documents"]
            ],
            "skipped": data["skipped"],
        }
    )


def test_each_document_object_is_the_opi_check_json(
    audited: tuple[Path, Result],
) -> None:
    out, _ = audited
    documents = json.loads((out / "results.json").read_text())["documents"]
    assert len(documents) == 8
    for data in documents:
        if data["error"] is None:
            jsonschema.validate(data, SCHEMA)
        path = _source(out.parent, data["file"])
        single = check(path).to_dict()
        expected_file = single["file"]
        single["file"] = data["file"]
        if single["error"]:
            message = single["error"]["message"].removeprefix(f"{expected_file}: ")
            single["error"]["message"] = f"{data['file']}: {message}"
        assert data == single, data["file"]


def _source(base: Path, display: str) -> Path:
    """The file behind a display path; a zip member is taken out under its name."""
    if "!" not in display:
        return base / display
    archive, member = display.split("!")
    target = base / "unzipped" / Path(member).name
    target.parent.mkdir(exist_ok=True)
    with zipfile.ZipFile(base / archive) as zipped:
        target.write_bytes(zipped.read(member))
    return target


def test_a_corrupt_file_in_the_middle_is_an_error_row_and_the_rest_is_checked(
    audited: tuple[Path, Result],
) -> None:
    out, _ = audited
    rows = (out / "results.csv").read_text().splitlines()
    statuses = {line.split(",")[0]: line.split(",")[2:4] for line in rows[1:]}
    assert statuses["archive/examples/m_truncated.pdf"] == ["error", "corrupt"]
    after = [p for p in statuses if p > "archive/examples/m_truncated.pdf"]
    assert after and all(statuses[p][0] != "pending" for p in after)


def test_a_second_audit_reads_the_store_and_writes_identical_files(
    audited: tuple[Path, Result],
) -> None:
    out, _ = audited
    first = {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()}
    first.pop("opi-audit.sqlite")
    again = _audit("archive", "--out", str(out), "--force")
    assert "checked 0, from the store 8" in again.stdout
    for name, data in first.items():
        assert (out / name).read_bytes() == data, name


def test_reports_are_not_replaced_without_force(audited: tuple[Path, Result]) -> None:
    out, _ = audited
    result = _audit("archive", "--out", str(out))
    assert result.exit_code == 2
    assert "results.csv exists" in result.output and "--force" in result.output


def test_report_html_is_self_contained_worst_first_and_links_each_document(
    audited: tuple[Path, Result],
) -> None:
    out, _ = audited
    html = (out / "report.html").read_text()
    assert html.count("<svg") == 2
    assert not re.search(r"<script|<link|<img|url\((?!#)|src=|@import", html)
    assert "Date" not in html and "dc:date" not in html
    worst = html.split("Agreements, worst first")[1].split("</table>")[0]
    linked = re.findall(r'<a href="(documents/[0-9a-f]{16}\.html)">([^<]+)</a>', worst)
    assert linked and all((out / href).is_file() for href, _ in linked)
    scores = [_badness(out, path) for _, path in linked]
    assert scores == sorted(scores, reverse=True)
    assert "m_truncated.pdf" in html.split("Unreadable files")[1]


def _badness(out: Path, path: str) -> int:
    weight = {"met": 0, "partial": 1, "missing": 2, "conflict": 3}
    documents = json.loads((out / "results.json").read_text())["documents"]
    data = next(d for d in documents if d["file"] == path)
    return sum(weight[r["status"]] for r in data["requirements"])


def test_summary_reads_the_store_without_checking(
    audited: tuple[Path, Result],
) -> None:
    out, _ = audited
    result = CliRunner().invoke(
        cli, ["audit", "--summary", "--store", str(out / "opi-audit.sqlite")]
    )
    assert result.exit_code == 1
    assert "8 documents, 3 skipped, 0 pending" in result.stdout
    assert "errors: corrupt 1" in result.stdout


def test_fail_on_error_fails_on_an_unreadable_file_only_when_asked(
    tmp_path: Path,
) -> None:
    compliant = [
        p for p in sorted(EXAMPLES.iterdir()) if check(p).status == "compliant"
    ]
    if not compliant:
        pytest.skip("no bundled example is compliant with today's checkers")
    paths = [str(compliant[0]), str(FIXTURES / "truncated.docx")]
    store = str(tmp_path / "s.sqlite")
    ok = _audit(*paths, "--out", str(tmp_path / "a"), "--store", store)
    assert ok.exit_code == 0, ok.output
    strict = _audit(
        *paths, "--out", str(tmp_path / "b"), "--store", store, "--fail-on", "error"
    )
    assert strict.exit_code == 1
    assert "checked 0, from the store 2" in strict.stdout


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    assert _audit().exit_code == 2
    missing = CliRunner().invoke(
        cli, ["audit", "--summary", "--store", str(tmp_path / "none.sqlite")]
    )
    assert missing.exit_code == 2 and "none.sqlite" in missing.output
    assert _audit("--summary", str(EXAMPLES)).exit_code == 2
