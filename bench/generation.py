"""Generation benchmark: wall time of tools/generate.py on our spec, the 10x and the 100x spec."""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from bench.make_large_spec import large_spec

__all__ = ["bench_generation", "main", "time_generate"]

ROOT = Path(__file__).resolve().parent.parent
LARGE_SPEC = ROOT / "bench" / "openapi.large.json"


def time_generate(spec: Path) -> dict[str, Any]:
    """Run the whole pipeline on ``spec`` into a temp dir (never generated/); time it."""
    with tempfile.TemporaryDirectory(prefix="liveavatar-bench-generate-") as tmp:
        out = Path(tmp) / "generated"
        start = time.perf_counter()
        done = subprocess.run(
            [sys.executable, str(ROOT / "tools" / "generate.py"), "--spec", str(spec), "--out", str(out)],
            capture_output=True, text=True, timeout=900, check=False,
        )  # fmt: skip
        wall = time.perf_counter() - start
        if done.returncode != 0:
            raise RuntimeError(f"generate.py failed on {spec.name}:\n{done.stdout}{done.stderr}")
        files = [p for p in out.rglob("*.py") if "__pycache__" not in p.parts]
        provenance = json.loads((out / "PROVENANCE.json").read_text("utf-8"))
        return {
            "spec": spec.relative_to(ROOT).as_posix() if spec.is_relative_to(ROOT) else spec.name,
            "spec_bytes": spec.stat().st_size,
            "operations": provenance["operation_count"],
            "wall_s": round(wall, 2),
            "python_files": len(files),
            "python_lines": sum(len(p.read_text("utf-8").splitlines()) for p in files),
        }


# The 100x spec is written at run time (13 MB): the original plus 99 renamed copies.
HUGE_COPIES = 99
SPECS = ("ours", "large", "huge")


def bench_generation() -> dict[str, Any]:
    runs: dict[str, Any] = {
        "ours": time_generate(ROOT / "openapi.json"),
        "large": time_generate(LARGE_SPEC),
    }
    with tempfile.TemporaryDirectory(prefix="liveavatar-bench-spec-") as tmp:
        huge = Path(tmp) / "openapi.100x.json"
        source = json.loads((ROOT / "openapi.json").read_text("utf-8"))
        huge.write_text(json.dumps(large_spec(source, HUGE_COPIES)), encoding="utf-8")
        runs["huge"] = time_generate(huge)
    for name in SPECS:
        run = runs[name]
        run["ms_per_operation"] = round(1e3 * run["wall_s"] / run["operations"], 1)
        print(
            f"  generate {name:6} {run['operations']:5} operations  {run['wall_s']:7.1f} s  "
            f"{run['ms_per_operation']:6.1f} ms per operation"
        )
    for name in ("large", "huge"):
        runs[f"{name}_over_ours"] = {
            "operations": round(runs[name]["operations"] / runs["ours"]["operations"], 1),
            "wall_s": round(runs[name]["wall_s"] / runs["ours"]["wall_s"], 1),
            "ms_per_operation": round(
                runs[name]["ms_per_operation"] / runs["ours"]["ms_per_operation"], 2
            ),
        }
    return runs


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--json", type=Path, help="write the results here")
    args = parser.parse_args(argv)
    result = bench_generation()
    if args.json:
        args.json.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
