"""A place to read typed before a question ("reddit is lupus contagious", "nhs: is celiac
genetic"): the question after it is read as if typed alone, with its reading or none. Only where
a question word follows the place; refused forms stay refused, and a place that opens a
condition's name or a statement is left as typed."""

from __future__ import annotations

import pytest

from healthlens.answer import ask
from healthlens.question import parse_question


@pytest.mark.parametrize(
    "text, predicate, concept",
    [
        (
            "reddit is eosinophilic esophagitis autoimmune or allergic",
            "autoimmune",
            "eosinophilic_esophagitis",
        ),
        ("quora does hashimotos run in families", "inherited", "hashimoto_thyroiditis"),
        ("nhs is celiac genetic", "inherited", "celiac_disease"),
        ("Mayo Clinic - is MS curable?", "curable", "multiple_sclerosis"),
        ("webmd what is POTS", "definition", "postural_orthostatic_tachycardia_syndrome"),
        ("forum is psoriasis contagious reddit", "contagious", "psoriasis"),
    ],
)
def test_a_place_to_read_before_the_question_keeps_its_reading(kb, text, predicate, concept):
    q = parse_question(text, kb)
    assert (q.predicate, q.concept_id, q.declined) == (predicate, concept, None)
    assert q.text == text


def test_a_place_first_gets_the_plain_questions_verdict(kb):
    typed = ask(["reddit is psoriasis contagious", "nhs is celiac genetic"], kb)
    plain = ask(["is psoriasis contagious", "is celiac genetic"], kb)
    assert [(a.verdict, a.concept_id) for a in typed] == [(a.verdict, a.concept_id) for a in plain]
    assert typed[0].verdict == "no"


@pytest.mark.parametrize(
    "text",
    [
        # forms refused on purpose stay refused with a place before them
        "reddit can you outgrow peanut allergy",  # outgrowing
        "reddit is chickenpox contagious before the spots appear",  # a time
        "mumsnet does telogen effluvium go away on its own",  # on its own
        "reddit can lyme disease be passed to your partner sexually",  # a route
        "nhs is lupus contagious symptoms",  # another question after it
    ],
)
def test_questions_refused_alone_stay_refused_with_a_place_before_them(kb, text):
    q = parse_question(text, kb)
    assert not q.understood
    (a,) = ask([text], kb)
    assert a.verdict == "unknown"


def test_declined_questions_stay_declined_with_a_place_before_them(kb):
    assert parse_question("reddit what causes lupus", kb).declined == "cause"
