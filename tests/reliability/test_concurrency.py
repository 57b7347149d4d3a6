"""64 concurrent clients x 200 creates: no 5xx, unique ids, exact counts."""

from __future__ import annotations

import asyncio

import pytest

from tests._support.live import LiveServer, Storage
from tests.reliability._load import Ledger, create_secret, list_configurations, run_creators

pytestmark = pytest.mark.reliability

CLIENTS = 64
CREATES_PER_CLIENT = 200


@pytest.mark.timeout(900)  # minutes of live traffic: above the suite's 300 s default
def test_concurrent_creates_are_all_stored_once(storage: Storage) -> None:
    api_key = storage.provision()
    ledger = Ledger()
    with LiveServer(storage) as server:
        secret_id = create_secret(server.base_url, api_key)
        asyncio.run(
            run_creators(
                server.base_url,
                api_key,
                secret_id,
                clients=CLIENTS,
                creates_per_client=CREATES_PER_CLIENT,
                name_prefix="concurrent",
                ledger=ledger,
            )
        )
        stored = list_configurations(server.base_url, api_key)

    total = CLIENTS * CREATES_PER_CLIENT
    assert ledger.transport_errors == 0
    assert ledger.statuses == {200: total}, f"statuses: {ledger.statuses}"
    assert len(set(ledger.acknowledged.values())) == total, "an id was handed out twice"
    assert len(stored) == total
    assert {item["id"] for item in stored} == set(ledger.acknowledged.values())
    assert {item["display_name"]: item["id"] for item in stored} == ledger.acknowledged
