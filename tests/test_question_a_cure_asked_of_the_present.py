"""A cure asked of the present ("is multiple myeloma curable now", "is there a cure for lupus yet",
"can type 1 diabetes be cured in 2025"): the curable verdict is what is known today, so the words
leave the question's yes/no and it is read as typed alone. Only the curable family: "now" after
another family asks about a stage of an illness ("is COVID contagious now"), and a future, a stage
or one person's course stay unknown."""

from __future__ import annotations

import pytest

from conftest import assert_stays_unknown
from healthlens.answer import ask
from healthlens.question import parse_question


@pytest.mark.parametrize(
    "text, concept",
    [
        ("is multiple myeloma curable now", "multiple_myeloma"),
        ("is there a cure for lupus yet", "systemic_lupus_erythematosus"),
        ("is hepatitis c curable now?", "hepatitis_c"),
        ("can type 1 diabetes be cured in 2025", "type_1_diabetes"),
        ("is HIV curable nowadays", "hiv_infection"),
        ("can psoriasis be cured these days", "psoriasis"),
    ],
)
def test_a_cure_asked_of_the_present_is_the_curable_question(kb, text, concept):
    q = parse_question(text, kb)
    assert (q.predicate, q.concept_id, q.declined) == ("curable", concept, None)
    assert q.text == text


def test_a_cure_asked_of_the_present_gets_the_plain_questions_verdict(kb):
    typed = ask(["is multiple myeloma curable now", "is hepatitis c curable now?"], kb)
    plain = ask(["is multiple myeloma curable", "is hepatitis c curable"], kb)
    assert [(a.verdict, a.concept_id) for a in typed] == [(a.verdict, a.concept_id) for a in plain]
    assert [a.verdict for a in typed] == ["no", "yes"]


@pytest.mark.parametrize(
    "text",
    [
        "is covid contagious now",  # another family: a stage of the illness
        "is lupus genetic now",
        "is my cancer curable now",  # one person's course
        "will lupus ever be curable now",  # a future
        "is lupus still curable now",  # a stage
        "is lupus curable now that I have kidney problems",
        "can you outgrow eczema now",  # outgrowing
        "does eczema go away now",
    ],
)
def test_now_outside_a_cure_of_the_present_stays_unknown(kb, text):
    assert_stays_unknown(kb, text)
