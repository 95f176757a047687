"""A condition's rash asked about as an allergy ("is scarlet fever rash an allergic reaction"): where
the condition is no allergy, nothing of it is one, and where it is an allergy its rash is the
allergic reaction; where it is partly one the rash's own answer is not the condition's, and
other families' questions about a rash (whether it passes on) are their own."""

from __future__ import annotations

import pytest

from healthlens.answer import ask
from healthlens.question import parse_question


@pytest.mark.parametrize(
    "text, concept, verdict",
    [
        ("is scarlet fever rash an allergic reaction", "scarlet_fever", "no"),
        ("is hand foot and mouth rash an allergic reaction", "hand_foot_and_mouth_disease", "no"),
        ("is the shingles rash an allergic reaction", "shingles", "no"),
        ("are lupus rashes allergic", "systemic_lupus_erythematosus", "no"),
        ("is peanut allergy rash an allergic reaction", "peanut_allergy", "yes"),
    ],
)
def test_a_conditions_rash_gets_its_allergy_verdict_where_it_is_yes_or_no(
    kb, text, concept, verdict
):
    q = parse_question(text, kb)
    assert (q.predicate, q.concept_id, q.declined) == ("allergy", concept, None)
    (a,) = ask([text], kb)
    assert (a.verdict, a.concept_id) == (verdict, concept)


@pytest.mark.parametrize(
    "text",
    [
        # partly an allergy: the rash's own answer is not the condition's
        "is eczema rash an allergic reaction",
        "is hives rash an allergic reaction",
        # a word that only completes to a name ("viral thyroiditis") names no condition here
        "is viral rash an allergic reaction",
        "is amoxicillin rash an allergic reaction",
        # another family: a rash may come after the contagious time (roseola), or not clear
        "is roseola rash contagious",
        "is lupus rash curable",
    ],
)
def test_a_rash_outside_a_yes_or_no_allergy_verdict_stays_unknown(kb, text):
    (a,) = ask([text], kb)
    assert a.verdict == "unknown"


@pytest.mark.parametrize(
    "text",
    [
        # the itch of scabies is the body's reaction to the mite, which sources call allergic
        "is scabies rash an allergic reaction",
        # reactions to a trigger (an infection, a medicine, a yeast)
        "is erythema nodosum rash an allergic reaction",
        "is erythema multiforme rash an allergic reaction",
        "is seborrheic dermatitis rash an allergic reaction",
    ],
)
def test_the_rash_of_a_condition_its_record_calls_a_reaction_to_something_stays_unknown(kb, text):
    (a,) = ask([text], kb)
    assert a.verdict == "unknown"
    # the condition's own allergy question keeps its verdict
    (plain,) = ask([text.replace(" rash", "")], kb)
    assert plain.verdict == "no"
