"""One question typed twice in a row, the second often with "it" for the condition ("is chronic
hives curable will it ever go away"): read as the question where both halves alone ask the same
family of the same condition; two questions, or a half refused alone, stay not understood."""

from __future__ import annotations

import pytest

from healthlens.answer import ask
from healthlens.question import parse_question


@pytest.mark.parametrize(
    "text, predicate, concept",
    [
        (
            "is chronic hives curable will it ever go away",
            "curable",
            "chronic_spontaneous_urticaria",
        ),
        ("is lupus genetic is it hereditary", "inherited", "systemic_lupus_erythematosus"),
        ("is impetigo contagious can you catch it", "contagious", "impetigo"),
        ("is hay fever an allergy, is it an allergic reaction?", "allergy", "allergic_rhinitis"),
        (
            "what is POTS what does it stand for",
            "definition",
            "postural_orthostatic_tachycardia_syndrome",
        ),
        ("is psoriasis autoimmune is psoriasis an autoimmune disease", "autoimmune", "psoriasis"),
        # with a place to read after it
        (
            "is chronic hives curable will it ever go away forum",
            "curable",
            "chronic_spontaneous_urticaria",
        ),
    ],
)
def test_one_question_asked_twice_is_read_as_that_question(kb, text, predicate, concept):
    q = parse_question(text, kb)
    assert (q.predicate, q.concept_id, q.declined) == (predicate, concept, None)
    assert q.text == text


def test_asked_twice_gets_the_first_askings_verdict(kb):
    typed, plain = ask(["is lupus genetic is it hereditary", "is lupus genetic"], kb)
    assert (typed.verdict, typed.concept_id) == (plain.verdict, plain.concept_id)
    assert typed.verdict not in ("unknown", None)


@pytest.mark.parametrize(
    "text",
    [
        # the second half is refused alone: a time, a return, a forecast, advice, how
        "is chickenpox contagious is it contagious before the spots appear",
        "is eczema curable will it come back",
        "is MS hereditary will I get it",
        "is psoriasis contagious can I go swimming",
        "is strep throat contagious how do you catch it",
        # two questions: another family, another condition
        "is lupus genetic is it contagious",
        "is lupus autoimmune is MS autoimmune",
        "is celiac an allergy is it autoimmune",
    ],
)
def test_two_questions_or_a_refused_half_stay_not_understood(kb, text):
    q = parse_question(text, kb)
    assert not q.understood
    (a,) = ask([text], kb)
    assert a.verdict == "unknown"
