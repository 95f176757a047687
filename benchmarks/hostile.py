"""Hostile input: `check` time against page size (10 KB to 5 MB) for the worst pages we can
build, the growth exponent, the deadline, and peak memory on a 1 GB file.

The pages come from tests/hostile/inputs.py (the builders the hostile tests use). Time is the
warm library call `healthlens.check([file])`: read, understand and check, in this process.
"""

from __future__ import annotations

import math
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

NAME = "hostile"
TITLE = "Hostile input: time against size, the deadline, memory on a 1 GB file"
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "hostile"))

from inputs import TEXT_BUILDERS  # noqa: E402

SIZES = [10_000, 30_000, 100_000, 300_000, 1_000_000, 5_000_000]
AIM_1MB_S = 2.0
AIM_PEAK_MIB = 300
# the peak memory of a fresh process that runs `healthlens check` on FILE and prints ru_maxrss
# (VmHWM, the peak of this process's own memory: ru_maxrss would carry over the parent's)
_PEAK = (
    "import re, sys, json; from healthlens import check; "
    "r = check([sys.argv[1]]); "
    "hwm = re.search(r'VmHWM:\\s*(\\d+)', open('/proc/self/status').read()); "
    "print(json.dumps([r.pages[0].error and r.pages[0].error.kind, int(hwm.group(1))]))"
)


def _slope(points: list[tuple[int, float]]) -> float:
    """Least-squares slope of log(time) against log(size)."""
    xs = [math.log(n) for n, _ in points]
    ys = [math.log(max(t, 1e-6)) for _, t in points]
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=False)) / sum(
        (x - mx) ** 2 for x in xs
    )


def _time_check(path: Path) -> tuple[float, float, str | None]:
    from healthlens import check

    t0, c0 = time.perf_counter(), time.process_time()
    report = check([path])
    err = report.pages[0].error
    return time.perf_counter() - t0, time.process_time() - c0, err and err.kind


def _peak(path: str) -> tuple[str | None, float]:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    out = subprocess.run(
        [sys.executable, "-c", _PEAK, path],
        capture_output=True,
        text=True,
        check=True,
        env=env,
        timeout=600,
    )
    import json

    kind, kib = json.loads(out.stdout.strip().splitlines()[-1])
    return kind, kib / 1024


def run() -> str:
    from healthlens import check  # load the knowledge base before timing anything

    rows, fits, worst_1mb = [], [], (0.0, 0.0, "")
    with tempfile.TemporaryDirectory() as tmp:
        warm = Path(tmp) / "warm.txt"
        warm.write_text("Lupus facts\nLupus is not an autoimmune disease.\n")
        check([warm])
        for name, build in TEXT_BUILDERS.items():
            points = []
            cells = []
            for size in SIZES:
                path = Path(tmp) / f"{name}-{size}.txt"
                # ``size`` bytes (a multi-byte character cut at the end is dropped)
                path.write_bytes(
                    build(size).encode("utf-8")[:size].decode("utf-8", "ignore").encode()
                )
                wall, cpu, err = _time_check(path)
                path.unlink()
                points.append((size, cpu))
                cells.append(f"{wall:.2f} / {cpu:.2f}" + (f" ({err})" if err else ""))
                if size == 1_000_000 and cpu > worst_1mb[0]:
                    worst_1mb = (cpu, wall, name)
                print(f"  {name} {size:,}: {wall:.2f} s (cpu {cpu:.2f})", flush=True)
            big = [(n, t) for n, t in points if n >= 100_000]
            fits.append((name, _slope(points), _slope(big)))
            rows.append(f"| {name} | " + " | ".join(cells) + f" | {_slope(big):.2f} |")
        # the deadline: a 5 MB worst page with 1 s to go
        from healthlens import Deadline

        path = Path(tmp) / "deadline.txt"
        path.write_text(TEXT_BUILDERS["claim_random"](5_000_000), encoding="utf-8")
        t0 = time.perf_counter()
        report = check([path], deadline=Deadline(1.0))
        stopped = time.perf_counter() - t0
        kind = report.pages[0].error and report.pages[0].error.kind
        # memory: a sparse 1 GB file, and the largest worst page
        sparse = Path(tmp) / "sparse-1gb.html"
        with open(sparse, "wb") as f:
            f.truncate(1 << 30)
        sparse_kind, sparse_mib = _peak(str(sparse))
        big_path = Path(tmp) / "claim_random-5mb.txt"
        big_path.write_text(TEXT_BUILDERS["claim_random"](5_000_000), encoding="utf-8")
        big_kind, big_mib = _peak(str(big_path))
        zero_kind, zero_mib = _peak("/dev/zero") if Path("/dev/zero").exists() else (None, 0.0)
        _small_kind, small_mib = _peak(str(warm))  # the process with the knowledge base loaded
    worst_exp = max(fits, key=lambda f: f[2])
    header = "| page | " + " | ".join(f"{n // 1000:,} KB" for n in SIZES) + " | exponent ≥ 100 KB |"
    lines = [
        f"Command: `.venv/bin/python benchmarks/run.py {NAME}`. Each page is built by "
        "`tests/hostile/inputs.py`; the time is one warm `healthlens.check([file])` call (read, "
        "understand, check): wall seconds / CPU seconds of this process, on the shared machine "
        "named above. Other engineers' work ran beside it, so wall time is inflated and noisy; "
        "the CPU time is the cost of the check, and the exponents are fitted on it.",
        "",
        header,
        "|---|" + "---|" * (len(SIZES) + 1),
        *rows,
        "",
        f"- growth: the largest exponent (least squares of log time on log size, 100 KB to 5 MB) "
        f"is {worst_exp[2]:.2f} ({worst_exp[0]}); aim: linear (1.0). Over all sizes from 10 KB: "
        + ", ".join(f"{n} {a:.2f}" for n, a, _ in fits)
        + ".",
        f"- the slowest 1 MB page: {worst_1mb[0]:.2f} s of CPU, {worst_1mb[1]:.2f} s wall "
        f"({worst_1mb[2]}); aim ≤ {AIM_1MB_S:.0f} s.",
        f"- the deadline: `check([5 MB claim_random page], deadline=Deadline(1.0))` returned after "
        f"{stopped:.2f} s with the page's error kind `{kind}`.",
        f"- peak memory (RSS of a fresh process running `healthlens.check`): a sparse 1 GB file "
        f"{sparse_mib:.0f} MiB (`{sparse_kind}`, refused from its size, never read); /dev/zero "
        f"{zero_mib:.0f} MiB (`{zero_kind}`, never opened); the 5 MB claim_random page "
        f"{big_mib:.0f} MiB (`{big_kind or 'checked'}`); a two-line page {small_mib:.0f} MiB "
        f"(the process with the knowledge base loaded); aim ≤ {AIM_PEAK_MIB} MiB. (The audit's "
        "peak on a 1 GB WARC record is measured with the audit's own benchmarks.)",
        "",
        "Caps that keep the work linear: `healthlens/limits.py` (listed in docs/limits.md).",
    ]
    return "\n".join(lines)
