"""The label-agreement benchmark's arithmetic (benchmarks/label_agreement.py): partly and unclear
are one class, kappa discounts chance, and a page either labeller left unanswered is not judged
for agreement with evidence."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from benchmarks.label_agreement import FIELDS, LABELS, SECOND, agreement, pairs_for


def test_kappa_is_one_when_labellers_agree_and_zero_at_chance():
    assert agreement([("yes", "yes"), ("no", "no")]) == (1.0, 1.0)
    # two labellers who each say yes half the time, independently: agreement 0.5 is all chance
    observed, kappa = agreement([("yes", "yes"), ("yes", "no"), ("no", "yes"), ("no", "no")])
    assert observed == 0.5 and kappa == pytest.approx(0.0)


def test_partly_and_unclear_are_one_class_and_unanswered_pages_are_not_judged():
    first = {
        "a": {"page_answer": "unclear", "correct": None},
        "b": {"page_answer": "no", "correct": True},
    }
    second = [
        {"id": "a", "page_answer": "partly", "correct": False},
        {"id": "b", "page_answer": "no", "correct": True},
    ]
    assert pairs_for("page_answer", first, second) == [("partly", "partly"), ("no", "no")]
    assert pairs_for("correct", first, second) == [(True, True)]


def test_every_second_label_names_a_corpus_page_and_has_every_field():
    ids = {json.loads(line)["id"] for line in Path(LABELS).read_text(encoding="utf-8").splitlines()}
    rows = [json.loads(line) for line in Path(SECOND).read_text(encoding="utf-8").splitlines()]
    assert len(rows) >= 100
    for row in rows:
        assert row["id"] in ids
        assert all(field in row for field in FIELDS)
