"""The authorization matrix, from the spec: every operation x every wrong credential x both spaces.

Two spaces hold an object behind every path parameter of the spec (`_world.populate`). Each
operation is sent a valid request aimed at one space's objects (path, body ids) with each
credential that must not act on them: none, a wrong key, the other space's key, a bearer token
of the other space's running session, the owner's ended session's token, the owner's key where
only bearer is accepted and the owner's bearer where only the key is. Every answer must be
documented and below 500; a credential failure must be 401; the other space's key must not reach
an object by path or by a body id; no answer to a stranger names an id of the owner's; and the
owner's space reads the same before and after. Last, the owner's own credential on every
operation (deletes last) proves the requests were valid enough to reach their objects.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable
from typing import Any

import httpx
import pytest

from tests._support.live import LiveServer, Storage
from tests.reliability import _figures as figures
from tests.reliability._world import (
    API_KEY_SCHEME,
    BEARER_SCHEME,
    Operation,
    Space,
    World,
    operations,
    populate,
)

pytestmark = pytest.mark.reliability

WRONG_KEY = "la_" + "0" * 43
# Sessions must stay as they are for the whole matrix: nothing ends by itself meanwhile.
SETTINGS = {
    "LIVEAVATAR_SANDBOX_SESSION_DURATION": "3600",
    "LIVEAVATAR_SESSION_IDLE_TIMEOUT": "3600",
    "LIVEAVATAR_INITIAL_CREDITS": "1000",
}

Credential = Callable[[Operation, Space, Space], dict[str, str] | None]


def _bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def _none(op: Operation, owner: Space, other: Space) -> dict[str, str] | None:
    return {}


def _wrong_key(op: Operation, owner: Space, other: Space) -> dict[str, str] | None:
    return {"X-API-KEY": WRONG_KEY}


def _other_key(op: Operation, owner: Space, other: Space) -> dict[str, str] | None:
    return {"X-API-KEY": other.api_key}


def _other_bearer(op: Operation, owner: Space, other: Space) -> dict[str, str] | None:
    return _bearer(other.tokens["running"])


def _ended_token(op: Operation, owner: Space, other: Space) -> dict[str, str] | None:
    return _bearer(owner.tokens["ended"])


def _key_where_bearer_only(op: Operation, owner: Space, other: Space) -> dict[str, str] | None:
    only_bearer = op.schemes == {BEARER_SCHEME}
    return {"X-API-KEY": owner.api_key} if only_bearer else None


def _bearer_where_key_only(op: Operation, owner: Space, other: Space) -> dict[str, str] | None:
    only_key = op.schemes == {API_KEY_SCHEME}
    return _bearer(owner.tokens["running"]) if only_key else None


# Credentials that prove nothing but their own failure: 401 on every secured operation.
FAILING: dict[str, Credential] = {
    "no credentials": _none,
    "wrong key": _wrong_key,
    "API key where only bearer": _key_where_bearer_only,
    "bearer where only API key": _bearer_where_key_only,
}
# Valid credentials of the wrong space or a dead session: documented, never the owner's objects.
STRANGERS: dict[str, Credential] = {
    "other space's key": _other_key,
    "other space's session token": _other_bearer,
    "ended session's token": _ended_token,
}


def _snapshot(world: World, owner: Space) -> dict[str, Any]:
    """Everything the owner can read: every GET of the spec on the owner's objects."""
    seen: dict[str, Any] = {}
    for op in operations():
        if op.method != "get" or API_KEY_SCHEME not in op.schemes:
            continue
        answer = world.request(op, owner, {"X-API-KEY": owner.api_key})
        body: Any = answer.json() if "json" in answer.headers.get("content-type", "") else None
        seen[op.label] = (answer.status_code, body if body is not None else answer.content)
    return seen


def _names_owned(answer: httpx.Response, owner: Space, other: Space) -> set[str]:
    """Ids of the owner's objects (not also the other's) in an answer to a stranger."""
    text = answer.text
    return {value for value in owner.owned - other.owned if value in text}


def _expected(op: Operation, kind: str) -> set[int]:
    if not op.schemes:
        return op.documented
    if kind in FAILING:
        return {401}
    if kind == "other space's session token" and BEARER_SCHEME not in op.schemes:
        return {401}
    if kind == "ended session's token":
        return {401} if BEARER_SCHEME not in op.schemes else op.documented - {200, 201, 204}
    if kind == "other space's key":
        if API_KEY_SCHEME not in op.schemes:
            return {401}
        if op.path_parameters:
            return {404}  # another space's object reads exactly like an unknown one
    return op.documented


def _targets(op: Operation, owner: Space) -> bool:
    """Whether the request names an object of the owner's (by path or by a body id)."""
    if op.path_parameters:
        return True
    body = json.dumps(op.spec.get("requestBody", {}))
    return any(f'"{name}"' in body for name in owner.ids)


def _judge(
    op: Operation, kind: str, owner: Space, other: Space, answer: httpx.Response
) -> list[str]:
    where = f"{op.label} on {owner.name}'s objects with {kind}"
    found = []
    if answer.status_code not in _expected(op, kind):
        found.append(f"{where}: {answer.status_code} {answer.text[:160]}")
    if answer.status_code >= 500:
        found.append(f"{where}: server error {answer.status_code}")
    if kind == "other space's key" and _targets(op, owner) and answer.is_success:
        found.append(f"{where}: reached the object ({answer.status_code})")
    if op.schemes and _names_owned(answer, owner, other):
        found.append(f"{where}: answer names the owner's ids")
    return found


@pytest.mark.timeout(900)
def test_no_credential_reaches_another_space(sqlite_storage: Storage) -> None:
    storage = Storage(sqlite_storage.data_dir, settings=SETTINGS)
    cells: Counter[str] = Counter()
    problems: list[str] = []
    with LiveServer(storage) as server:
        world = populate(storage, server.base_url)
        pairs = [(world.spaces[0], world.spaces[1]), (world.spaces[1], world.spaces[0])]
        for owner, other in pairs:
            # Every credential of this phase is a stranger's to the owner: nothing may move.
            before = _snapshot(world, owner)
            for op in operations():
                for kind, credential in {**FAILING, **STRANGERS}.items():
                    headers = credential(op, owner, other)
                    if headers is None:
                        continue
                    answer = world.request(op, owner, headers)
                    cells[kind] += 1
                    problems += _judge(op, kind, owner, other, answer)
            after = _snapshot(world, owner)
            problems += [
                f"{owner.name}'s space changed under strangers: {label}: {after[label]}"
                for label, seen in before.items()
                if after[label] != seen
            ]
        # The owner's own credential reaches every object: the requests were aimed right.
        owner_statuses: Counter[int] = Counter()
        for op in sorted(operations(), key=lambda op: op.method == "delete"):
            for owner, _ in pairs:
                if API_KEY_SCHEME in op.schemes or not op.schemes:
                    headers = {"X-API-KEY": owner.api_key}
                else:
                    headers = _bearer(owner.tokens["fresh"])
                answer = world.request(op, owner, headers)
                cells["owner's credential"] += 1
                owner_statuses[answer.status_code] += 1
                if answer.status_code not in op.documented or answer.status_code >= 500:
                    problems.append(f"{op.label} by {owner.name}: {answer.status_code}")
    total = sum(cells.values())
    figures.record("authorization matrix cells", total)
    figures.record("authorization matrix problems", len(problems))
    print(
        f"authorization matrix: {len(operations())} operations x {len(FAILING) + len(STRANGERS)}"
        f" credentials x 2 spaces (+ owner controls) = {total} cells; by credential:"
        f" {dict(cells)}; owner statuses {dict(owner_statuses)}"
    )
    assert not problems, "\n".join(problems[:40])
    assert owner_statuses[200] + owner_statuses[201] + owner_statuses[204] > total // 20
