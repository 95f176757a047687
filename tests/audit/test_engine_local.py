"""The local engine: one row per input record, bad records as rows, resuming after a kill -9."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from healthlens.audit import Limits, audit
from healthlens.audit.engine_local import CRASH_TEST_ENV
from healthlens.audit.inputs import iter_records
from healthlens.errors import InputError

from .conftest import GOOD, OTHER, write_warc

Q = "Is celiac disease an autoimmune disease?"


def _rows(out) -> list[dict]:
    parts = sorted(Path(out).glob("part-*.parquet"))
    return [
        r
        for p in parts
        for r in pq.read_table(p, columns=["id", "error_kind", "page_answer", "input"]).to_pylist()
    ]


def test_every_input_record_becomes_exactly_one_row_and_bad_ones_carry_their_error(
    corpus, tmp_path
):
    out = tmp_path / "out"
    result = audit(corpus, out, question=Q, workers=2, limits=Limits(max_bytes=50_000))
    rows = _rows(out)
    want = [r.id for r in iter_records(corpus)]
    assert sorted(r["id"] for r in rows) == sorted(want)  # every record, none twice
    errors = {r["id"].rsplit("/", 1)[-1]: r["error_kind"] for r in rows if r["error_kind"]}
    assert errors["c_empty.txt"] == "empty" and errors["d_binary.html"] == "unreadable"
    assert errors["missing.html"] == "not_found"
    assert errors["pages.jsonl.gz:3"] == "parse" and errors["pages.jsonl.gz:4"] == "unreadable"
    assert sorted(k for k, v in errors.items() if v == "too_large") == [
        r.id.rsplit("/", 1)[-1] for r in iter_records(corpus) if r.data and len(r.data) > 50_000
    ]
    answers = {r["input"]: r["page_answer"] for r in rows}
    assert answers["https://c.example/1"] == "yes"  # the celiac page, from JSONL
    assert result.stats.skipped_other == 3 and result.summary.pages == len(want)
    # rerunning the same command finds everything done
    again = audit(corpus, out, question=Q, workers=1, limits=Limits(max_bytes=50_000))
    assert again.resumed and again.stats.processed == 0 and again.stats.skipped_done == len(want)
    assert len(_rows(out)) == len(want)


def test_another_question_in_the_same_directory_is_refused(corpus, tmp_path):
    out = tmp_path / "out"
    audit(corpus[:1], out, workers=1)
    with pytest.raises(InputError, match="another question"):
        audit(corpus[:1], out, question=Q, workers=1)


def test_a_page_that_kills_its_worker_is_a_crash_row_and_the_rest_is_redone(tmp_path, monkeypatch):
    warc = tmp_path / "c.warc.gz"
    pages = [(f"https://e.example/{i}", (GOOD if i % 2 else OTHER).encode()) for i in range(30)]
    pages[7] = ("https://e.example/poison", GOOD.encode())
    write_warc(warc, pages, extras=False)
    monkeypatch.setenv(CRASH_TEST_ENV, "/poison")
    out = tmp_path / "out"
    result = audit([warc], out, workers=1, part_rows=4)
    rows = _rows(out)
    assert sorted(r["id"] for r in rows) == sorted(r.id for r in iter_records([str(warc)]))
    (poison,) = [r for r in rows if "poison" in r["input"]]
    assert poison["error_kind"] == "crash"
    assert result.stats.crashes == 1 and result.stats.passes == 2


def test_resume_after_kill_9_records_every_input_exactly_once(tmp_path):
    warc = tmp_path / "big.warc.gz"
    write_warc(
        warc,
        [(f"https://f.example/{i}", (GOOD if i % 3 else OTHER).encode()) for i in range(240)],
        extras=False,
    )
    out = tmp_path / "out"
    cmd = [
        sys.executable,
        "-m",
        "healthlens.cli",
        "audit",
        str(warc),
        "--out",
        str(out),
        "--workers",
        "2",
        "--part-rows",
        "10",
        "--no-progress",
    ]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 90
    while time.time() < deadline and len(list(out.glob("part-*.parquet"))) < 3:
        time.sleep(0.05)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    before = len(_rows(out))
    assert 0 < before < 240, "the kill came too late to test resuming"
    # resume at once: the killed run's workers stop by themselves, and the new run waits for them
    result = audit([warc], out, workers=2)
    rows = _rows(out)
    ids = [r["id"] for r in rows]
    assert sorted(ids) == sorted(r.id for r in iter_records([str(warc)]))
    assert len(ids) == len(set(ids)) == 240
    assert result.resumed and result.stats.skipped_done >= before


def test_workers_keep_pyarrow_from_importing_numpy_and_pandas(tmp_path):
    """pyarrow imports numpy when it is imported (50 ms per worker) and pandas (when installed) on
    its first conversion of Python objects (half a second per worker). A worker tells pyarrow
    both are absent and still writes its parts; numpy and pandas themselves stay importable."""
    pytest.importorskip("pandas")
    code = (
        "import sys\n"
        "from healthlens.audit.engine_local import _arrow_without_numpy_or_pandas\n"
        "from healthlens.audit.writer import PartWriter\n"
        "_arrow_without_numpy_or_pandas()\n"
        f"w = PartWriter({str(tmp_path)!r}, 'x')\n"
        "w.add({'id': 'a', 'seq': 1, 'findings': [{'kind': 'k', 'severity': 'low', 'message': 'm', 'sentence': '1'}], 'elapsed_ms': 1.5})\n"
        "assert w.flush()[1] == 1\n"
        "assert 'numpy' not in sys.modules and 'pandas' not in sys.modules, 'pyarrow imported numpy or pandas'\n"
        "import numpy, pandas\n"
        "print('ok')\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0 and done.stdout.strip() == "ok", done.stderr


def test_the_main_process_of_an_audit_does_not_import_the_pipeline():
    """The main process only reads inputs and hands them out: importing the pipeline, the
    knowledge base, the readers (lxml) or pyarrow there (also to check that the audit extra is
    installed) would delay every worker's start."""
    code = (
        "import sys\n"
        "import healthlens.cli, healthlens.audit.run\n"
        "healthlens.audit.run._check_extra()\n"
        "heavy = ('healthlens.pipeline', 'healthlens.knowledge', 'healthlens.read', 'lxml', 'pyarrow', 'rich')\n"
        "heavy = [m for m in heavy if m in sys.modules]\n"
        "print(heavy)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0 and done.stdout.strip() == "[]", done.stdout + done.stderr
