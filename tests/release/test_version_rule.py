"""The version rule (tools/release.py) and where the spec's version shows: wheel, client, server, suite."""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import SimpleNamespace
from typing import Any, ClassVar, cast

import httpx
import liveavatar
import pytest
from liveavatar_contract import _cli as contract_cli
from packaging.version import Version
from release import (
    ReleaseError,
    ReleaseSettings,
    breaking_step,
    dist_version,
    load_settings,
    release_facts,
    spec_version,
)

from tests.conftest import ROOT

PROVENANCE = ROOT / "generated" / "PROVENANCE.json"


def _spec(version: str) -> dict[str, Any]:
    return {"openapi": "3.1.0", "info": {"title": "t", "version": version}, "paths": {}}


@pytest.mark.parametrize(
    ("info_version", "revision", "expected"),
    [
        ("0.1.0", 0, "0.1.0.post0"),
        ("0.2.0", 3, "0.2.0.post3"),
        ("1.0.0-rc.1", 1, "1.0.0rc1.post1"),  # semver pre-release, PEP 440 spelling
    ],
)
def test_the_rule_puts_the_spec_version_first_and_the_revision_after(
    info_version: str, revision: int, expected: str
) -> None:
    facts = release_facts(_spec(info_version), ReleaseSettings(revision))
    assert facts == {
        "spec_version": info_version,
        "toolkit_revision": revision,
        "version": expected,
    }


def test_versions_sort_by_spec_first_then_by_toolkit_revision() -> None:
    built = [
        Version(dist_version(spec_version(_spec(spec)), revision))
        for spec, revision in [("0.1.0", 0), ("0.1.0", 1), ("0.1.0", 7), ("0.2.0", 0), ("1.0.0", 0)]
    ]
    assert built == sorted(built)
    assert len(set(built)) == len(built)
    # The first release was a bare 0.1.0: its successor at the same spec sorts above it.
    assert Version("0.1.0") < built[0]


@pytest.mark.parametrize("bad", ["", "next", "0.1.0-next", "1!1.0", "1.0.post2", "1.0+local"])
def test_a_spec_version_the_rule_cannot_extend_is_refused(bad: str) -> None:
    with pytest.raises(ReleaseError, match=r"info\.version"):
        release_facts(_spec(bad), ReleaseSettings(0))


def test_a_negative_revision_is_refused() -> None:
    with pytest.raises(ReleaseError, match="toolkit_revision"):
        dist_version(Version("1.0.0"), -1)


@pytest.mark.parametrize(
    ("old", "new", "major"),
    [
        ("0.1.0", "0.2.0", True),
        ("0.1.0", "0.1.5", False),
        ("0.9.0", "1.0.0", True),
        ("1.2.0", "1.9.0", False),
        ("1.2.0", "2.0.0", True),
        ("2.0.0", "1.0.0", False),
    ],
)
def test_a_major_step_is_the_first_number_or_the_second_while_the_first_is_zero(
    old: str, new: str, major: bool
) -> None:
    assert breaking_step(Version(old), Version(new)) is major


def test_settings_name_what_is_missing(tmp_path: Path) -> None:
    path = tmp_path / "release.toml"
    path.write_text('toolkit_revision = "one"\n', encoding="utf-8")
    with pytest.raises(ReleaseError, match="integer"):
        load_settings(path)
    path.write_text('toolkit_revision = 2\n[[acknowledged]]\nchange = "x"\n', encoding="utf-8")
    with pytest.raises(ReleaseError, match="version, reason"):
        load_settings(path)


def test_provenance_records_the_rule_applied_to_the_committed_settings() -> None:
    provenance = json.loads(PROVENANCE.read_text(encoding="utf-8"))
    effective = json.loads((ROOT / "generated" / "openapi.effective.json").read_text("utf-8"))
    assert provenance["release"] == release_facts(effective, load_settings())


def test_the_client_knows_its_version_and_the_spec_version_it_speaks() -> None:
    release = json.loads(PROVENANCE.read_text(encoding="utf-8"))["release"]
    assert liveavatar.__version__ == release["version"]
    assert liveavatar.__spec_version__ == release["spec_version"]
    assert {"__version__", "__spec_version__"} <= set(liveavatar.__all__)


class _Recorder(BaseHTTPRequestHandler):
    agents: ClassVar[list[str | None]] = []

    def do_GET(self) -> None:
        self.agents.append(self.headers.get("User-Agent"))
        body = json.dumps({"code": 100, "data": [], "message": "ok"}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture
def recorder() -> Iterator[str]:
    """A loopback HTTP server answering every GET with an empty list; its base URL."""
    _Recorder.agents = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Recorder)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_the_user_agent_names_the_client_and_the_spec_versions(recorder: str) -> None:
    with liveavatar.LiveAvatar("key", base_url=recorder, max_retries=0) as client:
        client.llm_configurations.list()
    # A caller's own httpx client gets it too, unless its owner chose a User-Agent.
    with liveavatar.LiveAvatar("key", base_url=recorder, http_client=httpx.Client()) as client:
        client.llm_configurations.list()
    chosen = httpx.Client(headers={"User-Agent": "my-app/1"})
    with liveavatar.LiveAvatar("key", base_url=recorder, http_client=chosen) as client:
        client.llm_configurations.list()
    ours = (
        f"liveavatar-python/{liveavatar.__version__} (LiveAvatar API {liveavatar.__spec_version__})"
    )
    assert _Recorder.agents == [ours, ours, "my-app/1"]


def test_the_server_says_its_version_and_the_spec_version() -> None:
    release = json.loads(PROVENANCE.read_text(encoding="utf-8"))["release"]
    done = subprocess.run(
        [sys.executable, "-m", "liveavatar_server", "--version"],
        capture_output=True, text=True, timeout=120, check=True,
    )  # fmt: skip
    expected = f"liveavatar-server {release['version']} (LiveAvatar API {release['spec_version']})"
    assert done.stdout.strip() == expected


def test_the_verdict_header_names_the_suite_and_the_judged_spec_versions(
    capsys: pytest.CaptureFixture[str],
) -> None:
    release = json.loads(PROVENANCE.read_text(encoding="utf-8"))["release"]
    summary = {
        "spec": "liveavatar_models/openapi.effective.json",
        "spec_version": "9.9.9",  # the judged spec's own version, whatever was passed
        "suite_version": release["version"],
        "reached": {},
        "not_judged": {},
        "unreached": [],
        "warnings": [],
        "schemathesis_warnings": {},
        "resource_classes": {},
    }
    probe = SimpleNamespace(findings=[], failures=[], not_implemented=set())
    options = argparse.Namespace(
        url="http://x", api_key_2=None, tag=[], operation_id=[], seed=1, max_time=1,
        report_dir=Path("r"), reports=False, require_all=False, strict=False,
    )  # fmt: skip
    contract_cli._verdict(options, 1, cast(Any, probe), None, summary)
    lines = capsys.readouterr().out.splitlines()
    header = lines.index("== liveavatar-contract verdict ==")
    assert release["version"] in lines[header + 1]
    assert "API 9.9.9" in lines[header + 1]
