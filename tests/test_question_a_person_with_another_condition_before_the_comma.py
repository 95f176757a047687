"""A person named with one condition before a comma, then a question about another condition that
points back to that person ("my husband has lupus, can i catch the flu from him"): the verdict
would say the asked condition passes from someone who has not got it, another question. It stays
not understood. The same condition, no person pointed back to, or no condition named before the
comma keep their reading."""

from __future__ import annotations

import pytest

from healthlens.answer import ask
from healthlens.question import parse_question


@pytest.mark.parametrize(
    "text",
    [
        "my husband has lupus, can i catch the flu from him",
        "my husband has the flu, can i catch covid from him",
        "my wife has lupus, can I catch covid from her",
        "my husband has eczema, can i catch strep throat from him",
        "my son has a cold, can I catch the flu from him",
        "my husband has a stomach bug, can I catch the flu from him",
    ],
)
def test_a_person_with_another_condition_pointed_back_to_stays_unknown(kb, text):
    assert parse_question(text, kb).predicate is None
    assert {a.verdict for a in ask([text], kb)} == {"unknown"}


@pytest.mark.parametrize(
    "text, concept, verdict",
    [
        ("my husband has shingles, can i catch shingles from him", "shingles", "partly"),
        ("my husband has the flu, can I catch it from him", "influenza", "yes"),
        ("my wife has lupus, can I catch it from her", "systemic_lupus_erythematosus", "no"),
        ("I have lupus, is the flu contagious", "influenza", "yes"),
        ("my husband was sick last week, can I catch the flu from him", "influenza", "yes"),
        ("In conclusion, is EoE an autoimmune disease", "eosinophilic_esophagitis", None),
    ],
)
def test_the_same_condition_or_no_person_pointed_back_to_keeps_its_reading(
    kb, text, concept, verdict
):
    (a,) = ask([text], kb)
    assert a.concept_id == concept and a.verdict != "unknown"
    if verdict is not None:
        assert a.verdict == verdict
