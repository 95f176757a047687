"""A condition named before "from", "with" or "caused by" another ("is splenic sequestration from
the flu contagious", "is hepatitis from the flu contagious", "is Caroli disease from MS
contagious"): the question asks about the first, brought on by or met with the second, and the
second's verdict does not answer it. It stays not understood, naming both. A symptom ("a rash from
the flu", "cough from asthma"), a person ("my son with eczema") or a name that holds the link word
("granulomatosis with polyangiitis") keeps its reading.

Any words before the link count, not only words ending in a head word such as "disease" or
"-itis": a long name ending in a plain word ("rupture of the membranes") or a short one with no
head word ("chlamydia", "rickets") is asked about too."""

from __future__ import annotations

import pytest

from healthlens.answer import ask
from healthlens.question import parse_question


@pytest.mark.parametrize(
    "text",
    [
        "is splenic sequestration from the flu contagious",
        "is hepatitis from the flu contagious",
        "is hepatitis with the flu contagious",
        "is intracranial arterial disease from the flu contagious",
        "is Caroli disease from MS contagious",
        "is endometrial adenocarcinoma from lupus contagious",
    ],
)
def test_a_condition_named_before_another_stays_unknown(kb, text):
    q = parse_question(text, kb)
    assert q.concept_id is None and q.predicate == "contagious"
    assert {a.verdict for a in ask([text], kb)} == {"unknown"}


@pytest.mark.parametrize(
    "text, concept",
    [
        ("is a rash from the flu contagious", "influenza"),
        ("is cough from asthma contagious", "asthma"),
        ("is my son with eczema contagious", "atopic_dermatitis"),
        ("is granulomatosis with polyangiitis contagious", "granulomatosis_with_polyangiitis"),
    ],
)
def test_a_symptom_a_person_or_a_name_holding_the_word_keeps_its_reading(kb, text, concept):
    (a,) = ask([text], kb)
    assert (a.concept_id, a.verdict != "unknown") == (concept, True)


@pytest.mark.parametrize(
    "text",
    [
        "is preterm premature rupture of the membranes from MS contagious",
        "preterm premature rupture of the membranes from MS contagious",
        "is rupture of the membranes from the flu contagious",
        "is chlamydia from the flu contagious",
        "is rickets from psoriasis contagious",
        "is tracheomalacia from lupus contagious",
    ],
)
def test_any_name_before_the_link_stays_unknown(kb, text):
    q = parse_question(text, kb)
    assert q.concept_id is None and q.predicate == "contagious"
    assert {a.verdict for a in ask([text], kb)} == {"unknown"}


@pytest.mark.parametrize(
    ("text", "cid"),
    [
        ("is an itchy rash from eczema contagious", "atopic_dermatitis"),
        ("is a fever from the flu contagious", "influenza"),
        ("is my skin with eczema contagious", "atopic_dermatitis"),
        ("is my 5 year old son with eczema contagious", "atopic_dermatitis"),
        ("is MS contagious", "multiple_sclerosis"),
    ],
)
def test_symptoms_body_parts_and_people_keep_the_reading(kb, text, cid):
    (a,) = ask([text], kb)
    assert a.concept_id == cid and a.verdict != "unknown"
