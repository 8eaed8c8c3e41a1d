"""Every unreadable file gets a stable code and a message that names it; never a
traceback, never an empty Document."""

from __future__ import annotations

from pathlib import Path

import pytest

from checkers import ReadError, ReadLimits, read_document

CASES = [
    ("empty.txt", "empty", "empty"),
    ("blank.docx", "empty", "empty"),
    ("whitespace.txt", "empty", "empty"),
    ("truncated.docx", "corrupt", "damaged or truncated"),
    ("truncated.pdf", "corrupt", "damaged"),
    ("garbage.pdf", "corrupt", "damaged"),
    ("no_main_part.docx", "corrupt", "no main document part"),
    ("entity_expansion.docx", "corrupt", "DTD"),
    ("zip_bomb.docx", "too_large", "zip bomb"),
    ("encrypted.docx", "encrypted", "password"),
    ("encrypted.pdf", "encrypted", "password"),
    ("scanned.pdf", "no_text", "scanned"),
    ("scan.png", "unsupported_format", "PNG image"),
    ("plain_archive.zip", "unsupported_format", "zip archive"),
    ("binary.dat", "unsupported_format", "binary"),
    ("old_word.doc", "unsupported_format", ".doc"),
]


@pytest.mark.parametrize(("name", "code", "words"), CASES)
def test_unreadable_file_gets_its_code(
    fixtures: Path, name: str, code: str, words: str
) -> None:
    with pytest.raises(ReadError) as caught:
        read_document(fixtures / name)
    error = caught.value
    assert error.code == code
    assert words in error.message
    assert name in str(error)
    assert error.to_dict()["code"] == code


def test_a_lying_extension_is_read_as_what_the_file_is(fixtures: Path) -> None:
    doc = read_document(fixtures / "agreement_really_docx.pdf")
    assert doc.format == "docx"
    assert "content is a Word document (.docx)" in doc.warnings[0]


def test_file_over_the_size_limit(examples: Path) -> None:
    with pytest.raises(ReadError) as caught:
        read_document(
            examples / "sv_vardlarm_opi.docx", limits=ReadLimits(max_file_bytes=1000)
        )
    assert caught.value.code == "too_large"


def test_pdf_over_the_page_limit(examples: Path) -> None:
    with pytest.raises(ReadError) as caught:
        read_document(
            examples / "sv_skolenergi_samverkan.pdf", limits=ReadLimits(max_pdf_pages=2)
        )
    assert caught.value.code == "too_large"
    assert "3 pages" in caught.value.message


def test_text_over_the_size_limit(examples: Path) -> None:
    with pytest.raises(ReadError) as caught:
        read_document(
            examples / "en_shuttle_pilot.txt", limits=ReadLimits(max_text_bytes=100)
        )
    assert caught.value.code == "too_large"


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ReadError) as caught:
        read_document(tmp_path / "nowhere.docx")
    assert "no such file" in caught.value.message
