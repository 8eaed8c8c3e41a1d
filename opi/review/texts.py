"""The fixed wording of the review outputs (opi/review/data/ui.yaml), sv and en."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import yaml

from checkers.report import Report

UI_LANGUAGES = ("sv", "en")
# Status is never shown by colour alone: an icon and a word go with it.
ICONS = {
    "met": "✓",
    "partial": "◐",
    "missing": "✗",
    "conflict": "⚠",
    "compliant": "✓",
    "non_compliant": "✗",
    "error": "⚠",
}


@dataclass(frozen=True, slots=True)
class Texts:
    """The wording in one UI language; `get("status.met")` reads a dotted key."""

    language: str
    entries: dict[str, Any]

    def get(self, key: str) -> str:
        value: Any = self.entries
        for part in key.split("."):
            value = value[part]
        if not isinstance(value, str):
            raise KeyError(f"opi/review/data/ui.yaml: {self.language}.{key} is no text")
        return value


@cache
def _raw() -> dict[str, Any]:
    path = resources.files("opi.review") / "data" / "ui.yaml"
    data: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
    return data


def ui_language(report: Report, ui_lang: str | None) -> str:
    """The chosen UI language, or (None/"auto") Swedish for a Swedish agreement
    and English for any other; an unreadable file gets Swedish."""
    if ui_lang in UI_LANGUAGES:
        return str(ui_lang)
    if ui_lang not in (None, "auto"):
        raise ValueError(f"ui_lang must be one of auto, sv, en; got {ui_lang!r}")
    if report.language is None:
        return "sv"
    return "sv" if report.language == "sv" else "en"


def texts(language: str) -> Texts:
    """The wording in `language` (sv or en)."""
    return Texts(language, _raw()[language])


def authority_pattern(language: str) -> re.Pattern[str]:
    """Names that mark the public party in an agreement of `language`."""
    names = _raw()["authority_names"]
    return re.compile(names.get(language, names["en"]), re.IGNORECASE)
