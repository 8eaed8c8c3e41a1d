"""Find problems in clause files before a lawyer's edit reaches an agreement."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from jinja2 import TemplateSyntaxError, meta, nodes

from clauses.environment import build_environment
from clauses.errors import ClauseError
from clauses.loader import (
    LANGUAGES,
    LIBRARY_DIR,
    RECIPE_PATH,
    REQUIREMENTS,
    Clause,
    clause_paths,
    read_clause,
    read_recipe,
)

ProblemKind = Literal[
    "unreadable",
    "missing_language",
    "undefined_variable",
    "unknown_requirement",
    "template_syntax",
    "uncovered_requirement",
    "unknown_section",
    "bad_id",
    "unknown_alternative",
]

PARTY = frozenset({"name", "org_number", "short_name", "address", "kind"})
# The rendering context documented in clauses/README.md: objects and their fields.
OBJECTS: dict[str, frozenset[str]] = {
    "authority": PARTY,
    "project": frozenset(
        {"name", "need", "goal", "start_date", "end_date", "location", "budget_note"}
    ),
    "steering_group": frozenset({"members_per_party", "chair", "meeting_frequency"}),
    "ownership": frozenset({"model", "shares"}),
    "procurement": frozenset(
        {"planned", "procedure", "expected_time", "publication_channel"}
    ),
}
# Lists and the fields of their items.
LISTS: dict[str, frozenset[str]] = {
    "suppliers": PARTY,
    "parties": PARTY,
    "roles": frozenset({"party", "responsibilities"}),
    "ownership.shares": frozenset({"party", "percent"}),
    "added_values": frozenset(
        {"description", "indicator", "baseline", "target", "responsible"}
    ),
    "signatories": frozenset({"party", "name", "role", "place"}),
    "appendices": frozenset({"number", "title"}),
}
SCALARS = frozenset(
    {
        "language",
        "title",
        "confidentiality_years",
        "personal_data",
        "governing_law",
        "venue",
    }
)
CONTEXT_NAMES = frozenset({*OBJECTS, *SCALARS, *(p for p in LISTS if "." not in p)})


@dataclass(frozen=True, slots=True)
class LintProblem:
    """One problem in one clause file (or in the library as a whole)."""

    file: str
    kind: ProblemKind
    message: str

    def __str__(self) -> str:
        return f"{self.file}: {self.kind}: {self.message}"

    def to_dict(self) -> dict[str, str]:
        return {"file": self.file, "kind": self.kind, "message": self.message}


def is_context_path(path: str) -> bool:
    """Whether a dotted name such as `authority.short_name` exists in the context."""
    head, _, rest = path.partition(".")
    if not rest:
        return head in CONTEXT_NAMES
    return path in LISTS or (head in OBJECTS and rest in OBJECTS[head])


def _dotted(node: nodes.Node) -> str | None:
    if isinstance(node, nodes.Name):
        return node.name
    if isinstance(node, nodes.Getattr):
        base = _dotted(node.node)
        return f"{base}.{node.attr}" if base else None
    return None


def _loop_items(tree: nodes.Template) -> dict[str, frozenset[str]]:
    """Loop variables bound to a context list, with the fields of its items."""
    items: dict[str, frozenset[str]] = {}
    for loop in tree.find_all(nodes.For):
        target, source = loop.target, _dotted(loop.iter)
        if isinstance(target, nodes.Name) and source in LISTS:
            items[target.name] = LISTS[source]
    return items


def _bad_attributes(tree: nodes.Template, free: set[str]) -> set[str]:
    items = _loop_items(tree)
    bad: set[str] = set()
    for node in tree.find_all(nodes.Getattr):
        base = node.node
        if isinstance(base, nodes.Getitem):
            base = base.node
            name = _dotted(base)
            if name in LISTS and node.attr not in LISTS[name]:
                bad.add(f"{name}[].{node.attr}")
            continue
        if not isinstance(base, nodes.Name):
            continue
        if base.name in free:
            path = f"{base.name}.{node.attr}"
            if base.name in OBJECTS and not is_context_path(path):
                bad.add(path)
        elif base.name in items and node.attr not in items[base.name]:
            bad.add(f"{base.name}.{node.attr}")
    return bad


def _check_text(clause: Clause, lang: str, source: str, where: str) -> list[str]:
    """Undefined names in one template; raises TemplateSyntaxError if it fails."""
    tree = build_environment().parse(source)
    free = set(meta.find_undeclared_variables(tree))
    problems = [
        f"{where}: '{name}' is not in the context"
        for name in sorted(free - CONTEXT_NAMES)
    ]
    declared = {v.split(".")[0] for v in clause.variables}
    if where.startswith("text"):
        problems += [
            f"{where}: uses '{name}' but `variables` does not list it"
            for name in sorted(free & CONTEXT_NAMES - declared)
        ]
    problems += [
        f"{where}: '{path}' is not a field of the context"
        for path in sorted(_bad_attributes(tree, free))
    ]
    return problems


def lint_clause(clause: Clause, sections: set[str]) -> list[LintProblem]:
    """Every problem in one clause that can be seen without the others."""
    name = clause.path.name
    found: list[LintProblem] = []

    def add(kind: ProblemKind, message: str) -> None:
        found.append(LintProblem(name, kind, message))

    if clause.path.stem != clause.id:
        add("bad_id", f"id '{clause.id}' differs from the file name; rename one")
    if clause.section not in sections:
        add("unknown_section", f"section '{clause.section}' is not in the recipe")
    for key, texts in (("title", clause.title), ("text", clause.text)):
        for lang in LANGUAGES:
            if not texts.get(lang, "").strip():
                add("missing_language", f"{key}.{lang} is missing or empty")
    for requirement in clause.covers:
        if requirement not in REQUIREMENTS:
            add(
                "unknown_requirement",
                f"covers '{requirement}'; known: {', '.join(REQUIREMENTS)}",
            )
    for variable in clause.variables:
        if not is_context_path(variable):
            add("undefined_variable", f"variables: '{variable}' is not in the context")
    sources = [(f"text.{lang}", lang, text) for lang, text in clause.text.items()]
    if clause.condition is not None:
        sources.append(("condition", "", "{{ " + clause.condition + " }}"))
    for where, lang, source in sources:
        try:
            messages = _check_text(clause, lang, source, where)
        except TemplateSyntaxError as exc:
            add("template_syntax", f"{where}: line {exc.lineno}: {exc.message}")
            continue
        for message in messages:
            add("undefined_variable", message)
    return found


def lint_library(
    library_dir: Path = LIBRARY_DIR, recipe_path: Path = RECIPE_PATH
) -> list[LintProblem]:
    """Every problem in the library, all at once; empty when it is clean."""
    problems: list[LintProblem] = []
    try:
        sections = {s.section for s in read_recipe(recipe_path)}
    except ClauseError as exc:
        return [LintProblem(recipe_path.name, "unreadable", str(exc))]
    clauses: list[Clause] = []
    for path in clause_paths(library_dir):
        try:
            clauses.append(read_clause(path))
        except ClauseError as exc:
            problems.append(LintProblem(path.name, "unreadable", str(exc)))
    ids = {c.id for c in clauses}
    for clause in clauses:
        problems += lint_clause(clause, sections)
        for other in clause.alternatives:
            if other not in ids:
                problems.append(
                    LintProblem(
                        clause.path.name,
                        "unknown_alternative",
                        f"alternatives: no clause '{other}'",
                    )
                )
    covered = {r for c in clauses for r in c.covers}
    for requirement in REQUIREMENTS:
        if requirement not in covered:
            problems.append(
                LintProblem(
                    library_dir.name,
                    "uncovered_requirement",
                    f"no clause covers '{requirement}'; add it to a clause's covers",
                )
            )
    return problems
