"""Every labels.json in corpora/ has the documented shape, and every labeled
evidence string is in the text the reader produces for its file (any format)."""

from __future__ import annotations

from pathlib import Path

import pytest

from checkers import ReadError, read_document
from checkers.evaluate import load_labels

CORPORA = Path(__file__).resolve().parents[1] / "corpora"
LABELED = load_labels(CORPORA)


def test_the_corpus_has_every_language_format_and_status() -> None:
    languages = {item.language for item in LABELED}
    suffixes = {item.path.suffix for item in LABELED}
    assert {"sv", "en", "da"} <= languages
    assert {".txt", ".docx", ".pdf"} <= suffixes
    assert any(item.expected_error for item in LABELED)
    for requirement in (
        "role_allocation",
        "result_ownership",
        "procurement_access",
        "added_value",
    ):
        statuses = {
            item.requirements[requirement].status
            for item in LABELED
            if requirement in item.requirements
        }
        assert statuses == {"met", "partial", "missing", "conflict"}


@pytest.mark.parametrize(
    "item", LABELED, ids=[str(i.path.relative_to(CORPORA)) for i in LABELED]
)
def test_labels_match_the_read_document(item: object) -> None:
    labeled = item  # type: ignore[assignment]
    if labeled.expected_error:
        with pytest.raises(ReadError) as caught:
            read_document(labeled.path)
        assert caught.value.code == labeled.expected_error
        return
    doc = read_document(labeled.path)
    assert doc.language == labeled.language
    for requirement, label in labeled.requirements.items():
        assert (label.status == "missing") == (not label.evidence), requirement
        for evidence in label.evidence:
            assert evidence in doc.text, f"{requirement}: {evidence[:60]}"
