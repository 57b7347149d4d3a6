# Copied from tools/spec_walk.py by `make generate`: edit that file.
"""Walking an OpenAPI document: local `$ref`s resolved, operations listed; one copy for every product.

The pipeline imports this file as it stands (`tools/` is on its path); `make generate` copies it
verbatim into `generated/liveavatar_models/spec_walk.py`, the place the import rules let the
server, the contract suite and the tests read it from. Standard library only.

On a `$ref` cycle (`A -> B -> A`, or a schema naming itself) `resolve` raises `RefCycleError`;
a `$ref` naming nothing raises `RefError`. Both are `ValueError`s. A `$ref` to another document
(not starting with `#/`) is returned as it is: the products read one self-contained spec.
"""

from __future__ import annotations

from typing import Any

__all__ = [
    "HTTP_METHODS",
    "RefCycleError",
    "RefError",
    "operations",
    "pointer",
    "resolve",
    "resolve_nullable",
]

JSON = Any
HTTP_METHODS = ("get", "put", "post", "delete", "patch", "head", "options", "trace")


class RefError(ValueError):
    """A local `$ref` that names nothing in the document."""


class RefCycleError(RefError):
    """A chain of `$ref`s that comes back to where it started."""


def pointer(spec: JSON, ref: str) -> JSON:
    """The node a local JSON pointer (`#/components/schemas/X`, `~0`/`~1` escaped) names."""
    target = spec
    for part in ref.removeprefix("#/").split("/") if ref != "#" else ():
        key = part.replace("~1", "/").replace("~0", "~")
        if isinstance(target, list) and key.isdigit() and int(key) < len(target):
            target = target[int(key)]
        elif isinstance(target, dict) and key in target:
            target = target[key]
        else:
            raise RefError(f"{ref} names nothing")
    return target


def resolve(spec: JSON, node: JSON) -> JSON:
    """``node`` with its local `$ref` chain followed to the schema it names."""
    return _follow(spec, node, nullable=False)


def resolve_nullable(spec: JSON, node: JSON) -> JSON:
    """`resolve`, and an `anyOf` of one schema (plus `{"type": "null"}`) unwrapped to that schema.

    The shape FastAPI gives an optional field: the caller sees the schema of the value.
    """
    return _follow(spec, node, nullable=True)


def _follow(spec: JSON, node: JSON, *, nullable: bool) -> JSON:
    seen: set[str] = set()
    while isinstance(node, dict):
        ref = node.get("$ref")
        if isinstance(ref, str) and ref.startswith("#"):
            if ref in seen:
                raise RefCycleError(f"$ref cycle at {ref}")
            seen.add(ref)
            node = pointer(spec, ref)
            continue
        if nullable and "properties" not in node:
            options = [o for o in node.get("anyOf", ()) if o != {"type": "null"}]
            if len(options) == 1:
                node = options[0]
                continue
        return node
    return node


def operations(spec: JSON) -> list[tuple[str, str, dict[str, Any]]]:
    """(method, path, operation) for every operation of ``spec``, in the document's order."""
    return [
        (method, path, operation)
        for path, item in (spec.get("paths") or {}).items()
        for method, operation in item.items()
        if method in HTTP_METHODS and isinstance(operation, dict)
    ]
