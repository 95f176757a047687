"""A germ's food poisoning ("can campylobacter food poisoning cause an autoimmune disease"): where
the germ names a record of an infection whose own contagious reason says it is caught mainly from
food, food poisoning by it is that infection, and the question is that record's. A germ without a
record ("salmonella"), food poisoning by a toxin ("staph": not contagious, though staph infections
are) or an infection not caught mainly from food (hepatitis A) stay as typed."""

from __future__ import annotations

import pytest

from healthlens.answer import ask
from healthlens.question import parse_question


@pytest.mark.parametrize(
    "text, predicate",
    [
        ("Can campylobacter food poisoning cause an autoimmune disease?", "link"),
        ("is campylobacter food poisoning contagious", "contagious"),
        ("is campylobacter food poisoning curable", "curable"),
    ],
)
def test_a_germs_food_poisoning_is_its_infection(kb, text, predicate):
    q = parse_question(text, kb)
    assert (q.predicate, q.concept_id, q.declined) == (predicate, "campylobacter_infection", None)
    assert q.text == text


def test_a_germs_food_poisoning_gets_the_infections_verdict(kb):
    typed = ask(
        [
            "Can campylobacter food poisoning cause an autoimmune disease?",
            "is campylobacter food poisoning contagious",
        ],
        kb,
    )
    plain = ask(
        [
            "Can campylobacter infection cause an autoimmune disease?",
            "is campylobacter infection contagious",
        ],
        kb,
    )
    assert [(a.verdict, a.concept_id) for a in typed] == [(a.verdict, a.concept_id) for a in plain]
    assert typed[0].verdict != "unknown"


@pytest.mark.parametrize(
    "text",
    [
        "is staph food poisoning contagious",  # a toxin, and no record
        "is salmonella food poisoning contagious",  # no record
        "is hepatitis a food poisoning contagious",  # not caught mainly from food
    ],
)
def test_other_food_poisoning_is_left_as_typed(kb, text):
    q = parse_question(text, kb)
    assert q.concept_id is None or q.predicate is None
    (a,) = ask([text], kb)
    assert a.verdict == "unknown"
