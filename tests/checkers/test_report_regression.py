"""Pin the JSON report of a set of corpus documents (review the YAML diff like code)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from checkers.engine import check

CORPORA = Path(__file__).resolve().parents[2] / "corpora"
DOCUMENTS = [
    "examples/sv_vardlarm_opi.docx",
    "examples/sv_skolenergi_samverkan.pdf",
    "examples/en_shuttle_pilot.txt",
    "examples/sv_digital_laxhjalp.md",
    "examples/da_velfaerd_sensorer.txt",
    "dev/sv-a/sva10_tillganglighet_etjanster.txt",
    "dev/sv-b/svb10_aterbruk_byggmaterial.txt",
    "dev/en-da/da04_sporing_hospitalsudstyr.txt",
    "dev/formats/da02_sengesensorer_plejecenter.pdf",
    "fixtures/encrypted.pdf",
]


@pytest.mark.parametrize("name", DOCUMENTS, ids=[Path(n).name for n in DOCUMENTS])
def test_report(name: str, data_regression: Any) -> None:
    path = CORPORA / name
    assert path.is_file(), f"{name} is missing: a pinned error would hide it"
    data_regression.check(check(path).to_dict())
