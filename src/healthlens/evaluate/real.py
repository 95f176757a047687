"""The real-page corpus (benchmarks/data/real/pages.jsonl): accuracy on real web pages read from a
local cache, per split, per question family and per source type, with every miss explained.

The corpus commits labels and URLs only; the page texts are third-party and live in a cache outside
the repository (``~/.cache/healthlens-dev/real/<id>.txt`` unless ``HEALTHLENS_REAL_CACHE`` or
``cache=`` says otherwise). When cache files are missing the evaluation does not run on a partial
corpus: it raises :class:`CacheMissing`, which names them. ``benchmarks/real_cache.py`` lists the
missing and the changed files.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import InputError
from ..knowledge import get_knowledge
from ..models import Page
from ..pipeline import analyze_page
from ..question import parse_question
from ..read import read_bytes
from .labels import read_labels
from .pages import _misled as pages_misled

__all__ = [
    "REAL_REQUIRED",
    "MEASURES",
    "CacheMissing",
    "RealEval",
    "default_cache",
    "is_real_corpus",
    "load_real",
    "cache_status",
    "evaluate_real",
    "merge_answer",
    "batch_of",
]

REAL_REQUIRED = (
    "id",
    "url",
    "question",
    "family",
    "source_type",
    "site",
    "split",
    "on_topic",
    "page_answer",
    "correct",
    "has_author",
    "has_date",
    "cites_sources",
    "sha256",
)
MEASURES = ("on_topic", "page_answer", "correct", "has_author", "has_date", "cites_sources")
SPLITS = ("dev", "test")


class CacheMissing(InputError):
    """Some page texts of the corpus are not in the cache; ``missing`` holds their paths."""

    def __init__(self, missing: list[Path], cache: Path, total: int):
        self.missing = missing
        self.cache = cache
        shown = ", ".join(p.name for p in missing[:8]) + (
            f" and {len(missing) - 8} more" if len(missing) > 8 else ""
        )
        super().__init__(
            f"real-page cache incomplete: {len(missing)} of {total} page texts missing from "
            f"{cache} ({shown}); `python benchmarks/real_cache.py` lists them with their URLs "
            "(rebuild them from the URLs, see benchmarks/data/real/README.md), or evaluate the "
            "pages present with --skip-missing"
        )


def default_cache() -> Path:
    env = os.environ.get("HEALTHLENS_REAL_CACHE")
    return Path(env).expanduser() if env else Path.home() / ".cache" / "healthlens-dev" / "real"


def batch_of(row: dict) -> str:
    """The collection a corpus line belongs to, as a group key: ``batch`` when the line has one,
    else "1" (the first collection's lines carry no ``batch`` field)."""
    return str(row.get("batch") or 1)


def merge_answer(answer: str | None) -> str | None:
    """Page answers as the corpus scores them: 'partly' and 'unclear' are one class, and a
    definition question's 'defined' or 'misdefined' (contract 1.1) is the corpus's 'yes': the page
    answers it (whether rightly is the 'correct' measure)."""
    if answer in ("defined", "misdefined"):
        return "yes"
    return "partly" if answer == "unclear" else answer


def is_real_corpus(labels_path: str | Path) -> bool:
    """A labels file whose rows carry ``id`` and ``url`` (not ``file``) is a real-page corpus."""
    try:
        with open(labels_path, encoding="utf-8") as fh:
            for line in fh:
                if line.strip():
                    row = json.loads(line)
                    return isinstance(row, dict) and "id" in row and "url" in row
    except (OSError, json.JSONDecodeError):
        return False
    return False


def load_real(labels_path: str | Path) -> list[dict]:
    rows = read_labels(Path(labels_path), REAL_REQUIRED)
    for i, row in enumerate(rows, 1):
        if row["split"] not in SPLITS:
            raise InputError(f"{labels_path}: row {i}: split must be one of {SPLITS}")
    return rows


def cache_status(rows: list[dict], cache: Path) -> tuple[list[dict], list[dict]]:
    """(missing, changed): rows whose cache file is absent, and rows whose text's sha256 differs."""
    missing, changed = [], []
    for row in rows:
        path = cache / f"{row['id']}.txt"
        if not path.exists():
            missing.append(row)
        elif hashlib.sha256(path.read_bytes()).hexdigest() != row["sha256"]:
            changed.append(row)
    return missing, changed


@dataclass
class Tally:
    correct: Counter = field(default_factory=Counter)
    total: Counter = field(default_factory=Counter)
    pages: int = 0

    def add(self, measure: str, ok: bool) -> None:
        self.total[measure] += 1
        self.correct[measure] += ok

    def accuracy(self, measure: str) -> float | None:
        return self.correct[measure] / self.total[measure] if self.total[measure] else None

    def to_dict(self) -> dict:
        return {
            "pages": self.pages,
            "accuracy": {m: self.accuracy(m) for m in MEASURES if self.total[m]},
            "judged": {m: self.total[m] for m in MEASURES if self.total[m]},
        }


@dataclass
class RealEval:
    """Tallies keyed by group: ('split', 'dev'), ('family', 'allergy'), ('source_type', 'shop'),
    ('batch', '2')... Each split also has a ``baseline`` tally for the stub that answers "no" to
    everything."""

    n: int = 0
    # pages left out because their text is not in the cache (``skip_missing``); 0 otherwise
    skipped: int = 0
    groups: dict[tuple[str, str], Tally] = field(default_factory=lambda: defaultdict(Tally))
    baseline: dict[str, Tally] = field(default_factory=lambda: defaultdict(Tally))
    confusion: dict[str, Counter] = field(default_factory=lambda: defaultdict(Counter))
    misses: list[dict] = field(default_factory=list)

    def split(self, name: str) -> Tally:
        return self.groups[("split", name)]

    def by(self, key: str, split: str | None = None) -> dict[str, Tally]:
        """Tallies per value of ``key`` ('family', 'source_type' or 'batch'), within one split if
        given."""
        want = key if split is None else f"{split}:{key}"
        return {v: t for (k, v), t in sorted(self.groups.items()) if k == want}

    def to_dict(self) -> dict:
        return {
            "pages": self.n,
            "skipped_missing": self.skipped,
            "splits": {s: self.split(s).to_dict() for s in SPLITS},
            "baseline_no": {s: self.baseline[s].to_dict() for s in SPLITS},
            "by_family": {
                s: {v: t.to_dict() for v, t in self.by("family", s).items()} for s in SPLITS
            },
            "by_source_type": {
                s: {v: t.to_dict() for v, t in self.by("source_type", s).items()} for s in SPLITS
            },
            "by_batch": {
                s: {v: t.to_dict() for v, t in self.by("batch", s).items()} for s in SPLITS
            },
            "confusion": {
                s: {f"{g}->{p}": n for (g, p), n in sorted(c.items())}
                for s, c in self.confusion.items()
            },
            "misses": self.misses,
        }


def _read_cached(row: dict, cache: Path) -> Page:
    path = cache / f"{row['id']}.txt"
    return read_bytes(path.read_bytes(), str(path), hint="text", url=row["url"])


def _misled(page: Page, measure: str) -> str | None:
    return pages_misled(page, measure)


def _stub(measure: str):
    return "no" if measure == "page_answer" else False


def evaluate_real(
    labels_path: str | Path,
    cache: str | Path | None = None,
    split: str | None = None,
    skip_missing: bool = False,
) -> RealEval:
    """Evaluate on the real-page corpus; ``split`` ('dev' or 'test') limits it to one split.

    ``skip_missing``: evaluate the pages whose text is in the cache and count the others in
    ``skipped`` (a partly rebuilt cache), instead of stopping; figures on part of the corpus are
    comparable only with figures on the same pages."""
    rows = load_real(labels_path)
    if split is not None:
        if split not in SPLITS:
            raise InputError(f"split must be one of {SPLITS}, not {split!r}")
        rows = [r for r in rows if r["split"] == split]
    cache = Path(cache).expanduser() if cache else default_cache()
    missing, _changed = cache_status(rows, cache)
    if missing and (not skip_missing or len(missing) == len(rows)):
        raise CacheMissing([cache / f"{r['id']}.txt" for r in missing], cache, len(rows))
    absent = {r["id"] for r in missing}
    rows = [r for r in rows if r["id"] not in absent]
    kb = get_knowledge()
    ev = RealEval(skipped=len(absent))
    for row in rows:
        page = _read_cached(row, cache)
        q = parse_question(row["question"], kb)
        analyze_page(page, q, kb)
        ev.n += 1
        predicted = {
            "on_topic": page.on_topic,
            "page_answer": merge_answer(page.page_answer),
            "correct": page.agrees_with_evidence,
            "has_author": bool(page.credibility.author),
            "has_date": bool(page.credibility.date),
            "cites_sources": page.credibility.cites_sources,
        }
        s = row["split"]
        batch = batch_of(row)
        keys = [
            ("split", s),
            ("family", row["family"]),
            ("source_type", row["source_type"]),
            ("batch", batch),
            (f"{s}:family", row["family"]),
            (f"{s}:source_type", row["source_type"]),
            (f"{s}:batch", batch),
        ]
        for key in keys:
            ev.groups[key].pages += 1
        ev.baseline[s].pages += 1
        gold_answer = merge_answer(row["page_answer"])
        ev.confusion[s][(gold_answer, predicted["page_answer"])] += 1
        for measure, value in predicted.items():
            gold = gold_answer if measure == "page_answer" else row[measure]
            if gold is None:
                continue
            ok = value == gold
            for key in keys:
                ev.groups[key].add(measure, ok)
            ev.baseline[s].add(measure, _stub(measure) == gold)
            if not ok:
                ev.misses.append(
                    {
                        "id": row["id"],
                        "split": s,
                        "batch": batch,
                        "family": row["family"],
                        "source_type": row["source_type"],
                        "url": row["url"],
                        "question": row["question"],
                        "measure": measure,
                        "expected": gold,
                        "read": value,
                        "sentence": _misled(page, measure),
                        "error": page.error.message if page.error else None,
                    }
                )
    return ev
