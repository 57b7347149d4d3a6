"""The realtime suite passes on the reference server and catches every planted socket defect."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import AbstractContextManager
from pathlib import Path

import pytest
from liveavatar_contract.realtime import main as realtime_main
from liveavatar_server.testing import LocalServer, serve, serve_app

from tests.contract._realtime_defects import DEFECTS, Defect, DefectProxy

SPEED = 20.0  # the reference server plays audio 20 times faster than real time
OPTIONS = ["--max-examples", "6", "--steps", "10", "--playback-factor", str(1 / SPEED)]


@pytest.fixture(scope="module")
def local() -> Iterator[LocalServer]:
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("LIVEAVATAR_PLAYBACK_SPEED", str(SPEED))
        patch.setenv("LIVEAVATAR_REALTIME_POLL_INTERVAL", "0.1")
        with serve() as server:
            yield server


def _serve(app: DefectProxy) -> AbstractContextManager[str]:
    return serve_app(app, log_level="error")


def _verdict(
    url: str, key: str, report: Path, monkeypatch: pytest.MonkeyPatch
) -> tuple[int, dict[str, object]]:
    monkeypatch.setenv("API_KEY", key)
    code = realtime_main(["--url", url, *OPTIONS, "--report", str(report)])
    return code, json.loads(report.read_text()) if report.exists() else {}


def test_the_reference_server_passes(
    local: LocalServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    code, verdict = _verdict(local.url, local.spaces[0].api_key, tmp_path / "r.json", monkeypatch)
    assert code == 0, verdict
    assert verdict["violation"] is None


def test_a_faithful_proxy_passes(
    local: LocalServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with _serve(DefectProxy(local.url, None)) as url:
        code, verdict = _verdict(url, local.spaces[0].api_key, tmp_path / "r.json", monkeypatch)
        assert code == 0, verdict


def test_there_are_at_least_five_defects() -> None:
    assert len({defect.caught_by for defect in DEFECTS}) >= 5


@pytest.mark.parametrize("defect", DEFECTS, ids=[defect.name for defect in DEFECTS])
def test_a_planted_defect_is_caught(
    local: LocalServer, defect: Defect, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with _serve(DefectProxy(local.url, defect)) as url:
        code, verdict = _verdict(url, local.spaces[0].api_key, tmp_path / "r.json", monkeypatch)
        assert code == 1, verdict
        violation = verdict["violation"]
        assert isinstance(violation, dict)
        assert violation["invariant"] == defect.caught_by, violation
