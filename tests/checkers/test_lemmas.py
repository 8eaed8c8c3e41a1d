"""The lookup lemmatizer: shipped tries rebuilt from spacy-lookups-data, lookups,
compounds, and the pipeline component that sets token.lemma_."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import pytest

from checkers.annotate import build_nlp
from checkers.lemmas import LANGUAGES, build, lemma_table


def test_shipped_tables_are_the_build_of_spacy_lookups_data(tmp_path: Path) -> None:
    counts = build(tmp_path)
    shipped = resources.files("checkers") / "data" / "lemmas"
    for lang in LANGUAGES:
        assert counts[lang] > 20_000
        built = (tmp_path / f"{lang}.marisa").read_bytes()
        assert built == (shipped / f"{lang}.marisa").read_bytes(), lang


@pytest.mark.parametrize(
    ("language", "word", "lemma"),
    [
        ("sv", "ansvarar", "ansvara"),
        ("sv", "Resultaten", "resultat"),  # lower-cased before lookup
        ("sv", "utvärderingen", "utvärdering"),
        ("sv", "testboendena", "testboende"),  # compound: not in the table
        ("sv", "införingspunkterna", "införingspunkt"),
        ("sv", "tendens", "tendens"),  # a known lemma is never split
        ("sv", "xyzzyqwert", "xyzzyqwert"),
        ("en", "responsibilities", "responsibility"),
        ("en", "Provides", "provide"),
        ("da", "resultaterne", "resultat"),
        ("da", "daginstitutionerne", "daginstitution"),
    ],
)
def test_lemma(language: str, word: str, lemma: str) -> None:
    table = lemma_table(language)
    assert table is not None
    assert table.lemma(word) == lemma


def test_no_table_for_other_languages() -> None:
    assert lemma_table("fi") is None


def test_pipeline_sets_lemmas() -> None:
    nlp = build_nlp("sv", "")
    assert nlp.pipe_names[0] == "opi_lemmatizer_v1"
    doc = nlp("Kommunen ansvarar för rekryteringen av testpersoner.")
    # Content words; the table's function words are odd ("för" -> "föra").
    assert [t.lemma_ for t in doc if t.is_alpha and not t.is_stop] == [
        "kommun",
        "ansvara",
        "rekrytering",
        "testperson",
    ]
