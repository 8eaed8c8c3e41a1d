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


MAX_ROWS = 12
LISTS: dict[str, tuple[tuple[str, ...], str, int]] = {
    "suppliers": (PARTY_FIELDS, "supplier", 2),
    "roles": (("party", "responsibilities"), "role", 2),
    "ownership.shares": (("party", "percent"), "share", 2),
    "added_values": (
        ("description", "indicator", "baseline", "target", "responsible"),
        "added_value",
        2,
    ),
    "signatories": (("party", "name", "role", "place"), "signatory", 3),
    "appendices": (("number", "title"), "appendix", 2),
}
_INDEX = re.compile(r"^([a-z_.]+)\[(\d+)\]")


def _rows_needed(values: Mapping[str, str]) -> dict[str, int]:
    """Rows per list: the default, or one more than the last filled row."""
    counts = {prefix: default for prefix, (_, _, default) in LISTS.items()}
    for name, value in values.items():
        match = _INDEX.match(name)
        if match and match[1] in LISTS and value.strip():
            counts[match[1]] = max(counts[match[1]], int(match[2]) + 2)
    return {prefix: min(count, MAX_ROWS) for prefix, count in counts.items()}


def _list_rows(prefix: str, count: int) -> list[Group]:
    names, heading, _ = LISTS[prefix]
    if prefix == "suppliers":
        return [
            Group(heading, _party(f"suppliers[{i}]"), optional=i > 0)
            for i in range(count)
        ]
    return _rows(prefix, count, names, heading)


def form_groups(values: Mapping[str, str] | None = None) -> tuple[Group, ...]:
    """The form's fieldsets, with room for every filled row of `values` and one
    empty row more."""
    rows = _rows_needed(values or {})
    return (
        Group(
            "agreement",
            (Field("language", "select", ("sv", "en")), Field("title")),
        ),
        Group("authority", _party("authority")),
        *_list_rows("suppliers", rows["suppliers"]),
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
        *_list_rows("roles", rows["roles"]),
        Group(
            "steering_group",
            (
                Field("steering_group.members_per_party", "number"),
                Field("steering_group.chair"),
                Field("steering_group.meeting_frequency"),
            ),
        ),
        Group("ownership", (Field("ownership.model", "select", MODELS),)),
        *_list_rows("ownership.shares", rows["ownership.shares"]),
        Group(
            "procurement",
            (
                Field("procurement.planned", "checkbox"),
                Field("procurement.procedure"),
                Field("procurement.expected_time"),
                Field("procurement.publication_channel"),
            ),
        ),
        *_list_rows("added_values", rows["added_values"]),
        Group(
            "terms",
            (
                Field("confidentiality_years", "number"),
                Field("personal_data", "checkbox"),
                Field("governing_law"),
                Field("venue"),
            ),
        ),
        *_list_rows("signatories", rows["signatories"]),
        *_list_rows("appendices", rows["appendices"]),
    )


def form_fields(values: Mapping[str, str] | None = None) -> dict[str, Field]:
    """Every field of the form for `values`, by name."""
    return {f.name: f for g in form_groups(values) for f in g.fields}


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
    for field in form_fields(form).values():
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
    for field in _spec_fields(spec).values():
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


def _spec_fields(spec: Mapping[str, Any]) -> dict[str, Field]:
    """The form's fields with a row for every list item of `spec`."""
    sizes: dict[str, str] = {}
    for prefix in LISTS:
        node: Any = spec
        for part in prefix.split("."):
            node = node.get(part) if isinstance(node, dict) else None
        if isinstance(node, list) and node:
            sizes[f"{prefix}[{len(node) - 1}].x"] = "x"
    return form_fields(sizes)


def example_form() -> dict[str, str]:
    """The shipped example deal description as form values."""
    from assembler.init import example_spec_text

    return form_from_spec(yaml.safe_load(example_spec_text()))
