"""Quality on our own labelled page set (benchmarks/data/pages): on topic, page answer, agreement,
credibility signals, with the trivial baselines beside them."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

NAME = "quality_pages"
TITLE = "Quality: our labelled page set"
LABELS = Path(__file__).resolve().parent / "data" / "pages" / "labels.jsonl"
GOALS = {
    "on_topic": 0.97,
    "page_answer": 0.85,
    "correct": 0.90,
    "has_author": 0.90,
    "has_date": 0.90,
    "cites_sources": 0.90,
}
LABEL = {"correct": "agrees with evidence"}


def _baselines(rows: list[dict]) -> dict[str, float]:
    """Trivial predictors: 'always on topic', 'always no', 'always agrees', 'never an author/date/source'."""
    n = len(rows)
    judged = [r for r in rows if r["correct"] is not None]
    return {
        "on_topic": sum(r["on_topic"] for r in rows) / n,
        "page_answer": sum(r["page_answer"] == "no" for r in rows) / n,
        "correct": sum(r["correct"] for r in judged) / len(judged),
        "has_author": sum(not r["has_author"] for r in rows) / n,
        "has_date": sum(not r["has_date"] for r in rows) / n,
        "cites_sources": sum(not r["cites_sources"] for r in rows) / n,
    }


def run() -> str:
    from healthlens.evaluate import evaluate_pages

    rows = [
        json.loads(line) for line in LABELS.read_text(encoding="utf-8").splitlines() if line.strip()
    ]
    ev = evaluate_pages(LABELS)
    base = _baselines(rows)
    lines = [
        f"Command: `.venv/bin/healthlens eval pages {LABELS.relative_to(LABELS.parents[3])}` "
        f"({ev.n} pages written and labelled by us; styles and error kinds in the labels file).",
        "",
        "| measure | healthlens | trivial baseline | goal | met |",
        "|---|---|---|---|---|",
    ]
    for m, goal in GOALS.items():
        acc = ev.accuracy(m)
        lines.append(
            f"| {LABEL.get(m, m.replace('_', ' '))} | {acc:.3f} ({ev.correct[m]}/{ev.total[m]}) | {base[m]:.3f} | ≥ {goal} | {'yes' if acc >= goal else 'no'} |"
        )
    lines += [
        "",
        "Page answer confusion (gold → predicted):",
        "",
        "| gold | predicted | pages |",
        "|---|---|---|",
    ]
    lines += [f"| {g} | {p} | {n} |" for (g, p), n in sorted(ev.confusion.items())]
    lines += [
        "",
        "Alarm findings against the labels' expected findings:",
        "",
        "| kind | true pos. | false pos. | missed |",
        "|---|---|---|---|",
    ]
    for kind in sorted({k for k, _ in ev.findings}):
        lines.append(
            f"| {kind} | {ev.findings[(kind, 'tp')]} | {ev.findings[(kind, 'fp')]} | {ev.findings[(kind, 'fn')]} |"
        )
    by = Counter(m["measure"] for m in ev.misses)
    lines += [
        "",
        f"Misses: {len(ev.misses)} ({', '.join(f'{k} {v}' for k, v in sorted(by.items()))}); each is listed with the sentence that misled by the command above.",
    ]
    return "\n".join(lines)
