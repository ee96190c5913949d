"""Speed of one grade, side by side with its floor, in one run.

(a) `grade` on the reference solution of a question (the whole CLI, in a fresh process, sandboxed)
(b) the same with `--sandbox off` (resource limits only)
(c) the floor: a bare nbclient run of the same notebook in a fresh process, nothing else

Prints the median of N runs of each and the differences and ratios. Target: (a) - (c) <= 0.5 s.
Usage: python benchmarks/bench_grade.py [QID] [--runs N]
"""
from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

FLOOR = """
import sys, nbformat
from nbclient import NotebookClient
nb = nbformat.read(sys.argv[1], as_version=4)
NotebookClient(nb, timeout=600, kernel_name="python3", allow_errors=True).execute()
"""


def timed(cmd: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("qid", nargs="?", default="q01")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    qid = args.qid if (ROOT / "solutions" / args.qid).exists() else "q07"
    solution = ROOT / "solutions" / qid / "solution.ipynb"
    with tempfile.TemporaryDirectory() as tmp:
        nb = Path(tmp) / f"{qid}.ipynb"
        nb.write_bytes(solution.read_bytes())
        grade = [sys.executable, "-m", "grader", str(nb)]
        cases = {"grade (sandboxed)": grade, "grade --sandbox off": grade + ["--sandbox", "off"],
                 "floor: bare nbclient": [sys.executable, "-c", FLOOR, str(nb)]}
        times: dict[str, list[float]] = {k: [] for k in cases}
        for _ in range(args.runs):  # interleaved, so load changes hit every case alike
            for name, cmd in cases.items():
                times[name].append(timed(cmd))
    med = {k: statistics.median(v) for k, v in times.items()}
    floor = med["floor: bare nbclient"]
    print(f"{qid}, median of {args.runs} runs each (seconds)")
    for name, value in med.items():
        print(f"  {name:24s} {value:6.2f}   {value - floor:+5.2f} s over the floor   x{value / floor:4.2f}")
    sandbox_ratio = med["grade (sandboxed)"] / med["grade --sandbox off"]
    print(f"  sandbox cost: x{sandbox_ratio:4.2f} ({med['grade (sandboxed)'] - med['grade --sandbox off']:+.2f} s)")


if __name__ == "__main__":
    main()
