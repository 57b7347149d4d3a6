"""Inputs no schema describes, sent to every operation: no 5xx, and others are still answered.

Fuzzing draws requests from the schemas; `_unschemed` builds the rest (deep nesting,
duplicate keys, numbers no 64-bit type holds, broken Unicode, 1 MB fields, 10,000 query
parameters, 8 KB headers, 64 KB URLs, `Transfer-Encoding` tricks) for each operation of the
spec in turn, on a space populated from the spec's links. After each operation a bystander
space's list must still answer 200; at the end the server's log holds no traceback.
"""

from __future__ import annotations

from collections import Counter

import httpx
import pytest

from tests._support.examples import effective_spec, example_parameters
from tests._support.live import LiveServer, Storage
from tests.reliability import _figures as figures
from tests.reliability._unschemed import Target, exchange, probes
from tests.reliability._world import API_KEY_SCHEME, BEARER_SCHEME, operations, populate, session

pytestmark = pytest.mark.reliability


def _bystander_path() -> str:
    """A list any key may read: the first keyed GET that needs no parameter."""
    return next(
        op.path
        for op in operations()
        if op.method == "get"
        and API_KEY_SCHEME in op.schemes
        and not example_parameters(effective_spec(), op.spec)
    )


@pytest.mark.timeout(1200)
def test_inputs_no_schema_describes_get_no_5xx_on_any_operation(storage: Storage) -> None:
    outcomes: Counter[tuple[str, int | None]] = Counter()
    failures: list[str] = []
    bystander_path = _bystander_path()
    with LiveServer(storage) as server:
        probed, bystander = populate(storage, server.base_url, ("probed", "bystander")).spaces
        with httpx.Client(base_url=server.base_url, timeout=30) as http:
            covered = 0
            for op in operations():
                bearer = None
                if BEARER_SCHEME in op.schemes:
                    # A fresh running session each: a probe may stop the one before.
                    bearer, _ = session(server.base_url, probed, start=True, http=http)
                target = Target.of(op, probed.ids, probed.api_key, bearer)
                for probe in probes(target):
                    status = exchange(server.port, probe)
                    outcomes[(probe.family, status)] += 1
                    if status is not None and status >= 500:
                        failures.append(f"{op.label}: {probe.family}: {probe.name} -> {status}")
                covered += 1
                answer = http.get(bystander_path, headers={"X-API-KEY": bystander.api_key})
                assert answer.status_code == 200, f"after {op.label}: {answer.status_code}"
        log = storage.log.read_text(encoding="utf-8", errors="replace")
    sent = sum(outcomes.values())
    by_family: dict[str, Counter[str]] = {}
    for (family, status), count in outcomes.items():
        by_family.setdefault(family, Counter())["closed" if status is None else str(status)] += (
            count
        )
    summary = "; ".join(
        f"{family} {sum(counts.values())} ({', '.join(f'{s}: {n}' for s, n in sorted(counts.items()))})"
        for family, counts in by_family.items()
    )
    errors = sum(n for (_, status), n in outcomes.items() if status is not None and status >= 500)
    figures.record(
        f"inputs no schema describes ({storage.backend})",
        f"{sent} requests over {covered} operations, {errors} 5xx: {summary}",
    )
    assert covered == len(operations())
    assert not failures, "\n".join(failures[:50])
    assert "Traceback" not in log, log[log.index("Traceback") - 2000 :][:6000]
