"""The deal description: valid examples pass; every mistake names field and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from assembler.errors import SpecError
from assembler.init import example_spec_text
from assembler.spec import is_luhn_valid, parse_spec, spec_schema

SCHEMA = Path(__file__).resolve().parents[2] / "assembler" / "spec.schema.json"


def _line(text: str, start: str, *, after: int = 0) -> int:
    """1-based number of the first line (past `after`) that starts with `start`."""
    lines = text.splitlines()
    return 1 + next(i for i in range(after, len(lines)) if lines[i].startswith(start))


def _errors(text: str) -> list[str]:
    with pytest.raises(SpecError) as caught:
        parse_spec(text, source="deal.yaml")
    return [str(issue) for issue in caught.value.issues]


def test_the_example_written_by_spec_init_is_valid() -> None:
    spec = parse_spec(example_spec_text())
    assert spec.language == "sv"
    assert spec.authority.short_name == "Kommunen"


@pytest.mark.parametrize(
    ("number", "valid"),
    [("2120000142", True), ("5562051804", True), ("5562051805", False)],
)
def test_luhn_checksum_of_organisation_numbers(number: str, valid: bool) -> None:
    assert is_luhn_valid(number) is valid


def test_a_bad_checksum_names_the_field_and_line() -> None:
    text = example_spec_text().replace("556205-1804", "5562051805")
    line = _line(text, "    org_number: 5562051805")
    assert _errors(text) == [
        "suppliers[0].org_number: 5562051805 fails the checksum; check the last "
        f"digit (line {line})"
    ]


def test_a_malformed_org_number_is_reported() -> None:
    text = example_spec_text().replace("556205-1804", "556-2051804")
    assert _errors(text)[0].startswith(
        "suppliers[0].org_number: 556-2051804 is not an organisation number"
    )


def test_joint_shares_must_sum_to_100() -> None:
    text = example_spec_text().replace(
        "  model: each_own",
        "  model: joint\n  shares:\n    - {party: Kommunen, percent: 50}\n"
        "    - {party: Leverantören, percent: 40}",
    )
    line = _line(text, "  shares:")
    assert _errors(text) == [
        "ownership.shares: joint ownership needs a share per owner summing to 100; "
        f"these sum to 90 (line {line})"
    ]


def test_shares_name_known_parties() -> None:
    text = example_spec_text().replace(
        "  model: each_own",
        "  model: joint\n  shares:\n    - {party: Kommunen, percent: 50}\n"
        "    - {party: Okänd, percent: 50}",
    )
    [error] = _errors(text)
    assert error.startswith("ownership.shares[1].party: 'Okänd' is not a party")


def test_an_unknown_field_is_reported_with_its_line() -> None:
    text = example_spec_text().replace(
        "  kind: kommun", "  kind: kommun\n  colour: red"
    )
    line = _line(text, "  colour: red")
    assert _errors(text) == [
        f"authority.colour: is not a known field; check the spelling or remove it "
        f"(line {line})"
    ]


def test_a_missing_field_is_reported_at_its_parent() -> None:
    text = example_spec_text().replace("    role: kommundirektör\n", "")
    line = _line(text, "  - party: Kommunen", after=_line(text, "signatories"))
    assert _errors(text) == [
        f"signatories[0].role: is required but missing (line {line})"
    ]


def test_all_errors_are_reported_at_once() -> None:
    text = (
        example_spec_text()
        .replace("556205-1804", "5562051805")
        .replace("language: sv", "language: de")
        .replace("  start_date: 2025-03-01\n", "")
    )
    fields = [error.split(":")[0] for error in _errors(text)]
    assert fields == ["language", "suppliers[0].org_number", "project.start_date"]


def test_invalid_yaml_reports_its_line() -> None:
    [error] = _errors("language: sv\ntitle: [unclosed\n")
    assert error.startswith("<yaml>: not valid YAML")
    assert error.endswith("(line 3)")


def test_the_committed_json_schema_is_current() -> None:
    assert SCHEMA.read_text(encoding="utf-8") == spec_schema(), (
        "regenerate with: opi spec schema > assembler/spec.schema.json"
    )
