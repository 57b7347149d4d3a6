"""The spec the suite judges against: loading it, its operations, and choosing which to judge."""

from __future__ import annotations

import copy
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from liveavatar_models import spec_walk

HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
# The overlay's name for the error body the docs never define (400/401/404/409): any JSON passes.
UNDOCUMENTED_ERROR_SCHEMA = "#/components/schemas/ErrorEnvelope"
FRAMEWORK_400 = {
    "description": "The body could not be parsed (FastAPI's framework answer)",
    "content": {"application/json": {"schema": {"$ref": UNDOCUMENTED_ERROR_SCHEMA}}},
}
PARAMETER = re.compile(r"\{[^}/]+\}")


@dataclass(frozen=True, slots=True)
class Operation:
    """One operation of the spec, as the suite addresses it."""

    method: str  # upper case
    path: str  # the template, e.g. /v1/secrets/{secret_id}
    operation_id: str
    tags: tuple[str, ...]
    raw: dict[str, Any]

    @property
    def label(self) -> str:
        return f"{self.method} {self.path}"

    @property
    def secured(self) -> bool:
        return bool(self.raw.get("security"))


def load_spec(path: Path | None, *, published: bool = False) -> tuple[dict[str, Any], str]:
    """The spec at `path`, or one packaged with `liveavatar_models`: the effective spec, or the
    pristine published one (`published`, what `--upstream` judges by)."""
    if path is not None:
        return json.loads(path.read_text(encoding="utf-8")), str(path)
    name = "openapi.published.json" if published else "openapi.effective.json"
    packaged = resources.files("liveavatar_models") / name
    return json.loads(packaged.read_text(encoding="utf-8")), f"liveavatar_models/{name}"


def resolve(spec: dict[str, Any], node: Any) -> Any:
    """Follow local `$ref`s until a schema that is not a reference (`spec_walk`: a cycle raises)."""
    return spec_walk.resolve(spec, node)


def operations(spec: dict[str, Any]) -> list[Operation]:
    return [
        Operation(method.upper(), path, raw["operationId"], tuple(raw.get("tags", ())), raw)
        for method, path, raw in spec_walk.operations(spec)
    ]


def select(
    spec: dict[str, Any], tags: Iterable[str], operation_ids: Iterable[str]
) -> list[Operation]:
    """Operations carrying one of `tags` or named by `operation_ids` (either case); all of them
    when both are empty. A name the spec does not hold raises ValueError listing the valid ones."""
    wanted_tags = {tag.casefold() for tag in tags}
    wanted_ids = {operation_id.casefold() for operation_id in operation_ids}
    every = operations(spec)
    known_ids = {operation.operation_id.casefold(): operation.operation_id for operation in every}
    known_tags = {tag.casefold(): tag for operation in every for tag in operation.tags}
    problems = []
    if wanted_ids - set(known_ids):
        problems.append(
            f"no operation {', '.join(sorted(wanted_ids - set(known_ids)))}; "
            f"valid operation ids: {', '.join(sorted(known_ids.values()))}"
        )
    if wanted_tags - set(known_tags):
        problems.append(
            f"no tag {', '.join(repr(t) for t in sorted(wanted_tags - set(known_tags)))}; "
            f"valid tags: {', '.join(repr(t) for t in sorted(known_tags.values()))}"
        )
    if problems:
        raise ValueError("not in the spec: " + "; ".join(problems))
    if not wanted_tags and not wanted_ids:
        return every
    return [
        operation
        for operation in every
        if operation.operation_id.casefold() in wanted_ids
        or wanted_tags & {tag.casefold() for tag in operation.tags}
    ]


class OperationIndex:
    """Maps a concrete request (method, path) back to the operation of the spec it reaches."""

    def __init__(self, known: Iterable[Operation]) -> None:
        # Literal segments win over parameters (/v1/avatars/public before /v1/avatars/{id}).
        ordered = sorted(known, key=lambda op: len(PARAMETER.findall(op.path)))
        self._patterns = [
            (op, re.compile("^" + "[^/]+".join(map(re.escape, PARAMETER.split(op.path))) + "$"))
            for op in ordered
        ]

    def find(self, method: str, path: str) -> Operation | None:
        bare = path.split("?", 1)[0]
        for operation, pattern in self._patterns:
            if operation.method == method.upper() and pattern.match(bare):
                return operation
        return None


def judged_spec(spec: dict[str, Any]) -> dict[str, Any]:
    """The spec handed to schemathesis: error bodies the docs do not define accept any JSON.

    The overlay declares 400/401/404/409 with its `ErrorEnvelope` because the descriptions promise
    those statuses; the docs never show their bodies, and FastAPI (which the real service runs on)
    answers its framework errors with `{"detail": ...}`. Both must pass.
    """
    judged = copy.deepcopy(spec)
    for item in judged.get("paths", {}).values():
        for method, operation in item.items():
            if method not in HTTP_METHODS or not isinstance(operation, dict):
                continue
            if "requestBody" in operation:
                # FastAPI answers a body it cannot decode with 400 {"detail": "There was an
                # error parsing the body"}, whatever the operation documents.
                operation["responses"].setdefault("400", copy.deepcopy(FRAMEWORK_400))
            for status, response in operation.get("responses", {}).items():
                if not status.startswith(("4", "5")):
                    continue
                for media in response.get("content", {}).values():
                    if media.get("schema", {}).get("$ref") == UNDOCUMENTED_ERROR_SCHEMA:
                        media["schema"] = {"description": "any JSON: the docs define no error body"}
    return judged


def success_envelopes(spec: dict[str, Any]) -> dict[str, tuple[str, ...]]:
    """operationId -> the members its 2xx JSON envelope requires (`code`, `data`, `message`)."""
    found: dict[str, tuple[str, ...]] = {}
    for operation in operations(spec):
        for status, response in operation.raw.get("responses", {}).items():
            if not str(status).startswith("2"):
                continue
            media = resolve(spec, response).get("content", {}).get("application/json", {})
            schema = resolve(spec, media.get("schema", {}))
            if isinstance(schema, dict) and "data" in schema.get("properties", {}):
                found[operation.operation_id] = tuple(schema.get("required", ()))
    return found
