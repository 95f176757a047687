"""Audit a crawl: every page of files, directories, WARC, JSONL or Parquet inputs, checked in
parallel into a resumable Parquet dataset (one row per input record), with a summary, an HTML
report and SQL over the rows. Needs the ``audit`` extra (pyarrow, FastWARC, DuckDB); the Ray
engine needs the ``ray`` extra. See docs/audit.md."""

from __future__ import annotations

__all__ = ["audit", "AuditResult", "Limits", "ENGINES"]


def __getattr__(name: str):
    # imported on use: the package must import without the audit extra (the CLI registers it)
    if name in ("audit", "AuditResult", "ENGINES"):
        from . import run

        return getattr(run, name)
    if name == "Limits":
        from .limits import Limits

        return Limits
    raise AttributeError(name)
