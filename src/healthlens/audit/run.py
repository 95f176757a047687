"""``audit()``: the library function behind `healthlens audit INPUT... --out DIR`."""

from __future__ import annotations

import importlib.util
import os
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError
from .engine_local import RunStats, _write_failure, run_local
from .inputs import Selection, input_bytes
from .limits import AuditError, Limits
from .resume import prepare_out_dir
from .summary import Summary, summarize
from .writer import new_run_id

__all__ = ["audit", "AuditResult", "ENGINES"]

ENGINES = ("local", "ray")


@dataclass
class AuditResult:
    out_dir: Path
    stats: RunStats
    summary: Summary
    resumed: bool

    @property
    def pages_per_second(self) -> float:
        return self.stats.processed / self.stats.seconds if self.stats.seconds else 0.0


def _warm_summary() -> None:
    """Import DuckDB for the end-of-run summary in the background while the workers finish
    their last pages, so that its import time does not come after them."""

    def load() -> None:
        try:
            import duckdb  # noqa: F401  # lazy: the point of this thread (see above)
        except ImportError:  # the summary says what is missing
            pass

    threading.Thread(target=load, name="healthlens-warm-summary", daemon=True).start()


def _check_extra() -> None:
    """The audit extra, before any worker starts: without it every worker would die at start.
    Looked up, not imported: importing pyarrow here would delay every worker's start, and the
    main process does not otherwise need it. (A pyarrow that is present but fails to import
    stops the run from the first worker, with the same install hint.)"""
    if importlib.util.find_spec("pyarrow") is None:
        raise AuditError(
            "healthlens audit needs the audit extra (No module named 'pyarrow'): "
            "pip install 'healthlens[audit]'"
        )


def _check_writable(out: Path) -> None:
    """Write, sync and remove a small file in ``out``: an unwritable directory fails here, at
    once, rather than in every worker at its first part."""
    probe = out / f".write-test-{os.getpid()}"
    try:
        with open(probe, "wb") as fh:
            fh.write(b"healthlens" * 100)
            fh.flush()
            os.fsync(fh.fileno())
    finally:
        try:
            probe.unlink()
        except OSError:
            pass


class _Bar:
    """A rich progress bar over input bytes (for the ETA) that shows pages and pages/s."""

    def __init__(self, total_bytes: int, enabled: bool) -> None:
        self.enabled = enabled
        self.pages = self.bytes = 0
        self.total = total_bytes
        self.warming = False  # whether the summary's DuckDB is being imported
        self.t0 = time.perf_counter()
        if not enabled:
            return
        # lazy: rich is slow to import, and only a progress bar on a terminal needs it
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            Progress,
            TextColumn,
            TimeElapsedColumn,
            TimeRemainingColumn,
        )

        self.progress = Progress(
            TextColumn("auditing"),
            BarColumn(),
            TextColumn("{task.percentage:>3.0f}%"),
            TextColumn("{task.fields[pages]:>10,} pages  {task.fields[rate]:>6,.0f} pages/s"),
            TimeElapsedColumn(),
            TextColumn("ETA"),
            TimeRemainingColumn(),
            console=Console(stderr=True),
            transient=False,
        )
        self.task = self.progress.add_task("audit", total=max(1, total_bytes), pages=0, rate=0.0)

    def __enter__(self):
        if self.enabled:
            self.progress.start()
        return self

    def __exit__(self, *exc):
        if self.enabled:
            self.progress.stop()

    def done(self, pages: int, nbytes: int) -> None:
        self.pages += pages
        self.bytes += nbytes
        if not self.warming and self.bytes >= 0.9 * self.total:
            self.warming = True
            _warm_summary()
        if self.enabled:
            rate = self.pages / max(1e-9, time.perf_counter() - self.t0)
            self.progress.update(self.task, advance=nbytes, pages=self.pages, rate=rate)

    def skipped(self, nbytes: int) -> None:
        if self.enabled:
            self.progress.update(self.task, advance=nbytes)


def _selection(question, question_from, include, exclude) -> Selection:
    source, column = question_from, None
    if question_from is not None:
        if question is not None:
            raise InputError("give a question or a source of questions per page, not both")
        if question_from.startswith("column:"):
            source, column = "column", question_from.split(":", 1)[1].strip()
            if not column:
                raise InputError("name the column of the question, e.g. column:question")
        elif question_from not in ("title", "heading"):
            raise InputError(
                f"unknown question source {question_from!r}: use title, heading or column:NAME"
            )
    return Selection(tuple(include), tuple(exclude), source, column)


def audit(
    inputs: list[str | os.PathLike],
    out_dir: str | os.PathLike,
    question: str | None = None,
    workers: int | None = None,
    engine: str = "local",
    limits: Limits | None = None,
    part_rows: int = 2000,
    progress: bool = False,
    question_from: str | None = None,
    include: tuple[str, ...] | list[str] = (),
    exclude: tuple[str, ...] | list[str] = (),
) -> AuditResult:
    """Audit every page of ``inputs`` into Parquet parts in ``out_dir``; resumes an earlier run
    of the same inputs and question. Bad records become rows with ``error``; nothing raises for them.

    ``question_from`` ('title', 'heading' or 'column:NAME') asks each page its own question instead
    of ``question`` (see ``pipeline.page_question``); ``include``/``exclude`` are globs choosing the
    files of folders (see ``pathselect.py``).

    >>> audit(["crawl.warc.gz"], "out/", question="Is FPIES an autoimmune disease?")  # doctest: +SKIP
    """
    paths: list[str] = [str(p) for p in inputs]
    if not paths:
        raise InputError(
            "no input given: pass files, directories, WARC, JSONL or Parquet files to audit"
        )
    if engine not in ENGINES:
        raise InputError(f"unknown engine {engine!r}: use one of {', '.join(ENGINES)}")
    if question is not None and not question.strip():
        raise InputError(
            'the question is empty: write it out, e.g. "Is FPIES an autoimmune disease?"'
        )
    select = _selection(question, question_from, include, exclude)
    limits = limits or Limits()
    workers = max(1, workers or os.cpu_count() or 1)
    _check_extra()
    try:
        done, resumed, lock = prepare_out_dir(out_dir, paths, question, select.to_dict())
    except OSError as exc:
        raise AuditError(_write_failure(str(out_dir), exc)) from exc
    try:
        _check_writable(Path(out_dir))
    except OSError as exc:
        lock.close()
        raise AuditError(_write_failure(str(out_dir), exc)) from exc
    try:
        run_id = new_run_id()
        bar = _Bar(input_bytes(paths, select), progress)
        with bar:
            if engine == "local":
                stats = run_local(
                    paths,
                    str(out_dir),
                    question,
                    workers,
                    limits,
                    done,
                    run_id,
                    part_rows,
                    bar.done,
                    bar.skipped,
                    select=select,
                )
            else:
                from .engine_ray import run_ray  # lazy: imports Ray's modules (the ray extra)

                stats = run_ray(
                    paths,
                    str(out_dir),
                    question,
                    workers,
                    limits,
                    done,
                    run_id,
                    bar.done,
                    bar.skipped,
                    select=select,
                )
        return AuditResult(Path(out_dir), stats, summarize(out_dir), resumed)
    finally:
        lock.close()
