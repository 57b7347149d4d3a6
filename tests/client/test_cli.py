"""The `liveavatar` console script, run in-process against a MockTransport-backed pool; its
commands come from the spec (every operation, enums as choices, nested fields, --all-pages)."""

from __future__ import annotations

import importlib.metadata
import io
import json
import shutil
import subprocess
import sys
import warnings
from pathlib import Path

import httpx
import liveavatar
import pytest
from liveavatar import LiveSession
from liveavatar._cli import main
from liveavatar_api.resources import OPERATIONS, Operation
from liveavatar_server.testing import serve

from tests._support.examples import UUID, example_value
from tests.client.conftest import (
    API_KEY,
    CONFIG,
    CONFIG_ITEM,
    SECRET_ITEM,
    SECRET_VALUE,
    ScriptedAPI,
    envelope,
)
from tests.conftest import ROOT

CREATED_SECRET = {"id": "sec_1", "secret_name": "openai"}


def cli(api: ScriptedAPI, capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(
        ["--api-key", API_KEY, "--base-url", "http://api.test", *argv],
        http_client=httpx.Client(transport=api.transport()),
    )
    out, err = capsys.readouterr()
    return code, out, err


def test_llm_configurations_commands_print_json(
    api: ScriptedAPI, capsys: pytest.CaptureFixture[str]
) -> None:
    api.script(httpx.Response(200, json=envelope(CONFIG)))
    code, out, err = cli(
        api, capsys, "llm-configurations", "create",
        "--display-name", "Assistant", "--model-name", "gpt-4o", "--secret-id", "sec_1",
    )  # fmt: skip
    assert (code, err) == (0, "")
    assert json.loads(out)["id"] == "cfg_1"
    assert api.bodies[-1] == {
        "display_name": "Assistant",
        "model_name": "gpt-4o",
        "secret_id": "sec_1",
    }

    api.script(httpx.Response(200, json=envelope([CONFIG_ITEM])))
    code, out, _ = cli(api, capsys, "llm-configurations", "list")
    assert json.loads(out) == [CONFIG_ITEM]

    api.script(httpx.Response(200, json=envelope(CONFIG)))
    code, out, _ = cli(api, capsys, "llm-configurations", "get", "cfg_1")
    assert json.loads(out)["created_at"].startswith("2026-01-01")

    code, out, _ = cli(api, capsys, "llm-configurations", "update", "cfg_1", "--model-name", "o3")
    assert api.requests[-1].method == "PATCH"
    assert api.bodies[-1] == {"model_name": "o3"}

    api.script(httpx.Response(200, json=envelope(None)))
    code, out, _ = cli(api, capsys, "llm-configurations", "delete", "cfg_1")
    assert (code, json.loads(out)) == (0, None)
    assert api.requests[-1].method == "DELETE"
    assert all(r.headers["X-API-KEY"] == API_KEY for r in api.requests)


def test_secret_value_from_stdin(
    api: ScriptedAPI, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO(SECRET_VALUE + "\n"))
    api.script(httpx.Response(200, json=envelope(CREATED_SECRET)))
    code, out, _ = cli(
        api, capsys, "secrets", "create", "--secret-name", "openai",
        "--secret-type", "OPENAI_API_KEY", "--secret-value-stdin",
    )  # fmt: skip
    assert code == 0
    assert json.loads(out) == CREATED_SECRET
    assert api.bodies[-1]["secret_value"] == SECRET_VALUE
    assert SECRET_VALUE not in out


def test_secret_value_from_an_environment_variable(
    api: ScriptedAPI, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LIVEAVATAR_SECRET_VALUE", SECRET_VALUE)
    monkeypatch.setenv("MY_VAR", "other-value")
    api.script(httpx.Response(200, json=envelope(CREATED_SECRET)))
    base = ["secrets", "create", "--secret-name", "openai", "--secret-type", "OPENAI_API_KEY"]
    assert cli(api, capsys, *base)[0] == 0
    assert cli(api, capsys, *base, "--secret-value-env", "MY_VAR")[0] == 0
    assert [b["secret_value"] for b in api.bodies] == [SECRET_VALUE, "other-value"]


def test_a_missing_secret_value_is_a_one_line_error(
    api: ScriptedAPI, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = cli(
        api, capsys, "secrets", "create", "--secret-name", "n", "--secret-type", "OPENAI_API_KEY"
    )
    assert code == 1
    assert out == ""
    assert err.count("\n") == 1
    assert "LIVEAVATAR_SECRET_VALUE" in err
    assert api.requests == []


def test_secrets_list_and_delete(api: ScriptedAPI, capsys: pytest.CaptureFixture[str]) -> None:
    api.script(httpx.Response(200, json=envelope([SECRET_ITEM])))
    code, out, _ = cli(api, capsys, "secrets", "list")
    assert code == 0
    assert json.loads(out)[0]["secret_type"] == "OPENAI_API_KEY"
    api.script(httpx.Response(200, json=envelope(None)))
    assert cli(api, capsys, "secrets", "delete", "sec_1")[0] == 0
    assert api.requests[-1].url.path == "/v1/secrets/sec_1"


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        (httpx.Response(404, json={"code": 404, "data": None, "message": "Not found"}), "NotFoundError: Error code: 404 - Not found"),
        (httpx.Response(401, text="<html>\n<h1>401</h1>\n</html>"), "AuthenticationError: Error code: 401 - Unauthorized"),
        (httpx.ConnectError("refused\nagain"), "APIConnectionError: Connection error (api.test): refused again"),
    ],
)  # fmt: skip
def test_errors_exit_non_zero_with_one_line(
    api: ScriptedAPI,
    capsys: pytest.CaptureFixture[str],
    reply: httpx.Response | Exception,
    expected: str,
) -> None:
    api.script(reply)
    code, out, err = cli(api, capsys, "--max-retries", "0", "llm-configurations", "get", "cfg_1")
    assert code == 1
    assert out == ""
    assert err == f"liveavatar: error: {expected}\n"
    assert API_KEY not in err


def test_environment_variables_are_read(
    api: ScriptedAPI, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LIVEAVATAR_API_KEY", "env-key")
    monkeypatch.setenv("LIVEAVATAR_BASE_URL", "http://env.test")
    monkeypatch.setenv("LIVEAVATAR_SESSION", "env-session")
    assert main(["secrets", "list"], http_client=httpx.Client(transport=api.transport())) == 0
    request = api.requests[0]
    assert request.url == "http://env.test/v1/secrets"
    assert request.headers["X-API-KEY"] == "env-key"
    assert request.headers["cookie"] == "la_session=env-session"


def test_no_credentials_is_a_one_line_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["secrets", "list"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "LIVEAVATAR_API_KEY" in err


def test_the_console_script_is_installed() -> None:
    script = shutil.which("liveavatar", path=str(Path(sys.executable).parent))
    assert script is not None
    result = subprocess.run(
        [script, "--help"], capture_output=True, text=True, check=True, timeout=60
    )
    assert "llm-configurations" in result.stdout


# --- commands derived from the spec ------------------------------------------------------


CONTEXT = example_value(
    json.loads((ROOT / "generated" / "openapi.effective.json").read_bytes()),
    {"$ref": "#/components/schemas/ContextSchema"},
    all_fields=True,
)


def _kebab(name: str) -> str:
    return name.replace("_", "-")


@pytest.mark.parametrize("operation", OPERATIONS, ids=lambda op: f"{op.resource}.{op.name}")
def test_every_operation_has_a_command_with_help(
    operation: Operation, capsys: pytest.CaptureFixture[str]
) -> None:
    resource, name = operation.resource, operation.name
    with pytest.raises(SystemExit) as exited:
        main([_kebab(resource), _kebab(name), "--help"])
    assert exited.value.code == 0
    out = capsys.readouterr().out
    assert f"liveavatar {_kebab(resource)} {_kebab(name)}" in out
    assert operation.path in out


def test_help_on_the_top_and_resource_levels(capsys: pytest.CaptureFixture[str]) -> None:
    for argv in (["--help"], ["sessions", "--help"], ["sessions", "open", "--help"]):
        with pytest.raises(SystemExit) as exited:
            main(argv)
        assert exited.value.code == 0
    out = capsys.readouterr().out
    assert {op.resource.replace("_", "-") for op in OPERATIONS} <= set(out.split())
    assert "Ctrl-C" in out


def test_enums_are_choices(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["secrets", "create", "--secret-name", "n", "--secret-type", "NOPE"])
    assert exited.value.code == 2
    assert "invalid choice: 'NOPE'" in capsys.readouterr().err


def test_nested_fields_json_body_and_the_oneof_mode(
    api: ScriptedAPI, capsys: pytest.CaptureFixture[str]
) -> None:
    api.script(httpx.Response(200, json=envelope({"session_id": UUID, "session_token": "t"})))
    code, out, err = cli(
        api, capsys, "sessions", "create-token", "--mode", "FULL", "--avatar-id", UUID,
        "--is-sandbox", "--avatar-persona.language", "en",
        "--json", '{"max_session_duration": 60, "avatar_persona": {"voice_id": "' + UUID + '"}}',
        "--video-settings.quality", "high",
    )  # fmt: skip
    assert (code, err) == (0, "")
    assert json.loads(out)["session_token"] == "t"
    assert api.bodies[-1] == {
        "mode": "FULL",
        "avatar_id": UUID,
        "is_sandbox": True,
        "max_session_duration": 60,
        "avatar_persona": {"voice_id": UUID, "language": "en"},
        "video_settings": {"quality": "high"},
    }


def test_a_missing_required_field_and_an_unknown_flag_are_one_line_errors(
    api: ScriptedAPI, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = cli(api, capsys, "contexts", "create", "--name", "n")
    assert code == 1
    assert "--prompt" in err
    assert err.count("\n") == 1
    code, _, err = cli(api, capsys, "contexts", "create", "--nme.x", "n")
    assert code == 1
    assert "unrecognized argument: --nme.x" in err
    assert api.requests == []


def test_all_pages(api: ScriptedAPI, capsys: pytest.CaptureFixture[str]) -> None:
    def page(number: int, last: bool) -> httpx.Response:
        data = {
            "count": 2,
            "next": None if last else "http://api.test/v1/contexts?page=2",
            "results": [{**CONTEXT, "id": f"00000000-0000-0000-0000-00000000000{number}"}],
        }
        return httpx.Response(200, json=envelope(data))

    api.script(page(1, False), page(2, True))
    code, out, _ = cli(api, capsys, "contexts", "list", "--all-pages")
    assert code == 0
    assert [c["id"][-1] for c in json.loads(out)] == ["1", "2"]
    api.script(page(1, False))
    code, out, _ = cli(api, capsys, "contexts", "list", "--page-size", "1")
    assert json.loads(out)["has_next_page"] is True
    assert api.requests[-1].url.params["page_size"] == "1"


SESSION_REPLIES = (
    httpx.Response(200, json=envelope({"session_id": UUID, "session_token": "tok"})),
    httpx.Response(
        201,
        json=envelope({"session_id": UUID, "livekit_url": "wss://lk", "livekit_client_token": "c"}),
    ),
    httpx.Response(200, json=envelope(None)),
)


def test_sessions_open_prints_the_session_and_stops_it_after_ctrl_c(
    api: ScriptedAPI, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def interrupted(session: LiveSession, timeout: float | None = None) -> bool:
        assert timeout is None  # no --for: wait for Ctrl-C
        raise KeyboardInterrupt

    monkeypatch.setattr(LiveSession, "wait", interrupted)  # stands in for the user's Ctrl-C
    api.script(*SESSION_REPLIES)
    code, out, err = cli(
        api, capsys, "sessions", "open", "--mode", "LITE", "--avatar-id", UUID, "--is-sandbox"
    )
    assert code == 0
    assert '"livekit_url": "wss://lk"' in out
    assert "Ctrl-C" in err
    assert [r.url.path for r in api.requests] == [
        "/v1/sessions/token",
        "/v1/sessions/start",
        "/v1/sessions/stop",
    ]


def test_sessions_open_for_a_while(api: ScriptedAPI, capsys: pytest.CaptureFixture[str]) -> None:
    api.script(*SESSION_REPLIES)
    code, _, err = cli(
        api, capsys, "sessions", "open", "--mode", "LITE", "--avatar-id", UUID, "--for", "0"
    )
    assert code == 0
    assert api.requests[-1].url.path == "/v1/sessions/stop"
    assert "Ctrl-C" not in err
    assert "stops after 0 s" in err


def test_a_oneof_field_required_by_every_variant_is_required(
    api: ScriptedAPI, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = cli(api, capsys, "sessions", "create-token", "--mode", "LITE")
    assert code == 1
    assert "missing --avatar-id" in err
    assert api.requests == []


# --- the edges a newcomer meets first ----------------------------------------------------


def _script() -> str:
    script = shutil.which("liveavatar", path=str(Path(sys.executable).parent))
    assert script is not None
    return script


def test_piped_into_a_reader_that_leaves_it_exits_141_quietly() -> None:
    # The reader closes the pipe before the CLI writes (as `head` does once it has its lines).
    with serve() as server:
        process = subprocess.Popen(
            [_script(), "--base-url", server.url, "avatars", "list-public"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        assert process.stdout is not None
        process.stdout.close()
        _, err = process.communicate(timeout=60)
    assert process.returncode == 141
    assert err == b""


def test_version_is_the_packages(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["--version"])
    assert exited.value.code == 0
    assert capsys.readouterr().out.strip() == f"liveavatar {liveavatar.__version__}"
    assert liveavatar.__version__ == importlib.metadata.version("liveavatar")


@pytest.mark.parametrize(
    "argv",
    [
        ("--avatar-id", "not-a-uuid"),
        ("--json", '{"avatar_id": "not-a-uuid"}'),
    ],
)
def test_a_bad_uuid_names_its_flag(
    api: ScriptedAPI, capsys: pytest.CaptureFixture[str], argv: tuple[str, str]
) -> None:
    code, _, err = cli(api, capsys, "sessions", "create-token", "--mode", "LITE", *argv)
    assert code == 1
    assert "--avatar-id: not a UUID: 'not-a-uuid'" in err
    assert api.requests == []


def test_bad_json_says_so_and_names_the_flag(
    api: ScriptedAPI, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exited:
        cli(api, capsys, "contexts", "create", "--json", "{bad")
    assert exited.value.code == 2
    err = capsys.readouterr().err
    assert "argument --json: not valid JSON" in err
    assert "invalid loads value" not in err


def test_required_flags_are_outside_the_brackets(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["sessions", "create-token", "--help"])
    usage = capsys.readouterr().out.split("\n\n")[0]
    line = usage.splitlines()[0]
    assert "--mode {FULL,LITE}" in line
    assert "--avatar-id AVATAR_ID" in line
    assert line.endswith("[options]")
    assert "[--avatar-id" not in usage


def test_a_warning_is_one_line_of_the_clis(
    api: ScriptedAPI, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LIVEAVATAR_API_KEY", "la_" + "A" * 43)  # minted by the reference server
    with warnings.catch_warnings():
        warnings.simplefilter("default")
        code = main(
            ["--base-url", "http://api.test", "secrets", "list"],
            http_client=httpx.Client(transport=api.transport()),
        )
    assert code == 0
    err = capsys.readouterr().err
    assert err.startswith("liveavatar: warning: The API key looks minted by the reference server")
    assert err.count("\n") == 1
