"""One baby, newborn or infant named as the one who would catch a condition whose record has a
newborn form (a mother's antibodies can give her newborn a passing form of it) is asking about
the mother's own baby, which the condition's "not caught" does not answer: the question stays
not understood with or without "from me". Babies as a group (other people by age), a condition
with no newborn form, and the plain contagious question keep their readings."""

from __future__ import annotations

import dataclasses

import pytest

from healthlens.answer import ask
from healthlens.knowledge import KnowledgeBase, NewbornForm


@pytest.mark.parametrize(
    "text",
    [
        "is GD contagious can my baby catch it",
        "is graves disease contagious, will my baby catch it",
        "can my baby catch graves disease",
        "can a newborn catch myasthenia gravis",
        "is ITP contagious could my infant get it",
        "is pemphigus contagious can my newborn catch it",
        "is hyperthyroidism contagious can my baby catch it",
        "is lupus contagious can my baby catch it",
    ],
)
def test_a_baby_catching_a_condition_with_a_newborn_form_stays_unknown(kb, text):
    (a,) = ask([text], kb)
    assert a.verdict == "unknown"


@pytest.mark.parametrize(
    ("text", "cid", "verdict"),
    [
        ("is GD contagious", "graves_disease", "no"),
        ("is graves disease contagious", "graves_disease", "no"),
        ("is myasthenia gravis contagious", "myasthenia_gravis", "no"),
        # babies as a group are other people by age, not a mother's own baby
        ("can babies catch Graves disease", "graves_disease", "no"),
        ("is eczema contagious can my baby catch it", "atopic_dermatitis", "no"),
        ("can my baby catch eczema", "atopic_dermatitis", "no"),
        ("is the flu contagious can my baby catch it", "influenza", "yes"),
        ("can my baby catch the flu", "influenza", "yes"),
        ("is chickenpox contagious can my baby catch it", "chickenpox", "yes"),
    ],
)
def test_plain_questions_and_conditions_with_no_newborn_form_keep_their_verdict(
    kb, text, cid, verdict
):
    (a,) = ask([text], kb)
    assert (a.concept_id, a.verdict) == (cid, verdict)


def test_the_refusal_follows_the_records_newborn_form(kb):
    text = "is celiac disease contagious can my baby catch it"
    (plain,) = ask([text], kb)
    assert (plain.concept_id, plain.verdict) == ("celiac_disease", "no")
    records = dict(kb.records)
    made_up = NewbornForm("test form", "antibodies cross the placenta (a test)", ())
    records["celiac_disease"] = dataclasses.replace(records["celiac_disease"], newborn_form=made_up)
    changed = KnowledgeBase(records=records, terms=kb.terms, properties=kb.properties)
    (a,) = ask([text], changed)
    assert a.verdict == "unknown"
