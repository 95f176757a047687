"""Issue 13: `healthlens ask` on questions as people type them, and on questions it must not
judge. Accuracy on tests/data/questions_in_scope.jsonl (every family, typed variants; the
hand-labelled contagious / inherited / curable rows count once the knowledge base has property
data for their condition), verdicts given to tests/data/questions_out_of_scope.jsonl (aim: none),
and speed: warm `ask` per question (aim <= 1 ms) and what fuzzy matching adds (aim <= 5 ms)."""

from __future__ import annotations

import json
import statistics
import time
from collections import Counter
from pathlib import Path

NAME = "ask_scope"
TITLE = "Accuracy and speed: `healthlens ask` on typed and out-of-scope questions (issue 13)"
ROOT = Path(__file__).resolve().parent.parent
IN_SCOPE = ROOT / "tests" / "data" / "questions_in_scope.jsonl"
OUT_OF_SCOPE = ROOT / "tests" / "data" / "questions_out_of_scope.jsonl"


def _ms(xs: list[float]) -> str:
    return f"{statistics.median(xs) * 1000:.3f} ms (p95 {sorted(xs)[int(0.95 * (len(xs) - 1))] * 1000:.3f}, max {max(xs) * 1000:.3f})"


def _timed(questions: list[str], kb, rounds: int = 5) -> list[float]:
    from healthlens.answer import ask

    ask(questions, kb)  # warm: lazy caches, the fuzzy index
    out = []
    for _ in range(rounds):
        for q in questions:
            t = time.perf_counter()
            ask(q, kb)
            out.append(time.perf_counter() - t)
    return out


def _fuzzy_cost(subjects: list[str], kb, rounds: int = 5) -> list[float]:
    """The fuzzy matcher alone, on subjects only it can match (typos), per call."""
    from healthlens.question import _fuzzy

    _fuzzy(subjects[0], kb)
    out = []
    for _ in range(rounds):
        for s in subjects:
            t = time.perf_counter()
            _fuzzy(s, kb)
            out.append(time.perf_counter() - t)
    return out


def run() -> str:
    from healthlens.evaluate.questions import (
        evaluate_out_of_scope,
        evaluate_questions,
        read_questions,
    )
    from healthlens.knowledge import get_knowledge
    from healthlens.question import question_form

    kb = get_knowledge()
    ev = evaluate_questions(IN_SCOPE, kb)
    out = evaluate_out_of_scope(OUT_OF_SCOPE, kb)
    rows = read_questions(IN_SCOPE)
    questions = [r["question"] for r in rows]
    typos = [r["question"] for r in rows if r["variant"] == "typo"]
    out_questions = [
        json.loads(line)["question"] for line in OUT_OF_SCOPE.read_text().splitlines() if line
    ]
    warm_in = _timed(questions, kb)
    warm_typo = _timed(typos, kb)
    warm_out = _timed(out_questions, kb)
    subjects = [question_form(q)[2] for q in typos]
    fuzzy = _fuzzy_cost([s for s in subjects if s], kb)
    by_form = ", ".join(f"{p} {r}/{n}" for p, (r, n) in ev.to_dict()["by_predicate"].items())
    kinds = Counter()
    for (kind, declined), n in out.declined_as.items():
        if kind == declined:
            kinds[kind] += n
    declined = ", ".join(f"{k} {kinds[k]}/{n}" for k, n in sorted(out.by_kind.items()))
    ok_speed = statistics.median(warm_in) <= 0.001 and statistics.median(fuzzy) <= 0.005
    lines = [
        f"Command: `.venv/bin/python benchmarks/run.py {NAME}` (also `healthlens eval questions {IN_SCOPE.relative_to(ROOT)}`).",
        "",
        "| measure | value | aim |",
        "|---|---|---|",
        f"| in-scope questions answered right | {ev.right}/{ev.n} ({ev.accuracy:.1%}); by form: {by_form} | >= 97 % |",
        f"| hand-labelled contagious / inherited / curable rows skipped (no property data for their condition yet) | {len(ev.skipped)} | 0 once the data is merged |",
        f"| out-of-scope questions given yes/no/partly/uncertain/defined | {len(out.judged)}/{out.n} | 0 |",
        f"| out-of-scope questions declined as their own kind | {declined} | |",
        f"| warm `ask`, in-scope list ({len(warm_in)} calls) | {_ms(warm_in)} | <= 1 ms median ({'met' if statistics.median(warm_in) <= 0.001 else 'NOT met'}) |",
        f"| warm `ask`, typo rows only ({len(warm_typo)} calls) | {_ms(warm_typo)} | |",
        f"| warm `ask`, out-of-scope list ({len(warm_out)} calls) | {_ms(warm_out)} | |",
        f"| the fuzzy matcher alone, per typo subject ({len(fuzzy)} calls) | {_ms(fuzzy)} | <= 5 ms ({'met' if statistics.median(fuzzy) <= 0.005 else 'NOT met'}) |",
        "",
        f"Speed aims {'met' if ok_speed else 'NOT met'}. Misses ({len(ev.misses)}):"
        if ev.misses
        else f"Speed aims {'met' if ok_speed else 'NOT met'}. No misses.",
    ]
    for m in ev.misses:
        lines.append(
            f"- *{m['question']}*: expected {m['expected_verdict']}, answered {m['verdict']} ({m['predicate']}, {m['condition_id']}). Why: {m['why']}"
        )
    for j in out.judged:
        lines.append(
            f"- out of scope, judged: *{j['question']}* -> {j['verdict']} ({j['predicate']})"
        )
    return "\n".join(lines)
