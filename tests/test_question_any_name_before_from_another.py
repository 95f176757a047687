"""Any words before "from", "with" or "caused by" another condition's name are read as a
condition's name, not only words ending in a head word such as "disease" or "-itis": a long name
ending in a plain word ("rupture of the membranes"), or a short one with no head word
("chlamydia", "rickets"), is asked about, and the second condition's verdict does not answer
for it. Symptoms, parts of the body and a person before the link keep the reading."""

from __future__ import annotations

import pytest

from healthlens.answer import ask
from healthlens.question import parse_question


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
