"""Apply an OpenAPI Overlay 1.0 document to a spec, failing loudly when a target matches nothing."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

import jsonpath_rfc9535 as jsonpath
import yaml

JSON = Any


class OverlayError(Exception):
    """An overlay that is malformed, or an action whose target no longer matches the spec."""


def _merge(target: JSON, update: JSON) -> JSON:
    """Overlay 1.0 merge: objects merge recursively, arrays append, anything else replaces."""
    if isinstance(target, dict) and isinstance(update, dict):
        for key, value in update.items():
            target[key] = _merge(target[key], value) if key in target else value
        return target
    if isinstance(target, list) and isinstance(update, list):
        return target + update
    return update


def _describe(index: int, action: dict[str, Any]) -> str:
    return f"action #{index + 1} ({action.get('description', 'no description')!r})"


def apply_overlay(spec: dict[str, Any], overlay: dict[str, Any]) -> dict[str, Any]:
    """Return ``spec`` with every action of ``overlay`` applied in order (mutates ``spec``)."""
    if not str(overlay.get("overlay", "")).startswith("1."):
        raise OverlayError("not an OpenAPI Overlay 1.x document (missing 'overlay: 1.0.0')")
    actions = overlay.get("actions")
    if not isinstance(actions, list) or not actions:
        raise OverlayError("the overlay has no actions")
    for index, action in enumerate(actions):
        where = _describe(index, action)
        if not isinstance(action, dict) or "target" not in action:
            raise OverlayError(f"{where}: every action needs a 'target'")
        if not action.get("description"):
            raise OverlayError(f"{where}: every action must say why it exists ('description')")
        if ("update" in action) == bool(action.get("remove")):
            raise OverlayError(f"{where}: give exactly one of 'update' or 'remove: true'")
        try:
            nodes = jsonpath.find(action["target"], spec)
        except jsonpath.JSONPathError as exc:
            raise OverlayError(f"{where}: invalid target {action['target']!r}: {exc}") from exc
        if not nodes:
            raise OverlayError(
                f"{where}: target {action['target']!r} matches nothing in the spec; "
                "the upstream spec changed, so revise or drop this action"
            )
        for node in nodes:
            if action.get("remove"):
                parent = node.parent.value if node.parent is not None else None
                if isinstance(parent, dict):
                    del parent[node.location[-1]]
                elif isinstance(parent, list):
                    parent.remove(node.value)
                else:
                    raise OverlayError(f"{where}: cannot remove the document root")
            elif not isinstance(node.value, dict):
                raise OverlayError(f"{where}: target {node.path()} is not an object")
            else:
                _merge(node.value, json.loads(json.dumps(action["update"])))
    return spec


def dump_spec(spec: dict[str, Any]) -> str:
    """Serialise a spec deterministically (key order kept, two-space indent, final newline)."""
    return json.dumps(spec, indent=2, ensure_ascii=False) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("spec", type=Path)
    parser.add_argument("overlay", type=Path)
    parser.add_argument("-o", "--output", type=Path, required=True)
    args = parser.parse_args(argv)
    try:
        effective = apply_overlay(
            json.loads(args.spec.read_text(encoding="utf-8")),
            yaml.safe_load(args.overlay.read_text(encoding="utf-8")),
        )
    except OverlayError as exc:
        print(f"overlay {args.overlay}: {exc}", file=sys.stderr)
        return 1
    args.output.write_text(dump_spec(effective), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
