"""The precompiled knowledge base: built once, reused, rebuilt when an input changes."""

from __future__ import annotations

import shutil

import pytest

from healthlens.knowledge import snapshot
from healthlens.knowledge.records import load_records, record_files
from healthlens.knowledge.terminology import build_terminology


@pytest.fixture()
def sandbox(tmp_path, monkeypatch):
    """A private cache and a private copy of the record files; a fast terminology (no ICD)."""
    monkeypatch.setenv("HEALTHLENS_CACHE", str(tmp_path / "cache"))
    data = tmp_path / "conditions"
    data.mkdir()
    copies = []
    for p in record_files():
        shutil.copy(p, data / p.name)
        copies.append(data / p.name)
    monkeypatch.setattr(snapshot, "record_files", lambda: copies)
    monkeypatch.setattr(snapshot, "load_records", lambda: load_records(copies))
    calls = []

    def fast_build(records, extra, cache=True):
        calls.append(len(records))
        return build_terminology(records, extra, use_icd=False, cache=False)

    monkeypatch.setattr(snapshot, "build_terminology", fast_build)
    return copies, calls


def test_snapshot_is_built_once_then_loaded(sandbox):
    _, calls = sandbox
    first = snapshot.load_knowledge()
    second = snapshot.load_knowledge()
    assert calls == [len(first.records)]  # the second load came from the pickle
    assert second.records.keys() == first.records.keys() and snapshot.snapshot_path().exists()


def test_editing_a_record_file_changes_the_key_and_rebuilds(sandbox):
    copies, calls = sandbox
    snapshot.load_knowledge()
    key = snapshot.snapshot_key()
    text = copies[0].read_text(encoding="utf-8")
    copies[0].write_text(
        text.replace('autoimmune: "yes"', 'autoimmune: "yes"', 1) + "\n", encoding="utf-8"
    )
    assert snapshot.snapshot_key() != key
    snapshot.load_knowledge()
    assert len(calls) == 2


def test_a_corrupt_snapshot_is_rebuilt_not_trusted(sandbox):
    _, calls = sandbox
    snapshot.load_knowledge()
    snapshot.snapshot_path().write_bytes(b"not a pickle")
    kb = snapshot.load_knowledge()
    assert len(calls) == 2 and len(kb.records) > 300
