"""After a full run, no plaintext secret, API key, session token or LiveKit token at rest or astray.

Secret values and the API key must appear in no database file, WAL, PostgreSQL row, server log or
response. A session token and the LiveKit tokens of a started session may appear only in the one
response that hands them out (the token's and the start's), nowhere else.
"""

from __future__ import annotations

import json
import secrets
from collections.abc import Iterator
from pathlib import Path

import httpx
import psycopg
import pytest
from psycopg import sql

from tests._support.examples import effective_spec, example_body
from tests._support.live import LiveServer, Storage
from tests.reliability import _figures as figures
from tests.reliability._load import CONFIGS, SECRETS
from tests.reliability._world import fill_ids, linked, token_operations

pytestmark = pytest.mark.reliability


def _secret_types() -> list[str]:
    """Every secret type the spec names, one secret each."""
    spec = effective_spec()
    body = spec["paths"][SECRETS]["post"]["requestBody"]["content"]["application/json"]["schema"]
    schema = spec["components"]["schemas"][body["$ref"].rsplit("/", 1)[-1]]
    ref = schema["properties"]["secret_type"]["$ref"]
    types: list[str] = spec["components"]["schemas"][ref.rsplit("/", 1)[-1]]["enum"]
    return types


TYPES = _secret_types()


def _values() -> list[str]:
    """Distinctive random secret values, one per type: ASCII, non-ASCII, one that looks like JSON."""
    shapes = ("sk-hygiene-{}", "ключ-hygiene-{}", '{{"hygiene": "{}"}}')
    return [shapes[i % len(shapes)].format(secrets.token_hex(16)) for i in range(len(TYPES))]


def spec_op(path: str) -> dict[str, object]:
    op: dict[str, object] = effective_spec()["paths"][path]["post"]
    return op


class Recorder:
    """Every response of the run, status line, headers and body, labelled by its request."""

    def __init__(self) -> None:
        self.responses: list[tuple[str, int, bytes]] = []

    def __call__(self, response: httpx.Response) -> None:
        response.read()
        request = response.request
        label = f"response {response.status_code} to {request.method} {request.url.path[:60]}"
        raw = f"{response.status_code}\n{response.headers}\n".encode() + response.content
        self.responses.append((label, response.status_code, raw))


def _exercise(server: LiveServer, api_key: str, values: list[str], record: Recorder) -> None:
    """Every operation, plus the error paths most likely to echo a request body."""
    with httpx.Client(
        base_url=server.base_url,
        headers={"X-API-KEY": api_key},
        timeout=30,
        event_hooks={"response": [record]},
    ) as http:
        secret_ids = []
        for value, kind in zip(values, TYPES, strict=True):
            answer = http.post(
                SECRETS,
                json={"secret_name": "hygiene-name", "secret_value": value, "secret_type": kind},
            )
            assert answer.status_code == 200, answer.text
            secret_ids.append(answer.json()["data"]["id"])
        http.get(SECRETS)
        config_ids = []
        for secret_id in secret_ids:
            body = example_body(effective_spec(), spec_op(CONFIGS), {"secret_id": secret_id})
            config_ids.append(http.post(CONFIGS, json=body).json()["data"]["id"])
        for config_id in config_ids:
            http.get(f"{CONFIGS}/{config_id}")
            http.patch(f"{CONFIGS}/{config_id}", json={"secret_id": secret_ids[0]})
        http.get(CONFIGS)
        for value in values:
            # 422: wrong enum, missing field, wrong type; the secret value rides along.
            http.post(
                SECRETS,
                json={"secret_name": "x", "secret_value": value, "secret_type": "NOPE"},
            )
            http.post(SECRETS, json={"secret_value": value, "secret_type": TYPES[0]})
            http.post(
                SECRETS,
                json={"secret_name": ["x"], "secret_value": value, "secret_type": TYPES[0]},
            )
            http.post(SECRETS, json=[value])
            # Malformed JSON, wrong content type, an oversized body, an unknown key.
            http.post(
                SECRETS,
                content=f'{{"secret_value": "{value}", ',
                headers={"Content-Type": "application/json"},
            )
            http.post(SECRETS, content=value.encode(), headers={"Content-Type": "text/plain"})
            http.post(
                SECRETS,
                content=(value * (2**20 // len(value) + 2)).encode(),
                headers={"Content-Type": "application/json"},
            )
            http.get(SECRETS, headers={b"X-API-KEY": value.encode()})
        http.delete(f"{CONFIGS}/{config_ids[-1]}")
        http.delete(f"/v1/secrets/{secret_ids[-1]}")  # still referenced: refused or cascaded
        http.delete(f"/v1/secrets/{secret_ids[1]}")
        http.get(SECRETS)  # fmt: skip


def _sessions(
    server: LiveServer, api_key: str, avatar_id: str, record: Recorder
) -> list[tuple[str, str, int]]:
    """Sessions made, started, kept alive, listed, stopped; (what, token, response it came in)."""
    token_op, start, token_field = token_operations()
    body = fill_ids(example_body(effective_spec(), token_op.spec), {"avatar_id": avatar_id})
    handed: list[tuple[str, str, int]] = []
    with httpx.Client(
        base_url=server.base_url, timeout=30, event_hooks={"response": [record]}
    ) as http:
        for _ in range(2):
            made = http.post(token_op.path, json=body, headers={"X-API-KEY": api_key})
            assert made.status_code == 200, made.text
            token = made.json()["data"][token_field]
            handed.append(("a session token", token, len(record.responses) - 1))
            bearer = {"Authorization": f"Bearer {token}"}
            started = http.post(start.path, headers=bearer)
            assert started.status_code == 201, started.text
            for key, value in started.json()["data"].items():
                if key.endswith("token") and isinstance(value, str):
                    handed.append((f"a LiveKit {key}", value, len(record.responses) - 1))
            http.post(linked(start, ".keep_alive").path, headers=bearer)
            http.get(token_op.path.rsplit("/", 1)[0], params={"type": "active"},
                     headers={"X-API-KEY": api_key})  # fmt: skip
            http.post(start.path, headers=bearer)  # 409: the error path
            http.post(linked(start, ".stop").path, headers=bearer)
            http.post(token_op.path, json=body, headers=bearer)  # 401: an ended session's token
    assert len({what for what, _, _ in handed}) >= 2, f"no LiveKit token handed out: {handed}"
    return handed


def _forms(value: str) -> set[bytes]:
    """The value as bytes: raw UTF-8 and JSON-escaped (ASCII-only and not)."""
    return {
        value.encode(),
        json.dumps(value)[1:-1].encode(),
        json.dumps(value, ensure_ascii=False)[1:-1].encode(),
    }


def _files(directory: Path) -> Iterator[tuple[str, bytes]]:
    for path in sorted(directory.rglob("*")):
        if path.is_file():
            yield str(path), path.read_bytes()


def _postgres_rows(url: str) -> Iterator[tuple[str, bytes]]:
    """Every row of every table of the database, column by column (bytea as raw bytes)."""
    with psycopg.connect(url.replace("postgresql+psycopg://", "postgresql://")) as conn:
        tables = conn.execute(
            "SELECT table_schema, table_name FROM information_schema.tables "
            "WHERE table_schema NOT IN ('pg_catalog', 'information_schema') "
            "AND table_type = 'BASE TABLE'"
        ).fetchall()
        assert tables, "no tables found: the scan would prove nothing"
        for schema, table in tables:
            query = sql.SQL("SELECT * FROM {}.{}").format(
                sql.Identifier(schema), sql.Identifier(table)
            )
            for row in conn.execute(query):
                cells = [c if isinstance(c, bytes) else str(c).encode() for c in row]
                yield f"{schema}.{table}", b"\x00".join(cells)


def test_no_plaintext_secret_anywhere_after_a_full_run(storage: Storage) -> None:
    space_id = storage.cli("create-space", "hygiene")
    api_key = storage.cli("create-api-key", "--space", space_id)
    avatar_id = storage.cli("create-avatar", "--space", space_id, "--name", "hygiene-avatar")
    values = _values()
    record = Recorder()
    with LiveServer(storage) as server:
        _exercise(server, api_key, values, record)
        handed = _sessions(server, api_key, avatar_id, record)
    server = LiveServer(storage).start()  # a restart reads everything back from disk
    try:
        _exercise(server, api_key, _values(), record)
        answer = httpx.get(f"{server.base_url}/v1/secrets", headers={"X-API-KEY": api_key})
        assert answer.status_code == 200
    finally:
        server.kill()  # kill -9: the SQLite WAL stays on disk, un-checkpointed, for the scan
    server_errors = [label for label, status, _ in record.responses if status >= 500]
    assert not server_errors, server_errors

    places = list(_files(storage.data_dir))
    if storage.backend == "sqlite":
        assert any(name.endswith("-wal") for name, _ in places), "no WAL file to scan"
    else:
        assert storage.database_url is not None
        places += list(_postgres_rows(storage.database_url))
    # The scan reads the right bytes: names (not secret) are stored and answered in clear.
    assert any(b"hygiene-name" in data for _, data in places)
    assert any(b"hygiene-name" in raw for _, _, raw in record.responses)
    places.append((str(storage.log), storage.log.read_bytes()))
    at_rest = list(places)
    places += [(label, raw) for label, _, raw in record.responses]

    needles = {(value, form) for value in values for form in _forms(value)}
    needles.add(("the API key", api_key.encode()))
    found = [
        f"{what!r} in {name}" for name, data in places for what, form in needles if form in data
    ]
    # Tokens: never at rest, and in no response but the one that handed each out.
    for what, token, origin in handed:
        found += [f"{what} in {name}" for name, data in at_rest if token.encode() in data]
        found += [
            f"{what} in {label} (#{index})"
            for index, (label, _, raw) in enumerate(record.responses)
            if index != origin and token.encode() in raw
        ]
    figures.add("hygiene: values and tokens scanned", len(needles) + len(handed))
    figures.add("hygiene: leaks", len(set(found)))
    assert not found, "plaintext secrets found:\n" + "\n".join(sorted(set(found)))
