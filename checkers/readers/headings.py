"""Recognise headings by their numbering and shape, for formats without styles."""

from __future__ import annotations

import re
from dataclasses import dataclass

# "§ 4", "§4 a", "4", "4.", "4.1", "4.1.2", "IV.", "Artikel 4", "Article 4", "Clause 4",
# "Bilaga 2", "Bilag 2", "Appendix B", "Annex 1", "Exhibit A", "Schedule 1".
_SECTION_SIGN = re.compile(r"^§\s*\d+[a-z]?\b")
_DECIMAL = re.compile(r"^(\d{1,2}(?:\.\d{1,2}){0,4})\.?(?=\s|$)")
_ROMAN = re.compile(r"^(?=[IVXL])(L?X{0,3})(IX|IV|V?I{0,3})\.(?=\s)")
_ARTICLE = re.compile(
    r"^(artikel|article|clause|punkt|afsnit|avsnitt|section|kapitel|chapter)\s+"
    r"(\d+(?:\.\d+)*|[IVXL]+)\b",
    re.IGNORECASE,
)
_APPENDIX = re.compile(
    r"^(bilaga|bilag|bilagor|appendix|annex|annexe|exhibit|schedule|attachment)"
    r"(\s+(\d+|[A-Z]|[IVX]+)\b|$|\s*[:–—-])",
    re.IGNORECASE,
)
_TERMINAL = re.compile(r"[.;,]$")


@dataclass(frozen=True, slots=True)
class HeadingShape:
    """What a line's numbering says about it being a heading, and at what level."""

    level: int
    numbered: bool
    appendix: bool


def numbering_level(text: str) -> HeadingShape | None:
    """The heading level implied by a leading section number, if there is one."""
    text = text.strip()
    if _APPENDIX.match(text):
        return HeadingShape(level=1, numbered=True, appendix=True)
    if _SECTION_SIGN.match(text) or _ARTICLE.match(text) or _ROMAN.match(text):
        return HeadingShape(level=1, numbered=True, appendix=False)
    match = _DECIMAL.match(text)
    if match:
        depth = match.group(1).count(".") + 1
        return HeadingShape(level=depth, numbered=True, appendix=False)
    return None


def is_caps_heading(text: str) -> bool:
    """An ALL-CAPS short line such as 'ROLLER OCH ANSVAR'."""
    letters = [c for c in text if c.isalpha()]
    return (
        len(letters) >= 4
        and len(text) <= 90
        and all(c.isupper() for c in letters)
        and not _TERMINAL.search(text)
    )


def looks_like_heading(text: str, *, bold: bool = False, max_chars: int = 110) -> bool:
    """A short line without final punctuation that is numbered, bold or in capitals.

    A long numbered line ("4.2 Kommunen ska ...") is a numbered clause, not a heading.
    """
    text = text.strip()
    if not text or len(text) > max_chars:
        return False
    words = text.split()
    if len(words) > 14:
        return False
    shape = numbering_level(text)
    if text.endswith(":") and len(words) >= 4:
        return False  # a lead-in to a list: "Kontaktperson för myndigheten är:"
    if _TERMINAL.search(text.rstrip(")]”\"' ")):
        # "1. Defined Terms." is a heading; "4. Kommunen betalar." is a clause.
        titled = shape is not None and len(words) <= 6 and not shape.appendix
        if not (titled and text.endswith(".") and _is_title(words[1:])):
            return False
    if shape and shape.appendix:
        return True
    if is_caps_heading(text):
        return True
    if shape and len(words) >= 2 and not text.endswith(":"):
        # Numbered and short: a heading unless it reads as a sentence.
        return not _reads_as_sentence(words[1:])
    return bold and (shape is not None or text[0].isupper())


def _is_title(words: list[str]) -> bool:
    """Every longer word capitalised, as in 'Defined Terms' or 'Joint Results'."""
    long_words = [w for w in words if len(w) > 3]
    return bool(long_words) and all(w[0].isupper() for w in long_words)


def _reads_as_sentence(words: list[str]) -> bool:
    """Heuristic: sentences have a finite verb-like modal early on."""
    modals = {"ska", "skall", "shall", "will", "must", "skal", "får", "may", "kan"}
    return any(w.lower() in modals for w in words[:6]) and len(words) > 5
