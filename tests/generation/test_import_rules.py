"""The import rules (`.importlinter`, run by `make lint`): the real tree keeps them, and each kind of violation breaks them.

A violation is checked on a scratch tree: every root package of the contracts as an empty
stub, shadowing the installed ones, plus the one module that breaks a rule.
"""

from __future__ import annotations

import configparser
import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT

CONFIG = ROOT / ".importlinter"
LINT_IMPORTS = str(Path(sys.executable).parent / "lint-imports")


def _lint(cwd: Path, pythonpath: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": pythonpath} if pythonpath else dict(os.environ)
    return subprocess.run(
        [LINT_IMPORTS, "--config", str(CONFIG), "--no-cache", "--no-logo"],
        cwd=cwd, env=env, capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip


def _root_packages() -> list[str]:
    config = configparser.ConfigParser()
    config.read(CONFIG, encoding="utf-8")
    return config["importlinter"]["root_packages"].split()


def _violation(tmp_path: Path, module: str, source: str) -> subprocess.CompletedProcess[str]:
    """Lint a scratch tree of stub packages holding `module` (a dotted name) with `source`."""
    for package in [*_root_packages(), "tests._support", "tests.bench"]:
        folder = tmp_path.joinpath(*package.split("."))
        folder.mkdir(parents=True, exist_ok=True)
        if package != "tools":  # a namespace package, as in the real tree
            (folder / "__init__.py").write_text("", encoding="utf-8")
    (tmp_path / "tools" / "generate.py").write_text("", encoding="utf-8")
    # The imports the rules allow by exception, as the real tree has them.
    (tmp_path / "bench" / "_procs.py").write_text("import tests._support.live\n", encoding="utf-8")
    (tmp_path / "tests" / "bench" / "test_run.py").write_text("import bench._procs\n", "utf-8")
    (tmp_path / "tests" / "_support" / "live.py").write_text("", encoding="utf-8")
    (tmp_path / "liveavatar_server" / "app.py").write_text("", encoding="utf-8")
    (tmp_path / "liveavatar_server" / "testing.py").write_text("", encoding="utf-8")
    fixtures = tmp_path / "tests" / "_support" / "fixtures.py"
    fixtures.write_text("import liveavatar_server.testing\n", encoding="utf-8")
    (tmp_path / "liveavatar_models" / "spec_walk.py").write_text("", encoding="utf-8")
    examples = tmp_path / "tests" / "_support" / "examples.py"
    examples.write_text("import liveavatar_models.spec_walk\n", encoding="utf-8")
    path = tmp_path.joinpath(*module.split(".")).with_suffix(".py")
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.parent.parent != tmp_path:  # a subpackage: make it one
        (path.parent / "__init__.py").touch()
    path.write_text(source, encoding="utf-8")
    return _lint(tmp_path, str(tmp_path))


def _broken(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 1, result.stdout + result.stderr
    assert "1 broken" in result.stdout, result.stdout
    return result.stdout


def test_the_repository_keeps_every_contract() -> None:
    result = _lint(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert " 0 broken" in result.stdout


def test_the_scratch_tree_alone_keeps_every_contract(tmp_path: Path) -> None:
    result = _violation(tmp_path, "liveavatar._ok", "import liveavatar_api\n")
    assert result.returncode == 0, result.stdout + result.stderr


def test_generated_code_importing_the_client_is_caught(tmp_path: Path) -> None:
    out = _broken(_violation(tmp_path, "liveavatar_api.client", "import os\nimport liveavatar\n"))
    assert "liveavatar_api.client -> liveavatar (l.2)" in out


def test_client_importing_the_server_is_caught_but_not_a_prefix_lookalike(tmp_path: Path) -> None:
    source = "import liveavatar_api\nimport liveavatar_server.app\n"
    out = _broken(_violation(tmp_path, "liveavatar._client", source))
    assert "liveavatar._client -> liveavatar_server.app (l.2)" in out
    assert "liveavatar_api (l.1)" not in out


def test_client_importing_pydantic_is_caught(tmp_path: Path) -> None:
    out = _broken(_violation(tmp_path, "liveavatar._models", "import pydantic\n"))
    assert "liveavatar._models -> pydantic (l.1)" in out


def test_tests_importing_bench_are_caught_but_not_the_tests_of_bench(tmp_path: Path) -> None:
    source = "from bench._procs import free_port\n"
    out = _broken(_violation(tmp_path, "tests.reliability.test_x", source))
    assert "tests.reliability.test_x -> bench._procs (l.1)" in out
    assert "tests.bench.test_run" not in out  # the scratch tree's own, allowed


def test_tools_importing_what_they_generate_is_caught(tmp_path: Path) -> None:
    out = _broken(_violation(tmp_path, "tools.derive", "import liveavatar_models\n"))
    assert "tools.derive -> liveavatar_models (l.1)" in out


def test_bench_may_use_the_test_support_and_nothing_else_of_the_tests(tmp_path: Path) -> None:
    source = "from tests._support.live import LiveServer\nfrom tests.reliability import _load\n"
    (tmp_path / "tests" / "reliability").mkdir(parents=True)
    (tmp_path / "tests" / "reliability" / "__init__.py").touch()
    (tmp_path / "tests" / "reliability" / "_load.py").touch()
    out = _broken(_violation(tmp_path, "bench._targets", source))
    assert "bench._targets -> tests.reliability" in out
    assert "tests._support.live (l.1)" not in out
