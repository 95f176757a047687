"""Speed and memory of `healthlens audit` on a generated crawl (WARC.gz of ~1,000-word HTML pages
with site boilerplate, built from ../shared/data/medquad, 2.5 % bad inputs; see audit_pages.py).

Measures, on this machine's cores:
- pages/s of the full audit (the CLI, wall clock, worker start included) at several corpus sizes,
  and how the time grows from the smallest to the largest (linear means a constant ms/page);
- peak memory of the whole process tree (largest RSS of one process, largest sum of PSS);
- trafilatura's extraction alone on the same pages and cores (a process pool fed from the same
  WARC reader), and the ratio audit / trafilatura;
- per page on one core: the audit's per-page function against trafilatura.extract;
- the Ray engine with 1 and 2 workers;
- real pages: when ../shared/data/article-extraction-benchmark is present, its 181 real pages
  cycled to the middle size, the audit and trafilatura's extraction alone in turn, REPEATS times
  (generated pages are much easier for trafilatura than real ones: about 4 ms a page against 16).

Sizes: AUDIT_BENCH_SIZES (default "1000,10000,100000"); AUDIT_BENCH_REPEATS (default 3) runs of
the audit/trafilatura comparison; AUDIT_BENCH_RAY=0 skips Ray.
"""

from __future__ import annotations

import json
import multiprocessing as mp
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

NAME = "audit_speed"
TITLE = "Speed: `healthlens audit` on a generated crawl"
ROOT = Path(__file__).resolve().parents[1]
HERE = Path(__file__).resolve().parent
QUESTION = "Is celiac disease an autoimmune disease?"
WORKERS = os.cpu_count() or 2
REPEATS = int(os.environ.get("AUDIT_BENCH_REPEATS", "3"))
sys.path.insert(0, str(HERE))

import audit_pages  # noqa: E402


# -- memory of a process tree ------------------------------------------------------------------
def _children(root: int) -> list[int]:
    parents = {}
    for d in os.listdir("/proc"):
        if d.isdigit():
            try:
                with open(f"/proc/{d}/stat") as fh:
                    parents[int(d)] = int(fh.read().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                pass
    tree, frontier = {root}, [root]
    while frontier:
        p = frontier.pop()
        for pid, ppid in parents.items():
            if ppid == p and pid not in tree:
                tree.add(pid)
                frontier.append(pid)
    return sorted(tree)


def _kb(path: str, key: str) -> int:
    try:
        with open(path) as fh:
            for line in fh:
                if line.startswith(key):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


class TreeMemory(threading.Thread):
    """Samples a process tree: peak RSS of any one process and peak total PSS (MiB)."""

    def __init__(self, pid: int, every: float = 0.25) -> None:
        super().__init__(daemon=True)
        self.pid, self.every = pid, every
        self.max_rss = self.max_pss_total = 0.0
        self.stop = threading.Event()

    def run(self) -> None:
        while not self.stop.is_set():
            pss = 0
            for p in _children(self.pid):
                self.max_rss = max(self.max_rss, _kb(f"/proc/{p}/status", "VmHWM:") / 1024)
                pss += _kb(f"/proc/{p}/smaps_rollup", "Pss:")
            self.max_pss_total = max(self.max_pss_total, pss / 1024)
            self.stop.wait(self.every)


def _run(
    cmd: list[str], env: dict | None = None, sample: bool = True
) -> tuple[float, TreeMemory, str]:
    """(wall seconds, memory, output) of a command; ``sample=False`` leaves memory unsampled (the
    sampler reads /proc four times a second, which costs the command about 4 % of its time)."""
    t = time.perf_counter()
    proc = subprocess.Popen(
        cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env
    )
    mem = TreeMemory(proc.pid)
    if sample:
        mem.start()
    out, _ = proc.communicate()
    wall = time.perf_counter() - t
    if sample:
        mem.stop.set()
        mem.join()
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} failed:\n{out[-3000:]}")
    return wall, mem, out


# -- trafilatura alone, same pages, same cores ----------------------------------------------------
def _extract_chunk(chunk: list[bytes]) -> int:
    import trafilatura

    return sum(len(trafilatura.extract(data) or "") for data in chunk)


def trafilatura_pool(warc: Path, workers: int) -> tuple[float, int]:
    """(seconds, pages): trafilatura.extract on every HTML response of the WARC, in a pool."""
    from healthlens.audit.inputs import iter_records

    def chunks():
        chunk = []
        for rec in iter_records([str(warc)]):
            if rec.data is not None:
                chunk.append(rec.data)
            if len(chunk) == 16:
                yield chunk
                chunk = []
        if chunk:
            yield chunk

    n = 0
    t = time.perf_counter()
    with mp.get_context("spawn").Pool(workers) as pool:
        for _ in pool.imap_unordered(_extract_chunk, chunks()):
            n += 1
    return time.perf_counter() - t, n


def per_page_cpu(n: int = 300, real: bool = False) -> tuple[float, float]:
    """ms of CPU per page on one core: (audit per-page function, trafilatura.extract), interleaved.
    ``real``: on the real pages (each once) rather than ``n`` generated ones."""
    import trafilatura

    from healthlens.audit.inputs import Record
    from healthlens.audit.rows import Limits, audit_record
    from healthlens.knowledge import get_knowledge
    from healthlens.question import parse_question

    kb = get_knowledge()
    q = parse_question(QUESTION, kb)
    if real:
        recs = [(url, "page", data) for url, data in audit_pages.real_pages()]
        n = len(recs)
    else:
        recs = [audit_pages.record(i) for i in range(n)]
    # warm up both on as many other generated pages: what a worker pays once for thousands of
    # pages (the answer scorer's model, lazy imports for odd inputs, scanners and automata built
    # on first use) falls outside the timed pages, as the knowledge base's load does. Other
    # pages, not the timed ones: a replay would find every phrase the memos keep remembered
    for url, _kind, data in (audit_pages.record(i) for i in range(n, 2 * n)):
        audit_record(
            Record(id=url, input=url, source="b", url=url, data=data, hint="html"), q, kb, Limits()
        )
        trafilatura.extract(data)
    cpu = {"audit": 0.0, "trafilatura": 0.0}
    for i in range(0, n, 20):
        block = recs[i : i + 20]
        t = time.process_time()
        for url, _kind, data in block:
            audit_record(
                Record(id=url, input=url, source="b", url=url, data=data, hint="html"),
                q,
                kb,
                Limits(),
            )
        cpu["audit"] += time.process_time() - t
        t = time.process_time()
        for _url, _kind, data in block:
            trafilatura.extract(data)
        cpu["trafilatura"] += time.process_time() - t
    return cpu["audit"] / n * 1000, cpu["trafilatura"] / n * 1000


_RAY_SCRIPT = """
import logging, os, sys, time, json
import ray
os.environ.setdefault("RAY_agent_register_timeout_ms", "120000")
w = int(sys.argv[2])
ray.init(num_cpus=w + 1, include_dashboard=False, log_to_driver=False, logging_level=logging.WARNING)
from healthlens.audit import audit
t = time.perf_counter()
r = audit([sys.argv[1]], sys.argv[3], question=sys.argv[4], workers=w, engine="ray")
print(json.dumps({"seconds": time.perf_counter() - t, "pages": r.summary.pages}))
"""


def compile_bytecode() -> None:
    """Write the package's bytecode first, as `pip install` does for an installed package (and
    did for trafilatura here). An editable install run with PYTHONDONTWRITEBYTECODE set, as on
    this machine, compiles every module again in every process of every run: 1.2 s of a
    19-second audit of 10,000 pages, spent before the first page."""
    import compileall

    compileall.compile_dir(str(ROOT / "src"), quiet=1)


def run() -> str:
    if not audit_pages.available():
        return "Skipped: ../shared/data/medquad is not beside the checkout (the pages are built from it)."
    compile_bytecode()
    sizes = [
        int(s)
        for s in os.environ.get("AUDIT_BENCH_SIZES", "1000,10000,100000").split(",")
        if s.strip()
    ]
    cli = str(Path(sys.executable).parent / "healthlens")
    rows, notes = [], []
    with tempfile.TemporaryDirectory(prefix="audit-bench-") as tmp:
        tmp = Path(tmp)
        warcs = {}
        for n in sizes:
            t = time.perf_counter()
            warcs[n] = tmp / f"crawl-{n}.warc.gz"
            counts = audit_pages.write_warc(warcs[n], n)
            notes.append(
                f"{n:,} pages: WARC of {warcs[n].stat().st_size / 2**20:,.0f} MiB written in {time.perf_counter() - t:,.0f} s "
                f"({counts['bad']:,} bad inputs, {counts['skipped_records']:,} non-page records)"
            )

        def audit_run(n: int, k: int = 0, sample: bool = True) -> tuple[float, TreeMemory]:
            wall, mem, _ = _run(
                [
                    cli,
                    "audit",
                    str(warcs[n]),
                    "--out",
                    str(tmp / f"out-{n}-{k}"),
                    "--question",
                    QUESTION,
                    "--workers",
                    str(WORKERS),
                    "--no-progress",
                ],
                sample=sample,
            )
            return wall, mem

        mid = sizes[1] if len(sizes) > 1 else sizes[0]
        # the comparison with trafilatura: both, in turn, REPEATS times on the middle size (this
        # machine's speed drifts by 10-15 % over minutes, so single runs taken apart mislead),
        # neither with its memory sampled (trafilatura's pool is not; memory is measured below)
        audit_walls, traf_walls = [], []
        for k in range(REPEATS):
            audit_walls.append(audit_run(mid, k, sample=False)[0])
            traf_walls.append(trafilatura_pool(warcs[mid], WORKERS)[0])
        audit_wall, traf_s = statistics.median(audit_walls), statistics.median(traf_walls)
        real_audit, real_traf = [], []
        if audit_pages.real_available():  # the same comparison on real pages, cycled
            real_warc = tmp / f"real-{mid}.warc.gz"
            t = time.perf_counter()
            audit_pages.write_real_warc(real_warc, mid)
            notes.append(
                f"Real pages: the {len(audit_pages.real_pages())} pages of ../shared/data/article-extraction-benchmark "
                f"cycled to {mid:,} (WARC of {real_warc.stat().st_size / 2**20:,.0f} MiB written in {time.perf_counter() - t:,.0f} s)"
            )
            warcs["real"] = real_warc
            for k in range(REPEATS):
                real_audit.append(audit_run("real", k, sample=False)[0])
                real_traf.append(trafilatura_pool(real_warc, WORKERS)[0])
        for n in sizes:  # wall clock and memory of each size, memory sampled
            wall, mem = audit_run(n, REPEATS)
            rows.append((n, wall, mem.max_rss, mem.max_pss_total))
        rows.sort()
        audit_cpu, traf_cpu = per_page_cpu()
        real_cpu = per_page_cpu(real=True) if real_audit else None
        ray_rows = []
        if os.environ.get("AUDIT_BENCH_RAY", "1") != "0":
            try:
                import ray  # noqa: F401

                for w in (1, 2):
                    out = tmp / f"ray-{w}"
                    _, _, text = _run(
                        [
                            sys.executable,
                            "-c",
                            _RAY_SCRIPT,
                            str(warcs[mid]),
                            str(w),
                            str(out),
                            QUESTION,
                        ]
                    )
                    res = json.loads(text.strip().splitlines()[-1])
                    ray_rows.append((w, res["pages"], res["seconds"]))
            except ImportError:
                notes.append("Ray is not installed (the `ray` extra): no Ray figures.")
    first_n, first_wall = rows[0][0], rows[0][1]
    lines = [
        f"Command: `.venv/bin/python benchmarks/run.py {NAME}` (sizes from `AUDIT_BENCH_SIZES`, now {','.join(map(str, sizes))}). "
        f'Each size: `healthlens audit crawl.warc.gz --out DIR --question "{QUESTION}" --workers {WORKERS}`, wall clock of the '
        "whole command (worker start and the knowledge base load included), with memory sampled from /proc every 0.25 s "
        "(which slows the command by about 4 %).",
        "",
        "| pages | wall s | pages/s | ms/page beyond the first size | peak RSS of one process | peak PSS of all processes | aim |",
        "|---:|---:|---:|---:|---:|---:|---|",
    ]
    for n, wall, rss, pss in rows:
        beyond = f"{(wall - first_wall) / (n - first_n) * 1000:.2f}" if n != first_n else "—"
        lines.append(
            f"| {n:,} | {wall:,.1f} | {n / wall:,.0f} | {beyond} | {rss:,.0f} MiB | {pss:,.0f} MiB | ≥ 280 pages/s, ≤ 1 GB |"
        )
    lines += [
        "",
        f"Trafilatura alone on the same {mid:,} pages and {WORKERS} cores (`trafilatura.extract` on each HTML response's bytes, "
        f"a {WORKERS}-process pool fed by the same WARC reader), run in turn with the audit {REPEATS} times: "
        f"trafilatura {', '.join(f'{w:.1f}' for w in traf_walls)} s, audit {', '.join(f'{w:.1f}' for w in audit_walls)} s "
        f"(memory not sampled: the table's {mid:,}-page row is a separate run with the sampler on). Medians: trafilatura {traf_s:,.1f} s ({mid / traf_s:,.0f} pages/s), "
        f"audit {audit_wall:,.1f} s ({mid / audit_wall:,.0f} pages/s). **Full audit / trafilatura alone: {traf_s / audit_wall:.3f}** (aim ≥ 1.0).",
    ]
    if real_audit:
        ra, rt = statistics.median(real_audit), statistics.median(real_traf)
        lines += [
            "",
            f"Real pages (the article-extraction benchmark's {len(audit_pages.real_pages())} pages as served, cycled to {mid:,} in a WARC, "
            f"same cores, run in turn {REPEATS} times): trafilatura {', '.join(f'{w:.1f}' for w in real_traf)} s, "
            f"audit {', '.join(f'{w:.1f}' for w in real_audit)} s. Medians: trafilatura {rt:,.1f} s ({mid / rt:,.0f} pages/s), "
            f"audit {ra:,.1f} s ({mid / ra:,.0f} pages/s). **Full audit / trafilatura alone on real pages: {rt / ra:.3f}** (aim ≥ 2.5); "
            f"on the generated pages above: {traf_s / audit_wall:.3f}.",
        ]
        if real_cpu:
            lines += [
                "",
                f"Per real page on one core (CPU time, interleaved blocks of 20 pages, each of the {len(audit_pages.real_pages())} pages once, after a warm-up on as many generated pages; "
                "steadier than wall clock on a busy machine): the audit's per-page function "
                f"{real_cpu[0]:.2f} ms, `trafilatura.extract` {real_cpu[1]:.2f} ms (ratio {real_cpu[1] / real_cpu[0]:.2f}).",
            ]
    lines += [
        "",
        f"Per page on one core (CPU time, interleaved blocks of 20 pages, 300 pages, after a warm-up on 300 others): the audit's per-page function "
        f"(read, understand, check, JSON report) {audit_cpu:.2f} ms, `trafilatura.extract` {traf_cpu:.2f} ms "
        f"(ratio {traf_cpu / audit_cpu:.2f}).",
    ]
    if ray_rows:
        lines += [
            "",
            "| Ray workers | pages | seconds (after `ray.init`) | pages/s |",
            "|---:|---:|---:|---:|",
        ]
        lines += [f"| {w} | {p:,} | {s:,.1f} | {p / s:,.0f} |" for w, p, s in ray_rows]
    notes.append(
        "The package's bytecode is written before the runs (`compileall`, as `pip install` does); without it, an "
        "editable install under PYTHONDONTWRITEBYTECODE compiles every module in every process of every run."
    )
    lines += [
        "",
        *[f"- {n}" for n in notes],
        "- This machine runs other jobs too; timings taken while it is busy are low. The lead reruns all benchmarks on a quiet machine.",
    ]
    return "\n".join(lines)


if __name__ == "__main__":
    print(run())
