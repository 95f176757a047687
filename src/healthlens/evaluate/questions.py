"""`healthlens eval questions FILE.jsonl`: accuracy of `ask` on reference questions.

One JSON object per line: ``question``, ``expected_verdict`` (yes | no | partly | uncertain |
unknown | defined), optionally ``expected_condition_id``, ``expected_predicate``, ``source_note``;
for a compound question ("Is X an allergy or autoimmune?") ``expected_verdicts`` and
``expected_predicates`` list every answer in order; ``needs_property_data`` marks a row about the
contagious / inherited / curable families, skipped (and counted as skipped) while the knowledge
base has no property data for its condition. An answer is right when the verdict matches and,
where an id or predicate is expected, the answer is about that condition and property. Every
miss is listed with what was answered and why.

``evaluate_out_of_scope`` reads questions healthlens must not judge (``question``, ``kind``) and
counts those that got a verdict anyway (anything but ``unknown`` with ``understood`` false).
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from ..answer import ask
from ..errors import InputError
from ..knowledge import KnowledgeBase, get_knowledge

__all__ = [
    "evaluate_questions",
    "evaluate_out_of_scope",
    "QuestionEval",
    "OutOfScopeEval",
    "read_questions",
]

VERDICTS = ("yes", "no", "partly", "uncertain", "unknown", "defined")


@dataclass
class QuestionEval:
    n: int = 0
    right: int = 0
    by_predicate: Counter = field(default_factory=Counter)  # predicate -> asked
    right_by_predicate: Counter = field(default_factory=Counter)
    misses: list[dict] = field(default_factory=list)
    skipped: list[dict] = field(default_factory=list)  # rows whose condition has no property data

    @property
    def accuracy(self) -> float:
        return self.right / self.n if self.n else 0.0

    def to_dict(self) -> dict:
        return {
            "n": self.n,
            "right": self.right,
            "skipped": len(self.skipped),
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


def _right(row: dict, answers: list) -> bool:
    expected_id = row.get("expected_condition_id")
    verdicts = row.get("expected_verdicts") or [row["expected_verdict"]]
    predicates = row.get("expected_predicates") or (
        [row["expected_predicate"]] if row.get("expected_predicate") else None
    )
    if [a.verdict for a in answers] != verdicts:
        return False
    if predicates is not None and [a.predicate for a in answers] != predicates:
        return False
    return not expected_id or all(a.concept_id == expected_id for a in answers)


NOT_UNDERSTOOD = "not understood"


def evaluate_questions(path: str | Path, kb: KnowledgeBase | None = None) -> QuestionEval:
    kb = kb or get_knowledge()
    rows = read_questions(path)
    ev = QuestionEval()
    for row in rows:
        expected_id = row.get("expected_condition_id")
        if row.get("needs_property_data") and not kb.properties.get(expected_id or ""):
            ev.skipped.append(row)
            continue
        answers = ask(row["question"], kb)
        a = answers[0]
        ev.n += 1
        # the form the answer read; a question read as none ("not understood") is counted too,
        # under its own key, so that the tally sorts and sums
        form = a.predicate or NOT_UNDERSTOOD
        ev.by_predicate[form] += 1
        ok = _right(row, answers)
        if ok:
            ev.right += 1
            ev.right_by_predicate[form] += 1
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


@dataclass
class OutOfScopeEval:
    n: int = 0
    judged: list[dict] = field(default_factory=list)  # answers that gave a verdict anyway
    by_kind: Counter = field(default_factory=Counter)  # kind -> questions
    declined_as: Counter = field(default_factory=Counter)  # (kind, declined kind or None)

    def to_dict(self) -> dict:
        return {
            "n": self.n,
            "judged": self.judged,
            "by_kind": dict(self.by_kind),
            "declined_as": {
                f"{k}->{v}": c for (k, v), c in sorted(self.declined_as.items(), key=str)
            },
        }


def evaluate_out_of_scope(path: str | Path, kb: KnowledgeBase | None = None) -> OutOfScopeEval:
    """Questions healthlens does not judge: each must be ``unknown``, with ``understood`` false."""
    kb = kb or get_knowledge()
    path = Path(path)
    if not path.is_file():
        raise InputError(f"{path}: no such file; give a .jsonl file of out-of-scope questions")
    ev = OutOfScopeEval()
    for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except ValueError as exc:
            raise InputError(f"{path}, line {i}: not JSON ({exc})") from exc
        if not isinstance(row, dict) or not row.get("question"):
            raise InputError(f"{path}, line {i}: needs 'question'")
        ev.n += 1
        ev.by_kind[row.get("kind")] += 1
        for a in ask(row["question"], kb):
            ev.declined_as[(row.get("kind"), a.declined)] += 1
            if a.verdict != "unknown" or a.understood:
                ev.judged.append(
                    {
                        "question": row["question"],
                        "kind": row.get("kind"),
                        "verdict": a.verdict,
                        "predicate": a.predicate,
                        "condition_id": a.concept_id,
                    }
                )
    return ev
