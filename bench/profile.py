"""Where a server's time goes under wrk load: py-spy samples it, the hottest frames summarised."""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import threading
from collections import Counter
from pathlib import Path

from bench._targets import TARGETS
from bench._wrk import run_wrk
from bench.server import CONNECTIONS, THREADS, WARMUP_S, scenario_script

__all__ = ["main", "profile", "summarise"]

PY_SPY = Path(sys.executable).parent / "py-spy"


def summarise(collapsed: str, top: int = 25) -> str:
    """Self and inclusive sample shares per frame, from py-spy's collapsed-stack output."""
    own: Counter[str] = Counter()
    inclusive: Counter[str] = Counter()
    total = 0
    for line in collapsed.splitlines():
        stack, _, count_text = line.rpartition(" ")
        if not stack or not count_text.isdigit():
            continue
        count = int(count_text)
        frames = stack.split(";")
        total += count
        own[frames[-1]] += count
        for frame in set(frames):
            inclusive[frame] += count
    if not total:
        return "no samples\n"
    out = [f"{total} samples", "", "self %  frame"]
    out += [f"{100 * n / total:6.1f}  {frame}" for frame, n in own.most_common(top)]
    out += ["", "incl %  frame"]
    out += [f"{100 * n / total:6.1f}  {frame}" for frame, n in inclusive.most_common(top)]
    return "\n".join(out) + "\n"


def profile(target: str, scenario: str, duration_s: int, out: Path) -> str:
    """Run ``scenario`` against ``target`` with wrk while py-spy records; the summary."""
    if not PY_SPY.exists() and shutil.which("py-spy") is None:
        raise SystemExit("py-spy is missing: `make install-dev` installs the dev dependencies")
    spy = str(PY_SPY) if PY_SPY.exists() else "py-spy"
    with (
        tempfile.TemporaryDirectory(prefix="liveavatar-profile-") as tmp,
        TARGETS[target].start(Path(tmp)) as endpoint,
    ):
        url, script = scenario_script(endpoint, scenario, Path(tmp))
        run_wrk(url, script, duration_s=WARMUP_S, connections=CONNECTIONS, threads=THREADS)
        raw = Path(tmp) / "profile.txt"
        recorder = subprocess.Popen(
            [spy, "record", "--pid", str(endpoint.pid), "--subprocesses", "--format", "raw",
             "--duration", str(duration_s), "--rate", "200", "--output", str(raw), "--nonblocking"],
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
        )  # fmt: skip
        load = threading.Thread(
            target=run_wrk,
            args=(url, script),
            kwargs={"duration_s": duration_s, "connections": CONNECTIONS, "threads": THREADS},
        )
        load.start()
        recorder.wait(timeout=duration_s + 60)
        load.join()
        collapsed = raw.read_text("utf-8") if raw.exists() else ""
    out.write_text(collapsed, encoding="utf-8")
    return summarise(collapsed)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--target", default="ours-sqlite", choices=TARGETS)
    parser.add_argument("--scenario", default="create")
    parser.add_argument("--duration", type=int, default=5)
    parser.add_argument("--out", type=Path, default=Path("profile.collapsed.txt"))
    args = parser.parse_args(argv)
    print(profile(args.target, args.scenario, args.duration, args.out), end="")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
