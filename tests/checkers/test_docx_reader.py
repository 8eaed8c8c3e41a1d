"""The Word reader sees the accepted text of every part of a .docx, in order."""

from __future__ import annotations

from pathlib import Path

import pytest

from checkers import Document, read_document


@pytest.fixture(scope="module")
def vardlarm(examples: Path) -> Document:
    return read_document(examples / "sv_vardlarm_opi.docx")


def texts(doc: Document, kind: str | None = None) -> list[str]:
    return [b.text for b in doc.blocks if kind is None or b.kind == kind]


def test_word_numbering_is_reconstructed_on_headings(vardlarm: Document) -> None:
    headings = texts(vardlarm, "heading")
    assert "3 Roller och ansvar" in headings
    assert "5 Efterföljande upphandling" in headings


def test_heading_path_of_a_paragraph(vardlarm: Document) -> None:
    block = next(
        b for b in vardlarm.blocks if b.text.startswith("Leverantören ansvarar")
    )
    assert block.section[-1] == "3 Roller och ansvar"
    assert block.kind == "paragraph"


def test_letter_list_items_get_their_labels(vardlarm: Document) -> None:
    assert texts(vardlarm, "list_item") == [
        "a) brukarnas trygghet,",
        "b) personalens arbetsmiljö, och",
        "c) kostnaderna.",
    ]


def test_table_rows_are_read_in_order_and_merged_cells_once(vardlarm: Document) -> None:
    rows = texts(vardlarm, "table_row")
    assert rows[0] == "Aktivitet | Ansvarig | Klart"
    assert rows[1] == "Testmiljö och brukare | Kommunen | 2026-03-01"
    assert rows[-1] == "Utvärdering | Kommunen"
    assert sum(row.count("2026-06-01") for row in rows) == 1


def test_tracked_changes_read_as_accepted(vardlarm: Document) -> None:
    assert "Parterna är överens om att avtalet gäller i två år." in texts(vardlarm)
    assert "i ett år" not in vardlarm.text
    assert any("tracked changes" in w for w in vardlarm.warnings)


def test_content_control_text_is_read(vardlarm: Document) -> None:
    assert "Avtalsnummer: OPI-2026-014" in texts(vardlarm, "paragraph")


def test_text_box_is_read_once_not_from_its_fallback_copy(vardlarm: Document) -> None:
    box = "Kontaktperson hos Kommunen: Anna Berg, enhetschef hemtjänst."
    assert texts(vardlarm).count(box) == 1


def test_footnote_follows_the_paragraph_that_cites_it(vardlarm: Document) -> None:
    blocks = list(vardlarm.blocks)
    note = next(i for i, b in enumerate(blocks) if b.kind == "footnote")
    assert (
        blocks[note].text
        == "Med resultat avses allt som tas fram inom projektet, även data."
    )
    assert blocks[note - 1].text.startswith("Varje Part äger de resultat")
    assert blocks[note].paragraph == blocks[note - 1].paragraph


def test_hidden_text_is_not_read_and_is_reported(vardlarm: Document) -> None:
    assert "Intern anteckning" not in vardlarm.text
    assert any("hidden" in w for w in vardlarm.warnings)


def test_header_and_footer_fields_are_furniture(vardlarm: Document) -> None:
    kinds = {b.kind: b.text for b in vardlarm.furniture}
    assert kinds["header"] == "Avtal om innovationssamarbete – Digitala trygghetslarm"
    assert kinds["page_number"] == "Sida 1 av 3"
    assert all(b.start > max(x.end for x in vardlarm.body) for b in vardlarm.furniture)


def test_offsets_point_at_the_block_text(vardlarm: Document) -> None:
    for block in vardlarm.blocks:
        assert vardlarm.text[block.start : block.end] == block.text


def test_paragraph_indices_increase(vardlarm: Document) -> None:
    indices = [b.paragraph for b in vardlarm.body if b.paragraph is not None]
    assert indices == sorted(indices)
    assert len(vardlarm.body) == len([b for b in vardlarm.body if b.paragraph])


def test_language_and_page_count(vardlarm: Document) -> None:
    assert vardlarm.language == "sv"
    assert vardlarm.format == "docx"
