"""Accuracy of `healthlens ask` on the reference questions (tests/data/questions.jsonl) and on the
held-out list (benchmarks/data/questions_holdout.jsonl), with every miss and its reason."""

from __future__ import annotations

from pathlib import Path

NAME = "ask_reference"
TITLE = "Accuracy: `healthlens ask` on reference questions"
ROOT = Path(__file__).resolve().parent.parent
LISTS = [
    ("reference (tests/data/questions.jsonl)", ROOT / "tests" / "data" / "questions.jsonl"),
    (
        "held out (benchmarks/data/questions_holdout.jsonl)",
        ROOT / "benchmarks" / "data" / "questions_holdout.jsonl",
    ),
]


def _baseline(path: Path) -> float:
    """Answering "no" to every question, the commonest verdict, as a trivial baseline."""
    from healthlens.evaluate.questions import read_questions

    rows = read_questions(path)
    return sum(r["expected_verdict"] == "no" for r in rows) / len(rows)


def run() -> str:
    from healthlens.evaluate.questions import evaluate_questions

    lines = [
        f"Command: `.venv/bin/python benchmarks/run.py {NAME}` (also `healthlens eval questions FILE`).",
        "A question counts as right when the verdict matches and, where the list names a condition id, "
        "the answer is about that condition. Both lists were written from NIH, NHS and specialist-society "
        "sources before the knowledge base's verdicts were compared.",
        "",
        '| list | questions | right | accuracy | baseline: always "no" | by form (right/asked) |',
        "|---|---|---|---|---|---|",
    ]
    misses = []
    for label, path in LISTS:
        ev = evaluate_questions(path)
        forms = ", ".join(f"{p} {r}/{n}" for p, (r, n) in ev.to_dict()["by_predicate"].items())
        lines.append(
            f"| {label} | {ev.n} | {ev.right} | {ev.accuracy:.1%} | {_baseline(path):.1%} | {forms} |"
        )
        misses += [(label, m) for m in ev.misses]
    lines += ["", f"Misses ({len(misses)}):" if misses else "No misses."]
    for label, m in misses:
        lines.append(
            f"- *{m['question']}* ({label.split(' ')[0]}): expected {m['expected_verdict']}"
            f"{' / ' + m['expected_condition_id'] if m['expected_condition_id'] else ''}, answered {m['verdict']}"
            f"{' / ' + m['condition_id'] if m['condition_id'] else ''}. Why: {m['why']} Source note: {m['source_note']}"
        )
    return "\n".join(lines)
