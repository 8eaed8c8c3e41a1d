"""Text normalisation: the reader sees what the words say, whatever hides in them."""

from __future__ import annotations

import re
import unicodedata

# Characters that render as nothing (or only steer direction) and could split or
# hide a word: soft hyphen, zero-width space/joiners, word joiner, BOM, bidi
# controls, invisible operators, Mongolian vowel separator.
_INVISIBLE = dict.fromkeys(
    [0x00AD, 0x034F, 0x061C, 0x180E, 0xFEFF]
    + list(range(0x200B, 0x2010))
    + list(range(0x202A, 0x202F))
    + list(range(0x2060, 0x2070)),
    None,
)
# Every other space-like character becomes a plain space.
_SPACES = re.compile(r"[\s\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+")
# Control characters other than tab/newline (e.g. \x0b vertical tab from Word).
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def normalize_text(text: str) -> str:
    """NFC, invisible characters dropped, every run of white space one space."""
    text = unicodedata.normalize("NFC", text).translate(_INVISIBLE)
    text = _CONTROLS.sub(" ", text)
    return _SPACES.sub(" ", text).strip()


def count_invisible(text: str) -> int:
    """How many invisible characters `normalize_text` would drop."""
    return sum(1 for ch in text if ord(ch) in _INVISIBLE)
