"""Fixtures for the assembler: the example deal description and variants of it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from assembler.init import example_spec_text
from assembler.spec import Spec, parse_spec
from clauses.loader import Library, load_library

ROOT = Path(__file__).resolve().parents[2]
SPECS = ROOT / "corpora" / "specs"
EXTRA_SUPPLIERS = [
    {
        "name": "Sensorbolaget i Mälardalen AB",
        "org_number": "559948-7997",
        "short_name": "Sensorbolaget",
        "address": "Mälarvägen 3, 721 30 Västerås",
    },
    {
        "name": "Svensson & Co <AB>",
        "org_number": "802625-5524",
        "short_name": "Svensson",
        "address": "Torget 1, 123 45 Exempelby",
    },
]


@pytest.fixture(scope="session")
def library() -> Library:
    return load_library()


@pytest.fixture(scope="session")
def example_data() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(example_spec_text())
    return data


def variant(
    base: dict[str, Any],
    *,
    model: str = "each_own",
    suppliers: int = 1,
    appendices: bool = True,
    language: str = "sv",
) -> dict[str, Any]:
    """A copy of the example with another ownership model, party count and language."""
    data = yaml.safe_load(yaml.safe_dump(base, allow_unicode=True))
    data["language"] = language
    data["suppliers"] += EXTRA_SUPPLIERS[: suppliers - 1]
    names = [data["authority"]["short_name"]] + [
        s["short_name"] for s in data["suppliers"]
    ]
    data["roles"] += [
        {"party": s["short_name"], "responsibilities": ["att testa lösningen"]}
        for s in EXTRA_SUPPLIERS[: suppliers - 1]
    ]
    data["signatories"] += [
        {"party": s["short_name"], "name": "Ola Olsson", "role": "vd", "place": "Ort"}
        for s in EXTRA_SUPPLIERS[: suppliers - 1]
    ]
    data["ownership"] = {"model": model}
    if model == "joint":
        first = 100 - 10 * (len(names) - 1)
        data["ownership"]["shares"] = [{"party": names[0], "percent": first}] + [
            {"party": name, "percent": 10} for name in names[1:]
        ]
    if not appendices:
        data["appendices"] = []
    return data


@pytest.fixture
def make_spec(example_data: dict[str, Any]) -> Callable[..., Spec]:
    def make(**changes: Any) -> Spec:
        text = yaml.safe_dump(variant(example_data, **changes), allow_unicode=True)
        return parse_spec(text)

    return make
