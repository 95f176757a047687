"""The audit's per-page CPU against the code at issue 15's filing (commit d7b1a6e).

Issue 15 asks that the audit's pages/s stay within 3 % of the filing's. Both trees are timed the
same way, each in its own process, in turn, REPEATS times (AUDIT_FILING_REPEATS, default 7):

- the audit's per-page function (read, understand, check, JSON report) and `trafilatura.extract`
  on the same 300 generated pages (audit_pages.py, question "Is celiac disease an autoimmune
  disease?"), CPU time, in interleaved blocks of 20 pages after a warm-up on 300 others: the
  ratio audit / trafilatura does not move with the machine's speed, which on a shared machine
  varies by more than the differences measured;
- per stage (AUDIT_FILING_STAGE_REPEATS runs each, default 2): CPU of the reader, `understand`,
  the credibility readings and the rest of the check, from wrappers around those functions
  (the rest of the check is the check's time less credibility's).

The filing's sources are taken from git (``git archive``) into a temporary folder; the pages are
this tree's generator for both.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tarfile
import tempfile
from io import BytesIO
from pathlib import Path

NAME = "audit_filing"
TITLE = "Speed: the audit's per-page CPU against issue 15's filing"
ROOT = Path(__file__).resolve().parents[1]
HERE = Path(__file__).resolve().parent
FILING = "d7b1a6e"
PAGES = 300
REPEATS = int(os.environ.get("AUDIT_FILING_REPEATS", "7"))
STAGE_REPEATS = int(os.environ.get("AUDIT_FILING_STAGE_REPEATS", "2"))

# one process per measurement: ``python -c WORKER SRC BENCHMARKS N MODE`` prints
# "audit_ms traf_ms" (MODE ratio) or "read understand credibility check" ms (MODE stages)
WORKER = r"""
import collections, sys, time
src, bench, n, mode = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
sys.path[:0] = [src, bench]
import audit_pages
import healthlens
from healthlens.audit.inputs import Record
from healthlens.audit.rows import Limits, audit_record
from healthlens.knowledge import get_knowledge
from healthlens.question import parse_question
assert healthlens.__file__.startswith(src), healthlens.__file__
kb = get_knowledge()
q = parse_question("Is celiac disease an autoimmune disease?", kb)

def rec(url, data):
    return Record(id=url, input=url, source="b", url=url, data=data, hint="html")

acc = collections.Counter()
if mode == "stages":
    from importlib import import_module  # (the package's ``check`` is a function, not the module)
    check = import_module("healthlens.check")
    targets = [
        (import_module("healthlens.read"), "read_bytes", "read"),
        (import_module("healthlens.understand"), "understand", "understand"),
        (import_module("healthlens.check.credibility"), "assess_credibility", "credibility"),
        (check, "check_page" if hasattr(check, "check_page") else "check", "check"),
    ]
    for mod, name, key in targets:
        f = getattr(mod, name)

        def timed(*a, _f=f, _key=key, **k):
            t = time.process_time()
            try:
                return _f(*a, **k)
            finally:
                acc[_key] += time.process_time() - t

        for m in list(sys.modules.values()):  # every module that imported the function
            if getattr(m, "__name__", "").startswith("healthlens"):
                for k, v in list(vars(m).items()):
                    if v is f:
                        setattr(m, k, timed)
import trafilatura
for url, _k, data in (audit_pages.record(i) for i in range(n, 2 * n)):
    audit_record(rec(url, data), q, kb, Limits())
    if mode == "ratio":
        trafilatura.extract(data)
acc.clear()
recs = [audit_pages.record(i) for i in range(n)]
a = t = 0.0
for i in range(0, n, 20):
    block = recs[i : i + 20]
    s = time.process_time()
    for url, _k, data in block:
        audit_record(rec(url, data), q, kb, Limits())
    a += time.process_time() - s
    if mode == "ratio":
        s = time.process_time()
        for url, _k, data in block:
            trafilatura.extract(data)
        t += time.process_time() - s
if mode == "ratio":
    print(f"{1000 * a / n:.4f} {1000 * t / n:.4f}")
else:
    ms = {k: 1000 * v / n for k, v in acc.items()}
    print(f"{ms['read']:.4f} {ms['understand']:.4f} {ms['credibility']:.4f} {ms['check'] - ms['credibility']:.4f}")
"""


def _filing_tree(into: Path) -> Path:
    """The filing's ``src`` folder, unpacked from git into ``into``."""
    out = subprocess.run(
        ["git", "archive", "--format=tar", FILING, "src"], cwd=ROOT, capture_output=True, check=True
    ).stdout
    with tarfile.open(fileobj=BytesIO(out)) as tar:
        tar.extractall(into, filter="data")
    return into / "src"


def _measure(src: Path, mode: str) -> list[float]:
    out = subprocess.run(
        [sys.executable, "-c", WORKER, str(src), str(HERE), str(PAGES), mode],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"},
    ).stdout
    return [float(x) for x in out.split()]


def _spread(values: list[float], digits: int = 2) -> str:
    return f"{statistics.median(values):.{digits}f} ({min(values):.{digits}f}–{max(values):.{digits}f})"


def run() -> str:
    with tempfile.TemporaryDirectory() as tmp:
        trees = {"filing": _filing_tree(Path(tmp)), "this commit": ROOT / "src"}
        ratio: dict[str, list[float]] = {name: [] for name in trees}
        audit: dict[str, list[float]] = {name: [] for name in trees}
        for _ in range(REPEATS):  # the trees in turn, so that both see the machine's changes
            for name, src in trees.items():
                a, t = _measure(src, "ratio")
                ratio[name].append(a / t)
                audit[name].append(a)
        stages: dict[str, list[list[float]]] = {name: [] for name in trees}
        for _ in range(STAGE_REPEATS):
            for name, src in trees.items():
                stages[name].append(_measure(src, "stages"))
    lines = [
        f"Command: `.venv/bin/python benchmarks/run.py {NAME}` (`AUDIT_FILING_REPEATS`, now "
        f"{REPEATS}). The audit's per-page function (read, understand, check, JSON report) of "
        f"the commit before issue 15's first change ({FILING}, taken from git) and of this "
        f"commit, each in its own process, in turn, on the same {PAGES} generated pages after a "
        "warm-up on as many others; `trafilatura.extract` timed on the same pages in the same "
        "process between blocks of 20, so that the ratio does not move with the machine's speed. "
        "CPU time; medians, with the range of the runs in brackets. Issue 15's aim: the audit's "
        "pages/s within 3 % of the filing's, that is a ratio at most 1.03 times the filing's.",
        "",
        "| code | audit CPU / trafilatura's | audit ms a page |",
        "|---|---:|---:|",
    ]
    for name in trees:
        lines.append(f"| {name} | {_spread(ratio[name], 3)} | {_spread(audit[name])} |")
    lines += [
        "",
        f"Per stage, ms of CPU a page ({STAGE_REPEATS} runs each, process-time wrappers around "
        "each stage, which add a little to each; the rest of the check is the check less the "
        "credibility readings):",
        "",
        "| code | reading | understand | credibility | rest of check |",
        "|---|---:|---:|---:|---:|",
    ]
    for name in trees:
        cols = zip(*stages[name], strict=True)
        lines.append(f"| {name} | " + " | ".join(f"{min(c):.2f}–{max(c):.2f}" for c in cols) + " |")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    print(run())
