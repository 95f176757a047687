"""The Ray engine on a local one-CPU Ray: the same rows as the local engine, and resuming."""

from pathlib import Path

import pyarrow.parquet as pq
import pytest

from healthlens.audit import audit
from healthlens.audit.inputs import iter_records

pytest.importorskip("ray.data", reason="the ray extra is not installed")


@pytest.fixture(scope="module")
def local_ray():
    """One small local Ray for the module (starting Ray is the slow part)."""
    import logging
    import os

    import ray

    os.environ.setdefault("RAY_agent_register_timeout_ms", "120000")
    ray.init(
        num_cpus=2,
        include_dashboard=False,
        log_to_driver=False,
        logging_level=logging.WARNING,
        object_store_memory=100 << 20,
    )
    yield ray
    ray.shutdown()


def test_ray_engine_writes_one_row_per_record_and_resumes(corpus, tmp_path, local_ray):
    inputs = corpus[1:3]  # the WARC and the JSONL
    out = tmp_path / "out"
    result = audit(
        inputs, out, question="Is celiac disease an autoimmune disease?", workers=1, engine="ray"
    )
    rows = [
        r
        for p in sorted(Path(out).glob("part-*.parquet"))
        for r in pq.read_table(p, columns=["id", "page_answer", "error_kind"]).to_pylist()
    ]
    want = sorted(r.id for r in iter_records(inputs))
    assert sorted(r["id"] for r in rows) == want
    assert result.stats.skipped_other == 3
    assert {r["page_answer"] for r in rows if r["error_kind"] is None} >= {"yes"}
    again = audit(
        inputs, out, question="Is celiac disease an autoimmune disease?", workers=1, engine="ray"
    )
    assert again.stats.processed == 0 and again.stats.skipped_done == len(want)


def test_reading_stage_streams_a_large_file_in_blocks_of_a_batch(tmp_path):
    """A big input file must not become one list in memory: the reading stage yields blocks of at
    most RAY_BATCH records, every record once, then the file's count of non-pages."""
    import json
    import pickle

    from healthlens.audit.engine_ray import RAY_BATCH, _expand

    path = tmp_path / "big.jsonl"
    n = RAY_BATCH * 2 + 37
    path.write_text(
        "".join(
            json.dumps({"url": f"https://x.example/{i}", "text": f"Page {i} about lupus."}) + "\n"
            for i in range(n)
        )
    )
    done = frozenset({f"{path}:5"})
    blocks = list(_expand({"index": [0], "paths": [[str(path)]]}, done))
    assert len(blocks) >= 3 and all(b.num_rows <= RAY_BATCH + 1 for b in blocks)
    rows = [r for b in blocks for r in b.to_pylist()]
    records = [pickle.loads(r["rec"]) for r in rows if r["rec"]]
    assert len(records) == n - 1 and sum(r["done"] for r in rows) == 1
    assert len({r.id for r in records}) == n - 1
