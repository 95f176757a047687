"""The local knowledge store: what `healthlens kb import` added beside the packaged records.

Imported ontology terms live in one JSON file in the cache directory. They add names (and,
later, hierarchy and cross-references); they never override a curated record.
"""

from __future__ import annotations

import json

from .terminology import cache_dir

__all__ = ["store_path", "imported_names"]


def store_path():
    return cache_dir() / "imported.json"


def imported_names() -> list[tuple[str, str, str]]:
    """Imported ``(concept_id, name, preferred_name)`` rows; empty when nothing was imported."""
    path = store_path()
    if not path.exists():
        return []
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    return [tuple(row) for row in data.get("names", []) if isinstance(row, list) and len(row) == 3]
