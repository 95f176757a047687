"""A huge single value in an audit input (a gigabyte JSONL line, a gigabyte Parquet cell) is an
error row that names it, and the rest of the file is still read; the reader never holds it whole.
Small here, with a lowered limit; ``benchmarks/run.py hostile_audit`` measures the memory on a
gigabyte."""

from __future__ import annotations

import gzip
import io
import json

import pytest

from healthlens.audit import inputs
from healthlens.audit.inputs import iter_records

PAGE = "<p>Celiac disease is an autoimmune disease.</p>"
CAP = 1_000  # the page limit in these tests; a JSONL line may be twice it


def _line(url: str, html: str) -> str:
    return json.dumps({"url": url, "html": html}) + "\n"


@pytest.mark.parametrize("gz", [False, True], ids=["jsonl", "jsonl.gz"])
def test_a_jsonl_line_over_the_limit_is_an_error_row_and_the_file_goes_on(tmp_path, gz):
    path = tmp_path / ("pages.jsonl.gz" if gz else "pages.jsonl")
    huge = _line("https://a.example/huge", "x" * (2 * CAP))  # just over twice the limit
    body = _line("https://a.example/1", PAGE) + huge + "\n" + _line("https://a.example/3", PAGE)
    if gz:
        with gzip.open(path, "wt", encoding="utf-8") as fh:
            fh.write(body)
    else:
        path.write_text(body, encoding="utf-8")
    first, big, last = iter_records([str(path)], max_bytes=CAP)
    assert first.error_kind is None and first.text == PAGE
    assert big.error_kind == "too_large" and big.id.endswith(":2") and big.text is None
    assert f"{path}:2" in big.error and f"{len(huge):,} characters" in big.error
    assert last.error_kind is None and last.id.endswith(":4") and last.url == "https://a.example/3"


def test_a_line_within_twice_the_limit_is_still_read(tmp_path):
    # JSON escapes lengthen a page: a page within the limit must not be refused for its line
    path = tmp_path / "pages.jsonl"
    path.write_text(_line("https://a.example/q", '"' * (CAP // 2)), encoding="utf-8")
    (rec,) = iter_records([str(path)], max_bytes=CAP)
    assert rec.error_kind is None and rec.text == '"' * (CAP // 2)


class _Watched(io.StringIO):
    """A text file that remembers the longest piece any read handed out."""

    longest = 0

    def readline(self, size: int | None = -1, /) -> str:  # type: ignore[override]
        line = super().readline(size)
        self.longest = max(self.longest, len(line))
        return line


def test_the_line_reader_never_holds_an_over_long_line(monkeypatch):
    monkeypatch.setattr(inputs, "_SKIP", 64)
    fh = _Watched("short\n" + "y" * 10_000 + "\nafter\n")
    got = list(inputs._lines(fh, 100))
    assert got == [(1, "short\n", 6), (2, None, 10_001), (3, "after\n", 6)]
    assert fh.longest <= 101  # never more than the cap and one character at a time


def test_a_parquet_cell_over_the_limit_is_an_error_row_and_never_a_string(tmp_path, monkeypatch):
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    path = tmp_path / "pages.parquet"
    table = pa.table(
        {
            "url": ["https://q.example/1", "https://q.example/huge", "https://q.example/3"],
            "html": [PAGE, "y" * (CAP + 1), None],
            "text": [None, None, "z" * (CAP + 1)],
        }
    )
    pq.write_table(table, path)
    converted = []
    without = inputs._without_large_cells

    def watched(batch, content, cap):  # the batch whose values become Python strings
        kept, over = without(batch, content, cap)
        converted.extend(v for c in content for v in kept.column(c).to_pylist() if v)
        return kept, over

    monkeypatch.setattr(inputs, "_without_large_cells", watched)
    first, big, text = iter_records([str(path)], max_bytes=CAP)
    assert first.error_kind is None and first.text == PAGE
    assert big.error_kind == "too_large" and big.url == "https://q.example/huge"
    assert "'html' value is 1,001 characters" in big.error and big.id.endswith(":1")
    assert text.error_kind == "too_large" and "'text' value" in text.error
    assert converted == [PAGE]  # the two large values were never made into strings


def test_a_parquet_row_group_of_one_huge_row_is_refused_unread(tmp_path, monkeypatch):
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    path = tmp_path / "pages.parquet"
    urls = ["https://q.example/1", "https://q.example/huge", "https://q.example/3"]
    html = [PAGE, "lupus " * 15_000, PAGE]  # 90 KB: over 4 bytes a character, and a margin
    pq.write_table(pa.table({"url": urls, "html": html}), path, row_group_size=1)
    read_groups = []
    iter_batches = pq.ParquetFile.iter_batches

    def watched(self, *a, **k):
        read_groups.extend(k.get("row_groups") or [])
        return iter_batches(self, *a, **k)

    monkeypatch.setattr(pq.ParquetFile, "iter_batches", watched)
    first, big, last = iter_records([str(path)], max_bytes=3_000)
    assert [first.error_kind, last.error_kind] == [None, None]
    assert big.error_kind == "too_large" and big.url == "https://q.example/huge"
    assert "bytes, over the 3,000 limit" in big.error
    assert read_groups == [0, 2]  # the huge row's group was never read
