"""What changed between two effective specs, each change judged for client callers and for implementations.

`make generate` writes the report (`generated/CHANGES.json`, `generated/CHANGES.md`) comparing the
new effective spec with the previous release's; `make check-compat` (`main`) fails on a breaking
change that `overrides/release.toml` does not acknowledge with the version the rule requires.

The diff runs on a small model of the spec (`model`): per operation its resource, security and the
fields of its request (parameters and JSON body) and of its success responses, each field with its
required-ness, JSON types (with their format) and enum values. A change is breaking for a party
when something that party did conformingly under the old spec stops conforming under the new one:

- callers: a call they made is refused (an operation, resource or request field gone, a field or
  parameter now required, an enum or type narrowed, other credentials), or a value they read
  disappears or widens (a response field gone or now optional, a response type widened);
- implementations: an answer they gave no longer conforms (a response field now required, a
  response enum or type narrowed) or they must now refuse what they accepted (a request field now
  required, a request enum or type narrowed, other credentials). What is merely new (an operation,
  an optional field, an accepted value) is additive: the suite reports what a stand-in lacks (a
  501 is "not implemented") rather than failing it.

Own code rather than oasdiff: oasdiff needs a Go toolchain this project does not install, judges
for API clients only, and would diff the published files rather than the effective spec the
products are built from. The model is plain data, so another model of the same spec can feed `diff`.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, Literal

from operations import NamingError, resource_of
from packaging.version import Version
from release import ReleaseError, ReleaseSettings, breaking_step, load_settings
from spec_walk import operations as walk
from spec_walk import pointer, resolve

__all__ = [
    "Change",
    "diff",
    "gate",
    "main",
    "model",
    "render_markdown",
    "report",
    "summary_lines",
]

ROOT = Path(__file__).resolve().parent.parent
Verdict = Literal["additive", "breaking"]
Side = Literal["request", "response"]
A: Verdict = "additive"
B: Verdict = "breaking"

# kind -> (callers, implementations); the module docstring gives the reasoning.
RULES: dict[str, tuple[Verdict, Verdict]] = {
    "resource-added": (A, A),
    "resource-removed": (B, A),
    "operation-added": (A, A),
    "operation-removed": (B, A),
    "security-changed": (B, B),
    "request-field-added": (A, A),
    "request-field-added-required": (B, B),
    "request-field-removed": (B, A),
    "request-field-now-required": (B, B),
    "request-field-now-optional": (A, A),
    "request-enum-value-added": (A, A),
    "request-enum-value-removed": (B, B),
    "request-type-widened": (A, A),
    "request-type-narrowed": (B, B),
    "request-type-changed": (B, B),
    "response-field-added": (A, A),
    "response-field-added-required": (A, B),
    "response-field-removed": (B, A),
    "response-field-now-required": (A, B),
    "response-field-now-optional": (B, A),
    "response-enum-value-added": (A, A),
    "response-enum-value-removed": (A, B),
    "response-type-widened": (B, A),
    "response-type-narrowed": (A, B),
    "response-type-changed": (B, B),
}


@dataclass(frozen=True, slots=True)
class Change:
    id: str  # what an acknowledgement names: "<kind> <METHOD /path>[ <field>[ <value>]]"
    kind: str
    subject: str  # the operation ("GET /v1/x") or the resource
    where: str  # the field ("body.name", "query.page", "200.data.id"), or ""
    detail: str
    callers: Verdict
    implementations: Verdict

    @property
    def breaking(self) -> bool:
        return B in (self.callers, self.implementations)


# --- the model ---------------------------------------------------------------------------------


def _resolve(spec: dict[str, Any], node: Any) -> tuple[Any, str | None]:
    """``node`` with local `$ref`s followed, and the last schema name followed (if any)."""
    resolved, name = resolve(spec, node), None  # a cycle raises here
    while node is not resolved:
        name = node["$ref"].rsplit("/", 1)[-1]
        node = pointer(spec, node["$ref"])
    return resolved, name


def _fields(
    spec: dict[str, Any], schema: Any, where: str, required: bool, seen: frozenset[str]
) -> Iterator[tuple[str, dict[str, Any]]]:
    """(field path, facts) for ``schema`` at ``where`` and everything inside it."""
    node, name = _resolve(spec, schema)
    if name in seen or not isinstance(node, dict):
        return
    seen = seen | {name} if name else seen
    options = node.get("anyOf") or node.get("oneOf") or []
    types: set[str] = set()
    enum: set[str] = set()
    own = node["type"] if isinstance(node.get("type"), list) else [node.get("type")]
    # A format narrows its type: "string:uuid" is a kind of "string" (see _covers).
    fmt = f":{node['format']}" if node.get("format") else ""
    types.update(f"{t}{fmt}" if t != "null" else t for t in own if t)
    if "enum" in node:
        enum.update(json.dumps(value) for value in node["enum"])
    if "const" in node:
        enum.add(json.dumps(node["const"]))
    inner: list[tuple[str, Any]] = []  # object options, each with its own fields
    within: list[tuple[str, dict[str, Any]]] = []  # what lies inside the other options
    for option in options:
        resolved, option_name = _resolve(spec, option)
        if not isinstance(resolved, dict):
            continue
        if resolved.get("type") == "null":
            types.add("null")
        elif resolved.get("properties") or resolved.get("anyOf") or resolved.get("oneOf"):
            types.add("object")
            inner.append((option_name or str(len(inner)), option))
        else:
            for path, facts in _fields(spec, option, where, True, seen):
                if path == where:
                    types.update(facts["types"])
                    enum.update(facts["enum"] or ())
                else:
                    within.append((path, facts))
    if node.get("properties"):
        types.add("object")
    yield where, {"required": required, "types": sorted(types), "enum": sorted(enum) or None}
    yield from within
    # One object option is the field itself (`X | None`); several are told apart by name.
    labelled = len(inner) > 1
    for label, option in inner:
        at = f"{where}<{label}>" if labelled else where
        for path, facts in _fields(spec, option, at, True, seen):
            if path != at or labelled:
                yield path, facts
    needed = set(node.get("required", ()))
    for prop, sub in (node.get("properties") or {}).items():
        yield from _fields(spec, sub, f"{where}.{prop}", prop in needed, seen)
    if "items" in node:
        yield from _fields(spec, node["items"], f"{where}[]", True, seen)


def _request(spec: dict[str, Any], operation: dict[str, Any]) -> dict[str, Any]:
    fields: dict[str, Any] = {}
    for parameter in operation.get("parameters", []):
        parameter, _ = _resolve(spec, parameter)
        where = f"{parameter['in']}.{parameter['name']}"
        fields.update(
            _fields(
                spec,
                parameter.get("schema", {}),
                where,
                bool(parameter.get("required")),
                frozenset(),
            )
        )
    body, _ = _resolve(spec, operation.get("requestBody"))
    if isinstance(body, dict):
        schema = (body.get("content") or {}).get("application/json", {}).get("schema")
        if schema is not None:
            fields.update(_fields(spec, schema, "body", bool(body.get("required")), frozenset()))
    return fields


def _response(spec: dict[str, Any], operation: dict[str, Any]) -> dict[str, Any]:
    fields: dict[str, Any] = {}
    for status, response in (operation.get("responses") or {}).items():
        if not str(status).startswith("2"):
            continue
        response, _ = _resolve(spec, response)
        schema = (response.get("content") or {}).get("application/json", {}).get("schema")
        if schema is not None:
            fields.update(_fields(spec, schema, str(status), True, frozenset()))
    return fields


def _security(spec: dict[str, Any], operation: dict[str, Any]) -> list[list[str]]:
    """Each alternative of the operation's security as its sorted scheme names (+ the scheme's
    own definition, so a scheme changed in place counts)."""
    requirements = operation.get("security", spec.get("security", []))
    schemes = (spec.get("components") or {}).get("securitySchemes") or {}
    return sorted(
        sorted(f"{name}={json.dumps(schemes.get(name), sort_keys=True)}" for name in alternative)
        for alternative in requirements
    )


def model(spec: dict[str, Any]) -> dict[str, Any]:
    """The facts of ``spec`` the diff compares: plain JSON data, by "METHOD /path"."""
    operations: dict[str, Any] = {}
    for method, path, operation in walk(spec):
        try:
            resource = resource_of(path)
        except NamingError:
            resource = path
        operations[f"{method.upper()} {path}"] = {
            "operation_id": operation.get("operationId"),
            "resource": resource,
            "security": _security(spec, operation),
            "request": _request(spec, operation),
            "response": _response(spec, operation),
        }
    return {"operations": operations}


# --- the diff ----------------------------------------------------------------------------------


def _change(kind: str, subject: str, where: str = "", value: str = "", detail: str = "") -> Change:
    callers, implementations = RULES[kind]
    id_ = " ".join(part for part in (kind, subject, where, value) if part)
    return Change(id_, kind, subject, where, detail or id_, callers, implementations)


def _covers(types: set[str], other: set[str]) -> bool:
    """Whether every value of the types ``other`` is a value of ``types`` (an integer is a
    number, a "string:uuid" is a string)."""
    return all(
        token in types
        or token.split(":", 1)[0] in types
        or (token.split(":", 1)[0] == "integer" and "number" in types)
        for token in other
    )


def _type_change(side: Side, old: set[str], new: set[str]) -> str:
    wider, narrower = _covers(new, old), _covers(old, new)
    if wider and not narrower:
        return f"{side}-type-widened"
    if narrower and not wider:
        return f"{side}-type-narrowed"
    return f"{side}-type-changed"


def _under(path: str, others: list[str]) -> bool:
    """Whether ``path`` lies inside one of ``others``: that one's change says it all."""
    return any(
        path.startswith(other) and path[len(other) : len(other) + 1] in (".", "[", "<")
        for other in others
    )


def _field_changes(
    side: Side, subject: str, old: dict[str, Any], new: dict[str, Any]
) -> Iterator[Change]:
    added = [p for p in new if p not in old]
    removed = [p for p in old if p not in new]
    for path in added:
        if not _under(path, added):
            kind = f"{side}-field-added" + ("-required" if new[path]["required"] else "")
            yield _change(kind, subject, path)
    for path in removed:
        if not _under(path, removed):
            yield _change(f"{side}-field-removed", subject, path)
    for path in (p for p in new if p in old):
        was, now = old[path], new[path]
        if was["required"] != now["required"]:
            kind = f"{side}-field-now-{'required' if now['required'] else 'optional'}"
            yield _change(kind, subject, path)
        if was["types"] != now["types"] and was["types"] and now["types"]:
            kind = _type_change(side, set(was["types"]), set(now["types"]))
            detail = f"{subject} {path}: {'|'.join(was['types'])} -> {'|'.join(now['types'])}"
            yield _change(kind, subject, path, detail=detail)
        old_values, new_values = set(was["enum"] or ()), set(now["enum"] or ())
        if was["enum"] and now["enum"]:
            for value in sorted(new_values - old_values):
                yield _change(f"{side}-enum-value-added", subject, path, json.loads(value))
            for value in sorted(old_values - new_values):
                yield _change(f"{side}-enum-value-removed", subject, path, json.loads(value))
        elif was["enum"] and not now["enum"]:
            yield _change(
                f"{side}-type-widened", subject, path, detail=f"{subject} {path}: any value"
            )
        elif now["enum"] and not was["enum"]:
            yield _change(
                f"{side}-type-narrowed", subject, path, detail=f"{subject} {path}: an enum"
            )


def diff(old: dict[str, Any], new: dict[str, Any]) -> list[Change]:
    """Every change from model ``old`` to model ``new``, in a stable order."""
    before, after = old["operations"], new["operations"]
    changes: list[Change] = []
    old_resources = {op["resource"] for op in before.values()}
    new_resources = {op["resource"] for op in after.values()}
    changes += [_change("resource-added", r) for r in sorted(new_resources - old_resources)]
    changes += [_change("resource-removed", r) for r in sorted(old_resources - new_resources)]
    changes += [_change("operation-added", key) for key in after if key not in before]
    changes += [_change("operation-removed", key) for key in before if key not in after]
    for key in (k for k in after if k in before):
        was, now = before[key], after[key]
        if was["security"] != now["security"]:
            changes.append(_change("security-changed", key))
        changes += _field_changes("request", key, was["request"], now["request"])
        changes += _field_changes("response", key, was["response"], now["response"])
    return changes


# --- the report --------------------------------------------------------------------------------


def report(
    previous: dict[str, Any] | None,
    previous_release: dict[str, Any] | None,
    current: dict[str, Any],
    release: dict[str, Any],
) -> dict[str, Any]:
    """The report `make generate` writes: the releases compared and every change between them."""
    changes = [] if previous is None else diff(model(previous), model(current))
    return {
        "from": previous_release if previous is not None else None,
        "to": release,
        "changes": [{**asdict(change), "breaking": change.breaking} for change in changes],
        "additive": sum(not change.breaking for change in changes),
        "breaking": sum(change.breaking for change in changes),
    }


def summary_lines(changes_report: dict[str, Any], limit: int = 40) -> list[str]:
    """What `make generate` prints: one line per change (at most ``limit``), then the totals."""
    to = changes_report["to"]
    before = changes_report["from"]
    if before is None:
        return [f"changes: none recorded (no previous release before {to['version']})"]
    lines = [
        f"changes from {before['version']} (spec {before['spec_version']}) to "
        f"{to['version']} (spec {to['spec_version']}):"
    ]
    for change in changes_report["changes"][:limit]:
        lines.append(
            f"  {'BREAKING' if change['breaking'] else 'additive'}: {change['id']} "
            f"(callers: {change['callers']}, implementations: {change['implementations']})"
        )
    hidden = len(changes_report["changes"]) - limit
    if hidden > 0:
        lines.append(f"  ... and {hidden} more in generated/CHANGES.md")
    lines.append(
        f"{changes_report['additive']} additive, {changes_report['breaking']} breaking"
        + (
            " (make check-compat fails until each is acknowledged)"
            if changes_report["breaking"]
            else ""
        )
    )
    return lines


def render_markdown(changes_report: dict[str, Any]) -> str:
    """generated/CHANGES.md: the same report for people."""
    lines = ["# Changes in this release", ""]
    before, to = changes_report["from"], changes_report["to"]
    if before is None:
        lines += [
            f"`{to['version']}` (spec {to['spec_version']}): no previous release recorded.",
            "",
        ]
        return "\n".join(lines)
    lines += [
        f"From `{before['version']}` (spec {before['spec_version']}) to `{to['version']}` "
        f"(spec {to['spec_version']}): {changes_report['additive']} additive, "
        f"{changes_report['breaking']} breaking. Written by `make generate` "
        "(`tools/compat.py`); `make check-compat` gates the breaking ones.",
        "",
    ]
    if not changes_report["changes"]:
        return "\n".join([*lines, "No change to operations, fields or security.", ""])
    lines += ["| change | callers | implementations |", "| --- | --- | --- |"]
    for change in changes_report["changes"]:
        lines.append(f"| `{change['id']}` | {change['callers']} | {change['implementations']} |")
    return "\n".join([*lines, ""])


# --- the gate ----------------------------------------------------------------------------------


def gate(changes_report: dict[str, Any], settings: ReleaseSettings) -> list[str]:
    """Why this release may not ship (nothing when it may): every breaking change needs an
    acknowledgement naming this release's version, and that version a major step of the spec."""
    before, to = changes_report["from"], changes_report["to"]
    problems = []
    if before is not None and Version(to["version"]) <= Version(before["version"]):
        problems.append(f"the version must grow: {before['version']} -> {to['version']}")
    breaking = [change for change in changes_report["changes"] if change["breaking"]]
    if not breaking:
        return problems
    acknowledged = {ack.change: ack for ack in settings.acknowledged}
    for change in breaking:
        ack = acknowledged.get(change["id"])
        if ack is None:
            problems.append(f"breaking, not acknowledged: {change['id']}")
        elif ack.version != to["version"]:
            problems.append(
                f"acknowledged for {ack.version}, but this release is {to['version']}: "
                f"{change['id']}"
            )
    if not breaking_step(Version(before["spec_version"]), Version(to["spec_version"])):
        problems.append(
            f"a breaking change needs a major step of the spec's version (0.x: the minor): "
            f"{before['spec_version']} -> {to['spec_version']} is not one"
        )
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="make check-compat: " + (gate.__doc__ or ""))
    parser.add_argument("--report", type=Path, default=ROOT / "generated" / "CHANGES.json")
    parser.add_argument("--settings", type=Path, default=ROOT / "overrides" / "release.toml")
    args = parser.parse_args(argv)
    changes_report = json.loads(args.report.read_text(encoding="utf-8"))
    try:
        problems = gate(changes_report, load_settings(args.settings))
    except ReleaseError as exc:
        print(f"check-compat: {exc}", file=sys.stderr)
        return 2
    breaking = {change["id"] for change in changes_report["changes"] if change["breaking"]}
    for ack in load_settings(args.settings).acknowledged:
        if ack.version == changes_report["to"]["version"] and ack.change not in breaking:
            print(f"check-compat: note: acknowledged, yet not a breaking change here: {ack.change}")
    for problem in problems:
        print(f"check-compat: {problem}", file=sys.stderr)
    if problems:
        print(
            f"check-compat: FAILED; acknowledge each breaking change in "
            f'{args.settings.name} with version = "{changes_report["to"]["version"]}" '
            "(docs/release.md)",
            file=sys.stderr,
        )
        return 1
    count = changes_report["breaking"]
    print(
        f"check-compat: {changes_report['to']['version']} passes "
        + (f"({count} breaking change(s), each acknowledged)" if count else "(nothing breaking)")
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
