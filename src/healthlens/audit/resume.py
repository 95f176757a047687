"""Resuming: an output directory remembers what it audits, and its parts say what is done.

``_audit.json`` records the inputs and the question. Rerunning the same command finds it, drops
leftover temporary files (a part that was being written when the run died), and collects the
ids of every row in the complete parts: those records are skipped, every other one is redone.
A part that cannot be read (only possible when something other than this writer put it there)
is set aside as ``*.corrupt`` and its records are redone.
"""

from __future__ import annotations

import datetime as dt
import fcntl
import json
import os
import time
from pathlib import Path

from ..errors import InputError
from .writer import PART_GLOB, TMP_SUFFIX

__all__ = ["prepare_out_dir", "done_ids", "MANIFEST", "part_files", "RunLock", "writer_lock"]

MANIFEST = "_audit.json"
MANIFEST_VERSION = 1
RUN_LOCK = ".audit.lock"  # held by the process running an audit into DIR
WRITERS_LOCK = ".writers.lock"  # held (shared) by every worker that may write parts
WRITERS_WAIT = 60.0  # seconds to wait for the workers of a killed run to stop


class RunLock:
    """One audit at a time per directory, and none before the last run's workers are gone.

    A worker holds a shared lock on ``.writers.lock`` while it may write; a new run takes the
    exclusive lock once (so it waits for stragglers of a killed run) before it reads what is done.
    """

    def __init__(self, out_dir: Path) -> None:
        self._fcntl = fcntl
        self.fh = open(out_dir / RUN_LOCK, "a+")  # noqa: SIM115 -- the lock lives as long as the run; release() closes it
        try:
            fcntl.flock(self.fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as exc:
            self.fh.close()
            raise InputError(
                f"{out_dir}: another healthlens audit is writing to this directory; wait for it or use another --out"
            ) from exc
        deadline = time.monotonic() + WRITERS_WAIT
        with open(out_dir / WRITERS_LOCK, "a+") as writers:
            while True:
                try:
                    fcntl.flock(writers, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    fcntl.flock(writers, fcntl.LOCK_UN)
                    break
                except OSError:
                    if time.monotonic() > deadline:
                        self.close()
                        raise InputError(
                            f"{out_dir}: workers of an earlier run are still writing; try again when they have stopped"
                        ) from None
                    time.sleep(0.1)

    def close(self) -> None:
        if not self.fh.closed:
            self._fcntl.flock(self.fh, self._fcntl.LOCK_UN)
            self.fh.close()


def writer_lock(out_dir: str | os.PathLike):
    """Taken by a worker for as long as it may write parts (see ``RunLock``)."""
    fh = open(Path(out_dir) / WRITERS_LOCK, "a+")  # noqa: SIM115 -- returned: the caller holds the lock until it closes the file
    fcntl.flock(fh, fcntl.LOCK_SH)
    return fh


def part_files(out_dir: str | os.PathLike) -> list[Path]:
    return sorted(Path(out_dir).glob(PART_GLOB))


def done_ids(out_dir: str | os.PathLike) -> set[str]:
    """The ids of every row already written to a complete part."""
    done: set[str] = set()
    parts = part_files(out_dir)
    if not parts:
        return done  # a new audit: no pyarrow to import before the workers start
    import pyarrow.parquet as pq  # lazy: a resumed audit only (see above)

    for part in parts:
        try:
            ids = pq.read_table(part, columns=["id"]).column("id").to_pylist()
        except Exception:  # unreadable: redo its records rather than trust it
            os.replace(part, part.with_suffix(".corrupt"))
            continue
        done.update(ids)
    return done


def prepare_out_dir(
    out_dir: str | os.PathLike, inputs: list[str], question: str | None, options: dict | None = None
) -> tuple[set[str], bool, RunLock]:
    """Create or reopen ``out_dir`` for these inputs; (done ids, resumed?, the run's lock to close
    at the end). Raises ``InputError`` when the directory holds an audit of other inputs or
    another question, or another audit is writing to it."""
    out = Path(out_dir)
    if out.exists() and not out.is_dir():
        raise InputError(f"{out}: exists and is not a directory; give --out a directory")
    out.mkdir(parents=True, exist_ok=True)
    lock = RunLock(out)
    try:
        return (*_reopen(out, inputs, question, options or {}), lock)
    except BaseException:
        lock.close()
        raise


def _reopen(
    out: Path, inputs: list[str], question: str | None, options: dict
) -> tuple[set[str], bool]:
    manifest = out / MANIFEST
    wanted: dict[str, object] = {
        "inputs": [os.path.abspath(p) for p in inputs],
        "question": question,
    }
    if options:  # --question-from, --include, --exclude (absent when not given)
        wanted["options"] = options
    resumed = manifest.exists()
    if resumed:
        try:
            old = json.loads(manifest.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise InputError(
                f"{manifest}: unreadable ({exc}); remove it to start this audit over"
            ) from exc
        if (
            old.get("inputs") != wanted["inputs"]
            or old.get("question") != question
            or (old.get("options") or {}) != options
        ):
            raise InputError(
                f"{out} holds an audit of other inputs or another question or selection "
                f"({len(old.get('inputs') or [])} input(s), question {old.get('question')!r}); "
                "rerun the same command to resume it, or give --out a new directory"
            )
    else:
        if any(out.glob(PART_GLOB)):
            raise InputError(
                f"{out} has part files but no {MANIFEST}; give --out a new or empty directory"
            )
        tmp = manifest.with_name(MANIFEST + TMP_SUFFIX)
        tmp.write_text(
            json.dumps(
                {
                    "version": MANIFEST_VERSION,
                    **wanted,
                    "started": dt.datetime.now().isoformat(timespec="seconds"),
                },
                indent=2,
            ),
            encoding="utf-8",
        )
        os.replace(tmp, manifest)
    for leftover in out.glob(f".part-*{TMP_SUFFIX}"):
        leftover.unlink(missing_ok=True)
    return done_ids(out), resumed
