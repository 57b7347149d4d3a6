"""Every operation of the spec, called with a valid request built from the spec, answers as documented."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from tests._support.examples import (
    effective_spec,
    example_body,
    example_parameters,
    spec_operations,
)
from tests.integration.conftest import Server

# An operation the server has no handler for yet answers 501 with the envelope, by design.
NOT_IMPLEMENTED = 501


def _operations() -> list[tuple[str, str, dict[str, Any]]]:
    return spec_operations()


@pytest.mark.parametrize(
    ("method", "path", "op"),
    _operations(),
    ids=[f"{method.upper()} {path}" for method, path, _ in _operations()],
)
def test_a_valid_request_gets_a_documented_status(
    server: Server, method: str, path: str, op: dict[str, Any]
) -> None:
    spec = effective_spec()
    values = example_parameters(spec, op)
    answer = httpx.request(
        method.upper(),
        server.url + path.format(**values.get("path", {})),
        params=values.get("query"),
        json=example_body(spec, op),
        headers={"X-API-KEY": server.api_key},
        timeout=30,
    )
    documented = {int(status) for status in op["responses"] if status.isdigit()}
    assert answer.status_code in documented | {NOT_IMPLEMENTED}, answer.text[:300]
    if answer.headers.get("content-type", "").startswith("application/json"):
        assert "code" in answer.json() or "detail" in answer.json(), answer.text[:300]
