"""Find a passage of Document.text again in the source file's own text units
(the runs of a .docx, the characters of a PDF page).

The reader normalises text (NFC, soft hyphens and zero-width characters dropped,
hyphenation undone, list numbers added, table cells joined with " | "), so both
sides are compared on a key: their letters and digits only, case-folded. A
passage is found whole where it can be; else piece by piece (a page header may
interrupt it, a numbering label may lead it), and only when most of it is found.
"""

from __future__ import annotations

import unicodedata
from bisect import bisect_left
from dataclasses import dataclass

MIN_PIECE = 6
MIN_COVERED = 0.6


@dataclass(frozen=True, slots=True)
class Keyed:
    """A text's key and, for each key character, its index in the text."""

    key: str
    origin: tuple[int, ...]
    text: str


def keyed(text: str) -> Keyed:
    """The letters and digits of `text`, NFKC-normalised and case-folded."""
    key: list[str] = []
    origin: list[int] = []
    for index, char in enumerate(text):
        for folded in unicodedata.normalize("NFKC", char).casefold():
            if folded.isalnum():
                key.append(folded)
                origin.append(index)
    return Keyed("".join(key), tuple(origin), text)


@dataclass(frozen=True, slots=True)
class Aligner:
    """Aligns passages of the document's text (`document`) with the source's
    text (`source`, the concatenated text units of the original file)."""

    document: Keyed
    source: Keyed

    @classmethod
    def build(cls, document_text: str, source_text: str) -> Aligner:
        return cls(keyed(document_text), keyed(source_text))

    def find(self, start: int, end: int) -> list[tuple[int, int]]:
        """Ranges [lo, hi) of the source text that hold document text
        [start, end); empty when the passage cannot be found."""
        lo = bisect_left(self.document.origin, start)
        hi = bisect_left(self.document.origin, end)
        needle = self.document.key[lo:hi]
        if not needle:
            return []
        whole = self._whole(needle, lo)
        found = (
            [self._span(whole, whole + len(needle))]
            if whole is not None
            else self._pieces(needle, lo)
        )
        if found:
            tail = self.document.text[self.document.origin[hi - 1] + 1 : end]
            found[-1] = (found[-1][0], self._extend(found[-1][1], tail))
        return found

    def _extend(self, at: int, tail: str) -> int:
        """Take the passage's closing punctuation ('.', '»') along where the
        source has it too."""
        for char in tail.strip():
            if at < len(self.source.text) and self.source.text[at] == char:
                at += 1
            else:
                break
        return at

    def _whole(self, needle: str, at: int) -> int | None:
        """The occurrence in the source with the same ordinal as the passage's
        occurrence in the document (the third 'Kommunen ansvarar' is the third)."""
        ordinal = _count(self.document.key, needle, at)
        found = _occurrences(self.source.key, needle)
        if not found:
            return None
        if ordinal < len(found):
            return found[ordinal]
        expected = self._expected(at)
        return min(found, key=lambda pos: abs(pos - expected))

    def _expected(self, at: int) -> int:
        """Where document key position `at` should fall in the source, pro rata."""
        if not self.document.key:
            return 0
        return int(at * len(self.source.key) / len(self.document.key))

    def _pieces(self, needle: str, at: int) -> list[tuple[int, int]]:
        """Greedy: the longest leading piece found after the cursor, then on."""
        slack = max(2000, len(self.source.key) // 10)
        cursor = max(0, self._expected(at) - slack)
        pieces: list[tuple[int, int]] = []
        covered = 0
        rest = needle
        while rest:
            length, pos = self._longest_prefix(rest, cursor)
            if length < min(MIN_PIECE, len(rest)):
                rest = rest[1:]
                continue
            if pieces and pos - cursor > slack:
                break
            pieces.append(self._span(pos, pos + length))
            covered += length
            cursor = pos + length
            rest = rest[length:]
        if covered < MIN_COVERED * len(needle):
            return []
        return pieces

    def _longest_prefix(self, text: str, cursor: int) -> tuple[int, int]:
        """Length and position of the longest prefix of `text` found at or after
        `cursor` (a prefix found implies every shorter prefix is found)."""
        lo, hi, best = 0, len(text), (0, -1)
        while lo < hi:
            mid = (lo + hi + 1) // 2
            pos = self.source.key.find(text[:mid], cursor)
            if pos >= 0:
                lo, best = mid, (mid, pos)
            else:
                hi = mid - 1
        return best

    def _span(self, key_lo: int, key_hi: int) -> tuple[int, int]:
        return self.source.origin[key_lo], self.source.origin[key_hi - 1] + 1


def _occurrences(haystack: str, needle: str) -> list[int]:
    found = []
    pos = haystack.find(needle)
    while pos >= 0:
        found.append(pos)
        pos = haystack.find(needle, pos + 1)
    return found


def _count(haystack: str, needle: str, before: int) -> int:
    return sum(1 for pos in _occurrences(haystack, needle) if pos < before)
