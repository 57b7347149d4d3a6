"""Schemathesis fuzzing of every operation against the live server: no 5xx but an unhandled 501.

The space is populated first (`_world.populate`): three of four generated path ids are pointed at
real objects of the space, and so are the `<x>_id` fields of three of four bodies, so requests
get past the 404 and the 400. Operations that accept a bearer session
token get a real one (a created session's where only bearer is accepted, a running session's on
every other example where the key works too); a token is replaced after its request succeeded,
since that may have started or ended its session.
"""

from __future__ import annotations

import json
from collections import Counter
from typing import Any

import httpx
import hypothesis
import pytest
import schemathesis
from generate import operations as operations_of
from hypothesis import HealthCheck, Phase
from hypothesis.errors import Unsatisfiable
from schemathesis import GenerationMode
from schemathesis.core.result import Ok
from schemathesis.schemas import APIOperation
from schemathesis.transport.requests import ManagedCookiesSession

from tests._support.bodies import SPEC
from tests._support.live import LiveServer, Storage
from tests.reliability import _figures as figures
from tests.reliability._world import (
    API_KEY_SCHEME,
    BEARER_SCHEME,
    Space,
    World,
    fill_ids,
    populate,
    session,
)

pytestmark = pytest.mark.reliability

# Requests for the whole run, shared by every operation and both modes: about 8 minutes on 2
# busy cores (16,000 requests). A spec with more operations gets fewer examples per operation.
BUDGET = 16_000
MIN_EXAMPLES = 50
# The operation has no handler yet: the server answers it 501 with the envelope, by design.
NOT_IMPLEMENTED = 501


class Credentials:
    """The headers of the next example of an operation: the key, or a live session's bearer.

    It holds the connections too: one keep-alive `requests` session for the generated requests
    (schemathesis opens a new one per call otherwise) and one httpx client minting tokens.
    """

    def __init__(self, world: World, space: Space) -> None:
        self.world, self.space = world, space
        self.tokens: dict[bool, str] = {}
        self.turn = 0
        # Drops the cookies of each answer before the next request, as schemathesis' runner does.
        self.connection = ManagedCookiesSession()
        self.http = httpx.Client(timeout=30)

    def close(self) -> None:
        self.connection.close()
        self.http.close()

    def headers(self, schemes: set[str]) -> tuple[dict[str, str], bool | None]:
        """Headers, and which token they carry (True: a running session's) or None (the key)."""
        self.turn += 1
        if BEARER_SCHEME not in schemes or (API_KEY_SCHEME in schemes and self.turn % 2):
            return {"X-API-KEY": self.space.api_key}, None
        running = API_KEY_SCHEME in schemes
        if running not in self.tokens:
            self.tokens[running], _ = session(
                self.world.base_url, self.space, start=running, http=self.http
            )
        return {"Authorization": f"Bearer {self.tokens[running]}"}, running

    def used(self, running: bool | None, status: int) -> None:
        if running is not None and 200 <= status < 300:
            del self.tokens[running]


def examples_per_operation(operation_count: int) -> int:
    return max(MIN_EXAMPLES, BUDGET // (2 * operation_count))


def _fuzz(
    operation: APIOperation[Any, Any, Any, Any],
    examples: int,
    mode: GenerationMode,
    credentials: Credentials,
    counts: Counter[str],
    server_errors: list[str],
) -> None:
    """Up to ``examples`` generated requests for one operation in one mode; count and check each."""
    label = f"{operation.label} [{mode.value}]"
    security = operation.definition.raw.get("security") or ()
    schemes = {name for requirement in security for name in requirement}

    @hypothesis.settings(
        max_examples=examples,
        phases=[Phase.generate],
        database=None,
        deadline=None,
        derandomize=True,  # the same examples every run: a failure reproduces
        suppress_health_check=list(HealthCheck),
    )
    @hypothesis.given(case=operation.as_strategy(generation_mode=mode))
    def run(case: schemathesis.Case[Any]) -> None:
        aimed = counts[label] % 4 != 3
        for name in case.path_parameters or {}:
            if name in credentials.space.ids and aimed:
                case.path_parameters[name] = credentials.space.ids[name]
        if aimed and isinstance(case.body, dict):
            case.body = fill_ids(case.body, credentials.space.ids)
        headers, token = credentials.headers(schemes)
        response = case.call(
            base_url=credentials.world.base_url,
            session=credentials.connection,
            headers=headers,
            timeout=30,
        )
        credentials.used(token, response.status_code)
        counts[label] += 1
        if response.status_code < 300:
            counts[f"{operation.label} 2xx"] += 1
        if response.status_code >= 500 and response.status_code != NOT_IMPLEMENTED:
            server_errors.append(f"{label}: {response.status_code} for {case.as_curl_command()}")

    try:
        run()
    except Unsatisfiable:
        return  # no negative case exists for this schema; the positive run still counts


@pytest.mark.timeout(900)  # minutes of live traffic: above the suite's 300 s default
def test_fuzzing_finds_no_server_error(sqlite_storage: Storage) -> None:
    storage = Storage(sqlite_storage.data_dir, settings={"LIVEAVATAR_INITIAL_CREDITS": "100000"})
    schema = schemathesis.openapi.from_path(str(SPEC))
    operations = [result.ok() for result in schema.get_all_operations() if isinstance(result, Ok)]
    # Deletes last: the objects the other operations are pointed at exist while they run.
    operations.sort(key=lambda op: op.method.lower() == "delete")
    assert len(operations) == len(operations_of(json.loads(SPEC.read_text("utf-8"))))
    examples = examples_per_operation(len(operations))
    counts: Counter[str] = Counter()
    server_errors: list[str] = []
    with LiveServer(storage) as server:
        world = populate(storage, server.base_url, ("fuzz",))
        credentials = Credentials(world, world.spaces[0])
        try:
            for operation in operations:
                for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):
                    _fuzz(operation, examples, mode, credentials, counts, server_errors)
        finally:
            credentials.close()
    accepted = Counter({k.removesuffix(" 2xx"): n for k, n in counts.items() if k.endswith(" 2xx")})
    for key in accepted:
        del counts[f"{key} 2xx"]
    figures.record("fuzz requests", sum(counts.values()))
    figures.record("fuzz 5xx", len(server_errors))
    assert not server_errors, "\n".join(server_errors[:20])
    per_operation = Counter({op.label: 0 for op in operations})
    for label, count in counts.items():
        per_operation[label.rsplit(" [", 1)[0]] += count
    # An operation with no input at all has one request to send; the others get the full share.
    has_input = {
        op.label for op in operations if op.body or any(True for _ in op.iter_parameters())
    }
    short = {
        label: n
        for label, n in per_operation.items()
        if n < (examples if label in has_input else 1)
    }
    figures.record(
        "fuzz examples per operation (positive + negative)",
        f"{min(n for label, n in per_operation.items() if label in has_input)}"
        f"-{max(per_operation.values())} for the {len(has_input)} operations with input"
        f" ({examples} per mode), {len(operations) - len(has_input)} without input sent once",
    )
    # The tokens and the ids pointed at the space's objects are real: requests get through.
    figures.record(
        "fuzz operations answered 2xx",
        f"{len(accepted)} of {len(operations)}; never: "
        f"{sorted(set(per_operation) - set(accepted))}",
    )
    assert not short, f"fewer than {examples} examples: {short}"
    print("examples per operation and mode:", dict(sorted(counts.items())))
    print("2xx answers per operation:", dict(sorted(accepted.items())))
