"""The operations of a spec as the templates see them, named by the one naming rule.

Resource: the first path segment after the version, snake_case (`/v1/llm-configurations` ->
`llm_configurations`). Method: the operationId without FastAPI's `<path>_<method>` suffix (and a
trailing API version such as `_v2`), without the words naming the resource or the caller, and
without a trailing `by_id`. The overlay extension `x-liveavatar-name: {resource, method}` on an
operation overrides either part; two operations with one name fail generation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from openapi_python_client.strings import snake_case
from spec_walk import operations as walk

NAME_EXTENSION = "x-liveavatar-name"
# Words that name the caller rather than what the operation does.
CALLER_WORDS = frozenset({"user", "users", "my"})
_VERSION = re.compile(r"^v\d+$")


class NamingError(Exception):
    """Two operations got the same client name, or a name came out empty."""


@dataclass(frozen=True)
class Operation:
    """One operation of the effective spec, with where the generated client keeps it."""

    operation_id: str
    method: str  # lower-case HTTP method
    path: str
    tag: str
    resource: str  # client.<resource>
    name: str  # client.<resource>.<name>(...)
    module: str  # liveavatar_api.api.<tag>.<operation>, the generated operation module
    spec: dict[str, Any]


def singular(word: str) -> str:
    """`memories` -> `memory`, `avatars` -> `avatar`; `access` stays."""
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def _names_resource(word: str, resource_words: list[str]) -> bool:
    """`avatars`, `avatar`, `memories` name the resource; so does a stem like `embed`."""
    stem = singular(word)
    return any(
        stem == singular(r) or (len(stem) >= 4 and singular(r).startswith(stem))
        for r in resource_words
    )


def resource_of(path: str) -> str:
    """The first path segment after the version, snake_case."""
    segments = [s for s in path.split("/") if s]
    if segments and _VERSION.match(segments[0]):
        segments = segments[1:]
    if not segments or segments[0].startswith("{"):
        raise NamingError(f"{path}: no resource segment after the version")
    return snake_case(segments[0])


def method_of(operation_id: str, method: str, path: str, resource: str) -> str:
    """The client method name of an operation (see the module docstring)."""
    name = operation_id
    suffix = re.sub(r"\W", "_", path) + "_" + method
    if name.endswith(suffix):
        name = name[: -len(suffix)]
    words = [w for w in snake_case(name).split("_") if w]
    if words and _VERSION.match(words[-1]):
        words.pop()
    if words[-2:] == ["by", "id"]:
        words = words[:-2]
    resource_words = resource.split("_")
    kept = [w for w in words if w not in CALLER_WORDS and not _names_resource(w, resource_words)]
    if not kept:
        raise NamingError(f"{operation_id}: every word names the resource; set {NAME_EXTENSION}")
    return "_".join(kept)


def operations(spec: dict[str, Any]) -> list[Operation]:
    """Every operation of ``spec`` in document order, named; a name collision raises."""
    found: list[Operation] = []
    seen: dict[tuple[str, str], str] = {}
    for method, path, op in walk(spec):
        operation_id = op["operationId"]
        override = op.get(NAME_EXTENSION, {})
        resource = override.get("resource") or resource_of(path)
        name = override.get("method") or method_of(operation_id, method, path, resource)
        if (resource, name) in seen:
            raise NamingError(
                f"{operation_id} and {seen[resource, name]} are both "
                f"client.{resource}.{name}: set {NAME_EXTENSION} on one of them"
            )
        seen[resource, name] = operation_id
        tag = (op.get("tags") or ["default"])[0]
        module = f"liveavatar_api.api.{snake_case(tag)}.{snake_case(operation_id)}"
        found.append(Operation(operation_id, method, path, tag, resource, name, module, op))
    return found
