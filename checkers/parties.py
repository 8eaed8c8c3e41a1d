"""Who the parties are: defined names from the preamble and defined terms
("nedan kallad Kommunen", "(the Supplier)"), plus the generic names parties go by."""

from __future__ import annotations

import re

from checkers.lexicon import Lexicon


def detect_parties(text: str, lex: Lexicon) -> tuple[str, ...]:
    """Party names that the text defines or uses, longest first."""
    found: set[str] = set()
    for pattern in lex.party_definitions:
        for match in pattern.finditer(text):
            name = match.group(1).strip("-")
            if name not in lex.not_parties and len(name) > 2 and not name.isdigit():
                found.add(name)
    for noun in lex.party_nouns:
        if re.search(rf"\b{re.escape(noun)}\b", text):
            found.add(noun)
    used = {n for n in found if len(re.findall(rf"\b{re.escape(n)}\b", text)) >= 2}
    return tuple(sorted(used, key=lambda n: (-len(n), n)))


def party_positions(sentence: str, parties: tuple[str, ...]) -> list[tuple[int, str]]:
    """(position, name) of every party mention, in order, longer names first; a
    genitive ("Kommunens", "the Council's") names the party too."""
    taken: list[tuple[int, int]] = []
    out: list[tuple[int, str]] = []
    for name in parties:
        pattern = rf"\b{re.escape(name)}(?:s|'s|’s)?\b"
        for match in re.finditer(pattern, sentence, re.IGNORECASE):
            if any(s < match.end() and match.start() < e for s, e in taken):
                continue
            taken.append((match.start(), match.end()))
            out.append((match.start(), _canonical(name)))
    return sorted(out)


def _canonical(name: str) -> str:
    return re.sub(r"^the\s+", "", name, flags=re.IGNORECASE).casefold()
