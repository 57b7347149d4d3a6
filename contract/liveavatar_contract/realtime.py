"""`python -m liveavatar_contract.realtime`: judge a server's LITE socket (see `_realtime`).

    API_KEY=... python -m liveavatar_contract.realtime --url http://127.0.0.1:8000

Exit 0: every invariant held; 1: one broke (named in the output and in `--report`); 2: the
suite could not run (no key, the server unreachable, no LITE session could start).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path

import httpx

from liveavatar_contract._realtime import INVARIANTS, SANDBOX_AVATAR, Target, run

__all__ = ["main"]


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m liveavatar_contract.realtime",
        description="Judge a LiveAvatar server's LITE-mode socket against the AsyncAPI document.",
    )
    parser.add_argument("--url", required=True, help="the server's base URL")
    parser.add_argument("--avatar-id", default=SANDBOX_AVATAR, help="avatar of the sandbox session")
    parser.add_argument("--max-examples", type=int, default=10, help="command sequences to try")
    parser.add_argument("--steps", type=int, default=12, help="commands per sequence at most")
    parser.add_argument(
        "--playback-factor", type=float, default=1.0,
        help="seconds the server takes at most per second of audio (1: real time)",
    )  # fmt: skip
    parser.add_argument("--report", type=Path, help="write the verdict as JSON to this file")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    key = os.environ.get("API_KEY")
    if not key:
        print("realtime suite: set API_KEY (a key of a space) in the environment", file=sys.stderr)
        return 2
    target = Target(args.url.rstrip("/"), key, args.avatar_id, args.playback_factor)
    try:
        outcome = run(target, max_examples=args.max_examples, steps=args.steps)
    except httpx.HTTPError as exc:
        print(
            f"realtime suite: the server could not be reached ({type(exc).__name__})",
            file=sys.stderr,
        )
        return 2
    violation = outcome.violation
    if violation is not None and violation.invariant not in INVARIANTS:
        print(f"realtime suite: could not run: {violation.detail}", file=sys.stderr)
        return 2
    verdict = {
        "examples": outcome.examples,
        "invariants": list(INVARIANTS),
        "violation": None
        if violation is None
        else {"invariant": violation.invariant, "detail": violation.detail},
    }
    if args.report is not None:
        args.report.write_text(json.dumps(verdict, indent=2) + "\n", encoding="utf-8")
    if violation is None:
        print(f"realtime: {outcome.examples} command sequences, every invariant held")
        return 0
    print(f"realtime: FAILED after {outcome.examples} sequence(s): {violation}")
    return 1


if __name__ == "__main__":
    raise SystemExit(main())
