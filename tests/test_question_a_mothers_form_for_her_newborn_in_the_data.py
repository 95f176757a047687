"""The form a mother's antibodies give her newborn before birth is carried by the knowledge base's
records (``newborn_form``: its name, why in our own words, and its sources, by publisher and
title), not by a table in the question code. A baby catching such a condition from its mother
("Can my baby catch myasthenia gravis from me?") stays not understood because the record says
so: a record that gains the field refuses the question, and one that loses it answers it."""

from __future__ import annotations

import dataclasses

import pytest

from healthlens.answer import ask
from healthlens.knowledge import KnowledgeBase, NewbornForm
from healthlens.knowledge.records import RecordError, _newborn_form

_PASSED_BY_ANTIBODIES = (
    "myasthenia_gravis",
    "graves_disease",
    "hyperthyroidism",
    "immune_thrombocytopenia",
    "pemphigus",
    "pemphigus_vulgaris",
)


def _with(kb: KnowledgeBase, cid: str, form: NewbornForm | None) -> KnowledgeBase:
    records = dict(kb.records)
    records[cid] = dataclasses.replace(records[cid], newborn_form=form)
    return KnowledgeBase(records=records, terms=kb.terms, properties=kb.properties)


@pytest.mark.parametrize("cid", _PASSED_BY_ANTIBODIES)
def test_each_condition_a_mother_passes_by_her_antibodies_names_its_newborn_form(kb, cid):
    form = kb.record(cid).newborn_form
    assert form is not None and form.name and "placenta" in form.reason
    assert all(s.publisher and s.title and s.url is None for s in form.sources)


def test_conditions_no_mother_passes_carry_no_newborn_form(kb):
    for cid in ("celiac_disease", "atopic_dermatitis", "influenza", "multiple_sclerosis"):
        assert kb.record(cid).newborn_form is None


def test_a_record_that_gains_the_form_refuses_a_baby_catching_it(kb):
    text = "can my baby catch celiac from me"
    (plain,) = ask([text], kb)
    assert plain.verdict == "no"
    made_up = NewbornForm("test form", "antibodies cross the placenta (a test)", ())
    (a,) = ask([text], _with(kb, "celiac_disease", made_up))
    assert a.verdict == "unknown"


def test_a_record_that_loses_the_form_answers_a_baby_catching_it(kb):
    text = "can my baby catch myasthenia gravis from me"
    (a,) = ask([text], kb)
    assert a.verdict == "unknown"
    (b,) = ask([text], _with(kb, "myasthenia_gravis", None))
    assert (b.concept_id, b.verdict) == ("myasthenia_gravis", "no")


@pytest.mark.parametrize(
    "raw, message",
    [
        ("a name", "must be a mapping"),
        ({"name": "x"}, "reason"),
        ({"reason": "y"}, "name"),
        ({"name": "x", "reason": "y", "url": "z"}, "unknown newborn form"),
        ({"name": "x", "reason": "y", "sources": []}, "at least one source"),
        ({"name": "x", "reason": "y", "sources": [{"publisher": "p"}]}, "publisher and a title"),
    ],
)
def test_the_loader_rejects_a_malformed_newborn_form(raw, message):
    with pytest.raises(RecordError, match=message):
        _newborn_form(raw, "t.yaml")
