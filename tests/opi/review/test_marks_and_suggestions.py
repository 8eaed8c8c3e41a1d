"""Evidence pieces for the HTML text, and suggested clauses with party names."""

from __future__ import annotations

from pathlib import Path

import pytest

from checkers.document import Block, Document
from checkers.playbook import load_playbook
from checkers.report import Finding
from opi.review.marks import Mark, block_pieces
from opi.review.suggestions import agreement_parties, suggest
from opi.review.texts import texts
from tests.opi.review.conftest import Checked


def test_overlapping_evidence_is_cut_at_every_boundary() -> None:
    text = "Alfa beta gamma delta."
    block = Block(kind="paragraph", text=text, start=0, end=len(text))
    document = Document(
        path=Path("x.txt"), format="txt", language="sv", text=text, blocks=(block,)
    )
    one = Mark(card=1, anchor="ev-1-1", status="met", start=0, end=10)
    two = Mark(card=2, anchor="ev-2-1", status="conflict", start=5, end=15)
    pieces = block_pieces(document, block, (one, two))
    assert [p.text for p in pieces] == ["Alfa ", "beta ", "gamma", " delta."]
    assert [len(p.marks) for p in pieces] == [1, 2, 1, 0]
    assert [m.anchor for p in pieces for m in p.opens] == ["ev-1-1", "ev-2-1"]
    assert [m.anchor for p in pieces for m in p.closes] == ["ev-1-1", "ev-2-1"]


def test_parties_come_from_the_agreement(skolenergi: Checked) -> None:
    document, _ = skolenergi
    parties = agreement_parties(document, texts("sv"))
    assert parties.authority == "Kommunen" and parties.suppliers == ("Bolaget",)


@pytest.mark.parametrize("requirement", [r.id for r in load_playbook().requirements])
def test_every_suggested_clause_renders_with_the_agreements_parties(
    requirement: str, shuttle: Checked
) -> None:
    document, _ = shuttle
    book = load_playbook()
    clause_ids = next(r for r in book.requirements if r.id == requirement).suggestions
    finding = Finding(requirement, "missing", 0.9, "", suggestions=clause_ids)
    suggestions = suggest(finding, document)
    assert [s.clause_id for s in suggestions] == list(clause_ids)
    for suggestion in suggestions:
        assert suggestion.paragraphs, suggestion.clause_id
        assert "{" not in suggestion.text and "None" not in suggestion.text
    # the English pilot calls its parties 'the City' and 'the Company'
    assert "the City" in " ".join(s.text for s in suggestions)


def test_met_findings_and_unknown_clauses_get_no_text(shuttle: Checked) -> None:
    document, _ = shuttle
    assert (
        suggest(Finding("x", "met", 1.0, "", suggestions=("roles.general",)), document)
        == ()
    )
    (unknown,) = suggest(
        Finding("x", "missing", 1.0, "", suggestions=("our.own_clause",)), document
    )
    assert unknown.clause_id == "our.own_clause" and unknown.paragraphs == ()
