"""Parquet part files: a part is written under a hidden temporary name, flushed to disk and
renamed into place, so in DIR a part is either complete or absent, whatever kills the run."""

from __future__ import annotations

import os
import uuid
from functools import lru_cache
from pathlib import Path

__all__ = ["SCHEMA", "PartWriter", "PART_GLOB", "TMP_SUFFIX", "new_run_id"]

PART_GLOB = "part-*.parquet"
TMP_SUFFIX = ".tmp"


@lru_cache(maxsize=1)
def _schema():
    import pyarrow as pa

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
    # ``SCHEMA`` is made on first use: importing pyarrow takes a fifth of a second, which the
    # main process of an audit should not spend before its workers start
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
    ) -> None:
        self.out_dir = Path(out_dir)
        self.prefix = prefix
        self.max_rows = max_rows
        self.max_bytes = max_bytes
        self.rows: list[dict] = []
        self.bytes = 0
        self.parts = 0

    def add(self, row: dict) -> None:
        self.rows.append(row)
        self.bytes += len(row.get("report") or "")

    @property
    def full(self) -> bool:
        return len(self.rows) >= self.max_rows or self.bytes >= self.max_bytes

    def flush(self) -> tuple[str, int] | None:
        """Write the buffered rows as one part; (path, rows) or None when empty."""
        if not self.rows:
            return None
        import pyarrow as pa
        import pyarrow.parquet as pq

        table = pa.Table.from_pylist(self.rows, schema=_schema())
        final = self.out_dir / f"part-{self.prefix}-{self.parts:05d}.parquet"
        tmp = self.out_dir / f".{final.name}{TMP_SUFFIX}"
        with open(tmp, "wb") as fh:
            pq.write_table(table, fh, compression="zstd")
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, final)  # atomic: the part appears whole or not at all
        n = len(self.rows)
        self.rows, self.bytes = [], 0
        self.parts += 1
        return str(final), n
