"""`healthlens eval pages LABELS.jsonl`: accuracy on labelled pages, with every miss explained.

A label is one JSON object per line with at least ``file, question, on_topic, page_answer,
correct, has_author, has_date, cites_sources``; ``file`` is relative to the labels file.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from ..knowledge import get_knowledge
from ..models import Page
from ..pipeline import analyze_page
from ..question import parse_question
from ..read import read_file
from .labels import read_labels

__all__ = ["evaluate_pages", "PageEval", "REQUIRED"]

REQUIRED = (
    "file",
    "question",
    "on_topic",
    "page_answer",
    "correct",
    "has_author",
    "has_date",
    "cites_sources",
)
ALARMS = ("abbreviation_conflict", "self_contradiction", "contradicts_knowledge", "off_topic")


@dataclass
class PageEval:
    n: int = 0
    correct: Counter = field(default_factory=Counter)  # measure -> right
    total: Counter = field(default_factory=Counter)  # measure -> judged
    confusion: Counter = field(default_factory=Counter)  # (gold, predicted) page answers
    misses: list[dict] = field(default_factory=list)
    findings: Counter = field(default_factory=Counter)  # (kind, 'tp'|'fp'|'fn')

    def accuracy(self, measure: str) -> float | None:
        return self.correct[measure] / self.total[measure] if self.total[measure] else None

    def to_dict(self) -> dict:
        return {
            "pages": self.n,
            "accuracy": {m: self.accuracy(m) for m in sorted(self.total)},
            "judged": dict(self.total),
            "confusion": {f"{g}->{p}": n for (g, p), n in sorted(self.confusion.items())},
            "findings": {f"{k}:{w}": n for (k, w), n in sorted(self.findings.items())},
            "misses": self.misses,
        }


def _load(labels_path: Path) -> list[dict]:
    return read_labels(labels_path, REQUIRED)


def _misled(page: Page, measure: str) -> str | None:
    """The sentence most responsible for the prediction, for the miss list."""
    if measure in ("page_answer", "correct") and page.answer_sentences:
        return page.sentences[page.answer_sentences[0]].text
    if measure == "on_topic":
        off = next((f for f in page.findings if f.kind == "off_topic"), None)
        return off.sentence if off else None
    for sig in page.credibility.signals:
        if sig["signal"] == {
            "has_author": "author",
            "has_date": "date",
            "cites_sources": "sources",
        }.get(measure):
            return sig["text"]
    return None


def evaluate_pages(labels_path: str | Path) -> PageEval:
    labels_path = Path(labels_path)
    rows = _load(labels_path)
    kb = get_knowledge()
    ev = PageEval()
    for row in rows:
        page = read_file(labels_path.parent / row["file"])
        q = parse_question(row["question"], kb)
        analyze_page(page, q, kb)
        ev.n += 1
        predicted = {
            "on_topic": page.on_topic,
            "page_answer": page.page_answer,
            "correct": page.agrees_with_evidence,
            "has_author": bool(page.credibility.author),
            "has_date": bool(page.credibility.date),
            "cites_sources": page.credibility.cites_sources,
        }
        ev.confusion[(row["page_answer"], page.page_answer)] += 1
        for measure, value in predicted.items():
            gold = row[measure]
            if gold is None:
                continue
            ev.total[measure] += 1
            if value == gold:
                ev.correct[measure] += 1
            else:
                ev.misses.append(
                    {
                        "file": row["file"],
                        "measure": measure,
                        "gold": gold,
                        "predicted": value,
                        "sentence": _misled(page, measure),
                        "error": page.error.message if page.error else None,
                    }
                )
        kinds = {f.kind for f in page.findings}
        expected = set(row.get("expected_findings") or [])
        for kind in ALARMS:
            if kind in kinds and kind in expected:
                ev.findings[(kind, "tp")] += 1
            elif kind in kinds:
                ev.findings[(kind, "fp")] += 1
            elif kind in expected:
                ev.findings[(kind, "fn")] += 1
    return ev
