"""Run the contract suite as a user would (the `liveavatar-contract` command) and read its verdict."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]


@dataclass(frozen=True, slots=True)
class Verdict:
    exit_code: int
    output: str
    summary: dict[str, Any]

    @property
    def caught_by(self) -> set[str]:
        scenario = {finding["check"] for finding in self.summary.get("scenario_findings", [])}
        return scenario | set(self.summary.get("schemathesis_failed_checks", []))


def run_suite(
    url: str,
    first_key: str,
    second_key: str,
    report_dir: Path,
    *,
    max_time: int,
    seed: int = 20261127,
    extra: Sequence[str] = (),
) -> Verdict:
    env = {**os.environ, "API_KEY": first_key, "API_KEY_2": second_key}
    completed = subprocess.run(
        [
            str(Path(sys.executable).with_name("liveavatar-contract")),
            "--url",
            url,
            "--max-time",
            str(max_time),
            "--seed",
            str(seed),
            "--report-dir",
            str(report_dir),
            *extra,
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=max_time + 120,
        check=False,
    )
    summary_path = report_dir / "contract-summary.json"
    summary = json.loads(summary_path.read_text()) if summary_path.exists() else {}
    return Verdict(completed.returncode, completed.stdout + completed.stderr, summary)
