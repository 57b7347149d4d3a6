"""Where the pristine published spec and the documented behaviour disagree."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from liveavatar_contract._schemathesis import SchemathesisRun

STATUS_IN_TEXT = re.compile(r"\b([45]\d\d)\b")


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


def report_upstream(spec: dict[str, Any], run: SchemathesisRun | None) -> None:
    print("\n== published spec vs documented behaviour (informational) ==")
    print("Promised by the operation descriptions (or by the security scheme) but not declared:")
    for line in documented_but_undeclared(spec):
        print(f"- {line}")
    if run is not None:
        print("Answered by the server under test but not declared (status_code_conformance):")
        for name, statuses in sorted(run.undeclared.items()):
            print(f"- {name}: {', '.join(str(status) for status in sorted(statuses))}")
        print(
            f"schemathesis against the published spec: exit {run.exit_code}; failing checks: {', '.join(run.failed_checks) or 'none'}"
        )
        print(f"details: {run.junit}")
