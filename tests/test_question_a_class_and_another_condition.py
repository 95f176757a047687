"""A class's name before "with" and another condition's name: "Is hepatitis with polyarteritis
nodosa contagious?" got polyarteritis nodosa's "no", though hepatitis can be caught. "with" was
read as "a person with", and a class's name is never found inside a longer subject, so only the
second name was read. The question is about one condition through the other, which neither
verdict answers: it stays unknown, naming both. People with a condition keep its reading."""

from __future__ import annotations

import pytest

from healthlens.answer import ask
from healthlens.question import parse_question


@pytest.mark.parametrize(
    "text, both",
    [
        ("is hepatitis with polyarteritis nodosa contagious", ("Hepatitis", "Polyarteritis")),
        (
            "is anemia with small intestinal bacterial overgrowth contagious",
            ("Anemia", "overgrowth"),
        ),
        ("is arthritis from lyme disease contagious", ("Arthritis", "Lyme")),
    ],
)
def test_a_class_before_with_and_another_name_stays_unknown_naming_both(kb, text, both):
    (a,) = ask([text], kb)
    assert a.verdict == "unknown"
    why = parse_question(text, kb).unresolved or ""
    assert all(w in why for w in both)


@pytest.mark.parametrize(
    "text, concept, verdict",
    [
        ("is my son with eczema contagious", "atopic_dermatitis", "no"),
        ("is a child with lupus contagious", "systemic_lupus_erythematosus", "no"),
        ("is the rash from lupus contagious", "systemic_lupus_erythematosus", "no"),
        ("is hepatitis contagious", "hepatitis", "partly"),
    ],
)
def test_people_with_a_condition_and_the_class_alone_keep_their_reading(kb, text, concept, verdict):
    (a,) = ask([text], kb)
    assert (a.concept_id, a.verdict) == (concept, verdict)


@pytest.mark.parametrize(
    "text",
    [
        "is a cold with asthma contagious",
        "is my cold with asthma contagious",
        "is a cold with eczema contagious",
        "is the common cold with asthma contagious",
    ],
)
def test_an_illness_in_lay_words_before_with_and_a_name_stays_unknown(kb, text):
    (a,) = ask([text], kb)
    assert a.verdict == "unknown"
    assert "names" in (parse_question(text, kb).unresolved or "")
