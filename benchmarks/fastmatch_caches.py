"""Do fastmatch's identity-keyed caches earn their keep? (issue 15)

``healthlens.fastmatch`` keeps two caches between calls:

- ``_PAGES`` (per thread): the occurrences of every scanner's strings in the last few texts,
  found in one walk of two automata, so that the dozen scanners reading a page (and its
  sentences) do not each walk it again;
- ``_SCANNERS``: each compiled pattern's scanner, keyed by ``id(pattern)`` and checked by
  identity (a pattern's own hash hashes its compiled code).

Three more (the last page each scanner read, the last page text folded, the last sentence
list's order) were measured here too, saved nothing measurable (within 3 %, the noise of this
machine) and were removed.

The audit's per-page function (read, understand, check, JSON report) runs on the same pages with
both caches on, with each one off, and with both off, in interleaved blocks of 20 pages (CPU time,
one process). "Off" means: ``_PAGES`` keeps nothing (every scanner call that reads a page walks
it again), and the scanner cache keyed by the pattern itself (its hash).
"""

from __future__ import annotations

import os
import sys
import time
from contextlib import ExitStack, contextmanager
from pathlib import Path

NAME = "fastmatch_caches"
TITLE = "Speed: fastmatch's per-page caches on and off"
ROOT = Path(__file__).resolve().parents[1]
HERE = Path(__file__).resolve().parent
QUESTION = "Is celiac disease an autoimmune disease?"
ROUNDS = int(os.environ.get("FASTMATCH_BENCH_ROUNDS", "3"))
sys.path.insert(0, str(HERE))

import audit_pages  # noqa: E402


@contextmanager
def _patched(obj, name, value):
    old = getattr(obj, name)
    setattr(obj, name, value)
    try:
        yield
    finally:
        setattr(obj, name, old)


def _no_pages_cache(stack: ExitStack) -> None:
    from healthlens import fastmatch

    stack.enter_context(_patched(fastmatch._PAGES, "KEEP", 0))  # nothing kept: walked per call


def _scanners_by_hash(stack: ExitStack) -> None:
    from healthlens import fastmatch

    by_pattern: dict = {}

    def scanner(pattern):
        s = by_pattern.get(pattern)
        if s is None:
            s = by_pattern[pattern] = fastmatch._SCANNERS.get(id(pattern)) or fastmatch.Scanner(
                pattern
            )
        return s

    stack.enter_context(_patched(fastmatch, "scanner", scanner))
    # the stages took ``scanner`` by name at import: patch it where they hold it
    for name, mod in list(sys.modules.items()):
        if (
            name.startswith("healthlens.")
            and name != "healthlens.fastmatch"
            and getattr(mod, "scanner", None) is _ORIGINAL_SCANNER[0]
        ):
            stack.enter_context(_patched(mod, "scanner", scanner))


_ORIGINAL_SCANNER: list = [None]

VARIANTS = {
    "both caches on": [],
    "_PAGES off (each scanner call walks the page)": [_no_pages_cache],
    "_SCANNERS keyed by the pattern's hash": [_scanners_by_hash],
    "both off": [_no_pages_cache, _scanners_by_hash],
}


def measure(rounds: int = ROUNDS) -> dict[str, dict[str, float]]:
    """ms of CPU per page for each variant, on the real pages and 300 generated ones."""
    from healthlens import fastmatch
    from healthlens.audit.inputs import Record
    from healthlens.audit.rows import Limits, audit_record
    from healthlens.knowledge import get_knowledge
    from healthlens.question import parse_question

    _ORIGINAL_SCANNER[0] = fastmatch.scanner
    kb = get_knowledge().prepare()
    q = parse_question(QUESTION, kb)
    sets = {"generated": [audit_pages.record(i) for i in range(300)]}
    if audit_pages.real_available():
        sets["real"] = [(url, "page", data) for url, data in audit_pages.real_pages()]
    records = {
        k: [Record(id=u, input=u, source="b", url=u, data=d, hint="html") for u, _k, d in v]
        for k, v in sets.items()
    }
    # warm up on every page: every scanner built, every automaton compiled, and the memos kept
    # across pages (class names, links, short phrases) as full as they are for every variant
    for recs in records.values():
        for rec in recs:
            audit_record(rec, q, kb, Limits(), alarm=False)
    cpu = {(v, k): 0.0 for v in VARIANTS for k in records}
    pages = dict.fromkeys(records, 0)
    for r in range(rounds):
        for kind, recs in records.items():
            for i in range(0, len(recs), 20):
                block = recs[i : i + 20]
                names = list(VARIANTS)
                if (i // 20 + r) % 2:
                    names.reverse()
                for variant in names:
                    with ExitStack() as stack:
                        for off in VARIANTS[variant]:
                            off(stack)
                        t = time.process_time()
                        for rec in block:
                            audit_record(rec, q, kb, Limits(), alarm=False)
                        cpu[variant, kind] += time.process_time() - t
                pages[kind] += len(block)
    return {v: {k: cpu[v, k] / pages[k] * 1000 for k in records} for v in VARIANTS}


def run() -> str:
    if not audit_pages.available():
        return "Skipped: ../shared/data/medquad is not beside the checkout (the pages are built from it)."
    res = measure()
    kinds = list(next(iter(res.values())))
    base = res["both caches on"]
    lines = [
        f"Command: `.venv/bin/python benchmarks/run.py {NAME}`. The audit's per-page function "
        "(read, understand, check, JSON report) on "
        + " and ".join(
            "the article-extraction benchmark's real pages"
            if k == "real"
            else "300 generated pages"
            for k in kinds
        )
        + f", question {QUESTION!r}, one process, CPU time, blocks of 20 pages interleaved across "
        f"the variants, {ROUNDS} rounds. What each cache holds and why it is safe: "
        'docs/architecture.md, "fastmatch\'s caches".',
        "",
        "| variant | "
        + " | ".join(f"{k}: ms/page" for k in kinds)
        + " | "
        + " | ".join(f"{k}: vs both on" for k in kinds)
        + " |",
        "|---|" + "---:|" * (2 * len(kinds)),
    ]
    for variant, row in res.items():
        lines.append(
            f"| {variant} | "
            + " | ".join(f"{row[k]:.2f}" for k in kinds)
            + " | "
            + " | ".join(f"{row[k] / base[k]:.2f}×" for k in kinds)
            + " |"
        )
    return "\n".join(lines)


if __name__ == "__main__":
    print(run())
