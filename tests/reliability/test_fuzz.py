"""Schemathesis fuzzing against the live server: >= 1000 examples per operation, no 5xx."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

import hypothesis
import pytest
import schemathesis
from generate import operations as operations_of
from hypothesis import HealthCheck, Phase
from hypothesis.errors import Unsatisfiable
from schemathesis import GenerationMode
from schemathesis.core.result import Ok
from schemathesis.schemas import APIOperation

from bench._live import LiveServer, Storage

pytestmark = pytest.mark.reliability

EXAMPLES = 1000
SPEC = Path(__file__).resolve().parents[2] / "generated" / "openapi.effective.json"


def _fuzz(
    operation: APIOperation[Any, Any, Any, Any],
    mode: GenerationMode,
    base_url: str,
    api_key: str,
    counts: Counter[str],
    server_errors: list[str],
) -> None:
    """Up to EXAMPLES generated requests for one operation in one mode; count and check each."""
    label = f"{operation.label} [{mode.value}]"

    @hypothesis.settings(
        max_examples=EXAMPLES,
        phases=[Phase.generate],
        database=None,
        deadline=None,
        derandomize=True,  # the same examples every run: a failure reproduces
        suppress_health_check=list(HealthCheck),
    )
    @hypothesis.given(case=operation.as_strategy(generation_mode=mode))
    def run(case: schemathesis.Case[Any]) -> None:
        response = case.call(base_url=base_url, headers={"X-API-KEY": api_key}, timeout=30)
        counts[label] += 1
        if response.status_code >= 500:
            server_errors.append(f"{label}: {response.status_code} for {case.as_curl_command()}")

    try:
        run()
    except Unsatisfiable:
        return  # no negative case exists for this schema; the positive run still counts


@pytest.mark.timeout(900)  # minutes of live traffic: above the suite's 300 s default
def test_fuzzing_finds_no_server_error(sqlite_storage: Storage) -> None:
    api_key = sqlite_storage.provision()
    schema = schemathesis.openapi.from_path(str(SPEC))
    operations = [result.ok() for result in schema.get_all_operations() if isinstance(result, Ok)]
    assert len(operations) == len(operations_of(json.loads(SPEC.read_text("utf-8"))))
    counts: Counter[str] = Counter()
    server_errors: list[str] = []
    with LiveServer(sqlite_storage) as server:
        for operation in operations:
            for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):
                _fuzz(operation, mode, server.base_url, api_key, counts, server_errors)
    assert not server_errors, "\n".join(server_errors[:20])
    per_operation = Counter({op.label: 0 for op in operations})
    for label, count in counts.items():
        per_operation[label.rsplit(" [", 1)[0]] += count
    short = {label: n for label, n in per_operation.items() if n < EXAMPLES}
    assert not short, f"fewer than {EXAMPLES} examples: {short}"
    print("examples per operation and mode:", dict(sorted(counts.items())))
