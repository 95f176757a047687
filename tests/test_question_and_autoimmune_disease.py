""" "X and autoimmune disease", typed with no question word and no link word, asks how X goes with
autoimmune disease (the link question), not whether X is one: a condition the knowledge base
calls no autoimmune disease must not get that "no" here. It gets the link question's reading or
stays not understood; "is X and autoimmune disease" (the typo for "an") and an adjective alone
keep the property question."""

from __future__ import annotations

import pytest

from healthlens.answer import ask
from healthlens.question import parse_question


@pytest.mark.parametrize(
    "text, concept",
    [
        ("glaucoma and autoimmune disease", "glaucoma"),
        ("glaucoma & autoimmune diseases", "glaucoma"),
        ("psoriasis and autoimmune disease", "psoriasis"),
        ("fibromyalgia and other autoimmune disorders", "fibromyalgia"),
        # "-associated" and "-linked" inside a name are the name's, not a link question's words
        ("ANCA-associated vasculitis and autoimmune disease", "anca_associated_vasculitis"),
        ("X-linked agammaglobulinemia & autoimmune diseases", "x_linked_agammaglobulinemia"),
    ],
)
def test_x_and_autoimmune_disease_is_the_link_question(kb, text, concept):
    q = parse_question(text, kb)
    assert (q.predicate, q.concept_id) == ("link", concept)
    assert q.text == text


def test_no_autoimmune_verdict_for_a_condition_asked_with_autoimmune_disease(kb):
    typed, plain = ask(
        [
            "glaucoma and autoimmune disease",
            "Is there a link between glaucoma and autoimmune disease?",
        ],
        kb,
    )
    assert typed.verdict != "no"
    assert (typed.verdict, typed.concept_id) == (plain.verdict, plain.concept_id)


@pytest.mark.parametrize(
    "text, predicate",
    [
        ("is glaucoma and autoimmune disease", "autoimmune"),  # "and" typed for "an"
        ("glaucoma and autoimmune", "autoimmune"),  # the adjective alone names the property
        ("eczema and contagious", "contagious"),
    ],
)
def test_the_property_question_keeps_its_reading(kb, text, predicate):
    assert parse_question(text, kb).predicate == predicate


def test_an_unnamed_subject_stays_not_understood(kb):
    q = parse_question("my cat and autoimmune disease", kb)
    assert q.predicate is None
