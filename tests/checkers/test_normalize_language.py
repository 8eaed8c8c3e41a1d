"""Normalisation and language detection."""

from __future__ import annotations

import pytest

from checkers.language import detect_language
from checkers.normalize import normalize_text
from checkers.readers.headings import looks_like_heading, numbering_level
from checkers.readers.pagination import is_page_number


def test_invisible_and_odd_spaces_are_normalised() -> None:
    raw = "Ingen\u00a0part ska ute\u00adslu\u200btas\u2003från\tupphandlingen.\u202e"
    assert normalize_text(raw) == "Ingen part ska uteslutas från upphandlingen."


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Kommunen ansvarar för testmiljön och Leverantören äger resultaten.", "sv"),
        (
            "Kommunen er ansvarlig for testmiljøet, og Virksomheden ejer resultaterne.",
            "da",
        ),
        (
            "The City shall provide the test route and the Company owns the results.",
            "en",
        ),
        ("12345 67890", "en"),
    ],
)
def test_language_from_function_words(text: str, language: str) -> None:
    assert detect_language(text) == language


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("§ 4 Roller", 1),
        ("4.2 Kommunen", 2),
        ("4.", 1),
        ("Bilaga 2", 1),
        ("Artikel 7", 1),
        ("IV. Parter", 1),
        ("Kommunen ansvarar", None),
    ],
)
def test_numbering_levels(text: str, level: int | None) -> None:
    shape = numbering_level(text)
    assert (shape.level if shape else None) == level


@pytest.mark.parametrize(
    ("text", "bold", "heading"),
    [
        ("4 Roller och ansvar", False, True),
        ("1. Defined Terms.", False, True),
        ("ROLLER OCH ANSVAR", False, True),
        ("Bilaga 1 – Projektplan", False, True),
        ("Kommunens ansvar", True, True),
        ("Kommunens ansvar", False, False),
        ("4. Kommunen betalar.", False, False),
        ("4.2 Kommunen ska tillhandahålla testmiljö och drift", False, False),
        ("Kontaktperson för myndigheten är:", True, False),
    ],
)
def test_heading_shapes(text: str, bold: bool, heading: bool) -> None:
    assert looks_like_heading(text, bold=bold) is heading


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sida 3 av 7", True),
        ("Page 3 of 7", True),
        ("- 3 -", True),
        ("3 (7)", True),
        ("3/7", True),
        ("12", True),
        ("xiv", True),
        ("civil", False),
        ("Sida ett", False),
    ],
)
def test_page_numbers(text: str, expected: bool) -> None:
    assert is_page_number(text) is expected
