"""How far two labellers agree on the real-page corpus: a second, blind labelling of 180 dev pages
(benchmarks/data/real/relabel.jsonl: 100 from batches 1 to 5, 80 from batch 6) beside the
corpus's own labels. It bounds what any reader can score: a reader cannot be measured more
finely than its labels agree."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

NAME = "label_agreement"
TITLE = "Quality: how far two labellers agree on real pages"
ROOT = Path(__file__).resolve().parent.parent
LABELS = ROOT / "benchmarks" / "data" / "real" / "pages.jsonl"
SECOND = ROOT / "benchmarks" / "data" / "real" / "relabel.jsonl"
FIELDS = ("on_topic", "page_answer", "correct", "has_author", "has_date", "cites_sources")


def merged(answer: str | None) -> str | None:
    """The evaluation's classes: partly and unclear are one (issue 12)."""
    return "partly" if answer in ("partly", "unclear") else answer


def agreement(pairs: list[tuple]) -> tuple[float, float]:
    """(share of pairs that agree, Cohen's kappa): kappa discounts the agreement two labellers
    would reach by chance with their own label frequencies."""
    n = len(pairs)
    observed = sum(a == b for a, b in pairs) / n
    first, second = Counter(a for a, _ in pairs), Counter(b for _, b in pairs)
    chance = sum(first[k] * second[k] for k in first.keys() | second.keys()) / n / n
    kappa = (observed - chance) / (1 - chance) if chance < 1 else 1.0
    return observed, kappa


def pairs_for(field: str, first: dict[str, dict], second: list[dict]) -> list[tuple]:
    out = []
    for row in second:
        a, b = first[row["id"]][field], row[field]
        if field == "page_answer":
            a, b = merged(a), merged(b)
        if field == "correct" and (a is None or b is None):
            continue  # agreement with evidence is judged only where both read an answer
        out.append((a, b))
    return out


def _table(first: dict[str, dict], second: list[dict]) -> list[str]:
    lines = ["| label | pages | agree | Cohen's kappa |", "|---|---:|---:|---:|"]
    for field in FIELDS:
        pairs = pairs_for(field, first, second)
        observed, kappa = agreement(pairs)
        lines.append(f"| {field} | {len(pairs)} | {observed:.3f} | {kappa:.3f} |")
    return lines


def _differences(first: dict[str, dict], second: list[dict]) -> str:
    answers = Counter(pairs_for("page_answer", first, second))
    return ", ".join(f"{a} → {b}: {n}" for (a, b), n in sorted(answers.items()) if a != b)


def run() -> str:
    first = {r["id"]: r for r in map(json.loads, LABELS.read_text(encoding="utf-8").splitlines())}
    second = [json.loads(line) for line in SECOND.read_text(encoding="utf-8").splitlines()]
    # batch 6 was collected fast, by four helpers in a quarter of an hour, so a second sample of
    # its own (seed 20261207) says whether its labels hold as well as the earlier batches'
    late = [r for r in second if first[r["id"]].get("batch") == 6]
    early = [r for r in second if first[r["id"]].get("batch") != 6]
    lines = [
        "Command: `.venv/bin/python benchmarks/run.py label_agreement`. A second labeller read "
        f"{len(early)} dev pages of batches 1 to 5 drawn at random (seed 20261206) and "
        f"{len(late)} dev pages of batch 6 (seed 20261207), blind to the corpus's labels and to "
        "healthlens's reading, by the same guide (benchmarks/data/real/README.md), and wrote "
        "benchmarks/data/real/relabel.jsonl. Both labellers were helpers of this team following "
        "that guide, so their agreement may run higher than two independent people's would.",
        "",
        f"**All {len(second)} pages:**",
        "",
        *_table(first, second),
        "",
        f"**Batches 1 to 5 ({len(early)} pages):**",
        "",
        *_table(first, early),
        "",
        f"**Batch 6 ({len(late)} pages):**",
        "",
        *_table(first, late),
        "",
        "Where the page answers differ (corpus → second labeller): batches 1 to 5: "
        + _differences(first, early)
        + "; batch 6: "
        + _differences(first, late)
        + ". The guide's `partly` (an inherited susceptibility; a cause in some cases only) is "
        "where labellers part; the goal of 0.85 on page answer is below the two labellers' "
        "agreement, so it is not beyond what the labels can measure.",
    ]
    return "\n".join(lines)


if __name__ == "__main__":
    print(run())
