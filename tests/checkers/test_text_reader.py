"""Text and Markdown: encodings, hidden characters, headings, lists and tables."""

from __future__ import annotations

from pathlib import Path

import pytest

from checkers import read_document

SENTENCE = (
    "Kommunen ansvarar för testmiljön. Leverantören äger resultaten i sin helhet."
)


@pytest.mark.parametrize("name", ["utf16.txt", "utf16le_nobom.txt", "cp1252.txt"])
def test_legacy_and_wide_encodings_decode_to_the_same_text(
    fixtures: Path, name: str
) -> None:
    doc = read_document(fixtures / name)
    assert doc.text == SENTENCE
    assert doc.language == "sv"


def test_windows_1252_is_reported(fixtures: Path) -> None:
    assert any(
        "Windows-1252" in w for w in read_document(fixtures / "cp1252.txt").warnings
    )


def test_invisible_characters_cannot_split_a_clause(fixtures: Path) -> None:
    doc = read_document(fixtures / "hidden_chars.txt")
    assert "Ingen part ska uteslutas från den efterföljande upphandlingen." in doc.text
    assert any("invisible" in w for w in doc.warnings)


def test_text_is_nfc_normalised(fixtures: Path) -> None:
    assert (
        read_document(fixtures / "decomposed.txt").text
        == "Leverantören äger resultaten."
    )


def test_markdown_headings_tables_and_sections(examples: Path) -> None:
    doc = read_document(examples / "sv_digital_laxhjalp.md")
    assert doc.format == "md"
    rows = [b.text for b in doc.blocks if b.kind == "table_row"]
    assert rows[1] == "Tillgång till skolor och lärare | Förvaltningen"
    assert "---" not in doc.text
    result = next(b for b in doc.blocks if b.text.startswith("Bolaget äger"))
    assert result.section == (
        "Avsiktsförklaring om innovationssamarbete – Digital läxhjälp",
        "3 Resultat",
    )


def test_numbered_heading_directly_above_its_clause(tmp_path: Path) -> None:
    path = tmp_path / "avtal.txt"
    path.write_text(
        "4.2 Resultat\nVarje part äger sina resultat.\n\n"
        "4.3 Kommunen ska tillhandahålla testmiljö och\ndrift under projektet.\n",
        encoding="utf-8",
    )
    doc = read_document(path)
    assert [(b.kind, b.text) for b in doc.blocks] == [
        ("heading", "4.2 Resultat"),
        ("paragraph", "Varje part äger sina resultat."),
        (
            "paragraph",
            "4.3 Kommunen ska tillhandahålla testmiljö och drift under projektet.",
        ),
    ]


def test_unwrapped_lines_are_separate_paragraphs(examples: Path) -> None:
    doc = read_document(examples / "en_shuttle_pilot.txt")
    roles = [
        b.text for b in doc.body if b.section[-1:] == ("3. Roles and responsibilities",)
    ]
    assert roles[1].startswith("The City shall provide")
    assert roles[2].startswith("The Company shall develop")


def test_lone_page_numbers_are_furniture(tmp_path: Path) -> None:
    path = tmp_path / "exhibit.txt"
    path.write_text(
        "First clause of the agreement.\n\n2\n\nSecond clause.\n", encoding="utf-8"
    )
    doc = read_document(path)
    assert [b.text for b in doc.body] == [
        "First clause of the agreement.",
        "Second clause.",
    ]
    assert [b.kind for b in doc.furniture] == ["page_number"]


def test_one_line_export_is_split_at_wide_gaps(tmp_path: Path) -> None:
    path = tmp_path / "edgar.txt"
    path.write_text("Party A agrees.   Party B agrees too.   Signed.", encoding="utf-8")
    assert [b.text for b in read_document(path).body] == [
        "Party A agrees.",
        "Party B agrees too.",
        "Signed.",
    ]


def test_runs_of_pipe_separated_lines_are_table_rows(tmp_path: Path) -> None:
    path = tmp_path / "avtal.txt"
    path.write_text(
        "Uppgift | Ansvarig\n\nTestmiljö | Kommunen\n\nUtveckling | Bolaget\n\n"
        "Ersättning.\n\nPriset är 10 | 20 kronor beroende på volym.\n",
        encoding="utf-8",
    )
    kinds = [(b.kind, b.text) for b in read_document(path).body]
    assert kinds[:3] == [
        ("table_row", "Uppgift | Ansvarig"),
        ("table_row", "Testmiljö | Kommunen"),
        ("table_row", "Utveckling | Bolaget"),
    ]
    assert kinds[4] == ("paragraph", "Priset är 10 | 20 kronor beroende på volym.")
