"""The assembly form carries the whole deal description there and back."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from assembler.spec import parse_spec
from opi.web.deal_form import form_fields, form_from_spec, spec_from_form
from opi.web.upload import safe_name

SPECS = sorted(
    (Path(__file__).resolve().parents[3] / "corpora" / "specs").glob("*.yaml")
)


@pytest.mark.parametrize("path", SPECS, ids=lambda p: p.stem)
def test_every_spec_survives_the_form(path: Path) -> None:
    original = parse_spec(path.read_text(encoding="utf-8"))
    values = form_from_spec(yaml.safe_load(path.read_text(encoding="utf-8")))
    again = parse_spec(json.dumps(spec_from_form(values)))
    assert again == original


def test_the_form_grows_a_spare_row_after_the_last_filled_one() -> None:
    names = form_fields({"signatories[4].name": "Eva"})
    assert "signatories[5].name" in names and "signatories[6].name" not in names
    assert "suppliers[1].name" in names and "suppliers[2].name" not in names


def test_empty_rows_are_dropped_and_empty_fields_left_out() -> None:
    values = {"title": "  ", "suppliers[1].name": "", "added_values[2].target": ""}
    assert spec_from_form(values) == {
        "procurement": {"planned": False},
        "personal_data": False,
    }


def test_every_field_has_a_label_in_both_languages() -> None:
    from opi.web.pages import wording

    for lang in ("sv", "en"):
        labels = wording(lang).fields
        assert {field.key for field in form_fields().values()} <= set(labels)


@pytest.mark.parametrize(
    ("raw", "safe"),
    [
        ("avtal.docx", "avtal.docx"),
        ("../../etc/passwd", "passwd"),
        ("C:\\Users\\x\\Avtal – slutlig.pdf", "Avtal _ slutlig.pdf"),
        ("..", "upload"),
        (".hidden.txt", "hidden.txt"),
        ("åtagande; rm -rf.txt", "åtagande_ rm -rf.txt"),
    ],
)
def test_upload_names_cannot_leave_the_folder(raw: str, safe: str) -> None:
    assert safe_name(raw) == safe
