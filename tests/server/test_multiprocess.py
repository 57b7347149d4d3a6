"""Several server processes on one database stay consistent (separate engines, real HTTP)."""

from __future__ import annotations

from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest
from liveavatar_server import Store, build_app
from liveavatar_server.testing import serve_app

from tests.server._catalog_fixtures import SECRET, ok
from tests.server.conftest import make_store


@pytest.fixture
def twin_urls(store: Store, tmp_path: Path, secret_key: str) -> Iterator[tuple[str, str, Store]]:
    """Two apps, each with its own Store (engine and pool) on the module's database."""
    twin = make_store(tmp_path, store.settings.database_url, secret_key)
    with serve_app(build_app(store)) as first, serve_app(build_app(twin)) as second:
        yield first, second, twin
    twin.close()


def test_writes_through_one_server_are_seen_by_the_other(
    store: Store, twin_urls: tuple[str, str, Store]
) -> None:
    first, second, _ = twin_urls
    key = store.create_api_key(store.create_space("twins"))
    headers = {"X-API-KEY": key}
    secret = ok(httpx.post(first + "/v1/secrets", json=SECRET, headers=headers))
    config = ok(
        httpx.post(
            second + "/v1/llm-configurations",
            json={"display_name": "d", "model_name": "m", "secret_id": secret["id"]},
            headers=headers,
        )
    )
    assert httpx.delete(first + f"/v1/secrets/{secret['id']}", headers=headers).status_code == 409
    assert (
        ok(httpx.get(first + f"/v1/llm-configurations/{config['id']}", headers=headers)) == config
    )


def test_concurrent_creates_through_both_servers_are_all_kept_in_order(
    store: Store, twin_urls: tuple[str, str, Store]
) -> None:
    first, second, _ = twin_urls
    key = store.create_api_key(store.create_space("race"))
    headers = {"X-API-KEY": key}
    secret_id = ok(httpx.post(first + "/v1/secrets", json=SECRET, headers=headers))["id"]
    body = {"display_name": "d", "model_name": "m", "secret_id": secret_id}

    def create(index: int) -> str:
        url = first if index % 2 else second
        return str(
            ok(httpx.post(url + "/v1/llm-configurations", json=body, headers=headers, timeout=30))[
                "id"
            ]
        )

    with ThreadPoolExecutor(max_workers=8) as pool:
        created = set(pool.map(create, range(40)))
    assert len(created) == 40
    seen_first = [c["id"] for c in ok(httpx.get(first + "/v1/llm-configurations", headers=headers))]
    seen_second = [
        c["id"] for c in ok(httpx.get(second + "/v1/llm-configurations", headers=headers))
    ]
    assert seen_first == seen_second
    assert set(seen_first) == created


def test_deleting_a_secret_while_another_server_uses_it_never_orphans_a_configuration(
    store: Store, twin_urls: tuple[str, str, Store]
) -> None:
    """Race delete-secret (one server) against create-configuration (the other) a few times."""
    first, second, _ = twin_urls
    key = store.create_api_key(store.create_space("race-delete"))
    headers = {"X-API-KEY": key}
    outcomes = set()
    for _ in range(12):
        secret_id = ok(httpx.post(first + "/v1/secrets", json=SECRET, headers=headers))["id"]
        body = {"display_name": "d", "model_name": "m", "secret_id": secret_id}
        with ThreadPoolExecutor(max_workers=2) as pool:
            deleting = pool.submit(
                httpx.delete, first + f"/v1/secrets/{secret_id}", headers=headers, timeout=30
            )
            creating = pool.submit(
                httpx.post,
                second + "/v1/llm-configurations",
                json=body,
                headers=headers,
                timeout=30,
            )
            deleted, created = deleting.result(), creating.result()
        pair = (deleted.status_code, created.status_code)
        assert pair in {(200, 400), (409, 200)}, (pair, deleted.text, created.text)
        outcomes.add(pair)
        if created.status_code == 200:
            cid = created.json()["data"]["id"]
            assert ok(httpx.get(first + f"/v1/llm-configurations/{cid}", headers=headers))
            ok(httpx.delete(first + f"/v1/llm-configurations/{cid}", headers=headers))
            ok(httpx.delete(first + f"/v1/secrets/{secret_id}", headers=headers))
