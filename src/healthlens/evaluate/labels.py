"""Reading a labels file (one JSON object per line), shared by the page evaluations.

Its own light module: the real-page evaluation checks its labels before it loads the pipeline."""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

from ..errors import InputError
from ..models import PAGE_ANSWERS

__all__ = ["read_labels"]


def read_labels(labels_path: Path, required: Iterable[str]) -> list[dict]:
    """Every row of a labels file; an error naming the file, the line and what is wrong."""
    if not labels_path.exists():
        raise InputError(f"{labels_path}: no such labels file")
    required = tuple(required)
    rows = []
    for i, line in enumerate(labels_path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(f"{labels_path}:{i}: not valid JSON ({exc.msg})") from exc
        missing = [k for k in required if k not in row]
        if missing:
            raise InputError(f"{labels_path}:{i}: missing field(s) {', '.join(missing)}")
        if row["page_answer"] not in PAGE_ANSWERS:
            raise InputError(f"{labels_path}:{i}: page_answer must be one of {PAGE_ANSWERS}")
        rows.append(row)
    return rows
