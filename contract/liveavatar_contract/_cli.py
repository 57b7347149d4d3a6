"""Command line of the contract suite: scenario phase, then schemathesis, then one verdict."""

from __future__ import annotations

import argparse
import json
import os
import random
import shlex
import sys
import time
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import httpx
from liveavatar_models.release import VERSION

from liveavatar_contract._findings import Finding
from liveavatar_contract._probe import OutOfScope, Probe, ScenarioStop
from liveavatar_contract._scenarios import Story, run_scenarios
from liveavatar_contract._schemathesis import SchemathesisRun, run_schemathesis
from liveavatar_contract._semantics import coverage
from liveavatar_contract._spec import (
    Operation,
    load_spec,
    operations,
    select,
    success_envelopes,
)
from liveavatar_contract._upstream import report_upstream

# A well-formed id no server holds: the 501 probe must not change anything.
UNKNOWN_ID = "00000000-0000-4000-8000-000000000000"
DEFAULT_MAX_TIME = 170
POOL_SIZE = 3
# Below this schemathesis has no time left for its stateful phase.
MIN_SCHEMATHESIS_TIME = 5


def _env(name: str, *fallbacks: str) -> str | None:
    """`LIVEAVATAR_CONTRACT_<name>`, else the first bare variable set (`make contract URL=...`)."""
    for variable in (f"LIVEAVATAR_CONTRACT_{name}", *fallbacks):
        if os.environ.get(variable):
            return os.environ[variable]
    return None


class _Help(argparse.ArgumentDefaultsHelpFormatter):
    """Shows each option's default, except a key's (it would print a secret) and empty ones."""

    def _get_help_string(self, action: argparse.Action) -> str:
        if action.dest.startswith("api_key") or action.default in (
            None,
            False,
            [],
            argparse.SUPPRESS,
        ):
            return action.help or ""
        return super()._get_help_string(action) or ""


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="liveavatar-contract",
        description="Judge a running LiveAvatar API implementation against the effective spec and the documented behaviour.",
        epilog="Environment: LIVEAVATAR_CONTRACT_URL, LIVEAVATAR_CONTRACT_API_KEY, "
        "LIVEAVATAR_CONTRACT_API_KEY_2, LIVEAVATAR_CONTRACT_MAX_TIME; URL, API_KEY and API_KEY_2 "
        "are read too (`make contract URL=...`).",
        formatter_class=_Help,
    )
    parser.add_argument(
        "--url",
        default=_env("URL", "URL"),
        help="base URL of the server (env LIVEAVATAR_CONTRACT_URL or URL)",
    )
    parser.add_argument(
        "--api-key",
        default=_env("API_KEY", "API_KEY"),
        help="a key of a space (env LIVEAVATAR_CONTRACT_API_KEY or API_KEY; never shown)",
    )
    parser.add_argument(
        "--api-key-2",
        default=_env("API_KEY_2", "API_KEY_2"),
        help="a key of another space, enables the isolation checks "
        "(env LIVEAVATAR_CONTRACT_API_KEY_2 or API_KEY_2; never shown)",
    )
    parser.add_argument(
        "--spec",
        type=Path,
        default=None,
        help="spec to test against (default: the effective spec packaged with liveavatar_models)",
    )
    parser.add_argument(
        "--tag",
        action="append",
        default=[],
        help="judge only the operations with this tag (repeatable; with --operation-id: either)",
    )
    parser.add_argument(
        "--operation-id",
        action="append",
        default=[],
        help="judge only this operation (repeatable)",
    )
    parser.add_argument(
        "--require-all",
        action="store_true",
        help="an operation answering 501 Not Implemented fails the run",
    )
    parser.add_argument(
        "--strict",
        action="store_true",
        help="warnings (hygiene: a 422 echoing the sender's input, no X-Request-ID) fail the run",
    )
    parser.add_argument(
        "--max-time",
        type=int,
        default=int(_env("MAX_TIME") or DEFAULT_MAX_TIME),
        help="time budget of the whole run in seconds (env LIVEAVATAR_CONTRACT_MAX_TIME)",
    )
    parser.add_argument(
        "--max-examples", type=int, default=None, help="schemathesis examples per operation"
    )
    parser.add_argument(
        "--seed", type=int, default=None, help="seed for a reproducible run (random by default)"
    )
    parser.add_argument("--workers", default="1", help="schemathesis workers (1-64 or auto)")
    parser.add_argument(
        "--report-dir",
        type=Path,
        default=Path("reports"),
        help="where the summary (contract-summary.json) and the JUnit XML go",
    )
    parser.add_argument(
        "--reports",
        action="store_true",
        help="also keep schemathesis' NDJSON event stream and HAR cassette (tens of MB a minute)",
    )
    parser.add_argument(
        "--skip-schemathesis",
        action="store_true",
        help="run only the scenario phase (quick, deterministic)",
    )
    parser.add_argument(
        "--upstream",
        action="store_true",
        help="test the pristine published spec (packaged with liveavatar_models, or --spec FILE) "
        "and print where it and the documented behaviour disagree",
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    options = parser.parse_args(argv)
    if not options.url or not options.api_key:
        parser.error("--url and --api-key (or URL and API_KEY) are required")
    started = time.monotonic()
    seed = options.seed if options.seed is not None else random.SystemRandom().randrange(2**31)
    spec, spec_name = load_spec(options.spec, published=options.upstream)
    try:
        selected = select(spec, options.tag, options.operation_id)
    except ValueError as error:
        parser.error(str(error))
    keys = {
        "API_KEY": options.api_key,
        **({"API_KEY_2": options.api_key_2} if options.api_key_2 else {}),
    }
    report_dir: Path = options.report_dir
    report_dir.mkdir(parents=True, exist_ok=True)
    print(
        f"liveavatar-contract: {options.url} against {spec_name} ({len(selected)} operation(s)), "
        f"seed {seed}, budget {options.max_time}s",
        flush=True,
    )

    probe = Probe(
        options.url,
        keys,
        known=operations(spec),
        scope={operation.operation_id for operation in selected},
        envelopes=success_envelopes(spec),
    )
    try:
        probe.scope -= _not_implemented(probe, selected)
        for operation_id in sorted(probe.not_implemented):
            print(f"not implemented (501): {operation_id}", flush=True)
        pool = _secret_pool(probe, spec)
        if not options.upstream:
            print("== scenario phase ==", flush=True)
            run_scenarios(probe, spec)
            _write_scenario_junit(report_dir / "scenarios.junit.xml", probe.failures)
            print(
                f"{len(probe.failures)} scenario finding(s), {len(probe.warnings)} warning(s) "
                f"in {time.monotonic() - started:.1f}s",
                flush=True,
            )
    except httpx.HTTPError as error:
        print(f"cannot talk to {options.url}: {error}", file=sys.stderr)
        probe.close()
        return 2

    run = None
    if not options.skip_schemathesis and probe.scope:
        budget = max(MIN_SCHEMATHESIS_TIME, options.max_time - int(time.monotonic() - started))
        print(f"== schemathesis ({budget}s) ==", flush=True)
        run = run_schemathesis(
            spec=spec,
            url=options.url,
            api_key=options.api_key,
            seed=seed,
            max_time=budget,
            max_examples=options.max_examples,
            workers=options.workers,
            report_dir=report_dir,
            pool=pool,
            operation_ids=sorted(probe.scope),
            prefix="upstream" if options.upstream else "schemathesis",
            lenient_errors=not options.upstream,
            continue_on_failure=options.upstream,
            keep_reports=options.reports,
        )
    probe.close()

    if options.upstream:
        report_upstream(spec, run)
        return 0 if run is None or run.exit_code in (0, 1) else run.exit_code

    by_id = {operation.operation_id: operation for operation in selected}
    reached = {
        check: sorted(by_id[operation_id].label for operation_id in ids if operation_id in by_id)
        for check, ids in probe.reached.items()
        if check not in {"implemented", "cleanup"}
    }
    if run is not None:
        reached.update({check: sorted(labels) for check, labels in run.reached.items()})
    touched = {label for labels in reached.values() for label in labels}
    unreached = sorted(
        operation.label
        for operation in selected
        if operation.operation_id in probe.scope and operation.label not in touched
    )
    summary = {
        "seed": seed,
        "url": options.url,
        "spec": spec_name,
        "spec_version": spec.get("info", {}).get("version"),
        "suite_version": VERSION,
        "selected_operations": sorted(by_id),
        "not_implemented": sorted(probe.not_implemented),
        "not_judged": dict(sorted(probe.not_judged.items())),
        "resource_classes": coverage(spec, probe.reached, set(by_id)),
        "scenario_findings": [finding.as_json() for finding in probe.failures],
        "warnings": [finding.as_json() for finding in probe.warnings]
        + ([] if run is None else run.warnings),
        "schemathesis_warnings": {} if run is None else run.tool_warnings,
        "reached": reached,
        "unreached": unreached,
        "schemathesis_exit_code": None if run is None else run.exit_code,
        "schemathesis_failed_checks": [] if run is None else list(run.failed_checks),
        "seconds": round(time.monotonic() - started, 1),
    }
    (report_dir / "contract-summary.json").write_text(
        json.dumps(summary, indent=2, ensure_ascii=False), encoding="utf-8"
    )
    return _verdict(options, seed, probe, run, summary)


def _not_implemented(probe: Probe, selected: list[Operation]) -> set[str]:
    """The selected operations that answer 501 to one harmless request (no body a create accepts)."""
    probe.scenario = "implemented"
    for operation in selected:
        concrete = operation.path
        for parameter in operation.raw.get("parameters", []):
            if parameter.get("in") == "path":
                concrete = concrete.replace("{" + parameter["name"] + "}", UNKNOWN_ID)
        body: dict[str, Any] | None = {} if "requestBody" in operation.raw else None
        try:
            probe.call(operation.method, concrete, body=body)
        except OutOfScope:
            continue
    return set(probe.not_implemented)


def _verdict(
    options: argparse.Namespace,
    seed: int,
    probe: Probe,
    run: SchemathesisRun | None,
    summary: dict[str, Any],
) -> int:
    print("\n== liveavatar-contract verdict ==")
    print(
        f"suite {summary['suite_version']}; spec {summary['spec']}, API {summary['spec_version']}"
    )
    print(f"seed: {seed}")
    print("reached, per check:")
    for check, labels in sorted(summary["reached"].items()):
        shown = ", ".join(labels[:6]) + (f", ... ({len(labels)} in all)" if len(labels) > 6 else "")
        print(f"  {check}: {shown or 'nothing'}")
    print("resource engine, per class:")
    for name, classes in summary["resource_classes"].items():
        due = [check for check, state in classes.items() if state != "n/a"]
        missed = [check for check in due if classes[check] != "reached"]
        print(
            f"  {name}: {len(due) - len(missed)}/{len(due)} classes reached"
            + (f"; not reached: {', '.join(missed)}" if missed else "")
            + ("" if due else " (judged by its story and schemathesis)")
        )
    for collection, why in summary["not_judged"].items():
        print(f"not judged by the resource stories: {collection} ({why})")
    for finding in probe.findings:
        print(finding.render())
    for warning in [] if run is None else run.warnings:
        print(f"[warning: {warning['check']}] {warning['operation']}: {warning['message']}")
        print(f"    Reproduce with: {warning['reproduce']}")
    reasons = []
    if probe.failures:
        reasons.append(f"{len(probe.failures)} scenario finding(s)")
    if run is not None and run.failed:
        print(
            f"schemathesis failed (exit {run.exit_code}; checks: {', '.join(run.failed_checks) or 'see above'}); "
            "each failure above has its `Reproduce with:` curl line."
        )
        reasons.append("schemathesis failures")
    if probe.not_implemented:
        print(f"{len(probe.not_implemented)} operation(s) not implemented (501)")
        if options.require_all:
            reasons.append("operations not implemented (--require-all)")
    if not any(summary["reached"].values()):
        reasons.append("no check reached any implemented operation of the selection")
    elif summary["unreached"]:
        print(f"chosen and implemented, yet reached by no check: {', '.join(summary['unreached'])}")
        reasons.append("operations no check reached")
    for kind, labels in summary["schemathesis_warnings"].items():
        shown = ", ".join(labels[:6]) + (f", ... ({len(labels)} in all)" if len(labels) > 6 else "")
        print(f"[schemathesis warning: {kind}] {shown}")
    warnings = len(summary["warnings"]) + len(summary["schemathesis_warnings"])
    if warnings:
        print(
            f"{warnings} warning(s): {len(summary['warnings'])} hygiene, "
            f"{len(summary['schemathesis_warnings'])} of schemathesis (they fail the run only with --strict)"
        )
        if options.strict:
            reasons.append("warnings (--strict)")
    if reasons:
        again = f"liveavatar-contract --url {options.url} --api-key $API_KEY"
        if options.api_key_2:
            again += " --api-key-2 $API_KEY_2"
        again += "".join(f" --tag {shlex.quote(tag)}" for tag in options.tag)
        again += "".join(f" --operation-id {op}" for op in options.operation_id)
        print(f"rerun the whole suite: {again} --seed {seed} --max-time {options.max_time}")
        kept = (
            "JUnit XML, NDJSON events, HAR cassette"
            if options.reports
            else "JUnit XML; --reports keeps the NDJSON events and HAR cassette"
        )
        print(f"reports: {options.report_dir}/ (contract-summary.json, {kept})")
        print(f"FAILED: {'; '.join(reasons)}")
        return 1
    print("PASSED")
    return 0


def _secret_pool(probe: Probe, spec: dict[str, Any]) -> dict[str, list[str]]:
    """Secrets created through the API so generated requests can name valid secret_ids."""
    story = Story(spec)
    ids: list[str] = []
    for _ in range(POOL_SIZE):
        try:
            ids.append(story.create_secret(probe)["id"])
        except ScenarioStop:
            break
    return {"secret_ids": ids, "secret_values": sorted(probe.secret_values)}


def _write_scenario_junit(path: Path, findings: list[Finding]) -> None:
    suite = ET.Element(
        "testsuite",
        name="liveavatar-contract scenarios",
        tests=str(max(1, len(findings))),
        failures=str(len(findings)),
    )
    if not findings:
        ET.SubElement(suite, "testcase", name="scenarios", classname="liveavatar_contract")
    for index, finding in enumerate(findings):
        case = ET.SubElement(
            suite, "testcase", name=f"{finding.check}-{index}", classname="liveavatar_contract"
        )
        failure = ET.SubElement(case, "failure", message=finding.message, type=finding.check)
        failure.text = finding.render()
    ET.ElementTree(suite).write(path, encoding="utf-8", xml_declaration=True)
