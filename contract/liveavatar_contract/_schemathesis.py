"""Runs the schemathesis CLI over the spec with our auth, checks, pool and reports."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from liveavatar_contract.checks import KEY_VARIABLE, POOL_VARIABLE, URL_VARIABLE

HOOKS_MODULE = "liveavatar_contract.checks"
SECRET_REFERENCE = "secret_id"  # noqa: S105 (a field name, not a secret)
# schemathesis' default for positive_data_acceptance plus 400, which the docs give for an invalid
# secret_id; `secret_reference_judged` still fails a 400 to a request naming a valid secret.
SECRET_REFERENCING_STATUSES = ["2xx", "3xx", "400", "401", "403", "404", "409", "429", "5xx"]
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


@dataclass(frozen=True, slots=True)
class SchemathesisRun:
    """What one schemathesis run left behind."""

    exit_code: int
    failed_checks: tuple[str, ...]
    junit: Path


def secret_referencing_operations(spec: dict[str, Any]) -> list[str]:
    """Operation ids whose JSON body has a `secret_id` property (found in the spec, not named here)."""
    found = []
    for item in spec.get("paths", {}).values():
        for operation in item.values():
            if not isinstance(operation, dict):
                continue
            schema = (
                operation.get("requestBody", {})
                .get("content", {})
                .get("application/json", {})
                .get("schema", {})
            )
            while "$ref" in schema:
                target: Any = spec
                for part in schema["$ref"].removeprefix("#/").split("/"):
                    target = target[part]
                schema = target
            if SECRET_REFERENCE in schema.get("properties", {}):
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
    operations = secret_referencing_operations(spec)
    if operations:
        lines += [
            "[[operations]]",
            f"include-operation-id = {json.dumps(operations)}",
            f"checks.positive_data_acceptance.expected-statuses = {json.dumps(SECRET_REFERENCING_STATUSES)}",
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
    spec_path: Path,
    spec: dict[str, Any],
    url: str,
    api_key: str,
    seed: int,
    max_time: int,
    max_examples: int | None,
    workers: str,
    report_dir: Path,
    pool: dict[str, list[str]],
    prefix: str = "schemathesis",
) -> SchemathesisRun:
    report_dir.mkdir(parents=True, exist_ok=True)
    config = report_dir / f"{prefix}.toml"
    write_config(config, spec)
    junit = report_dir / f"{prefix}.junit.xml"
    command = [
        sys.executable,
        "-m",
        "schemathesis.cli",
        "--config-file",
        str(config),
        "run",
        str(spec_path),
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
        "junit,har",
        "--report-junit-path",
        str(junit),
        "--report-har-path",
        str(report_dir / f"{prefix}.har"),
        "--generation-database",
        "none",
        "--no-color",
    ]
    if max_examples is not None:
        command += ["--max-examples", str(max_examples)]
    env = {
        **os.environ,
        KEY_VARIABLE: api_key,
        URL_VARIABLE: url,
        POOL_VARIABLE: json.dumps(pool),
        "SCHEMATHESIS_HOOKS": HOOKS_MODULE,
    }
    completed = subprocess.run(command, env=env, check=False)
    return SchemathesisRun(completed.returncode, failed_checks(junit), junit)


# schemathesis failure codes -> the check that raises them (`st explain CODE` tells more).
CHECK_OF_CODE = {
    "ST101": "not_a_server_error",
    "ST102": "not_a_server_error",
    "ST103": "status_code_conformance",
    "ST104": "content_type_conformance",
    "ST105": "content_type_conformance",
    "ST106": "content_type_conformance",
    "ST107": "response_headers_conformance",
    "ST108": "response_schema_conformance",
    "ST109": "response_schema_conformance",
    "ST110": "response_schema_conformance",
    "ST111": "response_schema_conformance",
    "ST112": "max_response_time",
    "ST201": "negative_data_rejection",
    "ST202": "positive_data_acceptance",
    "ST203": "missing_required_header",
    "ST204": "unsupported_method",
    "ST205": "allow_header_conformance",
    "ST301": "use_after_free",
    "ST302": "ensure_resource_availability",
    "ST401": "ignored_auth",
    "ST402": "object_level_authorization",
}
FAILURE_LINE = re.compile(r"^- (ST\d{3}) (.*)$")
CUSTOM_CHECK = re.compile(r"`([a-z_]+)`")


def failed_checks(junit: Path) -> tuple[str, ...]:
    """The distinct checks named by the failures in a schemathesis JUnit report."""
    if not junit.exists():
        return ()
    names: set[str] = set()
    tree = ET.parse(junit)  # noqa: S314 (our own run wrote this file)
    for element in tree.getroot().iter():
        if element.tag == "error":
            names.add("error")
        if element.tag != "failure":
            continue
        for line in (element.text or "").splitlines():
            match = FAILURE_LINE.match(line.strip())
            if match is None:
                continue
            code, title = match.groups()
            custom = CUSTOM_CHECK.search(title)
            names.add(
                custom.group(1) if code == "ST901" and custom else CHECK_OF_CODE.get(code, code)
            )
    return tuple(sorted(names))
