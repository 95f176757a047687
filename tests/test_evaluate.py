"""Fast subsets of the quality measurements (the full runs are in benchmarks/)."""

import json
from pathlib import Path

import pytest

from healthlens.errors import InputError
from healthlens.evaluate import evaluate_pages, evaluate_trusted

ROOT = Path(__file__).resolve().parents[1]
MEDQUAD = ROOT.parent / "shared" / "data" / "medquad"


def test_page_set_meets_its_quality_floor():
    ev = evaluate_pages(ROOT / "benchmarks" / "data" / "pages" / "labels.jsonl")
    assert ev.n >= 60
    # floors a little under the measured figures (docs/benchmarks.md): a regression fails here
    assert ev.accuracy("page_answer") >= 0.80
    assert ev.accuracy("on_topic") >= 0.80
    for m in ("has_author", "has_date", "cites_sources"):
        assert ev.accuracy(m) >= 0.90, m
    assert all({"file", "measure", "gold", "predicted"} <= set(x) for x in ev.misses)


def test_bad_labels_file_names_the_line(tmp_path):
    p = tmp_path / "labels.jsonl"
    p.write_text(json.dumps({"file": "a.txt"}) + "\n")
    with pytest.raises(InputError, match=r"labels.jsonl:1: missing field"):
        evaluate_pages(p)


@pytest.mark.skipif(
    not MEDQUAD.exists(), reason="../shared/data/medquad is not beside the checkout"
)
def test_trusted_pages_raise_almost_no_alarms():
    ev = evaluate_trusted(MEDQUAD, limit=600)
    assert ev.pages > 500
    assert ev.rate <= 0.01, ev.listed
