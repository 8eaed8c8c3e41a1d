"""The rendering context: the deal description plus defaults, as clauses see it."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from assembler.spec import Language, Party, Role, Spec, SteeringGroup


def default_roles(spec: Spec, labels: Mapping[str, Any]) -> tuple[Role, ...]:
    """Default tasks per party kind (from labels.yaml) when the deal gives none."""
    defaults = labels["default_roles"]
    return tuple(
        Role(
            party=party.short_name,
            responsibilities=tuple(
                defaults["authority" if party is spec.authority else "supplier"]
            ),
        )
        for party in spec.parties
    )


def _steering_group(spec: Spec) -> SteeringGroup:
    chair = spec.steering_group.chair or spec.authority.short_name
    return spec.steering_group.model_copy(update={"chair": chair})


def build_context(
    spec: Spec, labels: Mapping[str, Any], *, language: Language
) -> dict[str, Any]:
    """Every name documented in clauses/README.md, for clause text and templates."""
    parties: tuple[Party, ...] = spec.parties
    return {
        "language": language,
        "title": spec.title,
        "authority": spec.authority,
        "suppliers": spec.suppliers,
        "parties": parties,
        "project": spec.project,
        "roles": spec.roles or default_roles(spec, labels),
        "steering_group": _steering_group(spec),
        "ownership": spec.ownership,
        "procurement": spec.procurement,
        "added_values": spec.added_values,
        "confidentiality_years": spec.confidentiality_years,
        "personal_data": spec.personal_data,
        "governing_law": spec.governing_law,
        "venue": spec.venue,
        "signatories": spec.signatories,
        "appendices": spec.appendices,
    }
