"""The person who has X named first: "my husband has shingles, can I catch it" asks "Can I catch
shingles from my husband?", the contagious question with a person named. Kin (who may pass X on
by genes), "had" (a time), "will" (a forecast), a baby, a time or route after "it", and more than
the name after "has" ("has had", "a baby with") change the question and stay not understood."""

from __future__ import annotations

import pytest

from healthlens.answer import ask
from healthlens.question import parse_question


@pytest.mark.parametrize(
    "text, concept",
    [
        ("my husband has shingles can I catch it", "shingles"),
        ("my husband has shingles can I catch it forum", "shingles"),
        ("My girlfriend has the flu. Can I get it from her?", "influenza"),
        ("my roommate has mono, can i catch it", "infectious_mononucleosis"),
        ("my wife has psoriasis could I catch it", "psoriasis"),
        ("my coworker has impetigo so can I catch it too", "impetigo"),
    ],
)
def test_the_person_who_has_it_named_first_is_the_contagious_question(kb, text, concept):
    q = parse_question(text, kb)
    assert (q.predicate, q.concept_id, q.declined) == ("contagious", concept, None)
    assert q.text == text


def test_the_person_named_first_gets_the_plain_questions_verdict(kb):
    typed = ask(["my wife has psoriasis can I catch it", "my roommate has mono can I get it"], kb)
    plain = ask(["can I catch psoriasis from my wife", "can I get mono from my roommate"], kb)
    assert [(a.verdict, a.concept_id) for a in typed] == [(a.verdict, a.concept_id) for a in plain]
    assert typed[0].verdict == "no"


@pytest.mark.parametrize(
    "text",
    [
        "my dad has the flu can I catch it",  # kin: a parent also passes genes
        "my sister has psoriasis can I get it",
        "my husband had shingles can I catch it",  # a time: had
        "my husband has shingles will I catch it",  # a forecast
        "my husband has shingles can my baby catch it",  # a baby
        "my husband has shingles can I catch it before the rash",  # a time
        "my girlfriend has herpes can I catch it by kissing",  # a route
        "my dad has hemochromatosis will I get it",  # a personal forecast
    ],
)
def test_kin_a_time_a_forecast_a_baby_or_a_route_stay_not_understood(kb, text):
    q = parse_question(text, kb)
    assert q.predicate is None
    (a,) = ask([text], kb)
    assert a.verdict == "unknown"


@pytest.mark.parametrize(
    "text",
    [
        "my husband has had the flu can I catch it",  # an illness that is over
        "my husband has had covid, can I catch it from him",
        "my wife has recently had strep throat could I get it",
        "my friend has a baby with eczema can I catch it",  # someone else has it
        "my friend has a baby with psoriasis can I catch it",
    ],
)
def test_more_than_the_name_after_has_stays_not_understood(kb, text):
    (a,) = ask([text], kb)
    assert a.verdict == "unknown"


@pytest.mark.parametrize(
    "text, verdict",
    [
        ("my friend has a cold sore can I catch it", "yes"),  # an article is the name's own
        ("my roommate has the flu can I get it from her", "yes"),
        ("my husband has lupus can I catch it", "no"),
    ],
)
def test_the_name_alone_after_has_keeps_its_verdict(kb, text, verdict):
    (a,) = ask([text], kb)
    assert a.verdict == verdict
