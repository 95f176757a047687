"""Audit a crawl: every page of files, directories, WARC, JSONL or Parquet inputs, checked in
parallel into a resumable Parquet dataset (one row per input record), with a summary, an HTML
report and SQL over the rows. Needs the ``audit`` extra (pyarrow, FastWARC, DuckDB); the Ray
engine needs the ``ray`` extra. See docs/audit.md."""

from __future__ import annotations

from .limits import Limits

__all__ = ["audit", "AuditResult", "Limits", "ENGINES"]


def __getattr__(name: str):
    if name in ("audit", "AuditResult", "ENGINES"):
        # lazy: the CLI imports this package at start; the engines (multiprocessing) load on use
        from . import run

        return getattr(run, name)
    raise AttributeError(name)
