"""Read the clause library, the recipe and the labels into typed, frozen values."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from clauses.errors import ClauseFileError, LibraryError

PACKAGE_DIR = Path(__file__).resolve().parent
LIBRARY_DIR = PACKAGE_DIR / "library"
RECIPE_PATH = PACKAGE_DIR / "recipe.yaml"
LABELS_PATH = PACKAGE_DIR / "labels.yaml"
TEMPLATES_DIR = PACKAGE_DIR / "templates"
MASTER_TEMPLATE = TEMPLATES_DIR / "master.docx"

LANGUAGES: tuple[str, ...] = ("sv", "en")
REQUIREMENTS: tuple[str, ...] = (
    "role_allocation",
    "result_ownership",
    "procurement_access",
    "added_value",
)
REQUIRED_KEYS = ("id", "version", "section", "covers", "title", "text")


@dataclass(frozen=True, slots=True)
class Clause:
    """One clause file: wording per language plus when and why it is used."""

    id: str
    version: int
    section: str
    covers: tuple[str, ...]
    legal_basis: tuple[str, ...]
    condition: str | None
    alternatives: tuple[str, ...]
    variables: tuple[str, ...]
    title: Mapping[str, str]
    text: Mapping[str, str]
    path: Path

    @property
    def ref(self) -> str:
        """`id@version`, the form an assembled agreement records."""
        return f"{self.id}@{self.version}"


@dataclass(frozen=True, slots=True)
class RecipeSection:
    """One numbered section of an agreement, in recipe order."""

    section: str
    title: Mapping[str, str]
    order: tuple[str, ...] = ()

    def sort_key(self, clause_id: str) -> tuple[int, str]:
        """Listed clauses first, in the listed order; the rest by id."""
        if clause_id in self.order:
            return (self.order.index(clause_id), clause_id)
        return (len(self.order), clause_id)


@dataclass(frozen=True, slots=True)
class Library:
    """The recipe and every clause, ready for selection."""

    recipe: tuple[RecipeSection, ...]
    clauses: tuple[Clause, ...]

    def clause(self, clause_id: str) -> Clause:
        """The clause with this id; LibraryError naming similar ids if none."""
        for clause in self.clauses:
            if clause.id == clause_id:
                return clause
        near = [c.id for c in self.clauses if c.id.split(".")[0] in clause_id]
        hint = f"; similar ids: {', '.join(near)}" if near else ""
        raise LibraryError(f"No clause '{clause_id}' in the library{hint}")


def read_yaml(path: Path) -> Any:
    """Parse one YAML file; a syntax error becomes a ClauseFileError."""
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise ClauseFileError(path, "", f"cannot be read as YAML: {exc}") from exc


def _strings(path: Path, key: str, value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ClauseFileError(path, key, "must be a list of strings")
    return tuple(value)


def _languages(path: Path, key: str, value: Any) -> Mapping[str, str]:
    if not isinstance(value, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in value.items()
    ):
        raise ClauseFileError(path, key, "must map a language (sv, en) to text")
    return dict(value)


def read_clause(path: Path) -> Clause:
    """Read and structurally validate one clause file."""
    data = read_yaml(path)
    if not isinstance(data, dict):
        raise ClauseFileError(path, "", "must be a mapping of clause keys")
    missing = [key for key in REQUIRED_KEYS if key not in data]
    if missing:
        raise ClauseFileError(path, missing[0], f"missing keys: {', '.join(missing)}")
    unknown = set(data) - {
        *REQUIRED_KEYS,
        "legal_basis",
        "condition",
        "alternatives",
        "variables",
    }
    if unknown:
        raise ClauseFileError(path, sorted(unknown)[0], "unknown key")
    if not isinstance(data["id"], str):
        raise ClauseFileError(path, "id", "must be a string")
    if not isinstance(data["version"], int) or data["version"] < 1:
        raise ClauseFileError(path, "version", "must be a positive integer")
    if not isinstance(data["section"], str):
        raise ClauseFileError(path, "section", "must be a string")
    condition = data.get("condition")
    if condition is not None and not isinstance(condition, str):
        raise ClauseFileError(path, "condition", "must be a Jinja expression string")
    return Clause(
        id=data["id"],
        version=data["version"],
        section=data["section"],
        covers=_strings(path, "covers", data["covers"]),
        legal_basis=_strings(path, "legal_basis", data.get("legal_basis")),
        condition=condition,
        alternatives=_strings(path, "alternatives", data.get("alternatives")),
        variables=_strings(path, "variables", data.get("variables")),
        title=_languages(path, "title", data["title"]),
        text=_languages(path, "text", data["text"]),
        path=path,
    )


def read_recipe(path: Path = RECIPE_PATH) -> tuple[RecipeSection, ...]:
    """Read the ordered list of sections."""
    data = read_yaml(path)
    if not isinstance(data, list):
        raise ClauseFileError(path, "", "must be a list of sections")
    sections = []
    for index, entry in enumerate(data):
        if not isinstance(entry, dict) or not isinstance(entry.get("section"), str):
            raise ClauseFileError(path, f"[{index}].section", "must be a string")
        title = _languages(path, f"[{index}].title", entry.get("title"))
        order = _strings(path, f"[{index}].order", entry.get("order"))
        sections.append(RecipeSection(entry["section"], title, order))
    return tuple(sections)


def clause_paths(library_dir: Path = LIBRARY_DIR) -> tuple[Path, ...]:
    """Every clause file, sorted by name."""
    return tuple(sorted(library_dir.glob("*.yaml")))


def load_library(
    library_dir: Path = LIBRARY_DIR, recipe_path: Path = RECIPE_PATH
) -> Library:
    """Read the recipe and every clause; fail on duplicate ids or unknown sections."""
    recipe = read_recipe(recipe_path)
    clauses = tuple(read_clause(path) for path in clause_paths(library_dir))
    known = {s.section for s in recipe}
    seen: set[str] = set()
    for clause in clauses:
        if clause.id in seen:
            raise LibraryError(f"{clause.path.name}: duplicate clause id {clause.id}")
        seen.add(clause.id)
        if clause.section not in known:
            raise LibraryError(
                f"{clause.path.name}: section: '{clause.section}' is not in "
                f"{recipe_path.name}; add it there or fix the section"
            )
    return Library(recipe=recipe, clauses=clauses)


def load_labels(path: Path = LABELS_PATH) -> Mapping[str, Mapping[str, Any]]:
    """Fixed wording outside clauses (table headings, page footer), per language."""
    data = read_yaml(path)
    if not isinstance(data, dict) or not all(lang in data for lang in LANGUAGES):
        raise ClauseFileError(path, "", f"must have a mapping per language {LANGUAGES}")
    return {lang: dict(data[lang]) for lang in LANGUAGES}
