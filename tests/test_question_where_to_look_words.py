"""A place to read typed after a question ("forum", "reddit", "nhs", "mayo clinic"): the question
before it is read as if typed alone, with its reading or none; the words never make a question
understood that is not understood alone (an outgrowing, a forecast, a route, a time, a cause)."""

from __future__ import annotations

import pytest

from healthlens.answer import ask
from healthlens.question import parse_question


@pytest.mark.parametrize(
    "text, predicate, concept",
    [
        ("is lupus contagious forum", "contagious", "systemic_lupus_erythematosus"),
        ("is celiac genetic nhs", "inherited", "celiac_disease"),
        ("what is POTS reddit", "definition", "postural_orthostatic_tachycardia_syndrome"),
        ("is eczema contagious webmd", "contagious", "atopic_dermatitis"),
        ("is psoriasis autoimmune reddit forum", "autoimmune", "psoriasis"),
        ("Is MS curable? Mayo Clinic", "curable", "multiple_sclerosis"),
        ("Is psoriasis contagious? - Reddit", "contagious", "psoriasis"),
        ("is hay fever an allergy quora", "allergy", "allergic_rhinitis"),
        ("does hashimotos run in families mumsnet", "inherited", "hashimoto_thyroiditis"),
    ],
)
def test_a_place_to_read_after_the_question_keeps_its_reading(kb, text, predicate, concept):
    q = parse_question(text, kb)
    assert (q.predicate, q.concept_id, q.declined) == (predicate, concept, None)
    assert q.text == text


def test_a_place_to_read_gets_the_plain_questions_verdict(kb):
    typed = ask(["is lupus contagious forum", "is celiac genetic nhs"], kb)
    plain = ask(["is lupus contagious", "is celiac genetic"], kb)
    assert [(a.verdict, a.concept_id) for a in typed] == [(a.verdict, a.concept_id) for a in plain]
    assert typed[0].verdict == "no"


@pytest.mark.parametrize(
    "text",
    [
        # forms refused on purpose stay refused with a place after them
        "my dad has hemochromatosis will I get it forum",  # a personal forecast
        "can lyme disease be passed to your partner sexually forum",  # a route
        "can you outgrow peanut allergy reddit",  # outgrowing
        "is chickenpox contagious before the spots appear reddit",  # a time
        "does telogen effluvium go away on its own reddit",  # on its own
        "can you catch head lice from a hat forum",  # a source that is no person
        "can a child outgrow EoE mumsnet",
        # words after a question that are no place to read: another question, or who is asked
        # about
        "is lupus contagious symptoms",
        "is psoriasis contagious in children",
        "is MS hereditary uk",
    ],
)
def test_questions_refused_alone_stay_refused_with_a_place_after_them(kb, text):
    q = parse_question(text, kb)
    assert not q.understood
    (a,) = ask([text], kb)
    assert a.verdict == "unknown"


def test_declined_questions_stay_declined_with_a_place_after_them(kb):
    assert parse_question("what causes lupus forum", kb).declined == "cause"
    assert parse_question("what is the treatment for lupus nhs", kb).declined == "treatment"
    assert parse_question("can I kiss my baby with a cold sore forum", kb).declined == "advice"
