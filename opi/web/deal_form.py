"""The assembly page's form: the deal description as named fields and back.

Field names are the deal description's own paths (`suppliers[0].org_number`),
so every error the assembler reports lands on the field it names. Empty fields
are left out (the validator then names what is missing); a repeated group that
is left wholly empty (a second supplier, a third added value) is dropped.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

import yaml

KINDS = ("kommun", "region", "myndighet", "bolag", "forskningsinstitut")
MODELS = ("each_own", "joint", "authority", "supplier")
PARTY_FIELDS = ("name", "org_number", "short_name", "address", "kind")


@dataclass(frozen=True, slots=True)
class Field:
    """One input: its name (a deal description path), widget and choices."""

    name: str
    widget: str = "text"  # text, textarea, lines, date, number, checkbox, select
    choices: tuple[str, ...] = ()

    @property
    def key(self) -> str:
        """The label key: the last part of the path."""
        return re.split(r"[.\]]", self.name)[-1]


@dataclass(frozen=True, slots=True)
class Group:
    """A fieldset: a heading key and its fields; `optional` groups may stay empty."""

    heading: str
    fields: tuple[Field, ...]
    optional: bool = False


def _party(prefix: str) -> tuple[Field, ...]:
    return tuple(
        Field(f"{prefix}.{name}", "select", KINDS)
        if name == "kind"
        else Field(f"{prefix}.{name}")
        for name in PARTY_FIELDS
    )


def _widget(name: str) -> str:
    if name == "responsibilities":
        return "lines"
    return "number" if name in ("number", "percent") else "text"


def _rows(prefix: str, count: int, names: tuple[str, ...], heading: str) -> list[Group]:
    """`count` numbered groups of a list; all but the first are optional (shares
    and appendices wholly)."""
    return [
        Group(
            heading,
            tuple(Field(f"{prefix}[{i}].{n}", _widget(n)) for n in names),
            optional=i > 0 or prefix in ("ownership.shares", "appendices"),
        )
        for i in range(count)
    ]


FORM: tuple[Group, ...] = (
    Group(
        "agreement",
        (Field("language", "select", ("sv", "en")), Field("title")),
    ),
    Group("authority", _party("authority")),
    Group("supplier", _party("suppliers[0]")),
    Group("supplier", _party("suppliers[1]"), optional=True),
    Group(
        "project",
        (
            Field("project.name"),
            Field("project.need", "textarea"),
            Field("project.goal", "textarea"),
            Field("project.start_date", "date"),
            Field("project.end_date", "date"),
            Field("project.location"),
            Field("project.budget_note"),
        ),
    ),
    *_rows("roles", 3, ("party", "responsibilities"), "role"),
    Group(
        "steering_group",
        (
            Field("steering_group.members_per_party", "number"),
            Field("steering_group.chair"),
            Field("steering_group.meeting_frequency"),
        ),
    ),
    Group("ownership", (Field("ownership.model", "select", MODELS),)),
    *_rows("ownership.shares", 3, ("party", "percent"), "share"),
    Group(
        "procurement",
        (
            Field("procurement.planned", "checkbox"),
            Field("procurement.procedure"),
            Field("procurement.expected_time"),
            Field("procurement.publication_channel"),
        ),
    ),
    *_rows(
        "added_values",
        3,
        ("description", "indicator", "baseline", "target", "responsible"),
        "added_value",
    ),
    Group(
        "terms",
        (
            Field("confidentiality_years", "number"),
            Field("personal_data", "checkbox"),
            Field("governing_law"),
            Field("venue"),
        ),
    ),
    *_rows("signatories", 3, ("party", "name", "role", "place"), "signatory"),
    *_rows("appendices", 2, ("number", "title"), "appendix"),
)
FIELDS: dict[str, Field] = {f.name: f for g in FORM for f in g.fields}
_TOKEN = re.compile(r"([A-Za-z_]+)|\[(\d+)\]")


def _path(name: str) -> list[str | int]:
    return [int(i) if i else key for key, i in _TOKEN.findall(name)]


def _value(field: Field, raw: str) -> Any:
    if field.widget == "checkbox":
        return raw == "on"
    if field.widget == "lines":
        return [line.strip() for line in raw.splitlines() if line.strip()]
    return raw.strip()


def spec_from_form(form: Mapping[str, str]) -> dict[str, Any]:
    """The deal description the form describes (unknown names are ignored)."""
    data: dict[str, Any] = {}
    for field in FIELDS.values():
        value = _value(field, form.get(field.name, ""))
        if value in ("", []):
            continue
        node: Any = data
        path = _path(field.name)
        for part in path[:-1]:
            node = node.setdefault(part, {})
        node[path[-1]] = value
    spec: dict[str, Any] = _lists(data)
    return spec


def _lists(node: Any) -> Any:
    """Int-keyed dicts become lists in index order; empty rows are dropped."""
    if not isinstance(node, dict):
        return node
    if node and all(isinstance(k, int) for k in node):
        rows = [_lists(node[k]) for k in sorted(node)]
        return [row for row in rows if row not in ({}, None)]
    return {k: _lists(v) for k, v in node.items()}


def form_from_spec(spec: Mapping[str, Any]) -> dict[str, str]:
    """Form values for a deal description (to prefill the page)."""
    values: dict[str, str] = {}
    for field in FIELDS.values():
        node: Any = spec
        for part in _path(field.name):
            if isinstance(part, int):
                node = (
                    node[part] if isinstance(node, list) and part < len(node) else None
                )
            else:
                node = node.get(part) if isinstance(node, dict) else None
        if node is None:
            continue
        if field.widget == "checkbox":
            values[field.name] = "on" if node else ""
        elif field.widget == "lines" and isinstance(node, list):
            values[field.name] = "\n".join(str(line) for line in node)
        elif isinstance(node, date):
            values[field.name] = node.isoformat()
        else:
            values[field.name] = str(node)
    return values


def example_form() -> dict[str, str]:
    """The shipped example deal description as form values."""
    from assembler.init import example_spec_text

    return form_from_spec(yaml.safe_load(example_spec_text()))
