"""The PDF reader rebuilds paragraphs from positioned lines and sets furniture aside."""

from __future__ import annotations

from pathlib import Path

import pytest

from checkers import Document, read_document
from checkers.readers.pdflayout import join_lines


@pytest.fixture(scope="module")
def energi(examples: Path) -> Document:
    return read_document(examples / "sv_skolenergi_samverkan.pdf")


def body_texts(doc: Document) -> list[str]:
    return [b.text for b in doc.body]


def test_pages_are_counted(energi: Document) -> None:
    assert energi.pages == 3


def test_running_header_and_page_numbers_leave_the_body(energi: Document) -> None:
    assert "Sida 2 av 3" not in " ".join(body_texts(energi))
    assert "Dnr KS 2026/117" not in " ".join(body_texts(energi))
    furniture = [(b.kind, b.page) for b in energi.furniture]
    assert furniture.count(("header", 1)) == 1
    assert ("page_number", 3) in furniture


def test_end_of_line_hyphenation_is_undone(energi: Document) -> None:
    text = " ".join(body_texts(energi))
    assert "Parterna ska i samarbete utveckla" in text
    assert "vård- och omsorgsnämndens" in text
    assert "OPI-projektet omfattar tre skolor." in text


def test_clause_cut_by_a_page_break_is_joined(energi: Document) -> None:
    clause = next(b for b in energi.body if b.text.startswith("Efter projektet"))
    assert clause.text.endswith("vilket ska bedömas av projektets styrgrupp.")
    assert (clause.page, clause.page_end) == (1, 2)


def test_fake_bold_title_is_not_doubled(energi: Document) -> None:
    assert energi.body[0].text == "SAMVERKANSAVTAL"
    assert energi.body[0].kind == "heading"


def test_ruled_table_is_read_row_by_row(energi: Document) -> None:
    rows = [b.text for b in energi.body if b.kind == "table_row"]
    assert rows == [
        "Uppgift | Ansvarig part | Tidpunkt",
        "Tillträde och mätdata | Kommunen | Vecka 10",
        "Installation | Bolaget | Vecka 14",
        "Utvärdering | Kommunen och Bolaget | Vecka 40",
    ]


def test_two_columns_are_read_column_by_column(energi: Document) -> None:
    page3 = [b.text for b in energi.body if b.page == 3]
    assert page3[0].startswith("Bilaga 1 – Mätplan.")
    assert page3[1].startswith("Temperatur och koldioxidhalt")
    assert page3[2] == (
        "Bilaga 2 – Kontaktpersoner. För Kommunen: fastighetschef Per Lind. "
        "För Bolaget: projektledare Sara Ek."
    )


def test_sections_follow_paragraph_signs(energi: Document) -> None:
    clause = next(b for b in energi.body if b.text.startswith("Äganderätten"))
    assert clause.section == ("§ 3 Resultat",)


def test_offsets_point_at_the_block_text(energi: Document) -> None:
    for block in energi.blocks:
        assert energi.text[block.start : block.end] == block.text


@pytest.mark.parametrize(
    ("left", "right", "joined"),
    [
        ("i samar-", "bete med", "i samarbete med"),
        ("för OPI-", "projektet", "för OPI-projektet"),
        ("för vård-", "och omsorg", "för vård- och omsorg"),
        ("nya e-", "tjänster", "nya e-tjänster"),
        ("Nord-", "Europa", "Nord-Europa"),
        ("slutet –", "nästa", "slutet – nästa"),
        ("vanlig", "rad", "vanlig rad"),
    ],
)
def test_join_lines_keeps_real_hyphens(left: str, right: str, joined: str) -> None:
    assert join_lines(left, right) == joined
