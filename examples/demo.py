"""`make demo`: check every shipped example page against the question it was found for.

The questions come from examples/labels.jsonl (one JSON object per page). Needs nothing
outside this repository.
"""

from __future__ import annotations

import json
from pathlib import Path

from rich.console import Console

from healthlens import check
from healthlens.report import print_report

HERE = Path(__file__).resolve().parent


def main() -> None:
    console = Console()
    labels = [
        json.loads(line)
        for line in (HERE / "labels.jsonl").read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    for row in labels:
        console.rule(f"[b]{row['file']}[/b] — {row['question']}")
        print_report(check([HERE / row["file"]], question=row["question"]), console)


if __name__ == "__main__":
    main()
