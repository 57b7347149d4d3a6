"""Two populated spaces on a live server, built from the spec's operations and links alone.

Every POST whose success response carries links is a producer: its body comes from the spec
(`example_body`), every `<x>_id` field in it is pointed at an object the space already has, and
the values its links name (`$response.body#/data/<field>`) are harvested under the link's
parameter or body field name. A path parameter no producer fills (an entity the API has no
create for) is made by the server's CLI, `create-<entity> --space ID --name NAME`. Session
tokens come from the producer whose link feeds `header.Authorization`; the operation that link
points at starts them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import httpx
from liveavatar_models.spec_walk import HTTP_METHODS
from liveavatar_models.spec_walk import resolve_nullable as resolve

from tests._support.examples import (
    effective_spec,
    example_body,
    example_parameters,
    spec_operations,
)
from tests._support.live import Storage

__all__ = [
    "API_KEY_SCHEME",
    "BEARER_SCHEME",
    "HTTP_METHODS",
    "Operation",
    "Space",
    "World",
    "balance",
    "candidates",
    "fill_ids",
    "linked",
    "operations",
    "populate",
    "session",
    "token_operations",
]

_POINTER = re.compile(r"\$response\.body#/data/(\w+)")
_BEARER = "header.Authorization"


@dataclass(frozen=True)
class Operation:
    """One operation of the effective spec, with what the matrix needs to know of it."""

    method: str
    path: str
    spec: dict[str, Any]

    @property
    def label(self) -> str:
        return f"{self.method.upper()} {self.path}"

    @property
    def schemes(self) -> set[str]:
        return {name for requirement in self.spec.get("security") or () for name in requirement}

    @property
    def documented(self) -> set[int]:
        return {int(status) for status in self.spec["responses"] if status.isdigit()}

    @property
    def path_parameters(self) -> list[str]:
        return re.findall(r"{(\w+)}", self.path)

    def links(self) -> dict[str, dict[str, Any]]:
        found: dict[str, dict[str, Any]] = {}
        for status, response in self.spec["responses"].items():
            if status.startswith("2"):
                found.update(response.get("links", {}))
        return found


def operations() -> list[Operation]:
    return [Operation(method, path, op) for method, path, op in spec_operations()]


def _by_id(operation_id: str) -> Operation:
    return next(op for op in operations() if op.spec.get("operationId") == operation_id)


def _scheme(kind: str) -> str:
    """The name of the spec's security scheme of type ``kind`` (apiKey, or http's bearer)."""
    schemes: dict[str, dict[str, str]] = effective_spec()["components"]["securitySchemes"]
    return next(name for name, s in schemes.items() if kind in (s["type"], s.get("scheme")))


API_KEY_SCHEME = _scheme("apiKey")
BEARER_SCHEME = _scheme("bearer")


def _named(key: str, ids: dict[str, str]) -> str | None:
    """The id for field ``key``: ``<name>`` itself or a qualified ``<qualifier>_<name>``."""
    return next((v for name, v in ids.items() if key == name or key.endswith(f"_{name}")), None)


def fill_ids(value: Any, ids: dict[str, str]) -> Any:
    """``value`` with every ``<x>_id`` key, at any depth, set to the space's object of that name."""
    if isinstance(value, dict):
        return {
            key: fill_ids(sub, ids)
            if isinstance(sub, dict | list) or _named(key, ids) is None
            else _named(key, ids)
            for key, sub in value.items()
        }
    if isinstance(value, list):
        return [fill_ids(item, ids) for item in value]
    return value


@dataclass
class Space:
    """One space: its key, its objects by parameter name, every id it owns, its session tokens."""

    name: str
    space_id: str
    api_key: str
    ids: dict[str, str] = field(default_factory=dict)
    owned: set[str] = field(default_factory=set)
    tokens: dict[str, str] = field(default_factory=dict)  # "fresh", "running", "ended"
    session_ids: dict[str, str] = field(default_factory=dict)


@dataclass
class World:
    base_url: str
    spaces: list[Space]

    def request(
        self, op: Operation, space: Space, headers: dict[str, str], **extra: Any
    ) -> httpx.Response:
        """``op`` on ``space``'s objects (path, required query, body) with ``headers``."""
        spec = effective_spec()
        values = example_parameters(spec, op.spec)
        path_values = {
            **values.get("path", {}),
            **{k: space.ids.get(k, "") for k in op.path_parameters},
        }
        body = fill_ids(example_body(spec, op.spec), space.ids)
        return httpx.request(
            op.method.upper(),
            self.base_url + op.path.format(**path_values),
            params=values.get("query"),
            json=body,
            headers=headers,
            timeout=30,
            **extra,
        )


def _producers() -> list[Operation]:
    return [op for op in operations() if op.method == "post" and op.links()]


def _harvest(op: Operation, data: dict[str, Any], space: Space) -> None:
    for link in op.links().values():
        for name, expression in {
            **link.get("parameters", {}),
            **(link.get("requestBody") or {}),
        }.items():
            found = _POINTER.search(str(expression))
            if found and isinstance(data.get(found.group(1)), str):
                if name == _BEARER:
                    continue
                space.ids.setdefault(name, data[found.group(1)])
                space.owned.add(data[found.group(1)])


def token_operations() -> tuple[Operation, Operation, str]:
    """The operation minting bearer tokens, the one its link starts, and the token field."""
    for op in _producers():
        for link in op.links().values():
            expression = link.get("parameters", {}).get(_BEARER)
            if expression:
                found = _POINTER.search(expression)
                assert found is not None
                return op, _by_id(link["operationId"]), found.group(1)
    raise AssertionError("no operation mints bearer tokens")


def candidates(space: Space) -> list[dict[str, str]]:
    """The space's ids, then once per typed variant (`name#TYPE`): a body may need one type."""
    base = {k: v for k, v in space.ids.items() if "#" not in k}
    variants = [{**base, k.split("#", 1)[0]: v} for k, v in sorted(space.ids.items()) if "#" in k]
    return [base, *variants]


def _produce(http: httpx.Client, op: Operation, space: Space) -> bool:
    for ids in candidates(space):
        answer = http.post(op.path, json=fill_ids(example_body(effective_spec(), op.spec), ids))
        if answer.status_code // 100 == 2:
            _harvest(op, answer.json()["data"], space)
            return True
    return False


def _typed_variants(http: httpx.Client, space: Space) -> None:
    """One object per value of a producer's `*_type` enum field, kept as `name#VALUE`."""
    spec = effective_spec()
    for op in _producers():
        body = example_body(spec, op.spec)
        if not isinstance(body, dict):
            continue
        for key in [k for k in body if k.endswith("_type")]:
            for value in _field_schema(spec, op.spec, key).get("enum", ()):
                answer = http.post(op.path, json={**body, key: value})
                if answer.status_code // 100 == 2:
                    made = Space(space.name, space.space_id, space.api_key)
                    _harvest(op, answer.json()["data"], made)
                    space.owned |= made.owned
                    space.ids.update({f"{k}#{value}": v for k, v in made.ids.items()})


def _field_schema(spec: dict[str, Any], op: dict[str, Any], key: str) -> dict[str, Any]:
    schema = resolve(spec, op["requestBody"]["content"]["application/json"]["schema"])
    prop: dict[str, Any] = resolve(spec, schema.get("properties", {}).get(key, {}))
    return prop


def _linked_names() -> set[str]:
    return {
        name
        for op in _producers()
        for link in op.links().values()
        for name in {**link.get("parameters", {}), **(link.get("requestBody") or {})}
    }


def _cli_made(storage: Storage, space: Space) -> None:
    """Objects of path parameters that no producer fills, through `create-<entity>`."""
    linked = _linked_names()
    for op in operations():
        for name in op.path_parameters:
            if name in space.ids or name in linked:
                continue
            entity = name.removesuffix("_id")
            made = storage.cli(
                f"create-{entity}", "--space", space.space_id, "--name", f"{space.name}-{entity}"
            )
            space.ids[name] = made
            space.owned.add(made)


def linked(op: Operation, suffix: str) -> Operation:
    """The operation ``op``'s success links to under a name ending in ``suffix``."""
    name = next(name for name in op.links() if name.endswith(suffix))
    return _by_id(op.links()[name]["operationId"])


def session(
    base_url: str,
    space: Space,
    *,
    start: bool,
    end: bool = False,
    http: httpx.Client | None = None,
) -> tuple[str, str]:
    """A new session of ``space`` (started, then ended, as asked): its bearer token and id.

    ``http`` is a client to reuse: a new one per call costs its TLS context (~20 ms).
    """
    if http is None:
        with httpx.Client(timeout=30) as fresh:
            return session(base_url, space, start=start, end=end, http=fresh)
    token_op, start_op, token_field = token_operations()
    body = fill_ids(example_body(effective_spec(), token_op.spec), space.ids)
    answer = http.post(base_url + token_op.path, json=body, headers={"X-API-KEY": space.api_key})
    assert answer.status_code == 200, answer.text
    data = answer.json()["data"]
    token, session_id = data[token_field], data["session_id"]
    space.owned.add(session_id)
    bearer = {"Authorization": f"Bearer {token}"}
    if start:
        started = http.post(base_url + start_op.path, headers=bearer)
        assert started.status_code // 100 == 2, started.text
    if end:
        stop = linked(start_op, ".stop")
        ended = http.post(base_url + stop.path, headers=bearer)
        assert ended.status_code // 100 == 2, ended.text
    return token, session_id


def balance(base_url: str, space: Space) -> float:
    """The space's credits, from the one list-less GET whose data names `credits_left`."""
    for op in operations():
        if op.method == "get" and not op.path_parameters and op.schemes:
            answer = httpx.get(base_url + op.path, headers={"X-API-KEY": space.api_key})
            data = answer.json().get("data") if answer.is_success else None
            if isinstance(data, dict) and "credits_left" in data:
                return float(data["credits_left"])
    raise AssertionError("no operation answers the balance")


def populate(storage: Storage, base_url: str, names: tuple[str, ...] = ("A", "B")) -> World:
    """One space per name, each holding an object behind every path parameter of the spec."""
    world = World(base_url, [])
    for name in names:
        space_id = storage.cli("create-space", name)
        key = storage.cli("create-api-key", "--space", space_id)
        space = Space(name, space_id, key)
        with httpx.Client(base_url=base_url, headers={"X-API-KEY": key}, timeout=30) as http:
            _typed_variants(http, space)
            # Producers depend on one another (a session before its memory): to a fixpoint.
            pending = _producers()
            for _ in range(len(pending) + 1):
                pending = [op for op in pending if not _produce(http, op, space)]
                _cli_made(storage, space)
                if not pending:
                    break
            # The session objects the matrix aims at are sessions that ran.
            for kind in ("ended", "running", "fresh"):
                token, session_id = session(
                    base_url, space, start=kind != "fresh", end=kind == "ended"
                )
                space.tokens[kind] = token
                space.session_ids[kind] = session_id
        world.spaces.append(space)
    return world
