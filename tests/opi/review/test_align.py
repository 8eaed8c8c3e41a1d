"""Finding a passage of Document.text again in the source's own text."""

from __future__ import annotations

from opi.review.align import Aligner, keyed


def _found(document: str, source: str, passage: str, nth: int = 0) -> list[str]:
    start = -1
    for _ in range(nth + 1):
        start = document.index(passage, start + 1)
    aligner = Aligner.build(document, source)
    return [source[lo:hi] for lo, hi in aligner.find(start, start + len(passage))]


def test_key_ignores_case_spacing_soft_hyphens_and_ligatures() -> None:
    assert keyed("Sam\u00adar-\nbete ﬁnns").key == "samarbetefinns"


def test_passage_is_found_across_runs_with_its_full_stop() -> None:
    source = "Inledning.Varje Part äger sina resultat.Övrigt."
    assert _found(
        "Inledning.\n\nVarje Part äger sina resultat.\n\nÖvrigt.",
        source,
        "Varje Part äger sina resultat.",
    ) == ["Varje Part äger sina resultat."]


def test_the_same_words_twice_are_told_apart_by_their_order() -> None:
    document = (
        "Kommunen ansvarar för testmiljön.\n\nX.\n\nKommunen ansvarar för testmiljön."
    )
    source = "Kommunen ansvarar för testmiljön.X.Kommunen ansvarar för testmiljön."
    aligner = Aligner.build(document, source)
    second = document.rindex("Kommunen")
    ((lo, _),) = aligner.find(second, len(document))
    assert lo == source.rindex("Kommunen")


def test_a_numbering_label_the_reader_added_is_skipped() -> None:
    # Word list numbers are not text of the runs: the reader adds "4.2".
    found = _found(
        "4.2 Bolaget ska utveckla larmet.",
        "Bolaget ska utveckla larmet.",
        "4.2 Bolaget ska utveckla larmet.",
    )
    assert found == ["Bolaget ska utveckla larmet."]


def test_a_running_header_inside_the_passage_is_left_out() -> None:
    source = "Kommunen ska publicera rapporten Sida 2 av 3 till alla anbudsgivare."
    document = "Kommunen ska publicera rapporten till alla anbudsgivare."
    found = _found(document, source, document)
    assert found == ["Kommunen ska publicera rapporten", "till alla anbudsgivare."]


def test_a_passage_that_is_not_there_is_not_found() -> None:
    assert (
        _found("Något helt annat står här.", "Inget av det.", "Något helt annat") == []
    )
