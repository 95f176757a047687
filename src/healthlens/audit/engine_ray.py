"""The Ray engine: the same per-page function on Ray Data, so a cluster scales it.

The dataset is built from the input files (one item per WARC/JSONL/Parquet file, page files in
groups); a generator task streams each item's records out of it in blocks of ``RAY_BATCH``
(``inputs.iter_records``, skipping records already done); ``map_batches`` runs an actor per CPU that loads the knowledge base once
and turns each batch into rows with ``rows.audit_record``, written as one Parquet part per batch
by the same atomic ``PartWriter`` as the local engine. Resuming therefore works the same way.
On a cluster DIR must be storage every node can write (see docs/audit.md).
"""

from __future__ import annotations

import logging
import os
import pickle
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pyarrow as pa

from ..errors import InputError
from ..knowledge import get_knowledge
from ..pathselect import expand_selected
from ..question import parse_question
from .engine_local import RunStats
from .inputs import Selection, Skipped, iter_records, source_kind
from .rows import Limits, audit_record
from .writer import PartWriter

__all__ = ["run_ray", "FILES_PER_ITEM", "RAY_BATCH", "RAY_BLOCK_BYTES"]

FILES_PER_ITEM = 64  # page files per dataset item (a task per tiny file costs more than the page)
RAY_BATCH = 256  # records per actor call, and per part file
RAY_BLOCK_BYTES = 8 << 20  # Ray Data block size while auditing


def _items(inputs: list[str], select: Selection | None = None) -> list[dict]:
    select = select or Selection()
    items: list[dict] = []
    files: list[str] = []
    for _n, path in enumerate(expand_selected(inputs, select.include, select.exclude)):
        if source_kind(path) == "page":
            files.append(path)
            if len(files) >= FILES_PER_ITEM:
                items.append({"index": len(items), "paths": files})
                files = []
        else:
            items.append({"index": len(items), "paths": [path]})
    if files:
        items.append({"index": len(items), "paths": files})
    return items


def _expand(
    batch: dict, done: frozenset, max_bytes: int | None = None, select: Selection | None = None
) -> Iterator[pa.Table]:
    """The records of a batch of dataset items, pickled (one binary column keeps Ray's schema
    simple), ``RAY_BATCH`` at a time: a WARC of any size streams through in blocks of bounded size."""
    import pyarrow as pa  # lazy: the audit extra, imported where Ray runs this batch

    rows: dict[str, list] = {"rec": [], "done": [], "size": [], "other": []}

    def block() -> pa.Table:
        table = pa.table(
            {
                "rec": pa.array(rows["rec"], pa.binary()),
                "done": pa.array(rows["done"], pa.bool_()),
                "size": pa.array(rows["size"], pa.int64()),
                "other": pa.array(rows["other"], pa.int64()),
            }
        )
        for column in rows.values():
            column.clear()
        return table

    def add(rec: bytes, is_done: bool, size: int, other: int) -> None:
        rows["rec"].append(rec)
        rows["done"].append(is_done)
        rows["size"].append(size)
        rows["other"].append(other)

    for index, paths in zip(batch["index"], batch["paths"], strict=False):
        skipped = Skipped()
        for rec in iter_records(list(paths), skipped, max_bytes, select):
            rec.seq += int(index) << 32  # unique across items, and in input order
            if rec.id in done:
                add(b"", True, rec.size, 0)
            else:
                add(pickle.dumps(rec, protocol=pickle.HIGHEST_PROTOCOL), False, rec.size, 0)
            if len(rows["rec"]) >= RAY_BATCH:
                yield block()
        add(b"", False, 0, skipped.records)  # the item's count of non-pages
    yield block()


class _AuditActor:
    """Loads the knowledge base once; each call audits a batch and writes it as one part."""

    def __init__(self, out_dir: str, question: str | None, limits: Limits, run_id: str) -> None:
        self.kb = get_knowledge().prepare()
        self.question = parse_question(question, self.kb) if question else None
        self.limits = limits
        self.writer = PartWriter(
            out_dir, f"{run_id}-ray{uuid.uuid4().hex[:6]}", max_rows=1 << 30, max_bytes=1 << 62
        )

    def __call__(self, batch: dict) -> dict:
        processed, nbytes, done, other = 0, 0, 0, 0
        # SIGALRM (the per-page time cap) works only in a process's main thread; Ray may call
        # from another, and then the cap is not enforced (see docs/audit.md)
        alarm = threading.current_thread() is threading.main_thread()
        for blob, is_done, size, skipped_other in zip(
            batch["rec"], batch["done"], batch["size"], batch["other"], strict=False
        ):
            if is_done:
                done += 1
                continue
            if not blob:  # an item's trailer
                other += int(skipped_other)
                continue
            rec = pickle.loads(bytes(blob))
            self.writer.add(audit_record(rec, self.question, self.kb, self.limits, alarm=alarm))
            processed += 1
            nbytes += int(size)
        self.writer.flush()
        return {
            "processed": [processed],
            "bytes": [nbytes],
            "done": [done],
            "skipped_other": [other],
        }


def run_ray(
    inputs: list[str],
    out_dir: str,
    question: str | None,
    workers: int,
    limits: Limits,
    done: set[str],
    run_id: str,
    progress: Callable[[int, int], None] | None = None,
    skip_progress: Callable[[int], None] | None = None,
    select: Selection | None = None,
) -> RunStats:
    """Audit ``inputs`` with Ray Data on ``workers`` CPUs (a local Ray unless one is running)."""
    try:
        # lazy: Ray is the optional ray extra, and slow to import
        import ray
        import ray.data
    except ImportError as exc:
        raise InputError("--engine ray needs Ray: pip install 'healthlens[ray]'") from exc
    progress = progress or (lambda pages, nbytes: None)
    t0 = time.perf_counter()
    started_here = not ray.is_initialized()
    if started_here:
        # a busy machine can take longer than Ray's default to start its agent
        os.environ.setdefault("RAY_agent_register_timeout_ms", "120000")
        # one CPU per audit actor, plus one for the tasks that read the inputs
        ray.init(
            num_cpus=workers + 1,
            include_dashboard=False,
            log_to_driver=False,
            logging_level=logging.WARNING,
            object_store_memory=max(80 << 20, min(1 << 30, workers * (128 << 20))),
        )
    context = ray.data.DataContext.get_current()
    context.enable_progress_bars = False
    # blocks of about one actor batch of pages (Ray's default, 128 MB, packs thousands of pages in a
    # block, and one actor then audits the block alone while the others wait)
    context.target_max_block_size = RAY_BLOCK_BYTES
    stats = RunStats(passes=1)
    try:
        items = _items(inputs, select)
        if not items:
            return stats
        frozen = frozenset(done)
        ds: ray.data.Dataset = ray.data.from_items(items, override_num_blocks=len(items))
        # reading takes half a CPU: with other resources than the audit actors', Ray does not fuse the
        # two stages into the actors (fused, one actor would read a whole WARC and audit it alone)
        ds = ds.map_batches(
            _expand,  # type: ignore[arg-type]  # Ray's stub wants a batch-only function; fn_kwargs supply the rest
            fn_kwargs={"done": frozen, "max_bytes": limits.max_bytes, "select": select},
            batch_size=1,
            batch_format="numpy",
            num_cpus=0.5,
        )
        ds = ds.map_batches(
            _AuditActor,
            fn_constructor_kwargs={
                "out_dir": os.path.abspath(out_dir),
                "question": question,
                "limits": limits,
                "run_id": run_id,
            },
            batch_size=RAY_BATCH,
            compute=ray.data.ActorPoolStrategy(size=workers),
            num_cpus=1,
            batch_format="numpy",
        )
        for batch in ds.iter_batches(batch_size=None, batch_format="numpy"):
            for p, b, d, o in zip(
                batch["processed"],
                batch["bytes"],
                batch["done"],
                batch["skipped_other"],
                strict=False,
            ):
                stats.processed += int(p)
                stats.skipped_done += int(d)
                stats.skipped_other += int(o)
                progress(int(p), int(b))
                if skip_progress is not None and d:
                    skip_progress(0)
    finally:
        if started_here:
            ray.shutdown()
    stats.seconds = time.perf_counter() - t0
    return stats
