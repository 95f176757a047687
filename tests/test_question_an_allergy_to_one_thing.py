"""An allergy to one thing ("is celiac disease a gluten allergy", "is lactose intolerance a milk
allergy"): where the knowledge base says the condition is no allergy at all, it is no allergy to
that thing either, and the question gets that "no". Where it is an allergy, or partly one, whether
it is one to that thing is its own question, as is a "no" where the record calls the condition a
reaction to something, and a word that judges the allergy ("a fake allergy") turns it round, as do
more words than the condition's name before the thing ("is hair loss caused by a gluten allergy":
a cause): those stay not understood."""

from __future__ import annotations

import pytest

from healthlens.answer import ask
from healthlens.question import parse_question


@pytest.mark.parametrize(
    "text, concept",
    [
        ("is celiac disease a gluten allergy", "celiac_disease"),
        ("Is lactose intolerance a milk allergy?", "lactose_intolerance"),
        ("Is dermatitis herpetiformis a gluten allergy?", "dermatitis_herpetiformis"),
        ("is celiac a wheat allergy", "celiac_disease"),
        ("Is lupus a sun allergy?", "systemic_lupus_erythematosus"),
    ],
)
def test_a_condition_that_is_no_allergy_is_no_allergy_to_one_thing(kb, text, concept):
    q = parse_question(text, kb)
    assert (q.predicate, q.concept_id, q.declined) == ("allergy", concept, None)
    assert q.text == text
    (a,) = ask([text], kb)
    assert a.verdict == "no"


def test_an_allergy_to_one_thing_gets_the_plain_questions_no(kb):
    typed = ask(["is celiac disease a gluten allergy", "is lactose intolerance a milk allergy"], kb)
    plain = ask(["is celiac disease an allergy", "is lactose intolerance an allergy"], kb)
    assert [(a.verdict, a.concept_id) for a in typed] == [(a.verdict, a.concept_id) for a in plain]


@pytest.mark.parametrize(
    "text",
    [
        "Is FPIAP a milk allergy?",  # an allergy: to milk mostly, not always
        "Is hay fever a pollen allergy?",  # one of several triggers
        "Is hives a cold allergy?",  # partly an allergy
        "Is scabies a mite allergy?",  # its itch is the body's reaction to the mite
        "is celiac disease a fake allergy",  # a word that judges the allergy
    ],
)
def test_an_allergy_or_a_reaction_to_that_thing_stays_unknown(kb, text):
    q = parse_question(text, kb)
    assert q.predicate is None
    (a,) = ask([text], kb)
    assert a.verdict == "unknown"


@pytest.mark.parametrize(
    "text",
    [
        # whether the allergy brings the condition on: a cause, which "no allergy" does not settle
        "is hair loss caused by a gluten allergy",
        "is autism caused by a milk allergy",
        # a setting, or two things joined
        "is sickle cell disease in babies a milk allergy",
        "is hair loss or a gluten allergy",
    ],
)
def test_more_than_the_name_before_the_thing_stays_unknown(kb, text):
    (a,) = ask([text], kb)
    assert a.verdict == "unknown"


@pytest.mark.parametrize(
    "text", ["is hair loss a gluten allergy", "is IBS a gluten allergy", "is lupus a sun allergy"]
)
def test_the_name_alone_before_the_thing_keeps_its_no(kb, text):
    (a,) = ask([text], kb)
    assert a.verdict == "no"
