"""Audit under hostile input and faults (issue 14): peak memory on a 1 GB HTML record in a small
WARC.gz, on a 1 GB JSONL line and on a 1 GB Parquet cell, and how fast a full disk or a missing
audit extra stops a run."""

from __future__ import annotations

import gzip
import os
import subprocess
import sys
import tempfile
import threading
import time
import uuid
import zlib
from pathlib import Path

NAME = "hostile_audit"
TITLE = "Audit: hostile records and faults"
ROOT = Path(__file__).resolve().parents[1]
RECORD_BYTES = 1 << 30
TARGET_MB = 300
TARGET_EXIT_S = 10


def _member(head: bytes, body_chunks, level: int = 1) -> bytes:
    c = zlib.compressobj(level, zlib.DEFLATED, 31)
    out = [c.compress(head)]
    for chunk in body_chunks:
        out.append(c.compress(chunk))
    out.append(c.compress(b"\r\n\r\n"))
    out.append(c.flush())
    return b"".join(out)


def _record(url: str, payload_len: int, chunks, ctype: str = "text/html") -> bytes:
    http = f"HTTP/1.1 200 OK\r\nContent-Type: {ctype}\r\n\r\n".encode()
    head = (
        f"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: {url}\r\n"
        f"WARC-Date: 2024-06-01T00:00:00Z\r\nWARC-Record-ID: <urn:uuid:{uuid.uuid4()}>\r\n"
        f"Content-Type: application/http; msgtype=response\r\n"
        f"Content-Length: {len(http) + payload_len}\r\n\r\n"
    ).encode()
    return _member(head + http, chunks)


def build_warc(path: Path) -> None:
    """A small page, a 1 GB HTML page (compresses to a few MB), another small page."""
    small = b"<html><body><article><p>Celiac disease is an autoimmune disease.</p></article></body></html>"
    block = b"<p>" + b"lupus is autoimmune " * 3000 + b"</p>\n"
    n = RECORD_BYTES // len(block)
    body = [b"<html><body>"] + [block] * n + [b"</body></html>"]
    size = sum(len(b) for b in body)
    with open(path, "wb") as fh:
        fh.write(_record("https://a.example/1", len(small), [small]))
        c = zlib.compressobj(1, zlib.DEFLATED, 31)
        http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n"
        head = (
            f"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://a.example/huge\r\n"
            f"WARC-Date: 2024-06-01T00:00:00Z\r\nWARC-Record-ID: <urn:uuid:{uuid.uuid4()}>\r\n"
            f"Content-Type: application/http; msgtype=response\r\n"
            f"Content-Length: {len(http) + size}\r\n\r\n"
        ).encode()
        fh.write(c.compress(head + http))
        for chunk in body:  # streamed: the benchmark itself never holds the gigabyte
            fh.write(c.compress(chunk))
        fh.write(c.compress(b"\r\n\r\n"))
        fh.write(c.flush())
        fh.write(_record("https://a.example/3", len(small), [small]))


def build_jsonl(path: Path) -> None:
    """A small page, a 1 GB line (one JSON object whose html is 1 GB; gzip, a few MB), and another
    small page."""
    small = '{"url": "https://j.example/%d", "html": "<p>Celiac disease is an autoimmune disease.</p>"}\n'
    block = "<p>" + "lupus is autoimmune " * 3000 + "</p>"
    with gzip.open(path, "wt", encoding="utf-8", compresslevel=1) as fh:
        fh.write(small % 1)
        fh.write('{"url": "https://j.example/huge", "html": "')
        for _ in range(RECORD_BYTES // len(block)):  # streamed: never held whole here either
            fh.write(block)
        fh.write('"}\n')
        fh.write(small % 3)


def build_parquet(path: Path) -> None:
    """A small page, a row whose html is 1 GB, another small page; a row group per row (as a
    writer that flushes by size makes for a huge row)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    small = "<p>Celiac disease is an autoimmune disease.</p>"
    huge = "lupus is autoimmune " * (RECORD_BYTES // 20)
    table = pa.table(
        {
            "url": ["https://q.example/1", "https://q.example/huge", "https://q.example/3"],
            "html": pa.array([small, huge, small], type=pa.large_string()),
        }
    )
    del huge
    pq.write_table(
        table, path, row_group_size=1, compression="zstd", compression_level=1, use_dictionary=False
    )


def _tree_rss(pid: int) -> tuple[int, int]:
    """(sum, largest) resident bytes of ``pid`` and its descendants, from /proc."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
            status = Path(f"/proc/{entry}/status").read_text()
        except OSError:
            continue
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        children.setdefault(ppid, []).append(int(entry))
        for line in status.splitlines():
            if line.startswith("VmRSS:"):
                rss[int(entry)] = int(line.split()[1]) * 1024
    total, largest, todo = 0, 0, [pid]
    while todo:
        p = todo.pop()
        total += rss.get(p, 0)
        largest = max(largest, rss.get(p, 0))
        todo.extend(children.get(p, []))
    return total, largest


def _measure(cmd: list[str], env: dict | None = None) -> dict:
    t0 = time.monotonic()
    proc = subprocess.Popen(
        cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env or os.environ
    )
    peak = [0, 0]

    def poll():
        while proc.poll() is None:
            total, largest = _tree_rss(proc.pid)
            peak[0], peak[1] = max(peak[0], total), max(peak[1], largest)
            time.sleep(0.05)

    th = threading.Thread(target=poll, daemon=True)
    th.start()
    out, err = proc.communicate()
    th.join()
    return {
        "seconds": time.monotonic() - t0,
        "rc": proc.returncode,
        "out": out,
        "err": err,
        "peak_total": peak[0],
        "peak_one": peak[1],
    }


def _cli(*args: str) -> list[str]:
    return [sys.executable, "-m", "healthlens.cli", *args]


def run() -> str:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        warc = tmp / "huge.warc.gz"
        t = time.monotonic()
        build_warc(warc)
        built = time.monotonic() - t
        warc_mb = warc.stat().st_size / 1e6
        for workers in (1, 2):
            out = tmp / f"out{workers}"
            m = _measure(
                _cli("audit", str(warc), "--out", str(out), "-w", str(workers), "--no-progress"),
                env,
            )
            ok = m["rc"] == 0 and "too_large 1" in m["out"]
            rows.append(
                f"| `audit` of the WARC, {workers} worker(s) | {m['seconds']:.1f} s | "
                f"{m['peak_total'] / 1e6:.0f} MB (largest process {m['peak_one'] / 1e6:.0f} MB) | "
                f"{'3 rows, the huge one `too_large`' if ok else 'FAILED: ' + (m['out'] + m['err'])[-200:]} | "
                f"{'met' if ok and m['peak_total'] <= TARGET_MB * 1e6 else 'missed'} |"
            )
        for kind, build in (("JSONL line", build_jsonl), ("Parquet cell", build_parquet)):
            path = tmp / ("huge.jsonl.gz" if kind == "JSONL line" else "huge.parquet")
            t = time.monotonic()
            build(path)
            mb = path.stat().st_size / 1e6
            m = _measure(
                _cli(
                    "audit",
                    str(path),
                    "--out",
                    str(tmp / f"out-{path.stem}"),
                    "-w",
                    "1",
                    "--no-progress",
                ),
                env,
            )
            ok = m["rc"] == 0 and "too_large 1" in m["out"]
            rows.append(
                f"| `audit` of a 1 GiB {kind} ({mb:.1f} MB file, built in "
                f"{time.monotonic() - t:.0f} s), 1 worker | {m['seconds']:.1f} s | "
                f"{m['peak_total'] / 1e6:.0f} MB (largest process {m['peak_one'] / 1e6:.0f} MB) | "
                f"{'3 rows, the huge one `too_large`' if ok else 'FAILED: ' + (m['out'] + m['err'])[-200:]} | "
                f"{'met' if ok and m['peak_total'] <= TARGET_MB * 1e6 else 'missed'} |"
            )
            path.unlink()
        small_warc = tmp / "small.warc.gz"
        page = b"<html><body><article><p>Celiac disease is an autoimmune disease.</p></article></body></html>"
        small_warc.write_bytes(
            _record("https://a.example/1", len(page), [page])
            + _record("https://a.example/3", len(page), [page])
        )
        for workers in (1, 2):
            m = _measure(
                _cli(
                    "audit",
                    str(small_warc),
                    "--out",
                    str(tmp / f"base{workers}"),
                    "-w",
                    str(workers),
                    "--no-progress",
                ),
                env,
            )
            rows.append(
                f"| baseline: the two small pages alone, {workers} worker(s) | {m['seconds']:.1f} s | "
                f"{m['peak_total'] / 1e6:.0f} MB (largest process {m['peak_one'] / 1e6:.0f} MB) | "
                "what the processes take without the huge record | — |"
            )
        pages = tmp / "pages"
        pages.mkdir()
        for i in range(20):
            (pages / f"p{i}.txt").write_text("Lupus notes\nLupus is an autoimmune disease.\n")
        m = _measure(
            _cli("audit", str(pages), "--out", str(tmp / "full"), "--no-progress"),
            {**env, "HEALTHLENS_AUDIT_TEST_WRITE_ERROR": "ENOSPC"},
        )
        said = "No space left on device" in m["err"]
        rows.append(
            f"| full disk (every part write fails with ENOSPC) | {m['seconds']:.1f} s | — | "
            f"exit {m['rc']}{', says why' if said else ''} | "
            f"{'met' if m['rc'] and said and m['seconds'] <= TARGET_EXIT_S else 'missed'} |"
        )
        fake = tmp / "fake"
        (fake / "pyarrow").mkdir(parents=True)
        (fake / "pyarrow" / "__init__.py").write_text(
            "raise ImportError('No module named pyarrow')\n"
        )
        m = _measure(
            _cli("audit", str(pages), "--out", str(tmp / "noextra"), "--no-progress"),
            {**env, "PYTHONPATH": f"{fake}{os.pathsep}{ROOT / 'src'}"},
        )
        said = "healthlens[audit]" in m["err"]
        rows.append(
            f"| audit extra missing (pyarrow not importable) | {m['seconds']:.1f} s | — | "
            f"exit {m['rc']}{', says why' if said else ''} | "
            f"{'met' if m['rc'] and said and m['seconds'] <= TARGET_EXIT_S else 'missed'} |"
        )
    return "\n".join(
        [
            f"Command: `.venv/bin/python benchmarks/run.py {NAME}`. The WARC.gz holds a small page, "
            f"a {RECORD_BYTES / 2**30:.0f} GiB HTML response ({warc_mb:.1f} MB "
            f"compressed; built in {built:.0f} s) and another small page. Memory is the resident "
            "size of the audit's process tree (main process and workers), sampled every 50 ms "
            f"from /proc; target ≤ {TARGET_MB} MB. Fault runs: 20 small pages; target: a "
            f"non-zero exit that says why within {TARGET_EXIT_S} s. The huge record is never read: "
            "the memory is that of the processes themselves (each worker holds the knowledge base), "
            "as the baseline rows without it show. The JSONL line is skipped a megabyte at a time "
            "once it passes twice the page limit; the Parquet row's group is refused from the "
            "file's metadata (a row group of one row over the limit), unread.",
            "",
            "| run | time | peak memory | outcome | target |",
            "|---|---|---|---|---|",
            *rows,
        ]
    )


if __name__ == "__main__":
    print(run())
