"""Schemathesis fuzzing of every operation against the live server: no 5xx but an unhandled 501.

The operations are split between `WORKERS` processes (`_fuzzing.fuzz_space`), each in a space
of its own on the one server, so a worker's deletes (its last operations) remove only the
objects its own operations were pointed at. Each worker is derandomized and gets the same share
every run: a failure reproduces. The share of operation ``i`` of the sorted list is ``i %
WORKERS``: the slow session operations, at the head, are dealt out to every worker.
"""

from __future__ import annotations

import json
import multiprocessing
import time
import warnings
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from itertools import repeat

import pytest
from generate import operations as operations_of

from tests._support.examples import SPEC
from tests._support.live import LiveServer, Storage
from tests.reliability import _figures as figures
from tests.reliability._fuzzing import MODES, Tally, fuzz_space, fuzzed_operations

pytestmark = pytest.mark.reliability

# Requests for the whole run, shared by every operation of the spec and both modes (about
# 500 examples per operation and mode for the published spec); a spec with more operations
# gets fewer per operation, never fewer than MIN_EXAMPLES.
BUDGET = 40_000
MIN_EXAMPLES = 50
# Fuzzing is client-bound (hypothesis generates each example in some 5 ms; the server answers
# in well under 1): a process per core of the 2-core CI machine. Fixed, not `os.cpu_count()`:
# the shares, and so the requests of each space, are the same on every machine.
WORKERS = 2


def examples_per_operation(operation_count: int) -> int:
    return max(MIN_EXAMPLES, BUDGET // (2 * operation_count))


def _run_workers(
    storage: Storage, base_url: str, labels: list[str], examples: int
) -> tuple[Tally, list[float]]:
    """Every worker's tally merged, and each one's fuzzing seconds; warnings re-issued here."""
    shares = [labels[index::WORKERS] for index in range(WORKERS)]
    spaces = [f"fuzz-{index}" for index in range(WORKERS)]
    # spawn: a fresh interpreter per worker (no forked pytest state); sys.path travels along.
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(WORKERS, mp_context=context) as pool:
        tallies = list(
            pool.map(
                fuzz_space, repeat(storage), repeat(base_url), spaces, shares, repeat(examples)
            )
        )
    merged = Tally()
    for tally in tallies:
        merged.examples.update(tally.examples)
        merged.accepted.update(tally.accepted)
        merged.server_errors += tally.server_errors
        merged.unsatisfiable += tally.unsatisfiable
        for message, category in tally.warnings:
            warnings.warn(message, category, stacklevel=1)
    merged.seconds = max(tally.seconds for tally in tallies)
    return merged, [tally.seconds for tally in tallies]


@pytest.mark.timeout(900)  # minutes of live traffic: above the suite's 300 s default
def test_fuzzing_finds_no_server_error(sqlite_storage: Storage) -> None:
    storage = Storage(sqlite_storage.data_dir, settings={"LIVEAVATAR_INITIAL_CREDITS": "100000"})
    operations = fuzzed_operations()
    assert len(operations) == len(operations_of(json.loads(SPEC.read_text("utf-8"))))
    examples = examples_per_operation(len(operations))
    with LiveServer(storage) as server:
        started = time.perf_counter()
        labels = [op.label for op in operations]
        tally, worker_seconds = _run_workers(storage, server.base_url, labels, examples)
        seconds = time.perf_counter() - started
    requests = sum(tally.examples.values())
    figures.record("fuzz requests", requests)
    figures.record(
        "fuzz throughput",
        f"{requests / tally.seconds:.0f} requests/s over {WORKERS} processes (fuzzing"
        f" {', '.join(f'{s:.0f}' for s in worker_seconds)} s; {seconds:.0f} s with populating"
        " and start-up)",
    )
    figures.record("fuzz 5xx", len(tally.server_errors))
    assert not tally.server_errors, "\n".join(tally.server_errors[:20])
    per_operation = Counter({op.label: 0 for op in operations})
    for label, count in tally.examples.items():
        per_operation[label.rsplit(" [", 1)[0]] += count
    accepted = {label.rsplit(" [", 1)[0] for label in tally.accepted}
    # An operation with no input at all has one request to send; the others get the full
    # count in each mode (but a mode with no case at all, such as a negative of nothing).
    has_input = {
        op.label for op in operations if op.body or any(True for _ in op.iter_parameters())
    }
    short = {
        f"{op.label} [{mode.value}]": tally.examples[f"{op.label} [{mode.value}]"]
        for op in operations
        for mode in MODES
        if op.label in has_input
        and f"{op.label} [{mode.value}]" not in tally.unsatisfiable
        and tally.examples[f"{op.label} [{mode.value}]"] < examples
    }
    without_input = {label: n for label, n in per_operation.items() if label not in has_input}
    short.update({label: n for label, n in without_input.items() if n < 1})
    figures.record(
        "fuzz examples per operation (positive + negative)",
        f"{min(n for label, n in per_operation.items() if label in has_input)}"
        f"-{max(per_operation.values())} for the {len(has_input)} operations with input"
        f" ({examples} per mode), {len(without_input)} without input sent once",
    )
    # The tokens and the ids pointed at the space's objects are real: requests get through.
    figures.record(
        "fuzz operations answered 2xx",
        f"{len(accepted)} of {len(operations)}; never: {sorted(set(per_operation) - accepted)}",
    )
    assert not short, f"fewer than {examples} examples: {short}"
    print("examples per operation and mode:", dict(sorted(tally.examples.items())))
    print("2xx answers per operation and mode:", dict(sorted(tally.accepted.items())))
    print("no case at all:", sorted(tally.unsatisfiable))
