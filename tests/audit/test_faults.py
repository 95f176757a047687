"""Audit faults (issue 14): an output that cannot be written or a missing extra stops the run at
once with a clear message and a non-zero exit, and a rerun resumes; time-outs are `timeout`
rows without tracebacks; inputs given twice, unreadable directories, special files and huge
WARC records each give the rows the docs promise."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from healthlens.audit import Limits, audit
from healthlens.audit.engine_local import CRASH_TEST_ENV
from healthlens.audit.inputs import iter_records
from healthlens.audit.limits import AuditError
from healthlens.audit.writer import WRITE_FAULT_ENV

from .conftest import GOOD, OTHER, http, warc_record, write_warc

ROOT = Path(__file__).resolve().parents[2]


def _ids(out) -> list[str]:
    return [
        i
        for p in sorted(Path(out).glob("part-*.parquet"))
        for i in pq.read_table(p, columns=["id"]).column("id").to_pylist()
    ]


def _cli(args, env_extra=None, timeout=60):
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), **(env_extra or {})}
    t0 = time.monotonic()
    r = subprocess.run(
        [sys.executable, "-m", "healthlens.cli", "audit", *args, "--no-progress"],
        capture_output=True,
        text=True,
        env=env,
        timeout=timeout,
    )
    return r, time.monotonic() - t0


def _pages(tmp_path, n=6) -> Path:
    d = tmp_path / "pages"
    d.mkdir()
    for i in range(n):
        (d / f"p{i}.html").write_text(GOOD if i % 2 else OTHER, encoding="utf-8")
    return d


def test_a_full_disk_stops_the_run_at_once_and_a_rerun_resumes(tmp_path):
    pages, out = _pages(tmp_path), tmp_path / "out"
    r, seconds = _cli([str(pages), "--out", str(out), "-w", "2"], {WRITE_FAULT_ENV: "ENOSPC"})
    assert r.returncode != 0 and seconds < 30  # the benchmark times it (docs/benchmarks.md)
    assert "No space left on device" in r.stderr and "rerun the same command" in r.stderr
    assert "Traceback" not in r.stderr
    assert not list(out.glob("part-*")) and not list(out.glob(".part-*"))  # nothing half-written
    r, _ = _cli([str(pages), "--out", str(out), "-w", "2"])
    assert r.returncode == 0, r.stderr
    assert sorted(_ids(out)) == sorted(str(p) for p in sorted(pages.iterdir()))


def test_an_unwritable_output_is_refused_before_any_worker_starts(tmp_path, monkeypatch):
    from healthlens.audit import run as run_mod

    def refuse(out):
        raise PermissionError(13, "Permission denied", str(out))

    monkeypatch.setattr(run_mod, "_check_writable", refuse)
    with pytest.raises(AuditError, match="Permission denied; make it writable"):
        audit([str(_pages(tmp_path))], tmp_path / "out", workers=1)
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    r, _ = _cli([str(tmp_path / "pages"), "--out", str(blocker / "out")])
    assert r.returncode != 0 and "cannot write audit parts" in r.stderr
    assert "Traceback" not in r.stderr


def test_a_missing_audit_extra_exits_at_once_with_the_install_command(tmp_path):
    fake = tmp_path / "fake"
    (fake / "pyarrow").mkdir(parents=True)
    (fake / "pyarrow" / "__init__.py").write_text(
        "raise ImportError('No module named pyarrow (hidden by the test)')\n"
    )
    env = {"PYTHONPATH": f"{fake}{os.pathsep}{ROOT / 'src'}"}
    r, seconds = _cli([str(_pages(tmp_path)), "--out", str(tmp_path / "out")], env)
    assert r.returncode != 0 and seconds < 30
    assert "pip install 'healthlens[audit]'" in r.stderr and "Traceback" not in r.stderr


def test_an_absent_audit_extra_is_found_before_any_worker_starts(tmp_path, monkeypatch):
    """The main process looks pyarrow up without importing it: when it is not installed at all,
    the run stops before it starts a worker, with the install command."""
    import importlib.util

    from healthlens.audit import run as run_mod

    real = importlib.util.find_spec
    monkeypatch.setattr(
        importlib.util, "find_spec", lambda name, *a: None if name == "pyarrow" else real(name, *a)
    )
    started = []
    monkeypatch.setattr(run_mod, "run_local", lambda *a, **k: started.append(1))
    with pytest.raises(AuditError, match=r"pip install 'healthlens\[audit\]'"):
        audit([str(_pages(tmp_path))], tmp_path / "out", workers=1)
    assert not started


def test_pages_cut_off_by_the_time_limit_are_timeout_rows_without_tracebacks(tmp_path, capfd):
    d = tmp_path / "slow"
    d.mkdir()
    (d / "long.txt").write_text(
        "Lupus notes\n" + "Lupus is autoimmune and celiac disease is not " * 4000, encoding="utf-8"
    )
    out = tmp_path / "out"
    audit([str(d)], out, workers=1, limits=Limits(timeout=0.05))
    row = pq.read_table(next(out.glob("part-*.parquet"))).to_pylist()[0]
    assert row["error_kind"] == "timeout" and "time limit" in row["error"]
    assert "Traceback" not in capfd.readouterr().err


def test_the_same_jsonl_given_twice_gives_each_record_once_per_occurrence(tmp_path):
    jsonl = tmp_path / "p.jsonl"
    jsonl.write_text(
        "".join(
            json.dumps({"url": f"https://x.example/{i}", "text": "Lupus is autoimmune."}) + "\n"
            for i in range(3)
        )
    )
    out = tmp_path / "out"
    result = audit([str(jsonl), str(jsonl)], out, workers=2)
    ids = _ids(out)
    assert len(ids) == 6 and len(set(ids)) == 6
    assert sorted(ids) == sorted(
        [f"{jsonl}:{n}" for n in (1, 2, 3)] + [f"{jsonl}#2:{n}" for n in (1, 2, 3)]
    )
    assert result.stats.processed == 6 and result.summary.pages == 6


def test_processed_counts_the_rows_this_run_wrote_even_when_a_worker_is_lost(tmp_path, monkeypatch):
    pages = _pages(tmp_path, n=8)
    monkeypatch.setenv(CRASH_TEST_ENV, "p3.html")
    out = tmp_path / "out"
    result = audit([str(pages)], out, workers=1, part_rows=2)
    assert result.stats.crashes == 1
    assert result.stats.processed == len(_ids(out)) == 8  # not the re-done batch counted twice


def test_an_unreadable_directory_is_an_error_row_not_silence(tmp_path, monkeypatch):
    pages = _pages(tmp_path, n=2)
    locked = pages / "locked"
    locked.mkdir()
    (locked / "hidden.html").write_text(GOOD)
    real = os.scandir

    def scandir(path="."):
        if str(path) == str(locked):
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    recs = list(iter_records([str(pages)]))
    bad = [r for r in recs if r.error_kind]
    assert len(recs) == 3 and bad[0].id == str(locked)
    assert "cannot be read" in bad[0].error and "Permission denied" in bad[0].error


def test_a_fifo_among_the_pages_is_an_error_row_and_does_not_hang(tmp_path):
    pages = _pages(tmp_path, n=1)
    os.mkfifo(pages / "pipe.html")
    recs = list(iter_records([str(pages)]))
    fifo = next(r for r in recs if r.id.endswith("pipe.html"))
    assert fifo.error_kind == "unreadable" and "not a regular file" in fifo.error


def test_a_warc_record_over_the_limit_is_too_large_before_it_is_read(tmp_path):
    warc = tmp_path / "big.warc.gz"
    huge = b"<html><body><p>" + b"lupus " * 50_000 + b"</p></body></html>"
    with open(warc, "wb") as fh:
        fh.write(
            warc_record(
                "response", "https://a.example/1", http("200 OK", "text/html", GOOD.encode())
            )
        )
        fh.write(
            warc_record("response", "https://a.example/huge", http("200 OK", "text/html", huge))
        )
        fh.write(
            warc_record(
                "response", "https://a.example/3", http("200 OK", "text/html", OTHER.encode())
            )
        )
    recs = list(iter_records([str(warc)], max_bytes=10_000))
    assert [r.url for r in recs] == [
        "https://a.example/1",
        "https://a.example/huge",
        "https://a.example/3",
    ]
    big = recs[1]
    assert big.error_kind == "too_large" and big.data is None and "not read" in big.error
    assert recs[0].data and recs[2].data  # the records after it are intact


def test_write_warc_helper_still_gives_every_page(tmp_path):  # the fixture the tests above share
    warc = tmp_path / "c.warc.gz"
    write_warc(warc, [("https://a.example/x", GOOD.encode())], extras=False)
    assert [r.url for r in iter_records([str(warc)])] == ["https://a.example/x"]


def _lying_record(url: str, body: bytes, lie: int, gz: bool = True) -> bytes:
    """A WARC response record whose Content-Length is off by ``lie`` bytes."""
    import uuid
    import zlib

    block = http("200 OK", "text/html", body)
    head = (
        f"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: {url}\r\n"
        f"WARC-Date: 2024-06-01T00:00:00Z\r\nWARC-Record-ID: <urn:uuid:{uuid.uuid4()}>\r\n"
        f"Content-Type: application/http; msgtype=response\r\n"
        f"Content-Length: {len(block) + lie}\r\n\r\n"
    ).encode()
    raw = head + block + b"\r\n\r\n"
    if not gz:
        return raw
    c = zlib.compressobj(6, zlib.DEFLATED, 31)
    return c.compress(raw) + c.flush()


def _page(i: int) -> bytes:
    return GOOD.replace("celiac disease", f"celiac disease ({i})").encode()


def test_after_a_corrupt_gzip_member_the_intact_records_still_become_rows(tmp_path):
    members = [_lying_record(f"https://a.example/{i}", _page(i), 0) for i in range(10)]
    broken = bytearray(members[4])
    for k in range(len(broken) // 2, len(broken) // 2 + 20):
        broken[k] ^= 0xFF
    damage_at = sum(len(m) for m in members[:4])
    path = tmp_path / "corrupt.warc.gz"
    path.write_bytes(b"".join(members[:4]) + bytes(broken) + b"".join(members[5:]))
    recs = list(iter_records([str(path)]))
    good = [r.url for r in recs if r.error_kind is None]
    assert good == [f"https://a.example/{i}" for i in (0, 1, 2, 3, 5, 6, 7, 8, 9)]
    [damage] = [r for r in recs if r.error_kind]
    assert f"damaged at byte {damage_at:,}" in damage.error and "reading goes on" in damage.error
    assert len({r.id for r in recs}) == len(recs)


@pytest.mark.parametrize("gz", [True, False])
@pytest.mark.parametrize("lie", [500, -300])
def test_a_record_whose_length_lies_is_an_error_row_and_the_rest_are_read(tmp_path, gz, lie):
    path = tmp_path / ("lie.warc.gz" if gz else "lie.warc")
    path.write_bytes(
        b"".join(
            _lying_record(f"https://a.example/{i}", _page(i), lie if i == 2 else 0, gz)
            for i in range(6)
        )
    )
    recs = list(iter_records([str(path)]))
    by_url = {r.url: r for r in recs if r.url}
    assert sorted(by_url) == [f"https://a.example/{i}" for i in range(6)]
    liar = by_url["https://a.example/2"]
    assert liar.error_kind == "unreadable" and liar.data is None
    assert "does not end where its Content-Length says" in liar.error
    assert all(by_url[f"https://a.example/{i}"].data for i in (0, 1, 3, 4, 5))


def test_a_damaged_warc_loses_no_intact_record_through_the_audit(tmp_path):
    members = [_lying_record(f"https://a.example/{i}", _page(i), 0) for i in range(6)]
    members[3] = _lying_record("https://a.example/3", _page(3), 400)
    path = tmp_path / "d.warc.gz"
    path.write_bytes(b"".join(members))
    out = tmp_path / "out"
    audit([str(path)], out, workers=1)
    rows = [
        r
        for p in sorted(out.glob("part-*.parquet"))
        for r in pq.read_table(p, columns=["url", "error_kind"]).to_pylist()
    ]
    assert sorted(r["url"] for r in rows if r["error_kind"] is None) == [
        f"https://a.example/{i}" for i in (0, 1, 2, 4, 5)
    ]
    assert [r["url"] for r in rows if r["error_kind"]] == ["https://a.example/3"]
