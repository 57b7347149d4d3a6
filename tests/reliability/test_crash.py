"""kill -9 during concurrent creates, >= 20 times: no acknowledged create lost, none doubled."""

from __future__ import annotations

import asyncio
import random
from collections import Counter

import pytest

from tests._support.live import LiveServer, Storage
from tests.reliability._load import Ledger, create_secret, list_configurations, run_creators

pytestmark = pytest.mark.reliability

ROUNDS = 20
CLIENTS = 16
# Each client stops at its first lost connection; the cap only bounds a round that never dies.
MAX_CREATES_PER_CLIENT = 2_000
ACKS_BEFORE_KILL = 30


async def _round(
    server: LiveServer, api_key: str, secret_id: str, index: int, ledger: Ledger
) -> None:
    """Creates from CLIENTS clients; once some are acknowledged, kill -9 at a random moment."""
    round_ledger = Ledger()
    load = asyncio.create_task(
        run_creators(
            server.base_url,
            api_key,
            secret_id,
            clients=CLIENTS,
            creates_per_client=MAX_CREATES_PER_CLIENT,
            name_prefix=f"crash-r{index}",
            ledger=round_ledger,
            stop_on_transport_error=True,
        )
    )
    for _ in range(600):  # at most 60 s for the first acknowledgements
        if len(round_ledger.acknowledged) >= ACKS_BEFORE_KILL or load.done():
            break
        await asyncio.sleep(0.1)
    await asyncio.sleep(random.Random(index).uniform(0.0, 0.3))  # land anywhere in a write
    server.kill()
    await load
    assert round_ledger.acknowledged, f"round {index}: no create acknowledged before the kill"
    assert round_ledger.transport_errors > 0, f"round {index}: the kill hit no request in flight"
    ledger.acknowledged.update(round_ledger.acknowledged)
    ledger.attempted |= round_ledger.attempted
    for status, count in round_ledger.statuses.items():
        ledger.statuses[status] = ledger.statuses.get(status, 0) + count


@pytest.mark.timeout(900)  # minutes of live traffic: above the suite's 300 s default
def test_no_acknowledged_create_is_lost_across_kill_9(storage: Storage) -> None:
    api_key = storage.provision()
    with LiveServer(storage) as server:
        secret_id = create_secret(server.base_url, api_key)
    ledger = Ledger()
    for index in range(ROUNDS):
        server = LiveServer(storage).start()
        try:
            asyncio.run(_round(server, api_key, secret_id, index, ledger))
        finally:
            server.stop()

    with LiveServer(storage) as server:
        stored = list_configurations(server.base_url, api_key)
    assert set(ledger.statuses) == {200}, f"statuses other than 200: {ledger.statuses}"
    by_name = Counter(item["display_name"] for item in stored)
    doubled = {name: n for name, n in by_name.items() if n > 1}
    assert not doubled, f"creates stored twice: {doubled}"
    assert len({item["id"] for item in stored}) == len(stored)
    ids = {item["display_name"]: item["id"] for item in stored}
    lost = {name for name in ledger.acknowledged if ids.get(name) != ledger.acknowledged[name]}
    assert not lost, f"{len(lost)} acknowledged creates lost: {sorted(lost)[:10]}"
    # Unacknowledged creates may or may not have landed, but nothing appears from nowhere.
    assert set(ids) <= ledger.attempted
    print(
        f"{storage.backend}: {ROUNDS} kills, {len(ledger.acknowledged)} acknowledged creates, "
        f"all present; {len(ids) - len(ledger.acknowledged)} unacknowledged ones landed"
    )
