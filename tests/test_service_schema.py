"""Property-based run over the OpenAPI description (schemathesis), every endpoint: no 5xx, no traceback,
every answer fits the schema. Bounded: ``TOMTAT_SCHEMA_EXAMPLES`` examples per endpoint (default 30)."""
from __future__ import annotations

import os

import pytest

schemathesis = pytest.importorskip("schemathesis", reason="schemathesis not installed: scripts/setup.sh --test")
from hypothesis import HealthCheck, settings  # noqa: E402

from schemathesis import checks  # noqa: E402

from tomtat.apps.service import ServiceConfig, create_app  # noqa: E402

# Small limits so generated bodies reach them quickly; the short timeout is never hit by these inputs.
APP = create_app(ServiceConfig(max_body_bytes=200_000, max_articles=5, max_article_chars=5_000, max_clusters=3))
schema = schemathesis.openapi.from_asgi("/openapi.json", APP)


@pytest.mark.slow
@schema.parametrize()
@settings(max_examples=int(os.environ.get("TOMTAT_SCHEMA_EXAMPLES", "30")), deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
def test_api_answers_fit_the_schema_and_are_never_5xx(case):
    response = case.call()
    assert response.status_code < 500, (response.status_code, response.text[:300])
    assert "Traceback" not in response.text and "internal error" not in response.text
    # Schema-valid requests may still be refused with a documented 4xx: one length option at a time, text that
    # looks Vietnamese, the size limits. Those rules are not expressible in OpenAPI, so that one check is left out.
    excluded = [checks.positive_data_acceptance, checks.not_a_server_error]
    if response.status_code == 413:
        # A body over max_body_bytes is refused before its fields are read: a schema-violating one too, and
        # 413 is that refusal (the negative-data check lists 400/422-style codes only).
        excluded.append(checks.negative_data_rejection)
    case.validate_response(response, excluded_checks=excluded)
