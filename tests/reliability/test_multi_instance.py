"""Two server processes on one PostgreSQL database: interleaved writes and reads agree."""

from __future__ import annotations

import asyncio

import httpx
import pytest

from tests._support.live import LiveServer, Storage
from tests.reliability._load import (
    CONFIGS,
    Ledger,
    create_body,
    create_secret,
    list_configurations,
    run_creators,
)

pytestmark = pytest.mark.reliability

STEPS = 40


def _clients(a: LiveServer, b: LiveServer, api_key: str) -> tuple[httpx.Client, httpx.Client]:
    headers = {"X-API-KEY": api_key}
    return (
        httpx.Client(base_url=a.base_url, headers=headers, timeout=30),
        httpx.Client(base_url=b.base_url, headers=headers, timeout=30),
    )


def test_each_instance_sees_the_other_ones_writes_at_once(postgres_storage: Storage) -> None:
    api_key = postgres_storage.provision()
    with LiveServer(postgres_storage) as a, LiveServer(postgres_storage) as b:
        first, second = _clients(a, b, api_key)
        with first, second:
            secret_on_a = create_secret(a.base_url, api_key)
            for step in range(STEPS):
                writer, reader = (first, second) if step % 2 == 0 else (second, first)
                body = create_body(CONFIGS, display_name=f"step-{step}", secret_id=secret_on_a)
                created = writer.post(CONFIGS, json=body)
                assert created.status_code == 200, created.text
                config = created.json()["data"]
                # The other instance reads it at once, field for field.
                seen = reader.get(f"{CONFIGS}/{config['id']}")
                assert seen.status_code == 200, seen.text
                assert seen.json()["data"] == config
                # The reader updates it; the writer sees the update and the new updated_at.
                patched = reader.patch(f"{CONFIGS}/{config['id']}", json={"model_name": f"m{step}"})
                assert patched.status_code == 200, patched.text
                again = writer.get(f"{CONFIGS}/{config['id']}").json()["data"]
                assert again == patched.json()["data"]
                assert again["model_name"] == f"m{step}"
                if step % 4 == 3:
                    # Deleted through one, gone from both.
                    assert writer.delete(f"{CONFIGS}/{config['id']}").status_code == 200
                    assert reader.get(f"{CONFIGS}/{config['id']}").status_code == 404
                    assert writer.get(f"{CONFIGS}/{config['id']}").status_code == 404
            listed_a = first.get(CONFIGS).json()["data"]
            listed_b = second.get(CONFIGS).json()["data"]
            assert listed_a == listed_b
            assert len(listed_a) == STEPS - STEPS // 4
            names = [item["display_name"] for item in listed_a]
            assert names == [f"step-{s}" for s in reversed(range(STEPS)) if s % 4 != 3]


def test_concurrent_writes_through_both_instances_all_land_once(postgres_storage: Storage) -> None:
    api_key = postgres_storage.provision()
    with LiveServer(postgres_storage) as a, LiveServer(postgres_storage) as b:
        secret_id = create_secret(a.base_url, api_key)
        ledger = Ledger()

        async def both() -> None:
            await asyncio.gather(
                run_creators(
                    a.base_url, api_key, secret_id, clients=16, creates_per_client=25,
                    name_prefix="a", ledger=ledger,
                ),
                run_creators(
                    b.base_url, api_key, secret_id, clients=16, creates_per_client=25,
                    name_prefix="b", ledger=ledger,
                ),
            )  # fmt: skip

        asyncio.run(both())
        from_a = list_configurations(a.base_url, api_key)
        from_b = list_configurations(b.base_url, api_key)
    assert ledger.statuses == {200: 800}, f"statuses: {ledger.statuses}"
    assert from_a == from_b
    assert {item["display_name"]: item["id"] for item in from_a} == ledger.acknowledged
