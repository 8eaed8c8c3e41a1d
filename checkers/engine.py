"""check(path_or_document) -> Report: read, annotate with spaCy, decide, explain."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from checkers.annotate import build_nlp
from checkers.conflicts import (
    Sentence,
    ownership_conflict,
    ownership_statements,
    role_conflict,
)
from checkers.decide import EVIDENCE, Cue, Decision, Span, decide
from checkers.document import Document
from checkers.errors import ReadError
from checkers.lexicon import Lexicon, lexicon
from checkers.parties import detect_parties, party_positions
from checkers.playbook import Playbook, Requirement, load_playbook
from checkers.readers import read_document
from checkers.report import Evidence, Finding, Report
from checkers.targets import target_conflict


@cache
def _explanations() -> dict[str, dict[str, str]]:
    path = resources.files("checkers") / "data" / "explanations.yaml"
    data: dict[str, dict[str, str]] = yaml.safe_load(path.read_text(encoding="utf-8"))
    return data


def check_document(
    document: Document,
    *,
    playbook: Playbook | None = None,
    language: str | None = None,
    ui_language: str | None = None,
) -> Report:
    """Verdicts for every requirement of the playbook on an already read document.

    Explanations are written in `ui_language` (sv or en) when given, else in the
    document's language (Swedish for sv, English otherwise)."""
    playbook = playbook or load_playbook()
    lang = language or document.language
    body_end = max((b.end for b in document.body), default=0)
    nlp = build_nlp(lang, playbook.source)
    doc = nlp(document.text[:body_end])
    lex = lexicon(lang)
    sents = list(doc.sents)
    sentences = [_sentence(s) for s in sents]
    # The sentence of each cue, by token index (span.sent rescans the document)
    sentence_of = [0] * len(doc)
    for number, sent in enumerate(sents):
        sentence_of[sent.start : sent.end] = [number] * (sent.end - sent.start)
    context = {r.id for r in playbook.requirements if r.background_is_context}
    cues = [
        cue
        for cue in (
            _cue(span, sentences[sentence_of[span.start]]) for span in doc.spans["cues"]
        )
        if (cue.kind == "partial" or not _in_heading(document, cue.sentence[0]))
        and not _only_describes(cue, document, lex, context)
    ]
    cues = _drop_off_sections(cues, playbook, document, lang)
    parties = detect_parties(document.text[:body_end], lex)
    cues = _drop_impersonal_conflicts(cues, playbook, document, parties, lex)
    cues = _resolve_section_cues(cues, playbook, document, lang, lex)
    cues = _roles_beside_other_matters(cues, playbook)
    cues = _hedged(cues, playbook, sentences, lex)
    assigned = _row_parties(document, parties)
    cues += _table_assignments(playbook, document, sentences, assigned)
    ui = (
        ui_language if ui_language in ("sv", "en") else ("sv" if lang == "sv" else "en")
    )
    text_of = {s.span: s.text for s in sentences}

    def telling(span: tuple[int, int]) -> bool:
        """Not a lead-in ("Kommunen åtar sig att:") nor a scrap ("1.")."""
        text = text_of.get(span, "").strip()
        return len(text) >= _TELLING and not text.endswith(":")

    def party_of(span: tuple[int, int]) -> str | None:
        if span[0] in assigned:
            return assigned[span[0]][0]
        named = party_positions(text_of.get(span, ""), parties)
        return named[0][1] if named else None

    findings = []
    for req in playbook.requirements:
        structural = _structural_conflict(req, cues, sentences, parties, lex, document)
        named = (
            _named_subjects(req, cues, sentences, parties, document, assigned)
            if req.detector == "roles"
            else None
        )
        decision = decide(
            req,
            cues,
            structural,
            named,
            on_topic=_topic_test(req, document, lang),
            telling=telling,
            party_of=party_of if req.detector == "roles" else None,
        )
        if req.detector == "ownership" and decision.status == "met":
            decision = _results_left_open(req, decision, cues, text_of, lex)
        if req.detector == "roles" and decision.status == "met":
            decision = _roles_left_open(req, decision, cues, text_of, lex)
        title = req.title.get(ui) or req.title.get("en") or req.id
        findings.append(
            Finding(
                requirement=req.id,
                status=decision.status,
                confidence=decision.confidence,
                explanation=_explanations()[ui][decision.status].format(title=title),
                evidence=tuple(
                    Evidence.from_span(document, start, end)
                    for start, end in decision.sentences
                ),
                suggestions=() if decision.status == "met" else req.suggestions,
                needs_review=decision.confidence < playbook.review_threshold,
            )
        )
    return Report(
        file=document.path.name,
        format=document.format,
        language=document.language,
        pages=document.pages,
        findings=tuple(findings),
        warnings=document.warnings,
    )


def _hedged(
    cues: list[Cue], playbook: Playbook, sentences: list[Sentence], lex: Lexicon
) -> list[Cue]:
    """Where the playbook says so, a met cue in a sentence that promises only
    as far as it suits ("i den mån det är möjligt ställa uppgifter till
    förfogande för andra leverantörer") is weak."""
    hedging = {r.id for r in playbook.requirements if r.hedge_is_weak}
    candidates = {
        c.sentence for c in cues if c.requirement in hedging and c.kind == "met"
    }
    # "... tillgängliga för alla anbudsgivare, så att försprånget i möjligaste
    # mån neutraliseras": a hedge in the purpose clause leaves the promise whole.
    hedged = {
        s.span
        for s in sentences
        if s.span in candidates and lex.hedge.search(lex.purpose.split(s.text)[0])
    }
    return [
        Cue(c.requirement, "weak", c.sentence)
        if c.requirement in hedging and c.kind == "met" and c.sentence in hedged
        else c
        for c in cues
    ]


def _roles_beside_other_matters(cues: list[Cue], playbook: Playbook) -> list[Cue]:
    """A sentence that settles another requirement's matter (a licence: "Skyeye
    upplåter till Räddningstjänsten en rätt att använda programvaran"; access to
    the later tender: "kommunen åtar sig att göra slutrapporten tillgänglig för
    alla anbudsgivare") allocates no project role by the same verbs."""
    roles = {r.id for r in playbook.requirements if r.detector == "roles"}
    other = {
        c.sentence
        for c in cues
        if c.requirement not in roles and c.kind in ("met", "negated")
    }
    return [
        c
        for c in cues
        if not (c.requirement in roles and c.kind == "met" and c.sentence in other)
    ]


_CONTENT_WORD = re.compile(r"[^\W\d_]{4,}")
_TELLING = 25  # characters: shorter sentences say too little to be evidence


def _results_left_open(
    req: Requirement,
    decision: Decision,
    cues: list[Cue],
    text: dict[Span, str],
    lex: Lexicon,
) -> Decision:
    """Ownership of the results as such left for later ("Parterna har ännu inte
    enats om äganderätten till de resultat som tas fram"), while what is settled
    is only some particular thing (the supplier's platform, the interface
    software): partial. A settled clause on the results as such stays met."""
    own = [c for c in cues if c.requirement == req.id]
    excluded = {c.sentence for c in own if c.kind == "exclude"}
    deferred = {c.sentence for c in own if c.kind == "partial"} - excluded
    met = {c.sentence for c in own if c.kind == "met"} - excluded - deferred

    def general(span: tuple[int, int]) -> bool:
        return bool(
            lex.results_in_general.search(text.get(span, ""))
            or lex.project_result.search(text.get(span, ""))
        )

    open_ = sorted(span for span in deferred if general(span))
    if not open_ or any(general(span) for span in met):
        return decision
    return Decision("partial", 0.55, tuple(open_[:EVIDENCE]))


def _roles_left_open(
    req: Requirement,
    decision: Decision,
    cues: list[Cue],
    text: dict[Span, str],
    lex: Lexicon,
) -> Decision:
    """What the parties are to do left for later as a whole ("Parternas
    respektive åtaganden ska regleras i ett separat genomförandeavtal", "The
    Proponent's tasks ... will be set out in a work plan to be agreed"): the
    roles are partial, whatever scattered duties the agreement also names. A
    deferral of another matter ("Ansvaret för skador regleras i ...") is not
    meant."""
    open_ = sorted(
        {
            c.sentence
            for c in cues
            if c.requirement == req.id
            and c.kind == "partial"
            and lex.duties.search(text.get(c.sentence, ""))
        }
    )
    if not open_:
        return decision
    return Decision("partial", 0.55, tuple(open_[:EVIDENCE]))


def _structural_conflict(
    req: Requirement,
    cues: list[Cue],
    sentences: list[Sentence],
    parties: tuple[str, ...],
    lex: Lexicon,
    document: Document,
) -> tuple[tuple[int, int], ...]:
    """Run the requirement's cross-sentence detector over its substantive sentences."""
    if req.detector is None:
        return ()
    excluded = {
        c.sentence for c in cues if c.requirement == req.id and c.kind == "exclude"
    }
    met = {
        c.sentence
        for c in cues
        if c.requirement == req.id and c.kind == "met" and c.sentence not in excluded
    }
    substantive = [s for s in sentences if s.span in met]

    def section(span: tuple[int, int]) -> tuple[str, ...]:
        block = document.block_at(span[0])
        return block.section if block is not None else ()

    if req.detector == "targets":
        return target_conflict(substantive, lex, others=sentences, section=section)
    if req.detector == "ownership":
        others = ownership_statements([s for s in sentences if s.span not in excluded])
        return ownership_conflict(substantive, parties, lex, others, sentences)

    return role_conflict(substantive, sentences, parties, lex, section=section)


def _sentence(sent: Any) -> Sentence:
    """A sentence's span without the blank lines that separate blocks."""
    text = sent.text
    start = sent.start_char + (len(text) - len(text.lstrip()))
    return Sentence((start, start + len(text.strip())), text.strip())


def _row_parties(document: Document, parties: tuple[str, ...]) -> dict[int, list[str]]:
    """For each table row and list item (by start offset): the parties it
    allocates a task to. A row names them in a cell ('Testmiljö | Kommunen'),
    or the table's header names them as columns ('Uppgift | Kommunen | Bolaget');
    a list item takes them from its lead-in line ('Bolaget ska:')."""
    out: dict[int, list[str]] = {}
    header: list[str] = []
    previous_kind = ""
    for block in document.body:
        if block.kind == "table_row":
            named = [name for _, name in party_positions(block.text, parties)]
            if previous_kind != "table_row":
                header = named if len(set(named)) >= 2 else []
                if header:
                    previous_kind = block.kind
                    continue
            if named:
                out[block.start] = named
            elif header:
                out[block.start] = header
        elif block.kind == "list_item":
            lead = _lead_in_parties(document, block.start, parties)
            if lead:
                out[block.start] = lead
        previous_kind = block.kind
    return out


def _table_assignments(
    playbook: Playbook,
    document: Document,
    sentences: list[Sentence],
    assigned: dict[int, list[str]],
) -> list[Cue]:
    """Rows of responsibility tables and items of per-party lists allocate tasks,
    as sentences would."""
    roles = [r.id for r in playbook.requirements if r.detector == "roles"]
    cues = []
    for sentence in sentences:
        block = document.block_at(sentence.span[0])
        if len(_CONTENT_WORD.findall(sentence.text)) < 2:
            continue  # "- and -" between the parties of a preamble is no task
        if block is not None and block.start in assigned:
            cues += [
                Cue(requirement=r, kind="met", sentence=sentence.span) for r in roles
            ]
    return cues


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZÅÄÖÆØ])")


def _lead_in_parties(
    document: Document, offset: int, parties: tuple[str, ...]
) -> list[str]:
    """For a list item: the parties named in the lead-in above it ('Bolaget ska:',
    '4.1 Förbundet åtar sig att', a heading 'Leverantörens åtaganden') - a line
    that ends in a colon or runs on into the list without a full stop."""
    blocks = [b for b in document.body if b.start <= offset]
    for block in reversed(blocks[:-1]):
        if block.kind == "list_item":
            continue
        text = block.text.rstrip()
        if text.endswith(":") or not text.endswith((".", "!", "?", ";")):
            # the sentence that leads into the list, not those before it
            # ("Samarbetet ska skapa värde för Regionen. Följande effektmål gäller:")
            lead = _SENTENCE_END.split(text)[-1]
            return [name for _, name in party_positions(lead, parties)]
        return []
    return []


def _topic_test(
    req: Requirement, document: Document, language: str
) -> Callable[[tuple[int, int]], bool] | None:
    """Whether a sentence stands under a heading on the requirement's topic."""
    pattern = req.headings("sections", language)
    if pattern is None:
        return None

    def on_topic(span: tuple[int, int]) -> bool:
        block = document.block_at(span[0])
        return block is not None and any(pattern.search(h) for h in block.section)

    return on_topic


def _resolve_section_cues(
    cues: list[Cue], playbook: Playbook, document: Document, language: str, lex: Lexicon
) -> list[Cue]:
    """A 'met_in_section' cue is met under a heading on the requirement's topic
    (never for background IP), and nothing elsewhere."""
    by_id = {r.id: r for r in playbook.requirements}
    out = []
    for cue in cues:
        if cue.kind != "met_in_section":
            out.append(cue)
            continue
        on_topic = _topic_test(by_id[cue.requirement], document, language)
        text = document.text[cue.sentence[0] : cue.sentence[1]]
        topical = on_topic is not None and on_topic(cue.sentence)
        if topical and not lex.background.search(text):
            out.append(Cue(cue.requirement, "met", cue.sentence))
    return out


def _drop_impersonal_conflicts(
    cues: list[Cue],
    playbook: Playbook,
    document: Document,
    parties: tuple[str, ...],
    lex: Lexicon,
) -> list[Cue]:
    """For requirements marked conflict_needs_party, a conflict sentence that
    names no party and no participant is no conflict."""
    needs = {r.id for r in playbook.requirements if r.conflict_needs_party}
    kept = []
    for cue in cues:
        if cue.kind == "conflict" and cue.requirement in needs:
            text = document.text[cue.sentence[0] : cue.sentence[1]]
            if not party_positions(text, parties) and not lex.participants.search(text):
                continue
        kept.append(cue)
    return kept


def _drop_off_sections(
    cues: list[Cue], playbook: Playbook, document: Document, language: str
) -> list[Cue]:
    """Under a heading the playbook marks as off the requirement's topic
    ('Ansvarsbegränsning', 'Insurance' for roles), its cues say nothing, unless
    the rest of the heading is on the topic ('Roller och försäkring'). Only the
    innermost heading counts."""
    tests = {
        r.id: (r.headings("off_sections", language), r.headings("sections", language))
        for r in playbook.requirements
    }
    kept = []
    for cue in cues:
        off, topic = tests.get(cue.requirement, (None, None))
        block = document.block_at(cue.sentence[0]) if off is not None else None
        if off is not None and block is not None and block.section:
            heading = block.section[-1]
            rest = off.sub(" ", heading)
            if rest != heading and not (topic is not None and topic.search(rest)):
                continue
        kept.append(cue)
    return kept


def _only_describes(
    cue: Cue, document: Document, lex: Lexicon, context: set[str]
) -> bool:
    """A background section describes: it carries no conflict, unless the
    sentence lays down a duty ("... ska Kommunen först erbjuda Leverantören
    uppdraget"), nor, for the requirements in `context`, a met cue ("Kartdata
    tillhandahåller tjänster för ...")."""
    if cue.kind == "conflict":
        return _in_background(document, cue, lex) and not lex.binding.search(
            document.text, *cue.sentence
        )
    if cue.kind == "met" and cue.requirement in context:
        return _in_background(document, cue, lex)
    return False


def _in_background(document: Document, cue: Cue, lex: Lexicon) -> bool:
    """Under a 'Bakgrund'/'Background' heading the agreement describes how things
    were ("Residents are often not followed up"); it promises nothing there."""
    block = document.block_at(cue.sentence[0])
    return block is not None and any(
        lex.background_section.search(heading) for heading in block.section
    )


def _in_heading(document: Document, offset: int) -> bool:
    """Headings name a topic (a sign of 'mentioned'); they never settle it."""
    block = document.block_at(offset)
    return block is not None and block.kind == "heading"


def _cue(span: Any, sentence: Sentence) -> Cue:
    requirement, kind = span.label_.split(":", 1)
    return Cue(requirement=requirement, kind=kind, sentence=sentence.span)


def _named_subjects(
    req: Requirement,
    cues: list[Cue],
    sentences: list[Sentence],
    parties: tuple[str, ...],
    document: Document,
    assigned: dict[int, list[str]],
) -> int:
    """How many distinct named parties the responsibility sentences speak of
    (a table row's parties come from `assigned` where it names none; a list item's
    are always its lead-in's)."""
    spans = {c.sentence for c in cues if c.requirement == req.id and c.kind == "met"}
    names: set[str] = set()
    for sentence in sentences:
        if sentence.span in spans:
            block = document.block_at(sentence.span[0])
            if (
                block is not None
                and block.kind == "list_item"
                and block.start in assigned
            ):
                # A list item's task is its lead-in party's, whoever else it
                # names ("Leverantören åtar sig att: a) installera ... i de
                # skolrestauranger som Kommunen anvisar").
                names.update(assigned[block.start])
                continue
            found = [name for _, name in party_positions(sentence.text, parties)]
            if not found and block is not None:
                found = assigned.get(block.start, [])
            names.update(found)
    return len(names)


def check(
    source: Path | str | Document,
    *,
    playbook: Playbook | None = None,
    language: str | None = None,
    ui_language: str | None = None,
) -> Report:
    """Check a file or Document; an unreadable file gets an error Report only."""
    if isinstance(source, Document):
        document = source
    else:
        try:
            document = read_document(source)
        except ReadError as exc:
            return Report.for_error(Path(source).name, exc)
    return check_document(
        document, playbook=playbook, language=language, ui_language=ui_language
    )
