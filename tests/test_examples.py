"""The shipped examples (`make demo`) show what each failure kind looks like."""

import json
from pathlib import Path

import pytest

from healthlens import check
from healthlens.report import report_to_dict

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
ROWS = [
    json.loads(line)
    for line in (EXAMPLES / "labels.jsonl").read_text().splitlines()
    if line.strip()
]
ALARMS = {"abbreviation_conflict", "self_contradiction", "contradicts_knowledge", "off_topic"}


@pytest.mark.parametrize("row", ROWS, ids=[r["file"] for r in ROWS])
def test_example(row):
    page = report_to_dict(check([EXAMPLES / row["file"]], question=row["question"]))["pages"][0]
    kinds = {f["kind"] for f in page["findings"]}
    if row["error_kind"] == "clean":
        assert not kinds & ALARMS, page["findings"]
        assert page["page_answer"] == row["page_answer"]
    else:
        # every failure example raises at least one of the alarms its label expects
        assert kinds & set(row["expected_findings"]), (kinds, row["expected_findings"])
