"""Run every benchmark and write docs/benchmarks.md.

    .venv/bin/python benchmarks/run.py            # all
    .venv/bin/python benchmarks/run.py speed      # only the named ones

Each benchmark is a module here with ``NAME``, ``TITLE`` and ``run() -> str`` (a Markdown
section with its figures and the command that reproduces it). Figures are never typed by hand.
"""

from __future__ import annotations

import datetime as dt
import importlib
import os
import platform
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
OUT = ROOT / "docs" / "benchmarks.md"
BENCHMARKS = [
    "speed_seeds",
    "quality_pages",
    "real_pages",
    "label_agreement",
    "train_answer_scorer",
    "quality_extraction",
    "quality_trusted",
    "abbreviations_ab3p",
    "ask_speed",
    "ask_reference",
    "ask_scope",
    "kb_import",
    "web_load",
    "audit_speed",
    "audit_filing",
    "fastmatch_caches",
    "hostile",
    "hostile_web",
    "hostile_audit",
]


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = ""
    try:
        kb = int(
            next(
                line
                for line in Path("/proc/meminfo").read_text().splitlines()
                if line.startswith("MemTotal")
            ).split()[1]
        )
        mem = f", {kb / 1024 / 1024:.0f} GiB RAM"
    except (OSError, StopIteration):
        pass
    return f"{os.cpu_count()} cores ({cpu}){mem}, Python {platform.python_version()}, {platform.system()}"


def main(argv: list[str]) -> int:
    if argv and argv[0] in ("-h", "--help"):
        print(__doc__.strip())
        print("\nbenchmarks: " + " ".join(BENCHMARKS))
        return 0
    names = argv or BENCHMARKS
    # a mistyped name would otherwise surface as an import traceback after the earlier
    # benchmarks had run for minutes
    unknown = [n for n in names if n not in BENCHMARKS and not (HERE / f"{n}.py").is_file()]
    if unknown:
        print(
            f"benchmarks/run.py: no benchmark named {', '.join(unknown)}; "
            f"choose from: {' '.join(BENCHMARKS)}",
            file=sys.stderr,
        )
        return 2
    commit = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, cwd=ROOT
    ).stdout.strip()
    # every section says when, where and at which commit it was measured: a partial run rewrites
    # only its own sections, so one header could not date them all
    stamp = f"_Measured on {dt.date.today().isoformat()} at commit `{commit}`; {machine()}._"
    sections = []
    for name in names:
        mod = importlib.import_module(f"benchmarks.{name}" if __package__ else name)
        print(f"== {mod.TITLE}", flush=True)
        sections.append(f"## {mod.TITLE}\n\n{stamp}\n\n{mod.run().strip()}\n")
    header = (
        "# Benchmarks\n\n"
        "Written by `benchmarks/run.py`; each section states the date, commit and machine it was "
        "measured on (a partial run rewrites only its own sections; a section without that line "
        "predates it and names its commit in its text, if at all).\n\n"
        "Rerun all with `make bench` (or `.venv/bin/python benchmarks/run.py NAME...`).\n\n"
    )
    # a run replaces only its own sections: a partial run keeps the others, and a full run keeps
    # those no listed benchmark writes (embedding_scorer needs an ML venv, so `make bench` skips it)
    if OUT.exists():
        old = OUT.read_text(encoding="utf-8")
        kept = [
            s
            for s in old.split("\n## ")[1:]
            if not any(s.startswith(importlib.import_module(n).TITLE) for n in names)
        ]
        sections = [f"## {s.strip()}\n" for s in kept] + sections
        order = [
            importlib.import_module(n).TITLE for n in BENCHMARKS
        ]  # sections stay in the list's order
        sections.sort(
            key=lambda s: next(
                (i for i, t in enumerate(order) if s.startswith(f"## {t}")), len(order)
            )
        )
    OUT.parent.mkdir(exist_ok=True)
    OUT.write_text(header + "\n".join(sections), encoding="utf-8")
    print(f"wrote {OUT}")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(HERE))
    raise SystemExit(main(sys.argv[1:]))
