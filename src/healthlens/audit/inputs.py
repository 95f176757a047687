"""Audit inputs, streamed: files and directories, WARC/WARC.gz, JSONL and Parquet.

Every record the audit must account for comes out of ``iter_records`` exactly once, in a fixed
order, with an ``id`` that is unique and stable across runs (which is what resuming relies on):

- a page file: its path (a path given twice gets ``#2``);
- a WARC record: ``<warc path>@<offset of the record>``; only HTML responses count (status 2xx,
  Content-Type text/html or application/xhtml+xml); other records are skipped and counted;
- a JSONL line: ``<path>:<line number>``; a Parquet row: ``<path>:<row number>``. Both need a
  ``url`` column and an ``html`` or ``text`` column. A JSONL line longer than twice the page
  limit (JSON escapes may lengthen a page) is a ``too_large`` record and is never held whole;
  a Parquet cell over the page limit is a ``too_large`` record and never becomes a string (a
  row group of one such row is refused from the file's metadata, unread).

Nothing is held beyond the record being yielded: a crawl of any size streams in constant memory.
A source that cannot be read becomes one record carrying an error, never an exception.
"""

from __future__ import annotations

import gzip
import json
import os
import stat
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from ..limits import MAX_PAGE_BYTES
from ..pathselect import expand_selected, selected

__all__ = [
    "Selection",
    "Record",
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
_BATCH_CHARS = 64 << 20  # content read from Parquet at a time (rows per batch follow from it)
_SKIP = 1 << 20  # characters read at a time while skipping an over-long JSONL line


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
    def from_dict(cls, d: dict) -> Record:
        return cls(**d)


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
    paths: Iterable[str],
    skipped: Skipped | None = None,
    max_bytes: int | None = None,
    select: Selection | None = None,
) -> Iterator[Record]:
    """Every record of every input, in order, numbered by ``seq``. ``max_bytes``: a WARC
    record whose declared length is larger is a ``too_large`` error record, and its payload is
    never read into memory; so is a JSONL line over twice it, or a Parquet cell over it (without
    it, ``limits.MAX_PAGE_BYTES`` bounds JSONL lines and Parquet cells). An input given twice is read twice, its ids marked ``#2``, ``#3``...
    A directory that cannot be listed is an error record, not silence. ``select``: the globs a
    folder's files must pass and where each record's question comes from."""
    skipped = skipped if skipped is not None else Skipped()
    select = select or Selection()
    seen: dict[str, int] = {}
    seq = 0
    for path, problem in _expand(paths, select):
        if problem is not None:
            records = iter([_source_error(path, "unreadable", problem)])
        else:
            n = seen.get(path, 0) + 1
            seen[path] = n
            name = path if n == 1 else f"{path}#{n}"  # the id's stem: unique per occurrence
            kind = source_kind(path)
            if kind == "warc":
                records = _warc(path, skipped, max_bytes, name)
            elif kind == "jsonl":
                records = _jsonl(path, name, select.column, max_bytes)
            elif kind == "parquet":
                records = _parquet(path, name, select.column, max_bytes)
            else:
                records = _page_file(path, name)
        for rec in records:
            rec.question_from = select.question_from
            rec.seq = seq
            seq += 1
            yield rec


def _expand(
    paths: Iterable[str], select: Selection | None = None
) -> Iterator[tuple[str, str | None]]:
    """As ``read.expand_paths`` (directories to their files, sorted, hidden ones skipped, and
    only those ``select``'s globs keep), and ``(directory, why)`` for every directory that
    cannot be listed."""
    select = select or Selection()
    for p in paths:
        path = str(p)
        if not os.path.isdir(path):
            yield path, None
            continue
        problems: list[OSError] = []
        for root, dirs, files in os.walk(path, onerror=problems.append):
            while problems:
                exc = problems.pop(0)
                yield (
                    (exc.filename or root),
                    (
                        f"the directory cannot be read ({exc.strerror or exc}); its pages are not audited"
                    ),
                )
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            for name in sorted(files):
                full = os.path.join(root, name)
                rel = os.path.relpath(full, path).replace(os.sep, "/")
                if not name.startswith(".") and selected(rel, select.include, select.exclude):
                    yield full, None
        while problems:
            exc = problems.pop(0)
            yield (
                (exc.filename or path),
                (
                    f"the directory cannot be read ({exc.strerror or exc}); its pages are not audited"
                ),
            )


def _source_error(path: str, kind: str, message: str) -> Record:
    return Record(id=path, input=path, source=path, error_kind=kind, error=f"{path}: {message}")


def _page_file(path: str, rid: str) -> Iterator[Record]:
    try:
        st = os.stat(path)
    except OSError:
        st = None  # the worker's read_file names the problem (not found, unreadable)
    if st is not None and not stat.S_ISREG(st.st_mode):  # a FIFO or a device would never end
        yield Record(
            id=rid,
            input=path,
            source=path,
            error_kind="unreadable",
            error=f"{path}: not a regular file (a pipe, socket or device); only files are read",
        )
        return
    yield Record(id=rid, input=path, source=path, path=path, size=st.st_size if st else 0)


_GZIP_MAGIC = b"\x1f\x8b\x08"
_WARC_MAGIC = b"WARC/1."
_SCAN = 1 << 20  # bytes read at a time while looking for the next record


def _warc(
    path: str, skipped: Skipped, max_bytes: int | None = None, name: str | None = None
) -> Iterator[Record]:
    """The HTML records of one WARC. After damage (a corrupt gzip member, a record whose
    Content-Length lies, garbage between records) the reading resyncs at the next record, so
    intact records after the damage still come out; the damage is one error row that says at
    which byte it is, and a record whose length does not match its data is an error row."""
    name = name or path
    try:
        # lazy: FastWARC is the optional audit extra; only WARC inputs need it
        from fastwarc.warc import ArchiveIterator, WarcRecordType  # noqa: F401
    except ImportError:
        yield _source_error(
            path, "unreadable", "reading WARC files needs FastWARC: pip install 'healthlens[audit]'"
        )
        return
    try:
        fh = open(path, "rb")  # noqa: SIM115 -- a failed open is reported as a source error; the with-block below closes it
    except OSError as exc:
        kind = "not_found" if isinstance(exc, FileNotFoundError) else "unreadable"
        yield _source_error(path, kind, exc.strerror or str(exc))
        return
    gz = path.lower().endswith(".gz")
    start = 0
    with fh:
        while True:
            pending: tuple[int, Record] | None = None  # held until the next record parses
            fh.seek(start)
            try:
                for pos, out in _warc_pass(fh, path, name, skipped, max_bytes):
                    if pending is not None:
                        yield pending[1]
                    pending = (pos, out)
                if pending is not None:
                    yield pending[1]
                return
            except OSError as exc:  # damage: what was read stands; find the next record
                if pending is None:  # unreadable right where this pass began
                    damage, nxt = start, _next_record(path, start + 1, gz)
                else:
                    last, rec = pending
                    if "header" in str(exc).lower() and _length_lies(path, last, gz):
                        # the record after it does not start where it says it ends: it lies
                        if rec.error_kind is None:
                            rec.data = rec.hint = None
                            rec.error_kind = "unreadable"
                            rec.error = (
                                f"{rec.input}: the WARC record at byte {last:,} does not end "
                                "where its Content-Length says; not checked"
                            )
                        yield rec
                        damage, nxt = None, _next_record(path, last + 1, gz)
                    else:
                        yield rec
                        end = _record_end(path, last, gz)
                        damage = end if end is not None else last + 1
                        nxt = _next_record(path, damage + 1, gz)
                if damage is not None:
                    resumed = f"; reading goes on at byte {nxt:,}" if nxt is not None else ""
                    yield Record(
                        id=f"{name}@error@{damage}",
                        input=path,
                        source=path,
                        error_kind="unreadable",
                        error=f"{path}: the WARC file is damaged at byte {damage:,} ({exc}){resumed}",
                    )
                if nxt is None or nxt <= start:
                    return
                start = nxt


def _warc_pass(fh, path: str, name: str, skipped: Skipped, max_bytes: int | None):
    """(record offset, Record) for each HTML record from the file's current position on;
    raises OSError where the file is damaged."""
    from fastwarc.warc import ArchiveIterator, WarcRecordType  # lazy: the audit extra, WARC only

    last = fh.tell()
    records = ArchiveIterator(
        fh, record_types=WarcRecordType.response | WarcRecordType.resource, parse_http=True
    )
    for rec in records:
        pos = fh.tell()
        size, last = max(0, pos - last), pos
        status = (
            rec.http_headers.status_code if rec.is_http and rec.http_headers is not None else 200
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
        rid = f"{name}@{rec.stream_pos}"
        shown = f"{url} {record_id}" if url else f"{path} {record_id}"
        base = dict(id=rid, input=shown, source=path, url=url, record_id=record_id, size=size)
        if max_bytes is not None and rec.content_length > max_bytes:
            # never read: the iterator skips the payload in bounded chunks
            yield (
                rec.stream_pos,
                Record(
                    **base,
                    error_kind="too_large",
                    error=f"{shown}: the WARC record is {rec.content_length:,} bytes, over "
                    f"the {max_bytes:,}-byte limit per page (not read)",
                ),
            )
            continue
        data = rec.reader.read()
        if len(data) < rec.content_length:  # the file ends inside this record
            yield (
                rec.stream_pos,
                Record(
                    **base,
                    error_kind="unreadable",
                    error=f"{shown}: the WARC record is cut short ({len(data):,} of {rec.content_length:,} bytes)",
                ),
            )
            continue
        yield rec.stream_pos, Record(**base, data=data, hint="html")


def _length_lies(path: str, pos: int, gz: bool) -> bool:
    """Whether the record at ``pos`` does not end where its Content-Length says. Gzip: its
    member's data is measured (streamed, never held); plain: the bytes after its claimed end must
    be the record separator and the next record (or the end of the file)."""
    try:
        with open(path, "rb") as fh:
            fh.seek(pos)
            if gz:
                d = zlib.decompressobj(31)
                head, total = b"", 0
                while not d.eof:
                    chunk = fh.read(_SCAN)
                    if not chunk:
                        return True  # the member never ends
                    data = chunk
                    while data and not d.eof:  # 64 KB of output at a time: a bomb stays small
                        out = d.decompress(data, 1 << 16)
                        data = d.unconsumed_tail
                        total += len(out)
                        if len(head) < 65536:
                            head += out[: 65536 - len(head)]
                end = head.find(b"\r\n\r\n")
                length = _content_length(head[:end])
                return end < 0 or length is None or total != end + 4 + length + 4
            head = fh.read(65536)
            end = head.find(b"\r\n\r\n")
            length = _content_length(head[:end])
            if end < 0 or length is None:
                return True
            fh.seek(pos + end + 4 + length)
            tail = fh.read(4 + len(_WARC_MAGIC))
            return not (tail == b"\r\n\r\n" or tail.startswith(b"\r\n\r\n" + _WARC_MAGIC))
    except (OSError, zlib.error):
        return False


def _content_length(head: bytes) -> int | None:
    for line in head.split(b"\r\n"):
        key, _, value = line.partition(b":")
        if key.strip().lower() == b"content-length" and value.strip().isdigit():
            return int(value.strip())
    return None


def _record_end(path: str, pos: int, gz: bool) -> int | None:
    """Where the record at ``pos`` ends: its gzip member's end, or (plain) its header, its
    Content-Length and the separator; None when that cannot be read."""
    try:
        with open(path, "rb") as fh:
            fh.seek(pos)
            if not gz:
                head = fh.read(65536)
                end = head.find(b"\r\n\r\n")
                length = _content_length(head[:end])
                return None if end < 0 or length is None else pos + end + 4 + length + 4
            d = zlib.decompressobj(31)
            consumed = 0
            while not d.eof:
                chunk = fh.read(_SCAN)
                if not chunk:
                    return None
                d.decompress(chunk, 1 << 16)
                while d.unconsumed_tail and not d.eof:
                    d.decompress(d.unconsumed_tail, 1 << 16)
                consumed += len(chunk) - len(d.unused_data) - len(d.unconsumed_tail)
            return pos + consumed
    except (OSError, zlib.error):
        return None


def _next_record(path: str, after: int, gz: bool) -> int | None:
    """The offset of the first readable record at or after ``after``: a gzip member that
    decompresses to a WARC header, or a line that starts a WARC header."""
    magic = _GZIP_MAGIC if gz else _WARC_MAGIC
    try:
        with open(path, "rb") as fh:
            pos = after
            while True:
                fh.seek(pos)
                window = fh.read(_SCAN + len(magic))
                if len(window) < len(magic):
                    return None
                i = window.find(magic)
                while i != -1:
                    cand = pos + i
                    if _starts_record(fh, cand, gz):
                        return cand
                    i = window.find(magic, i + 1)
                pos += _SCAN
    except OSError:
        return None


def _starts_record(fh, pos: int, gz: bool) -> bool:
    fh.seek(pos)
    if not gz:
        if pos > 0:
            fh.seek(pos - 1)
            if fh.read(1) != b"\n":
                return False
        return fh.read(len(_WARC_MAGIC)) == _WARC_MAGIC
    try:
        d = zlib.decompressobj(31)
        return d.decompress(fh.read(4096), 16).startswith(_WARC_MAGIC)
    except zlib.error:
        return False


def _open_text(path: str):
    if path.lower().endswith(".gz"):
        return gzip.open(path, "rt", encoding="utf-8", errors="replace")
    return open(path, encoding="utf-8", errors="replace")


def _column_record(
    path: str, n: int, row: dict, size: int, name: str | None = None, column: str | None = None
) -> Record:
    rec = _content_record(path, n, row, size, name)
    if column is not None:
        value = row.get(column)
        rec.question = value if isinstance(value, str) and value.strip() else None
    return rec


def _content_record(path: str, n: int, row: dict, size: int, name: str | None = None) -> Record:
    rid = f"{name or path}:{n}"
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


def _lines(fh, cap: int) -> Iterator[tuple[int, str | None, int]]:
    """(line number, line, its length in characters) for each line of the text file ``fh``, as
    iterating it gives them; a line longer than ``cap`` is given as None, and only ``cap``
    characters of it, then ``_SKIP`` at a time, are ever held (a gigabyte line would be held
    whole by iteration)."""
    n = 0
    while True:
        line = fh.readline(cap + 1)
        if not line:
            return
        n += 1
        if len(line) <= cap or line.endswith("\n"):
            yield n, line, len(line)
            continue
        size = len(line)
        while True:
            part = fh.readline(_SKIP)
            size += len(part)
            if not part or part.endswith("\n"):
                break
        yield n, None, size


def _jsonl(
    path: str, name: str | None = None, column: str | None = None, max_bytes: int | None = None
) -> Iterator[Record]:
    name = name or path
    cap = 2 * (max_bytes or MAX_PAGE_BYTES)  # a page within the limit, JSON-escaped, fits
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
            for n, line, size in _lines(fh, cap):
                if line is None:
                    yield Record(
                        id=f"{name}:{n}",
                        input=f"{path}:{n}",
                        source=path,
                        size=size,
                        error_kind="too_large",
                        error=f"{path}:{n}: the line is {size:,} characters, over the {cap:,}-"
                        "character limit per JSONL line (twice the limit per page); not read",
                    )
                    continue
                if not line.strip():
                    continue
                try:
                    row = json.loads(line)
                except ValueError as exc:
                    yield Record(
                        id=f"{name}:{n}",
                        input=f"{path}:{n}",
                        source=path,
                        size=size,
                        error_kind="parse",
                        error=f"{path}:{n}: not valid JSON ({exc})",
                    )
                    continue
                if not isinstance(row, dict):
                    row = {}
                yield _column_record(path, n, row, size, name, column)
        except (OSError, EOFError) as exc:  # a truncated .gz
            yield Record(
                id=f"{name}:error",
                input=path,
                source=path,
                error_kind="unreadable",
                error=f"{path}: {exc}",
            )


def _parquet(
    path: str, name: str | None = None, column: str | None = None, max_bytes: int | None = None
) -> Iterator[Record]:
    name = name or path
    cap = max_bytes or MAX_PAGE_BYTES
    try:
        import pyarrow.parquet as pq  # lazy: the audit extra, and slow to import; Parquet only
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
    meta = pf.metadata
    size = max(1, os.stat(path).st_size // max(1, meta.num_rows))
    extra = [column] if column and column in names and column not in ("url", *content) else []
    chunk_of = {meta.schema.column(i).path: i for i in range(meta.num_columns)}
    n = 0
    for g in range(meta.num_row_groups):
        group = meta.row_group(g)
        rows = group.num_rows
        chunks = {c: group.column(chunk_of[c]).total_uncompressed_size for c in content}
        if rows == 1 and chunks[content[0]] > 4 * cap + (1 << 16):
            # one row whose page (the html column when there is one) is over the limit in any
            # encoding (4 bytes a character at most): refused unread
            url = pf.read_row_group(g, columns=["url"]).column(0)[0].as_py()
            yield _too_large_cell(
                path, n, name, url, content[0], chunks[content[0]], cap, "bytes", size
            )
            n += 1
            continue
        per_row = sum(chunks.values()) / max(1, rows)
        batch = max(1, min(_PARQUET_BATCH, int(_BATCH_CHARS // max(1.0, per_row))))
        for part in pf.iter_batches(
            batch_size=batch, row_groups=[g], columns=["url", *content, *extra]
        ):
            part, over = _without_large_cells(part, content, cap)
            for i, row in enumerate(part.to_pylist()):
                big = {c: over[c][i] for c in content if over[c][i] is not None}
                read = "html" if isinstance(row.get("html"), str) or "html" in big else "text"
                if read in big:
                    url = row.get("url")
                    yield _too_large_cell(
                        path, n, name, url, read, big[read], cap, "characters", size
                    )
                else:
                    yield _column_record(path, n, row, size, name, column)
                n += 1


def _without_large_cells(batch, content: list[str], cap: int):
    """``batch`` with its content values over ``cap`` characters (bytes, in a binary column)
    set to null, and for each content column the length of each such value (None for the
    others): the large values are never turned into Python strings."""
    import pyarrow as pa
    import pyarrow.compute as pc

    over: dict[str, list[int | None]] = {}
    for c in content:
        values = batch.column(c)
        if pa.types.is_string(values.type) or pa.types.is_large_string(values.type):
            lengths = pc.utf8_length(values)
        elif pa.types.is_binary(values.type) or pa.types.is_large_binary(values.type):
            lengths = pc.binary_length(values)
        else:
            over[c] = [None] * batch.num_rows
            continue
        large = pc.fill_null(pc.greater(lengths, cap), False)
        if not pc.any(large).as_py():
            over[c] = [None] * batch.num_rows
            continue
        over[c] = [
            length if big else None
            for length, big in zip(lengths.to_pylist(), large.to_pylist(), strict=True)
        ]
        kept = pc.if_else(large, pa.scalar(None, values.type), values)
        batch = batch.set_column(batch.schema.get_field_index(c), c, kept)
    return batch, over


def _too_large_cell(
    path: str,
    n: int,
    name: str,
    url: object,
    column: str,
    length: int,
    cap: int,
    unit: str,
    size: int,
) -> Record:
    """A Parquet row whose content value is over the limit (``size``: its share of the file)."""
    rid = f"{name}:{n}"
    url = url if isinstance(url, str) and url else None
    return Record(
        id=rid,
        input=url or rid,
        source=path,
        url=url,
        size=size,
        error_kind="too_large",
        error=f"{rid}: the {column!r} value is {length:,} {unit}, over the {cap:,} limit per "
        "page; not read",
    )
