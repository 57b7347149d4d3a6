"""Where the pristine published spec and the documented behaviour disagree."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

STATUS_IN_TEXT = re.compile(r"\b([45]\d\d)\b")
RECEIVED = re.compile(r"Received: (\d{3})")


def documented_but_undeclared(spec: dict[str, Any]) -> list[str]:
    """Statuses an operation's description promises that its `responses` do not declare."""
    lines = []
    for path, item in spec.get("paths", {}).items():
        for method, operation in item.items():
            if not isinstance(operation, dict):
                continue
            declared = set(operation.get("responses", {}))
            promised = set(STATUS_IN_TEXT.findall(operation.get("description", "")))
            if operation.get("security") or spec.get("security"):
                promised.add("401")
            missing = sorted(promised - declared)
            if missing:
                lines.append(
                    f"{method.upper()} {path}: behaviour returns {', '.join(missing)}, spec declares only {', '.join(sorted(declared))}"
                )
    return lines


def observed_undeclared(junit: Path) -> dict[str, set[str]]:
    """Statuses the server answered that the spec does not declare, per test case (operation)."""
    observed: dict[str, set[str]] = {}
    if not junit.exists():
        return observed
    tree = ET.parse(junit)  # noqa: S314 (our own run wrote this file)
    for case in tree.getroot().iter("testcase"):
        for failure in case.iter("failure"):
            statuses = RECEIVED.findall(failure.text or "")
            if statuses:
                observed.setdefault(case.get("name", "?"), set()).update(statuses)
    return observed


def report_upstream(spec: dict[str, Any], run: Any) -> None:
    print("\n== published spec vs documented behaviour (informational) ==")
    print("Promised by the operation descriptions (or by the security scheme) but not declared:")
    for line in documented_but_undeclared(spec):
        print(f"- {line}")
    if run is not None:
        print("Answered by the server under test but not declared (status_code_conformance):")
        for name, statuses in sorted(observed_undeclared(run.junit).items()):
            print(f"- {name}: {', '.join(sorted(statuses))}")
        print(
            f"schemathesis against the published spec: exit {run.exit_code}; failing checks: {', '.join(run.failed_checks) or 'none'}"
        )
        print(f"details: {run.junit}")
