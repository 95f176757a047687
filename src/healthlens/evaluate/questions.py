"""`healthlens eval questions FILE.jsonl`: accuracy of `ask` on reference questions.

One JSON object per line: ``question``, ``expected_verdict`` (yes | no | partly | uncertain |
unknown), optionally ``expected_condition_id`` and ``source_note``. An answer is right when the
verdict matches and, where an id is expected, the answer is about that condition. Every miss is
listed with what was answered and why.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from ..answer import ask
from ..errors import InputError
from ..knowledge import KnowledgeBase, get_knowledge

__all__ = ["evaluate_questions", "QuestionEval", "read_questions"]

VERDICTS = ("yes", "no", "partly", "uncertain", "unknown", "defined")


@dataclass
class QuestionEval:
    n: int = 0
    right: int = 0
    by_predicate: Counter = field(default_factory=Counter)  # predicate -> asked
    right_by_predicate: Counter = field(default_factory=Counter)
    misses: list[dict] = field(default_factory=list)

    @property
    def accuracy(self) -> float:
        return self.right / self.n if self.n else 0.0

    def to_dict(self) -> dict:
        return {
            "n": self.n,
            "right": self.right,
            "accuracy": self.accuracy,
            "by_predicate": {
                p: [self.right_by_predicate[p], c] for p, c in sorted(self.by_predicate.items())
            },
            "misses": self.misses,
        }


def read_questions(path: str | Path) -> list[dict]:
    path = Path(path)
    if not path.is_file():
        raise InputError(f"{path}: no such file; give a .jsonl file of reference questions")
    rows = []
    for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except ValueError as exc:
            raise InputError(f"{path}, line {i}: not JSON ({exc})") from exc
        if (
            not isinstance(row, dict)
            or not row.get("question")
            or row.get("expected_verdict") not in VERDICTS
        ):
            raise InputError(
                f"{path}, line {i}: needs 'question' and 'expected_verdict' (one of {', '.join(VERDICTS)})"
            )
        rows.append(row)
    return rows


def _why(row: dict, answer, kb: KnowledgeBase) -> str:
    expected_id = row.get("expected_condition_id")
    if answer.concept_id is None:
        return "no condition in the knowledge base matched the question"
    if expected_id and answer.concept_id != expected_id:
        return f"linked to {answer.concept_id} instead of {expected_id}"
    rec = kb.record(answer.concept_id)
    if rec is None:
        return "the condition is only in the terminology, with no curated verdict"
    why = f"the knowledge base says {answer.verdict} for '{answer.predicate}'"
    if rec.caution:
        why += f"; its caution: {rec.caution}"
    return why


def evaluate_questions(path: str | Path, kb: KnowledgeBase | None = None) -> QuestionEval:
    kb = kb or get_knowledge()
    rows = read_questions(path)
    answers = ask([r["question"] for r in rows], kb)
    ev = QuestionEval()
    for row, a in zip(rows, answers):
        ev.n += 1
        ev.by_predicate[a.predicate] += 1
        expected_id = row.get("expected_condition_id")
        ok = a.verdict == row["expected_verdict"] and (
            not expected_id or a.concept_id == expected_id
        )
        if ok:
            ev.right += 1
            ev.right_by_predicate[a.predicate] += 1
        else:
            ev.misses.append(
                {
                    "question": row["question"],
                    "expected_verdict": row["expected_verdict"],
                    "expected_condition_id": expected_id,
                    "verdict": a.verdict,
                    "condition_id": a.concept_id,
                    "predicate": a.predicate,
                    "why": _why(row, a, kb),
                    "source_note": row.get("source_note"),
                }
            )
    return ev
