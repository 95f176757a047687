"""The label-agreement benchmark's arithmetic (benchmarks/label_agreement.py): partly and unclear
are one class, kappa discounts chance, and a page either labeller left unanswered is not judged
for agreement with evidence."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from benchmarks.label_agreement import (
    FIELDS,
    LABELS,
    SECOND,
    _against_goal,
    agreement,
    pairs_for,
)


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


def _sample(group: str, pages: int, misses: int) -> list[dict]:
    """A second labeller's page answers for one sample: `misses` of them `no`, the rest `yes`."""
    return [
        {"id": f"{group}{i}", "page_answer": "no" if i < misses else "yes"} for i in range(pages)
    ]


def test_the_goal_sentence_follows_the_figures_and_names_a_sample_below_it():
    first = {f"{g}{i}": {"page_answer": "yes"} for g in "xy" for i in range(20)}
    x, y = _sample("x", 10, 1), _sample("y", 10, 3)  # agreement 0.9 and 0.7; 0.8 together
    text = _against_goal(first, x + y, [("x", 1, x), ("y", 2, y)])
    assert "above the two labellers' agreement (0.800)" in text
    text = _against_goal(first, x, [("x", 1, x)])
    assert "below the two labellers' agreement over all pages (0.900)" in text
    assert "but on" not in text
    x, y = _sample("x", 20, 0), _sample("y", 5, 3)  # 1.0 and 0.4; 22 of 25 (0.88) together
    text = _against_goal(first, x + y, [("x", 1, x), ("y", 2, y)])
    assert "over all pages (0.880)" in text and "but on y (0.400)" in text and "x (" not in text
