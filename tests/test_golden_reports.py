"""Speed-ups of understand/check must not change a single result.

tests/data/golden_reports.jsonl holds, for every page the repository ships, the page as read and
its full JSON report (with and without the labelled question), written by the code before the
speed work. Each page is rebuilt from the stored fields (no reader involved) and analysed again.
When a change is MEANT to change results, regenerate the file:
``.venv/bin/python tests/data/make_golden_reports.py --keep-pages`` (reports only) and review
the diff.
"""

import json
from pathlib import Path

import pytest

from healthlens.models import Page
from healthlens.pipeline import analyze_page
from healthlens.question import parse_question
from healthlens.report.json import page_to_dict

GOLDEN = Path(__file__).parent / "data" / "golden_reports.jsonl"
ENTRIES = [
    json.loads(line) for line in GOLDEN.read_text(encoding="utf-8").splitlines() if line.strip()
]


def _page(entry: dict) -> Page:
    return Page(input=entry["input"], **entry["page"])


def _known(got: dict, golden: dict) -> dict:
    """The fields the golden report has: the contract lets fields be added, never removed."""
    assert set(golden) <= set(got), f"fields removed: {sorted(set(golden) - set(got))}"
    return {k: got[k] for k in golden}


@pytest.mark.parametrize("entry", ENTRIES, ids=[e["input"].rsplit("/", 1)[-1] for e in ENTRIES])
def test_report_is_unchanged(entry, kb):
    question = parse_question(entry["question"], kb)
    got = json.loads(json.dumps(page_to_dict(analyze_page(_page(entry), question, kb), kb)))
    assert _known(got, entry["report"]) == entry["report"], (
        "report changed; if intended, rerun tests/data/make_golden_reports.py"
    )
    bare = json.loads(json.dumps(page_to_dict(analyze_page(_page(entry), None, kb), kb)))
    assert _known(bare, entry["report_without_question"]) == entry["report_without_question"]


def test_golden_covers_html_and_text_pages():
    formats = {e["page"]["format"] for e in ENTRIES}
    assert formats == {"html", "text"} and len(ENTRIES) >= 80
