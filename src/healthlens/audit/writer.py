"""Parquet part files: a part is written under a hidden temporary name, flushed to disk and
renamed into place, so in DIR a part is either complete or absent, whatever kills the run."""

from __future__ import annotations

import errno
import os
import time
import uuid
from functools import lru_cache
from pathlib import Path

# SCHEMA is made on first use by the module __getattr__ below
__all__ = ["SCHEMA", "PartWriter", "PART_GLOB", "TMP_SUFFIX", "new_run_id"]  # noqa: F822

PART_GLOB = "part-*.parquet"
TMP_SUFFIX = ".tmp"
WRITE_FAULT_ENV = "HEALTHLENS_AUDIT_TEST_WRITE_ERROR"  # e.g. ENOSPC: every flush fails (tests)


@lru_cache(maxsize=1)
def _schema():
    import pyarrow as pa  # lazy: the audit extra, and slow to import

    finding = pa.struct(
        [
            ("kind", pa.string()),
            ("severity", pa.string()),
            ("message", pa.string()),
            ("sentence", pa.string()),
        ]
    )
    return pa.schema(
        [
            ("id", pa.string()),  # unique per input record, stable across runs (see inputs.py)
            ("seq", pa.int64()),
            ("input", pa.string()),
            ("source", pa.string()),
            ("url", pa.string()),
            ("record_id", pa.string()),
            ("site", pa.string()),
            ("error_kind", pa.string()),
            ("error", pa.string()),
            ("title", pa.string()),
            ("main_condition", pa.string()),
            ("main_condition_id", pa.string()),
            ("on_topic", pa.bool_()),
            ("page_answer", pa.string()),
            ("agrees_with_evidence", pa.bool_()),
            ("n_findings", pa.int32()),
            ("findings", pa.list_(finding)),
            ("author", pa.string()),
            ("date", pa.string()),
            ("cites_sources", pa.bool_()),
            ("disclaimer", pa.bool_()),
            ("commercial", pa.bool_()),
            ("first_person", pa.bool_()),
            ("disclosure", pa.bool_()),
            ("extractor", pa.string()),
            ("n_chars", pa.int32()),
            ("elapsed_ms", pa.float32()),
            ("report", pa.string()),  # the page's JSON report (the README's contract)
        ]
    )


def __getattr__(name: str):
    # ``SCHEMA`` is made on first use: importing pyarrow is slow, and the main process of an
    # audit should not spend that time before its workers start
    if name == "SCHEMA":
        return _schema()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def new_run_id() -> str:
    return uuid.uuid4().hex[:8]


class PartWriter:
    """Buffers rows and writes them as ``part-<prefix>-<n>.parquet`` files in ``out_dir``.

    ``max_rows``/``max_bytes`` bound the buffer (default 2,000 rows or 64 MB of reports), which
    bounds a worker's memory whatever the corpus size."""

    def __init__(
        self,
        out_dir: str | os.PathLike,
        prefix: str,
        max_rows: int = 2000,
        max_bytes: int = 64 << 20,
        max_seconds: float | None = None,
        first_seconds: float | None = None,
    ) -> None:
        self.out_dir = Path(out_dir)
        self.prefix = prefix
        self.max_rows = max_rows
        self.max_bytes = max_bytes
        self.max_seconds = max_seconds  # a part is due this long after its first row...
        self.first_seconds = first_seconds  # ...and the writer's first part sooner
        self.rows: list[dict] = []
        self.bytes = 0
        self.parts = 0
        self.since = 0.0  # when the oldest buffered row was added (time.monotonic())
        self._fault = os.environ.get(WRITE_FAULT_ENV)

    def add(self, row: dict) -> None:
        if not self.rows:
            self.since = time.monotonic()
        self.rows.append(row)
        self.bytes += len(row.get("report") or "")

    @property
    def full(self) -> bool:
        """Time to write a part: enough rows or bytes, or rows held long enough."""
        if len(self.rows) >= self.max_rows or self.bytes >= self.max_bytes:
            return True
        limit = self.first_seconds if self.parts == 0 and self.first_seconds else self.max_seconds
        return bool(self.rows) and limit is not None and time.monotonic() - self.since >= limit

    def flush(self) -> tuple[str, int] | None:
        """Write the buffered rows as one part; (path, rows) or None when empty."""
        if not self.rows:
            return None
        if self._fault:
            code = getattr(errno, self._fault, errno.EIO)
            raise OSError(code, os.strerror(code), str(self.out_dir))
        # lazy: the audit extra, and slow to import
        import pyarrow as pa
        import pyarrow.parquet as pq

        table = pa.Table.from_pylist(self.rows, schema=_schema())
        final = self.out_dir / f"part-{self.prefix}-{self.parts:05d}.parquet"
        tmp = self.out_dir / f".{final.name}{TMP_SUFFIX}"
        try:
            with open(tmp, "wb") as fh:
                pq.write_table(table, fh, compression="zstd")
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(tmp, final)  # atomic: the part appears whole or not at all
        except BaseException:
            try:
                tmp.unlink(missing_ok=True)  # a half-written part never stays (a full disk)
            except OSError:
                pass
            raise
        n = len(self.rows)
        self.rows, self.bytes = [], 0
        self.parts += 1
        return str(final), n
