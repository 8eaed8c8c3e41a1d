"""schemathesis against the served OpenAPI description: generated requests to
every operation get documented statuses and bodies and never a server error.
Bounded: a few derandomised examples per operation, against one live server.

(Hypothesis drives the operations' strategies directly: schemathesis' lazy
pytest fixture loader does not run under pytest 9.)
"""

from __future__ import annotations

import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis import Case
from schemathesis.specs.openapi.checks import positive_data_acceptance

# Any bytes are a schema-valid `file`, yet only a real agreement is accepted:
# whether an upload is readable is decided by its content, not by the schema.
content_decides = positive_data_acceptance


def test_the_api_keeps_its_description(live_server: str) -> None:
    api = schemathesis.openapi.from_url(f"{live_server}/api/openapi.json")
    operations = [result.ok() for result in api.get_all_operations()]
    assert {op.label for op in operations} == {
        "GET /api/health",
        "POST /api/check",
        "POST /api/annotate",
        "POST /api/assemble",
    }
    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(
            max_examples=6,
            deadline=None,
            derandomize=True,
            database=None,
            suppress_health_check=list(HealthCheck),
        )
        def call(case: Case) -> None:
            case.call_and_validate(timeout=60, excluded_checks=[content_decides])

        call()
