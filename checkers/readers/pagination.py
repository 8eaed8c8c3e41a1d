"""Page numbers and running headers/footers: recognised so they can be set aside."""

from __future__ import annotations

import re

_PAGE_NUMBER = re.compile(
    r"""^(
        (sida|side|page|p\.|s\.|blad|seite)\s*\d+(\s*(av|of|af|/|\(|von)\s*\d+\)?)?
      | \d+\s*(av|of|af|/)\s*\d+
      | \d+\s*\(\d+\)
      | [-–—]\s*\d+\s*[-–—]
      | \d{1,4}
      | (?=[ivxlc])c{0,3}(xc|xl|l?x{0,3})(ix|iv|v?i{0,3})
    )$""",
    re.IGNORECASE | re.VERBOSE,
)
_DIGITS = re.compile(r"\d+")


def is_page_number(text: str) -> bool:
    """'Sida 3 av 7', 'Page 3 of 7', '3 (7)', '- 3 -', '3/7', '3'."""
    return bool(_PAGE_NUMBER.match(text.strip()))


def furniture_key(text: str) -> str:
    """A line's identity across pages: digits masked, spaces folded, case folded."""
    return " ".join(_DIGITS.sub("#", text).split()).casefold()
