"""Runs the schemathesis CLI over the spec with our auth, checks, pool and reports."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from liveavatar_contract._resources import reference_fields
from liveavatar_contract._spec import judged_spec
from liveavatar_contract._spec import operations as spec_operations
from liveavatar_contract.checks import (
    KEY_VARIABLE,
    POOL_VARIABLE,
    TOOL_WARNINGS_VARIABLE,
    URL_VARIABLE,
    WARNINGS_VARIABLE,
)

HOOKS_MODULE = "liveavatar_contract.checks"
# schemathesis' default for positive_data_acceptance plus 400, which the docs give for an invalid
# secret_id and the overlay for any body id naming nothing of the caller's space;
# `secret_reference_judged` still fails a 400 to a request naming a valid secret.
REFERENCING_STATUSES = ["2xx", "3xx", "400", "401", "403", "404", "409", "429", "5xx"]
SANITIZED_KEYS = [
    "x-api-key",
    "secret_value",
    "la_session",
    "authorization",
    "cookie",
    "set-cookie",
]
SENSITIVE_MARKERS = ["api-key", "api_key", "password", "token", "session"]
PHASES = "examples,coverage,fuzzing,stateful"
# Framework behaviour rather than contract: FastAPI's 405 names only the methods of the first
# route of a path in `Allow` (RFC 9110 hygiene). Its failures are reported as warnings.
HYGIENE_CHECKS = frozenset({"allow_header_conformance"})
BENIGN_ERRORS = frozenset({"NoLinksFound"})


@dataclass(frozen=True, slots=True)
class Results:
    """What schemathesis' structured events say: failing checks, and what each check reached."""

    failed_checks: tuple[str, ...]
    reached: dict[str, set[str]]
    warnings: list[dict[str, str]]
    # Statuses answered but not declared (status_code_conformance failures), per operation.
    undeclared: dict[str, set[int]] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class SchemathesisRun:
    """What one schemathesis run left behind."""

    exit_code: int
    failed_checks: tuple[str, ...]
    junit: Path
    reached: dict[str, set[str]]
    warnings: list[dict[str, str]]
    undeclared: dict[str, set[int]]
    # schemathesis' own warnings: kind (missing_auth, missing_test_data, ...) -> operations.
    tool_warnings: dict[str, list[str]] = field(default_factory=dict)

    @property
    def failed(self) -> bool:
        """Contract failures (hygiene checks aside), errors, or a run that broke."""
        return bool(self.failed_checks) or self.exit_code not in (0, 1)


def referencing_operations(spec: dict[str, Any]) -> list[str]:
    """Operation ids whose JSON body names another object by an `<entity>_id`, at any depth.

    Found in the spec, not named here. A schema-valid id may name nothing of the caller's
    space, so these operations may answer such a request with 400.
    """
    found = []
    for item in spec.get("paths", {}).values():
        for operation in item.values():
            if not isinstance(operation, dict) or "operationId" not in operation:
                continue
            schema = (
                operation.get("requestBody", {})
                .get("content", {})
                .get("application/json", {})
                .get("schema", {})
            )
            if reference_fields(spec, schema):
                found.append(operation["operationId"])
    return found


def write_config(path: Path, spec: dict[str, Any]) -> None:
    """A schemathesis.toml: the key comes from the environment, never from the file."""
    schemes = spec.get("components", {}).get("securitySchemes", {})
    # Runs are independent and reproducible from the seed: no state carried between them.
    lines = ["[cache]", "enabled = false", ""]
    # PostgreSQL text cannot hold U+0000, so the reference server answers 422 to a NUL in any
    # string; the spec does not say so yet (reported). Keep NUL out of "valid" data until it does.
    lines += ["[generation]", "allow-x00 = false", ""]
    for name, scheme in schemes.items():
        if scheme.get("type") == "apiKey":
            lines += [f'[auth.openapi."{name}"]', f'api_key = "${{{KEY_VARIABLE}}}"', ""]
    operations = referencing_operations(spec)
    if operations:
        lines += [
            "[[operations]]",
            f"include-operation-id = {json.dumps(operations)}",
            f"checks.positive_data_acceptance.expected-statuses = {json.dumps(REFERENCING_STATUSES)}",
            "",
        ]
    # Mask keys and secret values, but keep ids and names so a `Reproduce with:` line replays.
    lines += [
        "[output.sanitization]",
        f"keys-to-sanitize = {json.dumps(SANITIZED_KEYS)}",
        f"sensitive-markers = {json.dumps(SENSITIVE_MARKERS)}",
        "",
    ]
    path.write_text("\n".join(lines), encoding="utf-8")


def run_schemathesis(
    *,
    spec: dict[str, Any],
    url: str,
    api_key: str,
    seed: int,
    max_time: int,
    max_examples: int | None,
    workers: str,
    report_dir: Path,
    pool: dict[str, list[str]],
    operation_ids: list[str],
    prefix: str = "schemathesis",
    lenient_errors: bool = True,
    continue_on_failure: bool = False,
    keep_reports: bool = False,
) -> SchemathesisRun:
    """schemathesis over the operations named by `operation_ids` (all must be in `spec`).

    `continue_on_failure` keeps testing an operation after its first failure: the upstream report
    lists every disagreement, and the published spec's missing 401 would otherwise be the only one.
    `keep_reports` keeps the NDJSON event stream and the HAR cassette in `report_dir` (tens of MB
    a minute); otherwise the events are read from a scratch directory and dropped.
    """
    with tempfile.TemporaryDirectory(prefix="liveavatar-contract-") as scratch:
        events_dir = report_dir if keep_reports else Path(scratch)
        return _run(
            spec=spec,
            url=url,
            api_key=api_key,
            seed=seed,
            max_time=max_time,
            max_examples=max_examples,
            workers=workers,
            report_dir=report_dir,
            events_dir=events_dir,
            pool=pool,
            operation_ids=operation_ids,
            prefix=prefix,
            lenient_errors=lenient_errors,
            continue_on_failure=continue_on_failure,
            keep_reports=keep_reports,
        )


def _run(
    *,
    spec: dict[str, Any],
    url: str,
    api_key: str,
    seed: int,
    max_time: int,
    max_examples: int | None,
    workers: str,
    report_dir: Path,
    events_dir: Path,
    pool: dict[str, list[str]],
    operation_ids: list[str],
    prefix: str,
    lenient_errors: bool,
    continue_on_failure: bool,
    keep_reports: bool,
) -> SchemathesisRun:
    report_dir.mkdir(parents=True, exist_ok=True)
    config = report_dir / f"{prefix}.toml"
    write_config(config, spec)
    junit = report_dir / f"{prefix}.junit.xml"
    ndjson = events_dir / f"{prefix}.events.ndjson"
    warnings = events_dir / f"{prefix}.warnings.jsonl"
    warnings.unlink(missing_ok=True)
    tool_warnings = events_dir / f"{prefix}.tool-warnings.json"
    tool_warnings.unlink(missing_ok=True)
    judged = report_dir / f"{prefix}.spec.json"
    judged.write_text(
        json.dumps(judged_spec(spec) if lenient_errors else spec, indent=1), encoding="utf-8"
    )
    command = [
        sys.executable,
        "-m",
        "schemathesis.cli",
        "--config-file",
        str(config),
        "run",
        str(judged),
        "--url",
        url,
        "--checks",
        "all",
        "--mode",
        "all",
        "--phases",
        PHASES,
        "--seed",
        str(seed),
        "--max-time",
        str(max_time),
        "--workers",
        workers,
        "--report",
        "junit,har,ndjson" if keep_reports else "junit,ndjson",
        "--report-junit-path",
        str(junit),
        "--report-ndjson-path",
        str(ndjson),
        "--generation-database",
        "none",
        "--no-color",
    ]
    if keep_reports:
        command += ["--report-har-path", str(report_dir / f"{prefix}.har")]
    if max_examples is not None:
        command += ["--max-examples", str(max_examples)]
    if continue_on_failure:
        command.append("--continue-on-failure")
    for operation_id in operation_ids:
        command += ["--include-operation-id", operation_id]
    env = {
        **os.environ,
        KEY_VARIABLE: api_key,
        URL_VARIABLE: url,
        POOL_VARIABLE: json.dumps(pool),
        WARNINGS_VARIABLE: str(warnings),
        TOOL_WARNINGS_VARIABLE: str(tool_warnings),
        "SCHEMATHESIS_HOOKS": HOOKS_MODULE,
    }
    completed = subprocess.run(command, env=env, check=False)
    results = read_events(ndjson)
    # Only operations of the spec count as reached: schemathesis' negative phases also send
    # methods a path does not have (`DELETE /v1/sessions/start`), which are no operation.
    known = {operation.label for operation in spec_operations(spec)}
    reached = {check: labels & known for check, labels in results.reached.items() if labels & known}
    found = json.loads(tool_warnings.read_text(encoding="utf-8")) if tool_warnings.exists() else {}
    return SchemathesisRun(
        completed.returncode,
        results.failed_checks,
        junit,
        reached,
        _distinct([*results.warnings, *_appended(warnings)]),
        results.undeclared,
        {kind: sorted(labels) for kind, labels in found.items()},
    )


def _appended(path: Path) -> list[dict[str, str]]:
    """Hygiene warnings the custom checks appended (one JSON object a line)."""
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def _distinct(warnings: list[dict[str, str]]) -> list[dict[str, str]]:
    """One warning per check and operation."""
    seen: dict[tuple[str, str], dict[str, str]] = {}
    for entry in warnings:
        seen.setdefault((entry["check"], entry["operation"]), entry)
    return list(seen.values())


def read_events(ndjson: Path) -> Results:
    """Failed checks and the operations each check reached, from schemathesis' NDJSON events."""
    failed: set[str] = set()
    reached: dict[str, set[str]] = {}
    warnings: list[dict[str, str]] = []
    undeclared: dict[str, set[int]] = {}
    if not ndjson.exists():
        return Results(("error",), {}, [])
    with ndjson.open(encoding="utf-8") as events:
        for line in events:
            event = json.loads(line)
            (kind, payload), *_ = event.items()
            if kind == "FatalError" or (kind == "NonFatalError" and not _benign(payload)):
                failed.add("error")
            if kind not in {"ScenarioFinished", "FuzzScenarioFinished"}:
                continue
            recorder = payload.get("recorder", {})
            cases = recorder.get("cases", {})
            interactions = recorder.get("interactions", {})
            for case_id, results in recorder.get("checks", {}).items():
                value = cases.get(case_id, {}).get("value", {})
                label = f"{value.get('method', '?')} {value.get('path', '?')}"
                for result in results:
                    if result.get("status") == "failure" and result["name"] in HYGIENE_CHECKS:
                        warnings.append(_hygiene_warning(result, label))
                    elif result.get("status") == "failure":
                        failed.add(result["name"])
                    if (
                        result.get("status") == "failure"
                        and result["name"] == "status_code_conformance"
                    ):
                        answer = (interactions.get(case_id) or {}).get("response") or {}
                        if "status_code" in answer:
                            undeclared.setdefault(label, set()).add(int(answer["status_code"]))
                    if result.get("status") in {"success", "failure"}:
                        reached.setdefault(result["name"], set()).add(label)
    return Results(tuple(sorted(failed)), reached, warnings, undeclared)


def _benign(error: dict[str, Any]) -> bool:
    """A phase with nothing to do (no links among the chosen operations) is no finding."""
    return error.get("value", {}).get("type") in BENIGN_ERRORS


def _hygiene_warning(result: dict[str, Any], label: str) -> dict[str, str]:
    failure = (result.get("failure_info") or {}).get("failure", {})
    return {
        "check": result["name"],
        "operation": failure.get("operation", label),
        "message": str(failure.get("message", failure.get("title", ""))).split("\n")[0],
        "reproduce": (result.get("failure_info") or {}).get("code", f"(request {label})"),
    }
