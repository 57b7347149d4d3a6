"""bench/openapi.large.json is what bench/make_large_spec.py makes, and at least 10x ours."""

from __future__ import annotations

import json
from pathlib import Path

from generate import operations

from bench.make_large_spec import render


def test_committed_large_spec_is_what_the_script_writes(root: Path) -> None:
    committed = (root / "bench" / "openapi.large.json").read_text("utf-8")
    assert committed == render(root / "openapi.json"), "run `make bench-spec` and commit"


def test_large_spec_is_at_least_ten_times_ours(root: Path) -> None:
    ours = json.loads((root / "openapi.json").read_text("utf-8"))
    large = json.loads((root / "bench" / "openapi.large.json").read_text("utf-8"))
    assert len(operations(large)) >= 10 * len(operations(ours))
    assert len(large["components"]["schemas"]) >= 9 * len(ours["components"]["schemas"])
    ids = [op["operationId"] for item in large["paths"].values() for op in item.values()]
    assert len(set(ids)) == len(ids)
