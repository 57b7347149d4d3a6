"""One fuzzing worker: schemathesis on a share of the spec's operations, in a space of its own.

`fuzz_space` runs in a process of its own (`test_fuzz.py` starts one per share): it populates
its space (`_world.populate`), then fuzzes its operations in the order given (deletes last), and
returns what it saw as a `Tally`. Three of four generated path ids and `<x>_id` body fields are
pointed at real objects of the space, in turn at each of its candidate id sets (the base ids,
then one per typed variant such as a secret of each `secret_type`), so requests get past the
404 and the 400 and a body needing one type of object meets it. Operations that accept a bearer
session token get a real one (a created session's where only bearer is accepted, a running
session's on every other example where the key works too); a token is replaced after its
request succeeded, since that may have started or ended its session.
"""

from __future__ import annotations

import time
import warnings
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

import httpx
import hypothesis
import schemathesis
from hypothesis import HealthCheck, Phase
from hypothesis.errors import Unsatisfiable
from schemathesis import GenerationMode
from schemathesis.core.result import Ok
from schemathesis.schemas import APIOperation
from schemathesis.transport.requests import ManagedCookiesSession

from tests._support.examples import SPEC
from tests._support.live import Storage
from tests.reliability._world import (
    API_KEY_SCHEME,
    BEARER_SCHEME,
    Space,
    World,
    candidates,
    fill_ids,
    populate,
    session,
)

__all__ = ["MODES", "NOT_IMPLEMENTED", "Tally", "fuzz_space", "fuzzed_operations"]

# The operation has no handler yet: the server answers it 501 with the envelope, by design.
NOT_IMPLEMENTED = 501
MODES = (GenerationMode.POSITIVE, GenerationMode.NEGATIVE)
# One example in four keeps its generated ids: the 404 and 400 paths get fuzzed too.
AIM_EVERY = 4


def fuzzed_operations() -> list[APIOperation[Any, Any, Any, Any]]:
    """The spec's operations as schemathesis sees them, deletes last (stable otherwise)."""
    schema = schemathesis.openapi.from_path(str(SPEC))
    found = [result.ok() for result in schema.get_all_operations() if isinstance(result, Ok)]
    # Deletes last: the objects the other operations are pointed at exist while they run.
    found.sort(key=lambda op: op.method.lower() == "delete")
    return found


@dataclass
class Tally:
    """What one worker saw: requests and 2xx answers per `<label> [<mode>]`, and the problems."""

    examples: Counter[str] = field(default_factory=Counter)
    accepted: Counter[str] = field(default_factory=Counter)
    server_errors: list[str] = field(default_factory=list)
    unsatisfiable: list[str] = field(default_factory=list)  # `<label> [<mode>]`
    warnings: list[tuple[str, type[Warning]]] = field(default_factory=list)
    seconds: float = 0.0


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


def _fuzz(
    operation: APIOperation[Any, Any, Any, Any],
    examples: int,
    mode: GenerationMode,
    credentials: Credentials,
    tally: Tally,
) -> None:
    """Up to ``examples`` generated requests for one operation in one mode; count and check each."""
    label = f"{operation.label} [{mode.value}]"
    security = operation.definition.raw.get("security") or ()
    schemes = {name for requirement in security for name in requirement}
    id_sets = candidates(credentials.space)

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
        turn = tally.examples[label]
        if turn % AIM_EVERY != AIM_EVERY - 1:
            ids = id_sets[turn // AIM_EVERY % len(id_sets)]
            for name in case.path_parameters or {}:
                if name in ids:
                    case.path_parameters[name] = ids[name]
            if isinstance(case.body, dict):
                case.body = fill_ids(case.body, ids)
        headers, token = credentials.headers(schemes)
        response = case.call(
            base_url=credentials.world.base_url,
            session=credentials.connection,
            headers=headers,
            timeout=30,
        )
        credentials.used(token, response.status_code)
        tally.examples[label] += 1
        if response.status_code < 300:
            tally.accepted[label] += 1
        if response.status_code >= 500 and response.status_code != NOT_IMPLEMENTED:
            tally.server_errors.append(
                f"{label}: {response.status_code} for {case.as_curl_command()}"
            )

    try:
        run()
    except Unsatisfiable:
        tally.unsatisfiable.append(label)  # e.g. no negative case exists for this schema


def fuzz_space(
    storage: Storage, base_url: str, space: str, labels: list[str], examples: int
) -> Tally:
    """Populate ``space`` on the server, then fuzz the operations ``labels`` in that order.

    Warnings are returned, not raised: the test re-issues them under pytest's filters.
    """
    tally = Tally()
    by_label = {op.label: op for op in fuzzed_operations()}
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        world = populate(storage, base_url, (space,))
        credentials = Credentials(world, world.spaces[0])
        started = time.perf_counter()
        try:
            for label in labels:
                for mode in MODES:
                    _fuzz(by_label[label], examples, mode, credentials, tally)
        finally:
            credentials.close()
        tally.seconds = time.perf_counter() - started
    tally.warnings = [(str(w.message), w.category) for w in caught]
    return tally
