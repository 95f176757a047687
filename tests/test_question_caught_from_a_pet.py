"""Catching a condition from a pet where the condition's own record says it is picked up from one
("can my dog give me ringworm", "can you catch ringworm from a cat"): the question asks what the
record answers, and gets the contagious "yes" with the record's reason, which names the pet. Any
other animal source stays unknown, as before: a condition whose record names no pet as a source
("Can you get chickenpox from a dog?": "yes" would read "yes, from a dog"), a record that denies it
(scabies), a "no" (toxoplasmosis is not caught from people, yet comes from cats), a kind the record
covers typed by its own name ("athlete's foot"), or an animal that is no pet."""

from __future__ import annotations

import pytest

from conftest import assert_stays_unknown
from healthlens.answer import ask
from healthlens.question import parse_question


@pytest.mark.parametrize(
    "text",
    [
        "can my dog give me ringworm",
        "can my dog give me ringworm forum",
        "Can you catch ringworm from a cat?",
        "can I get ringworm off my puppy",
        "can my cat give ringworm to my kids",
        "can ringworm spread from dogs to humans",
        "is ringworm contagious from cats",
        "can my dog give me tinea",
    ],
)
def test_a_record_that_names_pets_answers_catching_it_from_one(kb, text):
    q = parse_question(text, kb)
    assert (q.predicate, q.concept_id, q.declined) == ("contagious", "tinea", None)
    (a,) = ask([text], kb)
    (plain,) = ask(["is ringworm contagious"], kb)
    assert (a.verdict, a.concept_id) == (plain.verdict, plain.concept_id) == ("yes", "tinea")
    assert "pet" in (a.reason or "")


@pytest.mark.parametrize(
    "text",
    [
        "Can you get chickenpox from a dog?",  # the record names no pet
        "can my dog give me the flu",
        "can my dog give me scabies",  # the record says it is not caught from pets
        "can you catch toxoplasmosis from a cat",  # a "no": not caught from people, yet from cats
        "Can you catch vitiligo from a pet?",  # a "no" is not read from an animal either
        "can my dog give me athlete's foot",  # a kind of tinea the record does not say pets pass
        "can you catch ringworm from a cow",  # no pet
        "can you catch ringworm from a dog with mange",  # more than the pet
        "will my dog give me ringworm",  # a forecast
    ],
)
def test_other_animal_sources_stay_unknown(kb, text):
    assert_stays_unknown(kb, text)
