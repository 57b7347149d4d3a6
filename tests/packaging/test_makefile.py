"""The Makefile as a newcomer meets it: help without colour codes in a pipe, serve's HOST and
PORT, the folder-named aliases, and installs sized per role."""

from __future__ import annotations

import os
import shutil
import subprocess

import pytest

from tests.conftest import ROOT

# Targets whose recipes run a development tool (generators, linters, mypy, pytest).
DEV_TARGETS = ("generate", "check-generated", "lint", "typecheck", "test", "test-reliability")


def _make(*args: str) -> str:
    """`make -n ARGS` (a dry run: nothing is installed or run); its output."""
    make = shutil.which("make")
    if make is None:
        pytest.skip("make is not installed")
    env = {k: v for k, v in os.environ.items() if k not in ("HOST", "PORT", "MAKEFLAGS")}
    done = subprocess.run(
        [make, "-C", str(ROOT), *args],
        capture_output=True, text=True, timeout=60, check=True, env=env,
    )  # fmt: skip
    return done.stdout + done.stderr


def test_help_in_a_pipe_has_no_colour_codes() -> None:
    listing = _make("help")
    assert "\x1b" not in listing
    assert "install-dev" in listing
    assert "serve" in listing


def test_serve_takes_host_and_port() -> None:
    dry = _make("-n", "serve", "HOST=0.0.0.0", "PORT=9123")
    assert "serve --host 0.0.0.0 --port 9123" in dry
    assert "serve --host 127.0.0.1 --port 8000" in _make("-n", "serve")


@pytest.mark.parametrize(("alias", "target"), [("server", "serve"), ("tests", "test")])
def test_folder_named_aliases_run_their_target(alias: str, target: str) -> None:
    dry = _make("-n", alias)
    assert "Nothing to be done" not in dry
    assert "is up to date" not in dry
    assert dry.strip().splitlines()[-1] == _make("-n", target).strip().splitlines()[-1]


def test_install_is_the_server_extra_and_dev_targets_install_the_dev_group() -> None:
    serving = _make("-n", "-B", "install")
    assert "--extra server" in serving
    assert "--no-dev" in serving
    assert "--all-extras" not in serving
    assert "--extra server" in _make("-n", "-B", "serve")
    for target in DEV_TARGETS:
        assert "--all-extras" in _make("-n", "-B", target), target
