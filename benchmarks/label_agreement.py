"""How far two labellers agree on the real-page corpus: a second, blind labelling of 600 dev pages
(benchmarks/data/real/relabel.jsonl: 100 from batches 1 to 5, 80 from batch 6, 60 each from
batches 7, 8, 12, 13, 14, 15 and 16) beside the corpus's own labels. It bounds what any reader can score: a reader cannot be measured
more finely than its labels agree."""

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


# the samples of the second labelling: batches 1 to 5 (seed 20261206), then each batch that was
# collected fast, by four helpers in a quarter of an hour, with a sample of its own
SAMPLES = (
    ("batches 1 to 5", (1, 2, 3, 4, 5), 20261206),
    ("batch 6", (6,), 20261207),
    ("batch 7", (7,), 20261208),
    ("batch 8", (8,), 20261209),
    ("batch 12", (12,), 20261212),
    ("batch 13", (13,), 20261213),
    ("batch 14", (14,), 14),  # drawn with random.seed(14) over its 224 cached dev pages
    ("batch 15", (15,), 15),  # drawn with random.seed(15) over its 205 cached dev pages
    ("batch 16", (16,), 16),  # drawn with random.seed(16) over its 226 cached dev pages
    ("batch 17", (17,), 17),  # drawn with random.Random(17).shuffle over its 233 cached dev pages
)


def run() -> str:
    first = {r["id"]: r for r in map(json.loads, LABELS.read_text(encoding="utf-8").splitlines())}
    second = [json.loads(line) for line in SECOND.read_text(encoding="utf-8").splitlines()]
    # a line relabelled from a newer stored copy describes another text than the second label
    # did, so the two are not compared
    replaced = sum(1 for r in second if first[r["id"]].get("relabelled"))
    second = [r for r in second if not first[r["id"]].get("relabelled")]
    groups = [
        (name, seed, [r for r in second if first[r["id"]].get("batch", 1) in batches])
        for name, batches, seed in SAMPLES
    ]
    groups = [g for g in groups if g[2]]
    drawn = ", ".join(
        f"{len(rows)} dev pages of {name} (seed {seed})" for name, seed, rows in groups
    )
    lines = [
        "Command: `.venv/bin/python benchmarks/run.py label_agreement`. A second labeller read "
        f"{drawn}, drawn at random, blind to the corpus's labels and to healthlens's reading, by "
        "the same guide (benchmarks/data/real/README.md), and wrote "
        "benchmarks/data/real/relabel.jsonl. Both labellers were helpers of this team following "
        "that guide, so their agreement may run higher than two independent people's would."
        + (
            f" {replaced} pages whose text was later replaced by a newer copy and relabelled are"
            " left out: the two labels describe different texts."
            if replaced
            else ""
        ),
        "",
        f"**All {len(second)} pages:**",
        "",
        *_table(first, second),
    ]
    for name, _, rows in groups:
        lines += [
            "",
            f"**{name[0].upper() + name[1:]} ({len(rows)} pages):**",
            "",
            *_table(first, rows),
        ]
    lines += [
        "",
        "Where the page answers differ (corpus → second labeller): "
        + "; ".join(f"{name}: {_differences(first, rows)}" for name, _, rows in groups)
        + ". The guide's `partly` (an inherited susceptibility; a cause in some cases only) is "
        "where labellers part. " + _against_goal(first, second, groups),
    ]
    return "\n".join(lines)


GOAL = 0.85  # issue 12's goal for page answer


def _against_goal(first: dict[str, dict], second: list[dict], groups: list) -> str:
    """Whether the goal on page answer lies within what the labels can measure, said from the
    figures themselves: overall, and naming any sample whose own agreement falls below it."""
    overall, _ = agreement(pairs_for("page_answer", first, second))
    below = [
        f"{name} ({agreement(pairs_for('page_answer', first, rows))[0]:.3f})"
        for name, _, rows in groups
        if agreement(pairs_for("page_answer", first, rows))[0] < GOAL
    ]
    if overall < GOAL:
        return (
            f"The goal of {GOAL} on page answer is above the two labellers' agreement "
            f"({overall:.3f}): the labels cannot measure a reader that finely."
        )
    text = (
        f"The goal of {GOAL} on page answer is below the two labellers' agreement over all "
        f"pages ({overall:.3f}), so it is not beyond what the labels can measure"
    )
    if below:
        return (
            text
            + "; but on "
            + ", ".join(below)
            + " the labellers agree less than the goal, so a score there below it may be "
            "the labels' doing as much as the reader's."
        )
    return text + "."


if __name__ == "__main__":
    print(run())
