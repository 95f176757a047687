"""Timing a command in fresh processes, shared by the speed benchmarks."""

from __future__ import annotations

import subprocess
import sys
import time

# A go-between process runs the command and reports the command's own peak memory (RUSAGE_CHILDREN
# of this process would mix in every earlier child, including a first run that builds the caches).
_PEAK = "import resource,subprocess,sys;subprocess.run(sys.argv[1:],check=True,capture_output=True);print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"


def cold_runs(cmd: list[str], n: int = 7) -> tuple[list[float], float]:
    """Wall times of ``n`` fresh runs of ``cmd``, and its peak RSS in MiB."""
    times = []
    for _ in range(n):
        t = time.perf_counter()
        subprocess.run(cmd, check=True, capture_output=True)
        times.append(time.perf_counter() - t)
    out = subprocess.run(
        [sys.executable, "-c", _PEAK, *cmd], check=True, capture_output=True, text=True
    )
    return times, int(out.stdout.strip()) / 1024
