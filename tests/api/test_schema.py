"""Schemathesis over /openapi.json: generated requests never get a 5xx, and every answer
matches the documented schema (slow: over a thousand requests on the sample store)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import positive_data_acceptance

from faultline.api import create_app

# Generated cases per reading operation and for POST /api/code (which runs the coder), and
# the total the run must reach across all operations.
EXAMPLES = 110
CODE_EXAMPLES = 40
REQUIRED_REQUESTS = 1000
OPERATIONS = 11  # every route of the API
# A well-formed text may still be unusable (not English, nothing left after cleaning): the
# coder's 422 for it is right, so /api/code skips the "valid data is accepted" check.
CONTENT_CHECKED = {"POST /api/code"}


def conformance(operation: schemathesis.APIOperation,
                sent: dict[str, int]) -> Callable[[], None]:
    """A hypothesis test sending the operation's generated cases and checking each answer."""
    coder = operation.label in CONTENT_CHECKED
    excluded = [positive_data_acceptance] if coder else []

    @given(case=operation.as_strategy())
    @settings(max_examples=CODE_EXAMPLES if coder else EXAMPLES, deadline=None,
              database=None, derandomize=True, suppress_health_check=list(HealthCheck))
    def check(case: schemathesis.Case) -> None:
        sent[case.operation.label] = sent.get(case.operation.label, 0) + 1
        case.call_and_validate(excluded_checks=excluded)

    return check  # type: ignore[no-any-return]


@pytest.mark.slow
def test_api_conforms_to_its_schema(sample_db: Path) -> None:
    schema = schemathesis.openapi.from_asgi("/openapi.json", create_app(sample_db))
    sent: dict[str, int] = {}
    for result in schema.get_all_operations():
        conformance(result.ok(), sent)()
    assert len(sent) == OPERATIONS, sorted(sent)
    assert sum(sent.values()) >= REQUIRED_REQUESTS, sent
