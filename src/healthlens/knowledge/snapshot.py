"""The precompiled knowledge base: records and terminology in one pickle, keyed by their inputs.

Parsing the curated YAML and building the terminology (ICD-10-CM included) are each slow next
to answering a question, and a process that only answers one should pay neither (the times are
in docs/benchmarks.md, "Speed: `healthlens ask`"). ``load_knowledge`` hashes
the raw inputs (record files, the imported ontology store, the code that builds the knowledge
base, the ICD-10-CM package version and the Python version) and loads the snapshot with that
key from the cache directory, building and saving it the first time. Editing a record, importing
an ontology or upgrading the code changes the key, so a stale snapshot is never used.
"""

from __future__ import annotations

import gc
import hashlib
import pickle
import sys
from pathlib import Path

from . import KnowledgeBase
from .properties import load_properties, property_files
from .records import load_records, record_files
from .store import imported_names, store_path
from .terminology import _icd_version, build_terminology, cache_dir, write_cache

__all__ = ["load_knowledge", "snapshot_path"]

_CODE = (
    "records.py",
    "properties.py",
    "__init__.py",
    "terminology.py",
    "normalize.py",
    "store.py",
    "snapshot.py",
)


def snapshot_key() -> str:
    h = hashlib.sha256(b"kb-snapshot-v1")
    h.update(sys.version.encode())
    h.update(_icd_version().encode())
    here = Path(__file__).parent
    for name in _CODE:
        h.update((here / name).read_bytes())
    for path in [*record_files(), *property_files()]:
        h.update(path.name.encode())
        h.update(path.read_bytes())
    store = store_path()
    if store.exists():
        h.update(store.read_bytes())
    return h.hexdigest()[:20]


def snapshot_path() -> Path:
    return cache_dir() / f"kb-{snapshot_key()}.pickle"


def load_knowledge(cache: bool = True):
    """The knowledge base, from its snapshot when one matches the inputs, else built and saved."""
    path = snapshot_path()
    if cache and path.exists():
        gc.disable()  # unpickling tens of thousands of small objects: the cycle collector only slows it
        try:
            with open(path, "rb") as fh:
                kb = pickle.load(fh)
            if isinstance(kb, KnowledgeBase):
                gc.freeze()  # the knowledge base lives as long as the process: keep the collector off it
                return kb
        except Exception:  # a corrupt or foreign snapshot is rebuilt, never trusted
            pass
        finally:
            gc.enable()
    records = load_records()
    kb = KnowledgeBase(
        records, build_terminology(records, imported_names(), cache=cache), load_properties()
    )
    if cache:
        write_cache(path, kb, "kb-*.pickle")
    return kb
