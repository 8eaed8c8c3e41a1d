"""Word styles and list numbering: which paragraphs are headings, and their numbers."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml import etree

from checkers.readers.ooxml import w

_HEADING_NAME = re.compile(
    r"^(heading|rubrik|overskrift|überschrift|titre|otsikko)\s*(\d)$", re.IGNORECASE
)
_TOC_NAME = re.compile(
    r"^(toc|innehåll|indholdsfortegnelse|inhaltsverzeichnis)\s*\d", re.IGNORECASE
)
_TITLE_NAMES = {"title", "titel", "rubrik", "subtitle", "underrubrik"}


def _on(el: etree._Element | None) -> bool:
    """A WordprocessingML toggle property is on unless its val says otherwise."""
    if el is None:
        return False
    return el.get(w("val"), "true").lower() not in ("0", "false", "off", "none")


@dataclass(frozen=True, slots=True)
class Style:
    name: str
    based_on: str | None
    outline_level: int | None
    num_id: str | None
    ilvl: int | None
    bold: bool


@dataclass(slots=True)
class Styles:
    """Paragraph styles by id, resolving `basedOn` chains."""

    by_id: dict[str, Style] = field(default_factory=dict)

    @classmethod
    def parse(cls, root: etree._Element | None) -> Styles:
        styles = cls()
        if root is None:
            return styles
        for el in root.iterfind(w("style")):
            style_id = el.get(w("styleId"))
            if not style_id:
                continue
            name_el = el.find(w("name"))
            based = el.find(w("basedOn"))
            ppr = el.find(w("pPr"))
            outline = ppr.find(w("outlineLvl")) if ppr is not None else None
            numpr = ppr.find(w("numPr")) if ppr is not None else None
            num_id = numpr.find(w("numId")) if numpr is not None else None
            ilvl = numpr.find(w("ilvl")) if numpr is not None else None
            rpr = el.find(w("rPr"))
            styles.by_id[style_id] = Style(
                name=(name_el.get(w("val"), "") if name_el is not None else style_id),
                based_on=based.get(w("val")) if based is not None else None,
                outline_level=_int(
                    outline.get(w("val")) if outline is not None else None
                ),
                num_id=num_id.get(w("val")) if num_id is not None else None,
                ilvl=_int(ilvl.get(w("val")) if ilvl is not None else None),
                bold=_on(rpr.find(w("b"))) if rpr is not None else False,
            )
        return styles

    def chain(self, style_id: str | None) -> list[Style]:
        """The style and its ancestors, nearest first (cycles cut)."""
        seen: set[str] = set()
        out: list[Style] = []
        while style_id and style_id not in seen and style_id in self.by_id:
            seen.add(style_id)
            style = self.by_id[style_id]
            out.append(style)
            style_id = style.based_on
        return out

    def heading_level(self, style_id: str | None) -> int | None:
        """1-9 for heading/title styles or an outline level, else None."""
        for style in self.chain(style_id):
            name = style.name.strip()
            if _TOC_NAME.match(name):
                return None
            if style.outline_level is not None:
                # The nearest explicit outline level wins; 9 means body text.
                return style.outline_level + 1 if style.outline_level < 9 else None
            match = _HEADING_NAME.match(name)
            if match:
                return int(match.group(2))
            if name.lower() in _TITLE_NAMES:
                return 1
        return None

    def is_toc(self, style_id: str | None) -> bool:
        """A table-of-contents entry: its numbers are page references, not sections."""
        return any(_TOC_NAME.match(s.name.strip()) for s in self.chain(style_id))

    def numbering(self, style_id: str | None) -> tuple[str | None, int | None]:
        for style in self.chain(style_id):
            if style.num_id is not None:
                return style.num_id, style.ilvl
        return None, None

    def bold(self, style_id: str | None) -> bool:
        return any(s.bold for s in self.chain(style_id))


def _int(value: str | None) -> int | None:
    try:
        return int(value) if value is not None else None
    except ValueError:
        return None


@dataclass(frozen=True, slots=True)
class Level:
    fmt: str
    text: str
    start: int


class Numbering:
    """Reconstructs the label Word shows for a numbered paragraph ('4.2', 'a)')."""

    def __init__(self, root: etree._Element | None) -> None:
        self._abstract: dict[str, dict[int, Level]] = {}
        self._nums: dict[str, tuple[str, dict[int, int]]] = {}
        self._counters: dict[str, dict[int, int]] = {}
        if root is None:
            return
        for absn in root.iterfind(w("abstractNum")):
            levels: dict[int, Level] = {}
            for lvl in absn.iterfind(w("lvl")):
                ilvl = _int(lvl.get(w("ilvl"))) or 0
                levels[ilvl] = Level(
                    fmt=_val(lvl.find(w("numFmt")), "decimal"),
                    text=_val(lvl.find(w("lvlText")), ""),
                    start=_int(_val(lvl.find(w("start")), "1")) or 1,
                )
            self._abstract[absn.get(w("abstractNumId"), "")] = levels
        for num in root.iterfind(w("num")):
            abstract_id = _val(num.find(w("abstractNumId")), "")
            overrides: dict[int, int] = {}
            for override in num.iterfind(w("lvlOverride")):
                start = override.find(w("startOverride"))
                if start is not None:
                    ilvl = _int(override.get(w("ilvl"))) or 0
                    overrides[ilvl] = _int(start.get(w("val"))) or 1
            self._nums[num.get(w("numId"), "")] = (abstract_id, overrides)

    def label(self, num_id: str, ilvl: int) -> tuple[str, bool] | None:
        """Advance the list and return (label, is_bullet), or None if not a list."""
        if num_id == "0" or num_id not in self._nums:
            return None
        abstract_id, overrides = self._nums[num_id]
        levels = self._abstract.get(abstract_id, {})
        if ilvl not in levels:
            return None
        counters = self._counters.setdefault(num_id, {})
        start = overrides.get(ilvl, levels[ilvl].start)
        counters[ilvl] = counters.get(ilvl, start - 1) + 1
        for deeper in [k for k in counters if k > ilvl]:
            del counters[deeper]
        level = levels[ilvl]
        if level.fmt == "bullet":
            return "", True
        if level.fmt == "none":
            return "", False

        def number(match: re.Match[str]) -> str:
            k = int(match.group(1)) - 1
            lv = levels.get(k, level)
            value = counters.get(k, overrides.get(k, lv.start))
            return _format_number(value, lv.fmt)

        return re.sub(r"%(\d)", number, level.text).strip(), False


def _val(el: etree._Element | None, default: str) -> str:
    return el.get(w("val"), default) if el is not None else default


def _format_number(value: int, fmt: str) -> str:
    if fmt in ("lowerLetter", "upperLetter"):
        letters = ""
        n = value
        while n > 0:
            n, rem = divmod(n - 1, 26)
            letters = chr(ord("a") + rem) + letters
        return letters.upper() if fmt == "upperLetter" else letters
    if fmt in ("lowerRoman", "upperRoman"):
        roman = _roman(value)
        return roman if fmt == "upperRoman" else roman.lower()
    return str(value)


def _roman(value: int) -> str:
    parts = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ]
    out = ""
    for number, letters in parts:
        while value >= number:
            out += letters
            value -= number
    return out
