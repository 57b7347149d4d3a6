"""The import-direction lint: the real tree is clean, and a violation is caught."""

from __future__ import annotations

from pathlib import Path

from check_imports import violations

from tests.conftest import ROOT


def test_the_repository_follows_the_import_rules() -> None:
    assert violations(ROOT) == []


def test_generated_code_importing_overrides_is_caught(tmp_path: Path) -> None:
    bad = tmp_path / "generated" / "liveavatar_api" / "client.py"
    bad.parent.mkdir(parents=True)
    bad.write_text("import os\nfrom liveavatar import errors\n", encoding="utf-8")
    found = violations(tmp_path)
    assert found == [
        "generated/liveavatar_api/client.py:2: generated/liveavatar_api imports liveavatar"
    ]


def test_client_importing_the_server_is_caught_but_not_a_prefix_lookalike(tmp_path: Path) -> None:
    module = tmp_path / "overrides" / "liveavatar" / "_client.py"
    module.parent.mkdir(parents=True)
    module.write_text("import liveavatar_api\nimport liveavatar_server.app\n", encoding="utf-8")
    assert violations(tmp_path) == [
        "overrides/liveavatar/_client.py:2: overrides/liveavatar imports liveavatar_server"
    ]


def test_tests_importing_bench_are_caught_but_not_the_tests_of_bench(tmp_path: Path) -> None:
    for name in ("tests/reliability/test_x.py", "tests/bench/test_y.py"):
        module = tmp_path / name
        module.parent.mkdir(parents=True)
        module.write_text("from bench._procs import free_port\n", encoding="utf-8")
    assert violations(tmp_path) == ["tests/reliability/test_x.py:1: tests imports bench"]


def test_tools_importing_what_they_generate_is_caught(tmp_path: Path) -> None:
    module = tmp_path / "tools" / "derive.py"
    module.parent.mkdir(parents=True)
    module.write_text("import liveavatar_models\n", encoding="utf-8")
    assert violations(tmp_path) == ["tools/derive.py:1: tools imports liveavatar_models"]


def test_bench_may_use_the_test_support_and_nothing_else_of_the_tests(tmp_path: Path) -> None:
    module = tmp_path / "bench" / "_targets.py"
    module.parent.mkdir(parents=True)
    module.write_text(
        "from tests._support.live import LiveServer\nfrom tests.reliability import _load\n",
        encoding="utf-8",
    )
    assert violations(tmp_path) == ["bench/_targets.py:2: bench imports tests"]
