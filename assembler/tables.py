"""The tables an agreement carries: parties, roles, added values, signatures."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from assembler.render import Table


def build_tables(
    context: Mapping[str, Any], labels: Mapping[str, Any]
) -> dict[str, tuple[Table, ...]]:
    """Tables per recipe section id, as the master template places them."""
    parties = Table(
        header=(labels["party"], labels["org_number"], labels["short_name"]),
        rows=tuple((p.name, p.org_number, p.short_name) for p in context["parties"]),
    )
    roles = Table(
        header=(labels["party"], labels["responsibilities"]),
        rows=tuple((r.party, "; ".join(r.responsibilities)) for r in context["roles"]),
    )
    values = Table(
        header=(
            labels["added_value"],
            labels["indicator"],
            labels["baseline"],
            labels["target"],
            labels["responsible"],
        ),
        rows=tuple(
            (v.description, v.indicator, v.baseline, v.target, v.responsible)
            for v in context["added_values"]
        ),
    )
    signatures = Table(
        header=(
            labels["party"],
            labels["signatory"],
            labels["signatory_role"],
            labels["place_date"],
            labels["signature"],
        ),
        rows=tuple(
            (s.party, s.name, s.role, f"{s.place}, ________", "")
            for s in context["signatories"]
        ),
    )
    return {
        "parties": (parties,),
        "roles": (roles,),
        "added_value": (values,),
        "signatures": (signatures,),
    }
