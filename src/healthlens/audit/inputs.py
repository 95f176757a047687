"""Audit inputs, streamed: files and directories, WARC/WARC.gz, JSONL and Parquet.

Every record the audit must account for comes out of ``iter_records`` exactly once, in a fixed
order, with an ``id`` that is unique and stable across runs (which is what resuming relies on):

- a page file: its path (a path given twice gets ``#2``);
- a WARC record: ``<warc path>@<offset of the record>``; only HTML responses count (status 2xx,
  Content-Type text/html or application/xhtml+xml); other records are skipped and counted;
- a JSONL line: ``<path>:<line number>``; a Parquet row: ``<path>:<row number>``. Both need a
  ``url`` column and an ``html`` or ``text`` column.

Nothing is held beyond the record being yielded: a 50 GB crawl streams in constant memory.
A source that cannot be read becomes one record carrying an error, never an exception.
"""

from __future__ import annotations

import gzip
import json
import os
from dataclasses import dataclass
from typing import Iterable, Iterator

from ..pathselect import expand_selected

__all__ = [
    "Record",
    "Selection",
    "iter_records",
    "source_kind",
    "input_bytes",
    "Skipped",
    "CONTAINER_KINDS",
    "HTML_TYPES",
]

HTML_TYPES = ("text/html", "application/xhtml+xml")
CONTAINER_KINDS = ("warc", "jsonl", "parquet")
_PARQUET_BATCH = 256


@dataclass(slots=True)
class Record:
    """One input record. Exactly one of ``path``, ``data``, ``text`` is set, or ``error``."""

    id: str
    input: str  # what the row shows: the path, or the URL and the WARC record id
    source: str  # the file it came from
    url: str | None = None
    record_id: str | None = None
    path: str | None = None  # a page file, read by the worker
    data: bytes | None = None  # raw page bytes (WARC payload)
    text: str | None = None  # page text or HTML from a JSONL/Parquet column
    hint: str | None = None  # "html" | "text" | None (guess)
    size: int = 0  # bytes of the source this record accounts for (progress)
    error_kind: str | None = None
    error: str | None = None
    seq: int = 0  # position in the run's record stream
    question_from: str | None = None  # ask this page its own question: title | heading | column
    question: str | None = None  # with question_from "column": the record's column value

    def to_dict(self) -> dict:
        return {f: getattr(self, f) for f in self.__slots__}

    @classmethod
    def from_dict(cls, d: dict) -> "Record":
        return cls(**d)


@dataclass(frozen=True, slots=True)
class Selection:
    """Which files of a folder are read (``--include``/``--exclude`` globs, see ``pathselect.py``)
    and where each record's question comes from (``--question-from``)."""

    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    question_from: str | None = None  # title | heading | column
    column: str | None = None  # with question_from "column": the column's name

    def to_dict(self) -> dict:
        """What the audit's manifest records (resuming needs the same selection); empty when default."""
        return {
            k: list(v) if isinstance(v, tuple) else v
            for k in self.__slots__
            if (v := getattr(self, k))
        }


@dataclass(slots=True)
class Skipped:
    """Counts of records that are not pages (WARC requests, images, redirects...)."""

    records: int = 0


def source_kind(path: str) -> str:
    """'warc', 'jsonl', 'parquet' or 'page' from the file name."""
    name = path.lower()
    if name.endswith((".warc", ".warc.gz", ".arc.gz")):
        return "warc"
    if name.endswith((".jsonl", ".jsonl.gz", ".ndjson", ".ndjson.gz")):
        return "jsonl"
    if name.endswith(".parquet"):
        return "parquet"
    return "page"


def input_bytes(paths: Iterable[str], select: Selection | None = None) -> int:
    """Total size of the inputs (for the progress bar's ETA); unreadable ones count 0."""
    select = select or Selection()
    total = 0
    for p in expand_selected(paths, select.include, select.exclude):
        try:
            total += os.stat(p).st_size
        except OSError:
            pass
    return total


def iter_records(
    paths: Iterable[str], skipped: Skipped | None = None, select: Selection | None = None
) -> Iterator[Record]:
    """Every record of every input, in order, numbered by ``seq``."""
    skipped = skipped if skipped is not None else Skipped()
    select = select or Selection()
    seen_files: dict[str, int] = {}
    seq = 0
    for path in expand_selected(paths, select.include, select.exclude):
        kind = source_kind(path)
        if kind == "warc":
            records = _warc(path, skipped)
        elif kind == "jsonl":
            records = _jsonl(path, select.column)
        elif kind == "parquet":
            records = _parquet(path, select.column)
        else:
            records = _page_file(path, seen_files)
        for rec in records:
            rec.seq = seq
            rec.question_from = select.question_from
            seq += 1
            yield rec


def _source_error(path: str, kind: str, message: str) -> Record:
    return Record(id=path, input=path, source=path, error_kind=kind, error=f"{path}: {message}")


def _page_file(path: str, seen: dict[str, int]) -> Iterator[Record]:
    n = seen.get(path, 0) + 1
    seen[path] = n
    rid = path if n == 1 else f"{path}#{n}"
    try:
        size = os.stat(path).st_size
    except OSError:
        size = 0  # the worker's read_file names the problem (not found, unreadable)
    yield Record(id=rid, input=path, source=path, path=path, size=size)


def _warc(path: str, skipped: Skipped) -> Iterator[Record]:
    try:
        from fastwarc.warc import ArchiveIterator, WarcRecordType
    except ImportError:
        yield _source_error(
            path, "unreadable", "reading WARC files needs FastWARC: pip install 'healthlens[audit]'"
        )
        return
    try:
        fh = open(path, "rb")
    except OSError as exc:
        kind = "not_found" if isinstance(exc, FileNotFoundError) else "unreadable"
        yield _source_error(path, kind, exc.strerror or str(exc))
        return
    last = 0
    with fh:
        try:
            records = ArchiveIterator(
                fh, record_types=WarcRecordType.response | WarcRecordType.resource, parse_http=True
            )
            for rec in records:
                pos = fh.tell()
                size, last = pos - last, pos
                status = (
                    rec.http_headers.status_code
                    if rec.is_http and rec.http_headers is not None
                    else 200
                )
                ctype = (
                    (rec.http_content_type or "").lower()
                    if rec.is_http
                    else (rec.headers.get("Content-Type") or "").lower()
                )
                if not (200 <= (status or 0) < 300) or not ctype.startswith(HTML_TYPES):
                    skipped.records += 1
                    continue
                url = rec.headers.get("WARC-Target-URI") or None
                record_id = rec.record_id
                rid = f"{path}@{rec.stream_pos}"
                shown = f"{url} {record_id}" if url else f"{path} {record_id}"
                data = rec.reader.read()
                if len(data) < rec.content_length:  # the file ends inside this record
                    yield Record(
                        id=rid,
                        input=shown,
                        source=path,
                        url=url,
                        record_id=record_id,
                        size=size,
                        error_kind="unreadable",
                        error=f"{shown}: the WARC record is cut short ({len(data):,} of {rec.content_length:,} bytes)",
                    )
                    continue
                yield Record(
                    id=rid,
                    input=shown,
                    source=path,
                    url=url,
                    record_id=record_id,
                    data=data,
                    hint="html",
                    size=size,
                )
        except (
            OSError
        ) as exc:  # a truncated or corrupt WARC: what was read stands, the rest is one error row
            yield Record(
                id=f"{path}@error",
                input=path,
                source=path,
                error_kind="unreadable",
                error=f"{path}: the WARC file is damaged after byte {last:,} ({exc})",
            )


def _open_text(path: str):
    if path.lower().endswith(".gz"):
        return gzip.open(path, "rt", encoding="utf-8", errors="replace")
    return open(path, encoding="utf-8", errors="replace")


def _column_record(path: str, n: int, row: dict, size: int, column: str | None = None) -> Record:
    rec = _content_record(path, n, row, size)
    if column is not None:
        value = row.get(column)
        rec.question = value if isinstance(value, str) and value.strip() else None
    return rec


def _content_record(path: str, n: int, row: dict, size: int) -> Record:
    rid = f"{path}:{n}"
    url = row.get("url")
    url = url if isinstance(url, str) and url else None
    shown = url or rid
    html, text = row.get("html"), row.get("text")
    if isinstance(html, str):
        return Record(id=rid, input=shown, source=path, url=url, text=html, hint="html", size=size)
    if isinstance(text, str):
        return Record(id=rid, input=shown, source=path, url=url, text=text, hint="text", size=size)
    return Record(
        id=rid,
        input=shown,
        source=path,
        url=url,
        size=size,
        error_kind="unreadable",
        error=f"{rid}: no 'html' or 'text' value (each record needs a url and an html or text column)",
    )


def _jsonl(path: str, column: str | None = None) -> Iterator[Record]:
    try:
        fh = _open_text(path)
    except OSError as exc:
        yield _source_error(
            path,
            "not_found" if isinstance(exc, FileNotFoundError) else "unreadable",
            exc.strerror or str(exc),
        )
        return
    with fh:
        try:
            for n, line in enumerate(fh, 1):
                if not line.strip():
                    continue
                try:
                    row = json.loads(line)
                except ValueError as exc:
                    yield Record(
                        id=f"{path}:{n}",
                        input=f"{path}:{n}",
                        source=path,
                        size=len(line),
                        error_kind="parse",
                        error=f"{path}:{n}: not valid JSON ({exc})",
                    )
                    continue
                if not isinstance(row, dict):
                    row = {}
                yield _column_record(path, n, row, len(line), column)
        except (OSError, EOFError) as exc:  # a truncated .gz
            yield Record(
                id=f"{path}:error",
                input=path,
                source=path,
                error_kind="unreadable",
                error=f"{path}: {exc}",
            )


def _parquet(path: str, column: str | None = None) -> Iterator[Record]:
    try:
        import pyarrow.parquet as pq
    except ImportError:
        yield _source_error(
            path,
            "unreadable",
            "reading Parquet files needs pyarrow: pip install 'healthlens[audit]'",
        )
        return
    try:
        pf = pq.ParquetFile(path)
    except FileNotFoundError:
        yield _source_error(path, "not_found", "no such file")
        return
    except Exception as exc:  # pyarrow raises several types for a file that is not Parquet
        yield _source_error(path, "unreadable", f"not a readable Parquet file ({exc})")
        return
    names = set(pf.schema_arrow.names)
    content = [c for c in ("html", "text") if c in names]
    if "url" not in names or not content:
        yield _source_error(
            path,
            "unreadable",
            f"needs a 'url' column and an 'html' or 'text' column; it has {sorted(names)}",
        )
        return
    size = max(1, os.stat(path).st_size // max(1, pf.metadata.num_rows))
    n = 0
    extra = [column] if column and column in names and column not in ("url", *content) else []
    for batch in pf.iter_batches(batch_size=_PARQUET_BATCH, columns=["url", *content, *extra]):
        for row in batch.to_pylist():
            yield _column_record(path, n, row, size, column)
            n += 1
