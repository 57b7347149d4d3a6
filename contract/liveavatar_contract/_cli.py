"""Command line of the contract suite: scenario phase, then schemathesis, then one verdict."""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import time
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import httpx

from liveavatar_contract._findings import Finding
from liveavatar_contract._probe import Probe, ScenarioStop
from liveavatar_contract._scenarios import Story, run_scenarios
from liveavatar_contract._schemathesis import run_schemathesis
from liveavatar_contract._upstream import report_upstream

DEFAULT_SPEC = Path("generated/openapi.effective.json")
UPSTREAM_SPEC = Path("openapi.json")
DEFAULT_MAX_TIME = 170
POOL_SIZE = 3
# Below this schemathesis has no time left for its stateful phase.
MIN_SCHEMATHESIS_TIME = 5


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="liveavatar-contract",
        description="Judge a running LiveAvatar API implementation against the effective spec and the documented behaviour.",
    )
    parser.add_argument(
        "--url", default=os.environ.get("URL"), help="base URL of the server (env URL)"
    )
    parser.add_argument(
        "--api-key", default=os.environ.get("API_KEY"), help="a key of a space (env API_KEY)"
    )
    parser.add_argument(
        "--api-key-2",
        default=os.environ.get("API_KEY_2") or None,
        help="a key of another space, enables the isolation checks (env API_KEY_2)",
    )
    parser.add_argument(
        "--spec", type=Path, default=None, help=f"spec to test against (default {DEFAULT_SPEC})"
    )
    parser.add_argument(
        "--max-time",
        type=int,
        default=DEFAULT_MAX_TIME,
        help="time budget of the whole run in seconds",
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
        help="where JUnit XML and the HAR cassette go",
    )
    parser.add_argument(
        "--skip-schemathesis",
        action="store_true",
        help="run only the scenario phase (quick, deterministic)",
    )
    parser.add_argument(
        "--upstream",
        action="store_true",
        help="test the pristine published openapi.json and print where it and the documented behaviour disagree",
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    options = _parser().parse_args(argv)
    if not options.url or not options.api_key:
        _parser().error("--url and --api-key (or URL and API_KEY) are required")
    started = time.monotonic()
    seed = options.seed if options.seed is not None else random.SystemRandom().randrange(2**31)
    spec_path: Path = options.spec or (UPSTREAM_SPEC if options.upstream else DEFAULT_SPEC)
    spec = json.loads(spec_path.read_text(encoding="utf-8"))
    keys = {
        "API_KEY": options.api_key,
        **({"API_KEY_2": options.api_key_2} if options.api_key_2 else {}),
    }
    report_dir: Path = options.report_dir
    report_dir.mkdir(parents=True, exist_ok=True)
    print(
        f"liveavatar-contract: {options.url} against {spec_path}, seed {seed}, budget {options.max_time}s",
        flush=True,
    )

    probe = Probe(options.url, keys)
    try:
        pool = _secret_pool(probe, spec)
        if not options.upstream:
            print("== scenario phase ==", flush=True)
            run_scenarios(probe, spec)
            _write_scenario_junit(report_dir / "scenarios.junit.xml", probe.findings)
            print(
                f"{len(probe.findings)} scenario finding(s) in {time.monotonic() - started:.1f}s",
                flush=True,
            )
    except httpx.HTTPError as error:
        print(f"cannot talk to {options.url}: {error}", file=sys.stderr)
        probe.close()
        return 2

    run = None
    if not options.skip_schemathesis:
        budget = max(MIN_SCHEMATHESIS_TIME, options.max_time - int(time.monotonic() - started))
        print(f"== schemathesis ({budget}s) ==", flush=True)
        run = run_schemathesis(
            spec_path=spec_path,
            spec=spec,
            url=options.url,
            api_key=options.api_key,
            seed=seed,
            max_time=budget,
            max_examples=options.max_examples,
            workers=options.workers,
            report_dir=report_dir,
            pool=pool,
            prefix="upstream" if options.upstream else "schemathesis",
        )
    probe.close()

    if options.upstream:
        report_upstream(spec, run)
        return 0 if run is None or run.exit_code in (0, 1) else run.exit_code

    summary = {
        "seed": seed,
        "url": options.url,
        "spec": str(spec_path),
        "scenario_findings": [
            {"check": f.check, "message": f.message, "reproduce": f.reproduce}
            for f in probe.findings
        ],
        "schemathesis_exit_code": None if run is None else run.exit_code,
        "schemathesis_failed_checks": [] if run is None else list(run.failed_checks),
        "seconds": round(time.monotonic() - started, 1),
    }
    (report_dir / "contract-summary.json").write_text(
        json.dumps(summary, indent=2, ensure_ascii=False), encoding="utf-8"
    )
    return _verdict(options, seed, probe.findings, run)


def _verdict(options: argparse.Namespace, seed: int, findings: list[Finding], run: Any) -> int:
    print("\n== liveavatar-contract verdict ==")
    print(f"seed: {seed}")
    for finding in findings:
        print(finding.render())
    failed = bool(findings) or (run is not None and run.exit_code != 0)
    if run is not None and run.exit_code != 0:
        print(
            f"schemathesis failed (exit {run.exit_code}; checks: {', '.join(run.failed_checks) or 'see above'}); "
            "each failure above has its `Reproduce with:` curl line."
        )
    if failed:
        again = f"make contract URL={options.url} API_KEY=$API_KEY"
        if options.api_key_2:
            again += " API_KEY_2=$API_KEY_2"
        print(f"rerun the whole suite: {again} SEED={seed} MAX_TIME={options.max_time}")
        print(f"reports: {options.report_dir}/ (JUnit XML, HAR cassette, contract-summary.json)")
        print("FAILED")
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
