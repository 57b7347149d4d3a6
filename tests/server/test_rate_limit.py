"""LIVEAVATAR_RATE_LIMIT: off by default; past the rate a key gets 429 with Retry-After."""

from __future__ import annotations

from dataclasses import replace

import httpx
import pytest
from liveavatar_server import ReferenceServer, Store
from liveavatar_server._errors import ApiError
from liveavatar_server._throttle import RateLimiter
from liveavatar_server.testing import serve_app

from tests.server.conftest import Tenant


def test_the_limit_is_off_by_default(tenant: Tenant) -> None:
    assert all(tenant.http.get("/v1/secrets").status_code == 200 for _ in range(30))


def test_a_key_past_the_rate_gets_429_with_retry_after(store: Store, tenant: Tenant) -> None:
    limited = Store.__new__(Store)
    limited.__dict__.update(store.__dict__)
    limited.settings = replace(store.settings, rate_limit=2)
    other = store.create_api_key(tenant.space_id)
    with serve_app(ReferenceServer(limited)) as url:
        answers = [
            httpx.get(url + "/v1/secrets", headers={"X-API-KEY": tenant.key}) for _ in range(5)
        ]
        assert answers[0].status_code == 200
        refused = [a for a in answers if a.status_code == 429]
        assert refused
        assert int(refused[0].headers["retry-after"]) >= 1
        assert refused[0].json() == {"code": 429, "data": None, "message": "Rate limit exceeded"}
        # Limits are per key.
        assert httpx.get(url + "/v1/secrets", headers={"X-API-KEY": other}).status_code == 200


def test_the_bucket_refills_at_the_rate() -> None:
    now = [0.0]
    limiter = RateLimiter(1, clock=lambda: now[0])
    limiter.admit("k")
    with pytest.raises(ApiError) as refused:
        limiter.admit("k")
    assert refused.value.headers == {"Retry-After": "1"}
    now[0] = 1.0
    limiter.admit("k")
