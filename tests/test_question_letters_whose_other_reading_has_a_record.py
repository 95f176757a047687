"""Letters whose other reading has a record of its own: BP is bullous pemphigoid's letters and far
more often blood pressure, asked about as high blood pressure. Where hypertension's verdict is not
bullous pemphigoid's the question stays unknown, naming both; where they agree, and in the
definition, BP keeps the curated reading."""

from __future__ import annotations

import pytest

from healthlens.answer import ask
from healthlens.question import parse_question


@pytest.mark.parametrize(
    "text", ["is BP genetic", "is BP curable", "is bp curable", "is BP autoimmune"]
)
def test_bp_stays_unknown_where_high_blood_pressure_gets_another_verdict(kb, text):
    (a,) = ask([text], kb)
    assert a.verdict == "unknown"
    q = parse_question(text, kb)
    assert q.unresolved and "blood pressure" in q.unresolved


@pytest.mark.parametrize(
    "text, verdict",
    [
        ("Is BP an allergy?", "no"),
        ("is BP contagious", "no"),
        ("what does BP stand for", "defined"),
        ("is bullous pemphigoid curable", "partly"),
    ],
)
def test_bp_keeps_its_reading_where_both_readings_agree_or_in_its_definition(kb, text, verdict):
    (a,) = ask([text], kb)
    assert (a.verdict, a.concept_id) == (verdict, "bullous_pemphigoid")
