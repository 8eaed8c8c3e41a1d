"""Load and validate a playbook: the requirements to check and their cue patterns."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from checkers.errors import CheckError

CUE_KINDS = (
    "met",
    "met_in_section",
    "partial",
    "weak",
    "conflict",
    "conflict_if_negated",
    "denied",
    "exclude",
    "subject",
)
DETECTORS = ("ownership", "roles", "targets")


class PlaybookError(CheckError):
    """A playbook file that cannot be used; the message names the file and key."""


@dataclass(frozen=True, slots=True)
class Requirement:
    id: str
    title: dict[str, str]
    description: dict[str, str]
    legal_basis: tuple[str, ...]
    suggestions: tuple[str, ...]
    cues: dict[str, dict[str, tuple[str, ...]]]
    min_met: int = 1
    negation_means_met: bool = False
    weak_blocks_met: bool = False
    conflict_needs_party: bool = False
    lawful_exclusions: bool = False
    background_is_context: bool = False
    hedge_is_weak: bool = False
    detector: str | None = None
    sections: dict[str, re.Pattern[str]] | None = None
    off_sections: dict[str, re.Pattern[str]] | None = None

    def headings(self, key: str, language: str) -> re.Pattern[str] | None:
        """The `sections` or `off_sections` pattern of a language (else English)."""
        by_language: dict[str, re.Pattern[str]] = getattr(self, key) or {}
        return by_language.get(language) or by_language.get("en")

    def patterns(self, language: str, kind: str) -> tuple[re.Pattern[str], ...]:
        """Cues of one kind; a language the playbook lacks falls back to English.
        Compiled on first use: a check needs one language of some 700 patterns."""
        by_kind = self.cues.get(language) or self.cues.get("en") or {}
        return _compiled(by_kind.get(kind, ()))


@dataclass(frozen=True, slots=True)
class Playbook:
    source: str
    requirements: tuple[Requirement, ...]
    review_threshold: float


def default_playbook_path() -> Path:
    return Path(str(resources.files("checkers") / "data" / "playbook.yaml"))


def load_playbook(path: Path | None = None) -> Playbook:
    """The built-in playbook, or an organisation's own (parsed once per version of
    the file: a batch of checks does not parse it again)."""
    path = path or default_playbook_path()
    try:
        stat = path.stat()
    except OSError as exc:
        raise PlaybookError(f"{path}: cannot read the playbook ({exc})") from exc
    return _load(path.resolve(), stat.st_mtime_ns, stat.st_size)


@lru_cache(maxsize=8)
def _load(path: Path, mtime_ns: int, size: int) -> Playbook:
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=loader)
    except (OSError, yaml.YAMLError) as exc:
        raise PlaybookError(f"{path}: cannot read the playbook ({exc})") from exc
    if not isinstance(data, dict) or not isinstance(data.get("requirements"), list):
        raise PlaybookError(f"{path}: needs a 'requirements' list")
    # The built-in playbook's patterns are compiled (and so checked) by its tests;
    # an organisation's own playbook is checked here, so that a bad pattern is
    # reported with its place before any agreement is read.
    own = path != default_playbook_path().resolve()
    reqs = tuple(
        _requirement(path, i, r, check_patterns=own)
        for i, r in enumerate(data["requirements"])
    )
    ids = [r.id for r in reqs]
    if len(set(ids)) != len(ids):
        raise PlaybookError(f"{path}: requirement ids repeat: {ids}")
    return Playbook(
        source=str(path),
        requirements=reqs,
        review_threshold=float(data.get("review_threshold", 0.6)),
    )


def _section_patterns(where: str, raw: Any, key: str) -> dict[str, re.Pattern[str]]:
    out: dict[str, re.Pattern[str]] = {}
    for lang, pattern in (raw.get(key) or {}).items():
        try:
            out[lang] = re.compile(pattern, re.IGNORECASE)
        except re.error as exc:
            raise PlaybookError(f"{where}.{key}.{lang}: {exc}") from exc
    return out


@cache
def _compiled(patterns: tuple[str, ...]) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(p, re.IGNORECASE) for p in patterns)


def _requirement(
    path: Path, index: int, raw: Any, *, check_patterns: bool = True
) -> Requirement:
    where = f"{path}: requirements[{index}]"
    if not isinstance(raw, dict):
        raise PlaybookError(f"{where}: must be a mapping")
    for key in ("id", "title", "cues"):
        if key not in raw:
            raise PlaybookError(f"{where}: missing '{key}'")
    if not re.fullmatch(r"[a-z][a-z0-9_]*", str(raw["id"])):
        raise PlaybookError(f"{where}.id: '{raw['id']}' must be lower_snake_case")
    cues: dict[str, dict[str, tuple[str, ...]]] = {}
    for lang, kinds in raw["cues"].items():
        cues[lang] = {}
        for kind, patterns in (kinds or {}).items():
            if kind not in CUE_KINDS:
                raise PlaybookError(f"{where}.cues.{lang}: unknown cue kind '{kind}'")
            cues[lang][kind] = tuple(str(p) for p in patterns)
            if check_patterns:
                try:
                    _compiled(cues[lang][kind])
                except re.error as exc:
                    raise PlaybookError(f"{where}.cues.{lang}.{kind}: {exc}") from exc
    detector = raw.get("detector")
    if detector is not None and detector not in DETECTORS:
        raise PlaybookError(f"{where}.detector: '{detector}' is not one of {DETECTORS}")
    return Requirement(
        sections=_section_patterns(where, raw, "sections"),
        off_sections=_section_patterns(where, raw, "off_sections"),
        detector=detector,
        id=raw["id"],
        title=dict(raw["title"]),
        description=dict(raw.get("description", {})),
        legal_basis=tuple(raw.get("legal_basis", ())),
        suggestions=tuple(raw.get("suggestions", ())),
        cues=cues,
        min_met=int(raw.get("min_met", 1)),
        negation_means_met=bool(raw.get("negation_means_met", False)),
        weak_blocks_met=bool(raw.get("weak_blocks_met", False)),
        conflict_needs_party=bool(raw.get("conflict_needs_party", False)),
        lawful_exclusions=bool(raw.get("lawful_exclusions", False)),
        background_is_context=bool(raw.get("background_is_context", False)),
        hedge_is_weak=bool(raw.get("hedge_is_weak", False)),
    )
