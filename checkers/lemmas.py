"""Lookup lemmas from spacy-lookups-data, shipped as compact tries.

spacy-lookups-data holds the lemma lookup tables (Swedish 660 000 forms, Danish
550 000, English 42 000) as gzipped JSON, which take about two seconds a language
to load. `build` turns each table into a marisa trie of only what a lookup needs:
lower-case alphabetic forms, each stored as "strip N letters, append S", and the
lemmas themselves. The tries are committed under checkers/data/lemmas/, open by
memory-mapping in well under a millisecond and answer a lookup in a few
microseconds.

    .venv/bin/python -m checkers.lemmas        # rebuild checkers/data/lemmas/

Forms are lower-cased before lookup. Swedish and Danish write compounds as one
word ("testboendena", "kökspersonalen") that no table lists: the lemma of a
compound is its first part plus the lemma of the longest known last part.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from importlib import resources
from pathlib import Path

import marisa_trie

LANGUAGES = ("sv", "en", "da")
_DATA = "lemmas"
_RULE = re.compile(r"(\d+)(.*)", re.DOTALL)
# Compounding languages, and the shortest first and last part of a compound.
_COMPOUNDING = frozenset({"sv", "da"})
_MIN_HEAD, _MIN_TAIL = 3, 4


def _rule(form: str, lemma: str) -> bytes:
    """How to turn `form` into `lemma`: letters to strip, then the suffix to add."""
    common = 0
    for a, b in zip(form, lemma, strict=False):
        if a != b:
            break
        common += 1
    return f"{len(form) - common}{lemma[common:]}".encode()


def _apply(form: str, rule: bytes) -> str:
    match = _RULE.fullmatch(rule.decode())
    if match is None:  # pragma: no cover - the tries are built by _rule
        raise ValueError(f"bad lemma rule {rule!r} for {form!r}")
    strip = int(match.group(1))
    return form[: len(form) - strip] + match.group(2)


def _entries(table: Iterable[tuple[str, str]]) -> dict[str, bytes]:
    """The forms a lookup needs: lower-case and alphabetic, each inflected form
    with its rule and each lemma as itself ("0"), so that a known word is never
    split as a compound. Where two spellings of a form disagree ("Bo"/"bo"), the
    first in sorted order wins, so that a rebuild gives the same file."""
    out: dict[str, bytes] = {}
    lemmas: set[str] = set()
    for form, lemma in sorted(table):
        key, value = form.lower(), lemma.lower()
        if value.isalpha():
            lemmas.add(value)
        if key != value and key.isalpha() and key not in out:
            out[key] = _rule(key, value)
    for value in lemmas:
        out.setdefault(value, b"0")
    return out


def build(folder: Path) -> dict[str, int]:
    """Write `<lang>.marisa` for every language into `folder`; entries per file."""
    import srsly

    # The package's own files: spaCy's loaded Table keeps only hashes of the forms.
    source = resources.files("spacy_lookups_data") / "data"
    folder.mkdir(parents=True, exist_ok=True)
    counts = {}
    for lang in LANGUAGES:
        with resources.as_file(source / f"{lang}_lemma_lookup.json.gz") as path:
            table = srsly.read_gzip_json(path)
        entries = _entries((str(k), str(v)) for k, v in table.items())
        trie = marisa_trie.BytesTrie(sorted(entries.items()))
        trie.save(str(folder / f"{lang}.marisa"))
        counts[lang] = len(entries)
    return counts


class LemmaTable:
    """The lemma lookup of one language."""

    def __init__(self, trie: marisa_trie.BytesTrie, *, compounds: bool) -> None:
        self._trie = trie
        self._compounds = compounds
        self._cache: dict[str, str] = {}

    def lemma(self, word: str) -> str:
        """The lemma of `word`, lower case; the word itself if it is unknown."""
        key = word.lower()
        found = self._cache.get(key)
        if found is None:
            # a few entries map a word to a figure ("second" -> "2"), which the
            # rules cannot spell: an empty lemma, a suffix of every word
            found = self._lookup(key) or key
            self._cache[key] = found
        return found

    def _lookup(self, key: str) -> str:
        rules = self._trie.get(key)
        if rules:
            return _apply(key, rules[0])
        if self._compounds and key.isalpha():
            # The longest last part that the table knows decides the ending.
            for cut in range(_MIN_HEAD, len(key) - _MIN_TAIL + 1):
                tail = key[cut:]
                rules = self._trie.get(tail)
                # The last part of a compound is a noun, whose lemma is never
                # longer than its form ("ring" is no "ringa" in "pseudonymisering").
                if rules and len(lemma := _apply(tail, rules[0])) <= len(tail):
                    return key[:cut] + lemma
        return key


@cache
def lemma_table(language: str) -> LemmaTable | None:
    """The shipped table of sv, en or da (None for another language)."""
    if language not in LANGUAGES:
        return None
    trie = marisa_trie.BytesTrie()
    resource = resources.files("checkers") / "data" / _DATA / f"{language}.marisa"
    with resources.as_file(resource) as path:
        trie.mmap(str(path))
    return LemmaTable(trie, compounds=language in _COMPOUNDING)


if __name__ == "__main__":
    target = Path(str(resources.files("checkers") / "data" / _DATA))
    for lang, count in build(target).items():
        print(f"{target / lang}.marisa: {count} forms")
