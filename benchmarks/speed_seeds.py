"""Speed of `healthlens check` on the two seed pages: cold CLI start and warm, wall time and peak memory."""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

from cold import cold_runs

NAME = "speed_seeds"
TITLE = "Speed: `healthlens check` on the seed pages"
ROOT = Path(__file__).resolve().parents[1]
SEEDS = sorted((ROOT.parent / "shared" / "seeds").glob("*.txt"))
CLI = [
    str(Path(sys.executable).parent / "healthlens"),
    "check",
    *map(str, SEEDS),
    "--question",
    "Is FPIES an autoimmune disease?",
    "--format",
    "json",
]


def _cold(n: int = 7) -> tuple[list[float], float]:
    return cold_runs(CLI, n)


def _warm(n: int = 50) -> list[float]:
    from healthlens import check

    check(SEEDS, question="Is FPIES an autoimmune disease?")  # load the knowledge base once
    times = []
    for _ in range(n):
        t = time.perf_counter()
        check(SEEDS, question="Is FPIES an autoimmune disease?")
        times.append(time.perf_counter() - t)
    return times


def run() -> str:
    if not SEEDS:
        return "Skipped: ../shared/seeds is not beside the checkout."
    subprocess.run(CLI, check=True, capture_output=True)  # build the terminology cache if missing
    cold, peak = _cold()
    warm = _warm()

    def ms(xs):
        return f"{statistics.median(xs) * 1000:.0f} ms (min {min(xs) * 1000:.0f}, max {max(xs) * 1000:.0f})"

    return "\n".join(
        [
            f"Command: `.venv/bin/python benchmarks/run.py {NAME}`; the CLI measured is `{' '.join(['healthlens', *CLI[1:]])}`.",
            "",
            "| measure | value | aim |",
            "|---|---|---|",
            f"| cold CLI start + check, 2 seeds (median of {len(cold)}, terminology cache on disk) | {ms(cold)} | < 1 s |",
            f"| warm `healthlens.check(...)`, 2 seeds (median of {len(warm)}) | {ms(warm)} | |",
            f"| peak RSS of the CLI process | {peak:.0f} MiB | |",
            "",
            "The first run on a machine also builds the terminology cache from simple-icd-10-cm (a few seconds, once).",
        ]
    )
