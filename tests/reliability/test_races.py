"""Races on sessions and references, on both backends (two server processes on PostgreSQL).

- N concurrent starts with one session token: exactly one 201, the rest 409.
- Concurrent stops and keep-alives of one running session: it ends once, one stop wins, and
  the balance moves by exactly the session's charge.
- Concurrent deletes of a secret while new configurations name it and new sessions name those
  configurations: no configuration is left naming a secret that is gone.

The operations are found from the spec's links (`_world`): the token operation mints the bearer,
its link starts the session, the start's links stop it and keep it alive.
"""

from __future__ import annotations

import asyncio
import itertools
from collections import Counter
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from typing import Any

import httpx
import pytest

from tests._support.examples import effective_spec, example_body
from tests._support.live import LiveServer, Storage
from tests.reliability import _figures as figures
from tests.reliability._world import (
    Operation,
    Space,
    balance,
    fill_ids,
    linked,
    operations,
    populate,
    token_operations,
)

pytestmark = pytest.mark.reliability

STARTS = 32
STOPS = 16  # and as many keep-alives, interleaved
REFERENCE_ROUNDS = 20
CREATES_PER_ROUND = 8
SETTINGS = {"LIVEAVATAR_INITIAL_CREDITS": "1000"}


@contextmanager
def _servers(storage: Storage) -> Iterator[list[LiveServer]]:
    """One server on SQLite, two sharing the database on PostgreSQL."""
    count = 2 if storage.backend == "postgresql" else 1
    with ExitStack() as stack:
        yield [stack.enter_context(LiveServer(storage)) for _ in range(count)]


def _bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def _session_token(base_url: str, space: Space, **overrides: Any) -> tuple[str, str]:
    token_op, _, token_field = token_operations()
    body = fill_ids(example_body(effective_spec(), token_op.spec), space.ids) | overrides
    answer = httpx.post(
        base_url + token_op.path, json=body, headers={"X-API-KEY": space.api_key}, timeout=30
    )
    assert answer.status_code == 200, answer.text
    data = answer.json()["data"]
    return str(data[token_field]), str(data["session_id"])


async def _all(
    calls: list[tuple[str, str, dict[str, str], Any]],
) -> list[httpx.Response]:
    """Every (method, url, headers, body) at once, each on its own connection."""

    async def one(method: str, url: str, headers: dict[str, str], body: Any) -> httpx.Response:
        async with httpx.AsyncClient(timeout=60) as http:
            return await http.request(method, url, headers=headers, json=body)

    return await asyncio.gather(*(one(*call) for call in calls))


def _concurrent_starts(urls: list[str], space: Space) -> Counter[int]:
    _, start, _ = token_operations()
    token, _ = _session_token(urls[0], space)
    calls = [
        ("POST", url + start.path, _bearer(token), None)
        for url in itertools.islice(itertools.cycle(urls), STARTS)
    ]
    return Counter(r.status_code for r in asyncio.run(_all(calls)))


def _stop_and_keep_alive(urls: list[str], space: Space) -> tuple[Counter[str], float, float]:
    """Statuses, the balance change and the session's own charge."""
    token_op, start, _ = token_operations()
    stop, keep_alive = linked(start, ".stop"), linked(start, ".keep_alive")
    get = linked(token_op, ".get")
    # Sandbox sessions are free: this one must cost something to be charged twice.
    token, session_id = _session_token(urls[0], space, is_sandbox=False)
    before = balance(urls[0], space)
    assert httpx.post(urls[0] + start.path, headers=_bearer(token)).status_code == 201
    ops = [keep_alive, stop] * STOPS
    calls = [
        ("POST", url + op.path, _bearer(token), None)
        for url, op in zip(itertools.cycle(urls), ops, strict=False)
    ]
    answers = asyncio.run(_all(calls))
    statuses = Counter(f"{op.label} {a.status_code}" for op, a in zip(ops, answers, strict=True))
    after = balance(urls[-1], space)
    session = httpx.get(
        urls[-1] + get.path.format(session_id=session_id), headers={"X-API-KEY": space.api_key}
    ).json()["data"]
    assert session.get("end_at"), f"the session did not end: {session}"
    return statuses, before - after, float(session["credits_consumed"])


def _producer_of(name: str) -> Operation:
    """The create whose links hand out ``name`` from `data.id`."""
    for op in operations():
        for link in op.links().values():
            values = {**link.get("parameters", {}), **(link.get("requestBody") or {})}
            if values.get(name) == "$response.body#/data/id" and op.method == "post":
                return op
    raise AssertionError(f"no create produces {name}")


def _deleter_of(name: str) -> Operation:
    return next(op for op in operations() if op.method == "delete" and op.path_parameters == [name])


def _references_round(urls: list[str], space: Space) -> Counter[tuple[str, int]]:
    """Delete a secret while configurations (and sessions through them) are made to name it."""
    spec = effective_spec()
    secrets, configs = _producer_of("secret_id"), _producer_of("config_id")
    token_op, _, _ = token_operations()
    headers = {"X-API-KEY": space.api_key}
    made = httpx.post(
        urls[0] + secrets.path, json=example_body(spec, secrets.spec), headers=headers
    )
    assert made.status_code == 200, made.text
    secret_id = made.json()["data"]["id"]
    ids = {**space.ids, "secret_id": secret_id}
    config_body = fill_ids(example_body(spec, configs.spec), ids)
    first = httpx.post(urls[0] + configs.path, json=config_body, headers=headers)
    assert first.status_code == 200, first.text
    config_id = first.json()["data"]["id"]
    delete_secret = _deleter_of("secret_id")
    delete_config = _deleter_of("config_id")
    # Every optional field, so the session names the configuration (and its space's objects).
    session_body = fill_ids(
        example_body(spec, token_op.spec, all_fields=True),
        {**ids, "llm_configuration_id": config_id},
    )
    assert session_body["llm_configuration_id"] == config_id
    sane = httpx.post(urls[0] + token_op.path, json=session_body, headers=headers)
    assert sane.status_code == 200, sane.text  # valid while the configuration is there
    cycle = itertools.cycle(urls)
    # The first configuration goes as the rest start: the secret becomes free to delete while
    # new configurations name it, and new sessions name the configuration that is going.
    planned: list[tuple[Operation, str, Any]] = [
        (delete_config, delete_config.path.format(config_id=config_id), None)
    ]
    for index in range(CREATES_PER_ROUND):
        planned.append((configs, configs.path, config_body))
        planned.append((token_op, token_op.path, session_body))
        if index % 2 == 0:
            planned.append((delete_secret, delete_secret.path.format(secret_id=secret_id), None))
    calls = [(op.method.upper(), next(cycle) + path, headers, body) for op, path, body in planned]
    answers = asyncio.run(_all(calls))
    return Counter(
        (op.label, answer.status_code) for (op, _, _), answer in zip(planned, answers, strict=True)
    )


def _dangling(url: str, space: Space) -> list[str]:
    """Configurations naming a secret the space no longer has."""
    secrets, configs = _producer_of("secret_id"), _producer_of("config_id")
    headers = {"X-API-KEY": space.api_key}
    held = {item["id"] for item in httpx.get(url + secrets.path, headers=headers).json()["data"]}
    listed = httpx.get(url + configs.path, headers=headers).json()["data"]
    return [item["id"] for item in listed if item["secret_id"] not in held]


@pytest.mark.timeout(900)
def test_sessions_and_references_survive_races(storage: Storage) -> None:
    storage = Storage(storage.data_dir, storage.database_url, settings=SETTINGS)
    with _servers(storage) as servers:
        urls = [server.base_url for server in servers]
        space = populate(storage, urls[0], ("racer",)).spaces[0]

        starts = _concurrent_starts(urls, space)
        assert starts == {201: 1, 409: STARTS - 1}, starts

        statuses, charged, consumed = _stop_and_keep_alive(urls, space)
        stops = {k: n for k, n in statuses.items() if "stop" in k}
        assert sum(n for k, n in stops.items() if k.endswith(" 200")) == 1, statuses
        assert all(k.endswith((" 200", " 409")) for k in statuses), statuses
        assert consumed > 0, consumed
        assert charged == consumed, (charged, consumed)

        reference_statuses: Counter[tuple[str, int]] = Counter()
        for _ in range(REFERENCE_ROUNDS):
            reference_statuses.update(_references_round(urls, space))
        server_errors = {k: n for k, n in reference_statuses.items() if k[1] >= 500}
        dangling = [d for url in urls for d in _dangling(url, space)]
    figures.add("race server errors", sum(server_errors.values()))
    figures.add("dangling references", len(dangling))
    figures.record(
        f"races ({storage.backend}, {len(urls)} servers)",
        f"{STARTS} starts -> {dict(starts)}; stop/keep-alive -> {dict(statuses)}, "
        f"charged {charged} = consumed {consumed}; {REFERENCE_ROUNDS} reference rounds, "
        f"{len(dangling)} dangling",
    )
    print(dict(sorted(reference_statuses.items())))
    assert not server_errors, reference_statuses
    assert not dangling, f"configurations naming deleted secrets: {dangling}"
