"""The deal description: a YAML file validated into typed, frozen pydantic models."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path
from typing import Annotated, Any, Literal

import yaml
from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationError,
    ValidationInfo,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

from assembler.errors import SpecError, SpecIssue
from assembler.spec_lines import issues_from_validation, line_map, yaml_issue

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
Language = Literal["sv", "en"]
OwnershipModel = Literal["each_own", "joint", "authority", "supplier"]
PartyKind = Literal["kommun", "region", "myndighet", "bolag", "forskningsinstitut"]
ORG_NUMBER = re.compile(r"(\d{6})-?(\d{4})")


def is_luhn_valid(digits: str) -> bool:
    """Luhn (mod 10) over the ten digits of a Swedish organisation number."""
    total = 0
    for index, char in enumerate(digits):
        product = int(char) * (2 if index % 2 == 0 else 1)
        total += product - 9 if product > 9 else product
    return total % 10 == 0


def _org_number(value: Any) -> Any:
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str):
        return value
    match = ORG_NUMBER.fullmatch(value.strip())
    if match is None:
        raise PydanticCustomError(
            "org_number_format",
            "{value} is not an organisation number of the form NNNNNN-NNNN",
            {"value": value},
        )
    if not is_luhn_valid(match[1] + match[2]):
        raise PydanticCustomError(
            "org_number_checksum",
            "{value} fails the checksum; check the last digit",
            {"value": value},
        )
    return f"{match[1]}-{match[2]}"


OrgNumber = Annotated[str, BeforeValidator(_org_number)]


class Model(BaseModel):
    """Frozen, closed models: an unknown field is an error, not silently ignored."""

    model_config = ConfigDict(extra="forbid", frozen=True, coerce_numbers_to_str=True)


class Party(Model):
    """A contracting authority or a supplier."""

    name: Text = Field(description="Full legal name, e.g. 'Helsingborgs stad'.")
    org_number: OrgNumber = Field(description="Organisationsnummer, NNNNNN-NNNN.")
    short_name: Text = Field(description="Name used in the text, e.g. 'Kommunen'.")
    address: Text
    kind: PartyKind = "bolag"


class Project(Model):
    name: Text
    need: Text = Field(description="The problem that no product on the market solves.")
    goal: Text
    start_date: date
    end_date: date
    location: Text
    budget_note: Text

    @field_validator("end_date")
    @classmethod
    def _after_start(cls, value: date, info: ValidationInfo) -> date:
        start = info.data.get("start_date")
        if isinstance(start, date) and value <= start:
            raise PydanticCustomError(
                "date_order",
                "{end} must be after start_date {start}",
                {"end": value.isoformat(), "start": start.isoformat()},
            )
        return value


class Role(Model):
    party: Text = Field(description="A short_name of a party.")
    responsibilities: tuple[Text, ...] = Field(min_length=1)


class SteeringGroup(Model):
    members_per_party: int = Field(ge=1, le=5)
    chair: Text | None = Field(
        default=None, description="A short_name; the authority when omitted."
    )
    meeting_frequency: Text


class Share(Model):
    party: Text
    percent: int = Field(gt=0, le=100)


class Ownership(Model):
    model: OwnershipModel
    shares: tuple[Share, ...] = Field(
        default=(), description="For model 'joint' only; the percents sum to 100."
    )

    @field_validator("shares")
    @classmethod
    def _shares_fit_model(
        cls, value: tuple[Share, ...], info: ValidationInfo
    ) -> tuple[Share, ...]:
        model = info.data.get("model")
        if model == "joint":
            total = sum(share.percent for share in value)
            if len(value) < 2 or total != 100:
                raise PydanticCustomError(
                    "shares_total",
                    "joint ownership needs a share per owner summing to 100; "
                    "these sum to {total}",
                    {"total": total},
                )
        elif value and model is not None:
            raise PydanticCustomError(
                "shares_unused",
                "shares are only for model 'joint', not '{model}'; remove them",
                {"model": model},
            )
        return value


class Procurement(Model):
    planned: bool
    procedure: Text | None = None
    expected_time: Text | None = None
    publication_channel: Text = Field(
        description="Where all potential tenderers get the same information."
    )

    @model_validator(mode="after")
    def _planned_needs_details(self) -> Procurement:
        if self.planned and (self.procedure is None or self.expected_time is None):
            raise PydanticCustomError(
                "procurement_details",
                "a planned procurement needs procedure and expected_time",
            )
        return self


class AddedValue(Model):
    description: Text
    indicator: Text
    baseline: Text
    target: Text
    responsible: Text = Field(description="A short_name of a party.")


class Signatory(Model):
    party: Text
    name: Text
    role: Text
    place: Text


class Appendix(Model):
    number: int = Field(ge=1)
    title: Text


class Spec(Model):
    """A complete deal description; the single input of the assembler."""

    model_config = ConfigDict(
        extra="forbid",
        frozen=True,
        coerce_numbers_to_str=True,
        title="OPI deal description",
    )

    language: Language
    title: Text
    authority: Party
    suppliers: tuple[Party, ...] = Field(min_length=1)
    project: Project
    roles: tuple[Role, ...] = Field(
        default=(), description="Omit for default tasks per party."
    )
    steering_group: SteeringGroup
    ownership: Ownership
    procurement: Procurement
    added_values: tuple[AddedValue, ...] = Field(min_length=1)
    confidentiality_years: int = Field(default=3, ge=1, le=10)
    personal_data: bool = False
    governing_law: Text
    venue: Text
    signatories: tuple[Signatory, ...] = Field(min_length=1)
    appendices: tuple[Appendix, ...] = ()

    @property
    def parties(self) -> tuple[Party, ...]:
        """The authority first, then the suppliers."""
        return (self.authority, *self.suppliers)


def _references(spec: Spec) -> list[tuple[tuple[str | int, ...], str]]:
    """Cross-field mistakes: unknown party names, duplicates."""
    found: list[tuple[tuple[str | int, ...], str]] = []
    names = [p.short_name for p in spec.parties]
    known = ", ".join(names)
    seen: set[str] = set()
    for index, party in enumerate(spec.parties):
        path: tuple[str | int, ...] = (
            ("authority",) if index == 0 else ("suppliers", index - 1)
        )
        if party.short_name in seen:
            found.append(((*path, "short_name"), f"'{party.short_name}' is used twice"))
        seen.add(party.short_name)
    refs: list[tuple[tuple[str | int, ...], str | None]] = [
        (("steering_group", "chair"), spec.steering_group.chair)
    ]
    refs += [(("roles", i, "party"), r.party) for i, r in enumerate(spec.roles)]
    refs += [
        (("ownership", "shares", i, "party"), s.party)
        for i, s in enumerate(spec.ownership.shares)
    ]
    refs += [
        (("added_values", i, "responsible"), v.responsible)
        for i, v in enumerate(spec.added_values)
    ]
    refs += [
        (("signatories", i, "party"), s.party) for i, s in enumerate(spec.signatories)
    ]
    for path, name in refs:
        if name is not None and name not in names:
            found.append((path, f"'{name}' is not a party; use one of: {known}"))
    with_roles = {role.party for role in spec.roles}
    if spec.roles and set(names) - with_roles:
        lacking = ", ".join(n for n in names if n not in with_roles)
        found.append((("roles",), f"no tasks for {lacking}; give every party a role"))
    numbers = [a.number for a in spec.appendices]
    for index, number in enumerate(numbers):
        if number in numbers[:index]:
            found.append((("appendices", index, "number"), f"{number} is used twice"))
    return found


def parse_spec(text: str, *, source: str = "<spec>") -> Spec:
    """Validate YAML text into a Spec; SpecError lists every mistake with its line."""
    try:
        root = yaml.compose(text)
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise SpecError(source, [yaml_issue(exc)]) from exc
    lines = line_map(root)
    if not isinstance(data, dict):
        raise SpecError(source, [SpecIssue("<root>", "must be a mapping", 1)])
    try:
        spec = Spec.model_validate(data)
    except ValidationError as exc:
        raise SpecError(source, issues_from_validation(exc, lines)) from exc
    problems = _references(spec)
    if problems:
        raise SpecError(
            source, [lines.issue(path, message) for path, message in problems]
        )
    return spec


def load_spec(path: Path) -> Spec:
    """Read and validate a deal description file."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise SpecError(str(path), [SpecIssue("<file>", str(exc), None)]) from exc
    return parse_spec(text, source=str(path))


def spec_schema() -> str:
    """The JSON Schema of the deal description, as committed in spec.schema.json."""
    schema = Spec.model_json_schema()
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"
