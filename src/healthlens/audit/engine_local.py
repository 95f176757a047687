"""The local engine: worker processes on every core, bounded memory, survives bad pages.

The main process streams records out of the inputs and hands them, in small batches, to worker
processes (at most two batches waiting per worker: memory stays bounded whatever the corpus).
Each worker loads the knowledge base once, turns every record into a row (``rows.audit_record``)
and writes its own Parquet parts (``writer.PartWriter``). Per page, a SIGALRM inside the worker
enforces the time cap; a page that still hangs (stuck inside C code) or crashes the worker is
caught by the main process, which kills or buries the worker, writes an error row for that page,
starts a new worker, and at the end re-reads the inputs once more for the records the dead
worker had not yet written (the parts on disk say which).
"""

from __future__ import annotations

import ctypes
import errno
import multiprocessing as mp
import os
import queue
import signal
import sys
import time
from collections import deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from multiprocessing.process import BaseProcess
from multiprocessing.queues import Queue

from .inputs import Record, Selection, Skipped, iter_records
from .limits import FIRST_PART_SECONDS, PART_SECONDS, AuditError, Limits, PageTimeout
from .resume import done_ids, writer_lock
from .writer import PartWriter

__all__ = ["run_local", "RunStats", "BATCH_RECORDS", "BATCH_BYTES"]

# records per batch handed to a worker: fewer, larger batches cost less hand-over per page
BATCH_RECORDS = 64
BATCH_BYTES = 2 << 20  # ...or fewer when their pages add up to this many bytes
QUEUED = 2  # batches waiting per worker
FATAL_EXIT = 4  # a worker that cannot go on (see ``_fatal``)
START_FAILURES = 3  # workers in a row that die before their first batch: the run stops
CRASH_TEST_ENV = (
    "HEALTHLENS_AUDIT_TEST_CRASH"  # a worker dies on a record whose input contains this
)


@dataclass
class RunStats:
    processed: int = 0  # rows written in this run
    skipped_done: int = 0  # records already in DIR from an earlier run
    skipped_other: int = 0  # WARC records that are not HTML pages
    crashes: int = 0  # workers lost to a page (crash or hard timeout)
    passes: int = 0
    seconds: float = 0.0
    parts: list[str] = field(default_factory=list)


def _worker(
    slot: int,
    prefix: str,
    out_dir: str,
    question: str | None,
    limits: Limits,
    part_rows: int,
    tasks,
    conn,
    current,
    started,
    parent: int,
) -> None:
    """A worker process: batches in, parts out, progress messages back."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the main process's business
    _die_with_parent()
    if os.getppid() != parent:  # the main process died while this one was starting
        os._exit(0)
    try:
        lock = writer_lock(out_dir)  # noqa: F841 - held until this process exits
        _arrow_without_numpy_or_pandas()
        # lazy: workers only; the main process never loads the pipeline or the knowledge base
        from ..knowledge import get_knowledge
        from ..question import parse_question
        from .rows import audit_record, error_row

        kb = get_knowledge().prepare()  # before the first page, whose time would include it
        q = parse_question(question, kb) if question else None
    except ImportError as exc:
        _fatal(
            conn,
            f"a worker cannot start: {exc}; install the audit extra: pip install 'healthlens[audit]'",
        )
    except Exception as exc:  # the knowledge base, the lock file: nothing a restart would fix
        _fatal(conn, f"a worker cannot start: {type(exc).__name__}: {exc}")
    writer = PartWriter(
        out_dir,
        prefix,
        max_rows=part_rows,
        max_seconds=PART_SECONDS,
        first_seconds=FIRST_PART_SECONDS,
    )

    def flush() -> None:
        try:
            out = writer.flush()
        except OSError as exc:
            _fatal(conn, _write_failure(out_dir, exc))
        if out:
            conn.send(("part", *out))

    crash_on = os.environ.get(CRASH_TEST_ENV)  # fault injection for the tests (see tests/audit)
    while True:
        try:
            batch = tasks.get(timeout=2)
        except queue.Empty:
            if os.getppid() != parent:  # the main process was killed: write nothing more
                os._exit(0)
            continue
        if batch is None:
            break
        nbytes = 0
        for rec in batch:
            if os.getppid() != parent:  # the main process is gone: write nothing more
                os._exit(0)
            current[slot] = rec.seq
            started[slot] = time.time()
            if crash_on and crash_on in rec.input:
                os._exit(3)
            try:
                row = audit_record(rec, q, kb, limits)
            except PageTimeout:  # the alarm fired in the instant after the page was done
                row = error_row(
                    rec,
                    "timeout",
                    f"{rec.input}: gave up after {limits.timeout:g} s (the per-page time limit)",
                )
            started[slot] = 0.0
            writer.add(row)
            nbytes += rec.size
            if writer.full:
                flush()
        current[slot] = -1
        conn.send(("processed", len(batch), nbytes))
    flush()
    try:
        conn.send(("closed",))
    except OSError:  # nobody is listening any more
        pass
    # Every part is on disk and reported: end here, without the interpreter tearing down the
    # pipeline's objects one by one (time the main process would spend waiting for it).
    os._exit(0)


def _write_failure(out_dir: str, exc: OSError) -> str:
    why = exc.strerror or str(exc)
    hint = {
        errno.ENOSPC: "free some space",
        errno.EDQUOT: "free some space",
        errno.EACCES: "make it writable",
        errno.EPERM: "make it writable",
        errno.EROFS: "use a writable --out",
    }.get(exc.errno or 0, "check the directory")
    return (
        f"cannot write audit parts to {out_dir}: {why}; {hint}, then rerun the same command "
        "to resume (the parts already written are kept)"
    )


def _fatal(conn, message: str) -> None:
    """Tell the main process the run cannot go on, and end this worker (no restart helps)."""
    try:
        conn.send(("fatal", message))
    except OSError:
        pass
    os._exit(FATAL_EXIT)


_UNUSED = ("numpy", "pandas")  # what pyarrow can use but the part writer does not


class _NoNumpyOrPandas:
    """An import hook under which ``import numpy`` and ``import pandas`` fail."""

    @staticmethod
    def find_spec(name, path=None, target=None):
        if name.partition(".")[0] in _UNUSED:
            raise ImportError(f"{name} is not used by the audit workers")
        return None


def _arrow_without_numpy_or_pandas() -> None:
    """Have pyarrow take numpy and pandas as absent in this worker. pyarrow imports numpy when
    it is installed (a cost at each worker's start), and pandas (the Ray extra brings it) the
    first time it converts Python objects (a larger one, in its first part), for integrations
    the part writer, which converts lists of dicts, never uses."""
    sys.meta_path.insert(0, _NoNumpyOrPandas)  # (no effect on what is imported already)
    try:
        import pyarrow as pa  # lazy: must be imported while the numpy/pandas block is in place

        pa.array([0])  # the first conversion tries the pandas import once, and remembers it failed
    finally:
        sys.meta_path.remove(_NoNumpyOrPandas)


def _die_with_parent() -> None:
    """Linux: have the kernel kill this worker when the main process dies (kill -9 included),
    so no orphan goes on writing into a directory that a resumed run is filling."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):  # not Linux: the ppid checks below still stop it
        pass


@dataclass
class _Worker:
    slot: int
    proc: BaseProcess
    tasks: Queue  # batches to the worker; None asks it to finish
    conn: Connection  # the worker's messages back
    batches: deque = field(default_factory=deque)  # batches sent, not yet reported processed
    killed_for: str | None = None
    reported: bool = False  # has finished a batch
    closing: bool = False
    closed: bool = False


class _Pool:
    def __init__(
        self,
        n: int,
        run_id: str,
        out_dir: str,
        question: str | None,
        limits: Limits,
        part_rows: int,
    ) -> None:
        self.ctx = mp.get_context("spawn")  # no fork: the parent may hold threads (pyarrow, rich)
        self.n, self.run_id, self.out_dir, self.question, self.limits, self.part_rows = (
            n,
            run_id,
            out_dir,
            question,
            limits,
            part_rows,
        )
        self.current = self.ctx.Array("q", [-1] * n, lock=False)
        self.started = self.ctx.Array("d", [0.0] * n, lock=False)
        self.generation = 0
        self.start_failures = 0
        self.workers: list[_Worker] = [self._start(slot) for slot in range(n)]

    def _start(self, slot: int) -> _Worker:
        self.generation += 1
        tasks = self.ctx.Queue(maxsize=QUEUED + 1)
        reader, writer = self.ctx.Pipe(duplex=False)
        prefix = f"{self.run_id}-w{slot}g{self.generation}"
        proc = self.ctx.Process(
            target=_worker,
            name=f"healthlens-audit-{slot}",
            args=(
                slot,
                prefix,
                self.out_dir,
                self.question,
                self.limits,
                self.part_rows,
                tasks,
                writer,
                self.current,
                self.started,
                os.getpid(),
            ),
            daemon=True,
        )
        proc.start()
        writer.close()
        self.current[slot] = -1
        self.started[slot] = 0.0
        return _Worker(slot, proc, tasks, reader)

    def replace(self, w: _Worker) -> _Worker:
        new = self._start(w.slot)
        self.workers[w.slot] = new
        return new

    def kill_all(self) -> None:
        for w in self.workers:
            if w.proc.is_alive():
                w.proc.kill()
        for w in self.workers:
            w.proc.join(timeout=5)


def _batches(records: Iterable[Record], done: set[str], on_skip: Callable[[int], None]):
    batch: list[Record] = []
    size = 0
    for rec in records:
        if rec.id in done:
            on_skip(rec.size)
            continue
        batch.append(rec)
        size += len(rec.data) if rec.data is not None else len(rec.text or "")
        if len(batch) >= BATCH_RECORDS or size >= BATCH_BYTES:
            yield batch
            batch, size = [], 0
    if batch:
        yield batch


def _one_pass(
    pool: _Pool,
    inputs: list[str],
    done: set[str],
    stats: RunStats,
    main_writer: PartWriter,
    progress: Callable[[int, int], None],
    skip_progress: Callable[[int], None],
    select: Selection | None = None,
) -> bool:
    """Feed every not-yet-done record to the workers; True when a worker was lost (redo needed)."""
    skipped = Skipped()
    feed = _batches(
        iter_records(inputs, skipped, pool.limits.max_bytes, select), done, skip_progress
    )
    exhausted = False
    lost = False
    hard_limit = pool.limits.timeout * 2 + 5
    while True:
        # hand out batches to every worker with room
        for w in pool.workers:
            while not exhausted and not w.closing and len(w.batches) < QUEUED:
                batch = next(feed, None)
                if batch is None:
                    exhausted = True
                    break
                w.batches.append(batch)
                w.tasks.put(batch)
        if exhausted:
            for w in pool.workers:
                if not w.closing and not w.batches:
                    w.closing = True
                    w.tasks.put(None)
            if all(w.closed for w in pool.workers):
                break
        wait(  # sleeps until a worker has a message or exits
            [w.conn for w in pool.workers if not w.closed]
            + [w.proc.sentinel for w in pool.workers if not w.closed],
            timeout=0.2,
        )
        for w in list(pool.workers):
            if w.closed:
                continue
            while True:  # drain every message, also from a worker that has just exited
                try:
                    if not w.conn.poll():
                        break
                    msg = w.conn.recv()
                except (EOFError, OSError):
                    break
                if msg[0] == "processed":
                    w.batches.popleft()
                    w.reported = True
                    pool.start_failures = 0
                    progress(msg[1], msg[2])
                elif msg[0] == "part":  # rows on disk: what this run has processed
                    stats.parts.append(msg[1])
                    stats.processed += msg[2]
                elif msg[0] == "fatal":
                    raise AuditError(msg[1])
                elif msg[0] == "closed":
                    w.closed = True
                    w.proc.join(timeout=10)
            if w.closed or w.proc.is_alive():
                continue
            # the worker died: a page crashed it, or the watchdog killed it
            if w.proc.exitcode == FATAL_EXIT:  # pragma: no cover - its message came first
                raise AuditError(f"a worker stopped the run (exit code {FATAL_EXIT}); see above")
            if not w.reported and w.killed_for is None:
                pool.start_failures += 1
                if pool.start_failures >= START_FAILURES:
                    raise AuditError(
                        f"{START_FAILURES} worker processes in a row died before finishing a "
                        f"batch (last exit code {w.proc.exitcode}); the run stops rather than "
                        "restart them forever. Rerun the same command to resume."
                    )
            lost = True
            stats.crashes += 1
            seq = pool.current[w.slot]
            victim = next((r for b in w.batches for r in b if r.seq == seq), None)
            if victim is not None:
                # lazy: rows.py imports the pipeline, which the main process otherwise never loads
                from .rows import error_row

                kind = "timeout" if w.killed_for == "timeout" else "crash"
                why = (
                    f"killed after {hard_limit:g} s (the page ran past the time limit inside a library)"
                    if kind == "timeout"
                    else f"the worker process died on this page (exit code {w.proc.exitcode})"
                )
                main_writer.add(error_row(victim, kind, f"{victim.input}: {why}"))
                try:
                    out = main_writer.flush()  # at once: the next pass must see it as done
                except OSError as exc:
                    raise AuditError(_write_failure(pool.out_dir, exc)) from exc
                if out:
                    stats.parts.append(out[0])
                    stats.processed += 1
                    progress(1, victim.size)
            new = pool.replace(w)
            if exhausted:
                new.closing = True
                new.tasks.put(None)
        now = time.time()
        for w in pool.workers:  # watchdog: a page stuck past the hard limit
            t = pool.started[w.slot]
            if t and now - t > hard_limit and w.proc.is_alive() and w.killed_for is None:
                w.killed_for = "timeout"
                w.proc.kill()
    stats.skipped_other = max(stats.skipped_other, skipped.records)  # every pass sees them all
    return lost


def run_local(
    inputs: list[str],
    out_dir: str,
    question: str | None,
    workers: int,
    limits: Limits,
    done: set[str],
    run_id: str,
    part_rows: int = 2000,
    progress: Callable[[int, int], None] | None = None,
    skip_progress: Callable[[int], None] | None = None,
    select: Selection | None = None,
) -> RunStats:
    """Audit every record of ``inputs`` not in ``done`` into part files in ``out_dir``."""
    progress = progress or (lambda pages, nbytes: None)
    stats = RunStats()

    def on_skip(nbytes: int) -> None:
        stats.skipped_done += 1
        if skip_progress is not None:
            skip_progress(nbytes)

    t0 = time.perf_counter()
    main_writer = PartWriter(out_dir, f"{run_id}-main", max_rows=1)
    pool = _Pool(max(1, workers), run_id, out_dir, question, limits, part_rows)
    try:
        while True:
            stats.passes += 1
            lost = _one_pass(pool, inputs, done, stats, main_writer, progress, on_skip, select)
            if not lost:
                break
            # a dead worker took unwritten rows with it: read the inputs again for exactly those
            done = done_ids(out_dir)
            on_skip = lambda nbytes: None  # noqa: E731 - the first pass counted the skipped ones
            pool.workers = [pool.replace(w) for w in pool.workers]
    finally:
        pool.kill_all()
    stats.seconds = time.perf_counter() - t0
    return stats
