"""A question about an animal's condition ("Is flu in dogs contagious?", "Is canine lupus
autoimmune?") is not the knowledge base's question, whose verdicts are about people: it is
declined, never answered with the human condition's verdict. An animal a person reacts to ("dog
allergy") is the person's question, and stays answered; catching something from an animal is not
the contagious question, which is about people (tests/test_question_who_and_which.py)."""

from __future__ import annotations

import pytest

from healthlens.answer import ask


@pytest.mark.parametrize(
    "text",
    [
        "Is flu in dogs contagious?",
        "Is dog flu contagious?",
        "Is lupus in dogs hereditary?",
        "Is psoriasis in cats autoimmune?",
        "Is canine lupus autoimmune?",
        "Is diabetes in my cat curable?",
        "Is feline asthma an allergy?",
    ],
)
def test_an_animal_s_condition_is_declined(text, kb):
    (answer,) = ask(text, kb)
    assert answer.verdict == "unknown"
    assert not answer.understood and answer.declined == "other"


@pytest.mark.parametrize(
    "text, plain",
    [
        ("Is dog allergy a real allergy?", None),
        ("Is cat dander allergy an allergy?", None),
        ("Is cow's milk allergy an allergy?", None),
        ("Is eczema in children contagious?", "Is eczema contagious?"),
    ],
)
def test_an_animal_that_is_not_the_patient_keeps_the_question(text, plain, kb):
    (answer,) = ask(text, kb)
    assert answer.understood and answer.verdict != "unknown"
    if plain is not None:
        assert answer.verdict == ask(plain, kb)[0].verdict
