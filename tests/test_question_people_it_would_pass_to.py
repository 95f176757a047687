"""The people a reader names in a contagious question ("can jock itch spread to my girlfriend",
"is psoriasis contagious to my family"): whether X passes to another person is the contagious
question whoever the person is. A baby, kin after "passed" (genes pass too), a route, a time
and a forecast still change the question and stay not understood."""

from __future__ import annotations

import pytest

from healthlens.answer import ask
from healthlens.question import parse_question


@pytest.mark.parametrize(
    "text, concept",
    [
        ("can jock itch spread to my girlfriend", "tinea"),
        ("can psoriasis spread to my girlfriend", "psoriasis"),
        ("is psoriasis contagious to my family", "psoriasis"),
        ("is impetigo contagious to my friends", "impetigo"),
        ("can strep throat spread to my coworkers", "strep_throat"),
        ("can my girlfriend catch jock itch from me", "tinea"),
        ("can my roommate catch mono from me", "infectious_mononucleosis"),
        ("can lyme disease be passed to your partner", "lyme_disease"),
        # kin after "spread": "Can X spread?", kept where X can be caught
        ("can the flu spread to my kids", "influenza"),
        ("can flu spread to my family", "influenza"),
    ],
)
def test_people_named_leave_the_contagious_question(kb, text, concept):
    q = parse_question(text, kb)
    assert (q.predicate, q.concept_id, q.declined) == ("contagious", concept, None)
    assert q.text == text


def test_people_named_get_the_plain_contagious_verdict(kb):
    typed = ask(
        ["can psoriasis spread to my girlfriend", "is impetigo contagious to my friends"], kb
    )
    plain = ask(["is psoriasis contagious", "is impetigo contagious"], kb)
    assert [(a.verdict, a.concept_id) for a in typed] == [(a.verdict, a.concept_id) for a in plain]
    assert [a.verdict for a in typed] == ["no", "yes"]


@pytest.mark.parametrize(
    "text",
    [
        "can lyme disease be passed to your partner sexually",  # a route
        "can herpes spread to my girlfriend through kissing",  # a route
        "can chickenpox spread to my husband before the rash",  # a time
        "will flu spread to my husband",  # a forecast
        "can shingles spread to my baby",  # a mother's own baby
        "is lupus contagious to my baby",
        "can lupus be passed to my family",  # genes pass within a family
        "can psoriasis spread to my kids",  # kin, and psoriasis is not caught: "spread" alone
        "can lupus spread to my sister",
        "can lupus spread to my family",  # a family shares genes: "spread" alone, not caught
    ],
)
def test_a_baby_kin_a_route_a_time_or_a_forecast_stay_not_understood(kb, text):
    q = parse_question(text, kb)
    assert not q.understood
    (a,) = ask([text], kb)
    assert a.verdict == "unknown"
