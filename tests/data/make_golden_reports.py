"""Write tests/data/golden_reports.jsonl: the full JSON report of every page the repository ships.

Each entry keeps the page as read (text, title, author, date, url, links) and its report, so
tests/test_golden_reports.py can rebuild the page without the reader and prove that a speed-up
of understand/check changes no result. Rerun this only when a change is MEANT to change results:

    .venv/bin/python tests/data/make_golden_reports.py               # pages read again
    .venv/bin/python tests/data/make_golden_reports.py --keep-pages  # reports only

``--keep-pages`` keeps every stored page as it is and writes only the reports again, so the diff
shows what a change of understand/check did and nothing of the reader's (the test rebuilds each
page from the stored fields, so the stored text is what it checks).
"""

from __future__ import annotations

import json
from pathlib import Path

from healthlens.knowledge import get_knowledge
from healthlens.models import Page
from healthlens.pipeline import analyze_page
from healthlens.question import parse_question
from healthlens.read import read_file
from healthlens.report.json import page_to_dict

ROOT = Path(__file__).resolve().parents[2]
OUT = Path(__file__).resolve().parent / "golden_reports.jsonl"
LABELS = [
    ROOT / "benchmarks" / "data" / "pages" / "labels.jsonl",
    ROOT / "examples" / "labels.jsonl",
]
PAGE_FIELDS = ("text", "title", "author", "date", "url", "links", "format")


def entries() -> list[dict]:
    kb = get_knowledge()
    out = []
    for labels in LABELS:
        for line in labels.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            label = json.loads(line)
            path = labels.parent / label["file"]
            page = read_file(path)
            page.input = f"{labels.parent.relative_to(ROOT)}/{label['file']}"
            fields = {f: getattr(page, f) for f in PAGE_FIELDS}
            question = parse_question(label["question"], kb)
            asked = page_to_dict(analyze_page(page, question, kb), kb)
            # the same page without a question exercises the question-free paths
            bare = read_file(path)
            bare.input = page.input
            out.append(
                {
                    "input": page.input,
                    "question": label["question"],
                    "page": fields,
                    "report": asked,
                    "report_without_question": page_to_dict(analyze_page(bare, None, kb), kb),
                }
            )
    return out


def reports_again() -> list[dict]:
    """The stored entries with their reports written again from the stored pages."""
    kb = get_knowledge()
    out = []
    for line in OUT.read_text(encoding="utf-8").splitlines():
        entry = json.loads(line)
        question = parse_question(entry["question"], kb)
        for key, asked in (("report", question), ("report_without_question", None)):
            page = Page(input=entry["input"], **entry["page"])
            entry[key] = page_to_dict(analyze_page(page, asked, kb), kb)
        out.append(entry)
    return out


if __name__ == "__main__":
    import sys

    data = reports_again() if "--keep-pages" in sys.argv[1:] else entries()
    OUT.write_text(
        "".join(json.dumps(d, ensure_ascii=False, sort_keys=True) + "\n" for d in data),
        encoding="utf-8",
    )
    print(f"wrote {len(data)} reports to {OUT}")
