"""The reader's own diagnosis, then a question about "it": "newly diagnosed with myasthenia gravis,
is it hereditary?" is "Is myasthenia gravis hereditary?", read with its reading or its refusal.
Another person's diagnosis, two conditions, a baby in the worry after it, and a second question
after it stay not understood."""

from __future__ import annotations

import pytest

from healthlens.answer import ask
from healthlens.question import parse_question


@pytest.mark.parametrize(
    "text, predicate, concept",
    [
        (
            "hi all, newly diagnosed with myasthenia gravis, is it hereditary? worried about "
            "passing it to my children",
            "inherited",
            "myasthenia_gravis",
        ),
        (
            "I was just diagnosed with lupus. Is it contagious?",
            "contagious",
            "systemic_lupus_erythematosus",
        ),
        ("just diagnosed with psoriasis can it be cured", "curable", "psoriasis"),
        (
            "I've been diagnosed with hashimotos is it autoimmune",
            "autoimmune",
            "hashimoto_thyroiditis",
        ),
    ],
)
def test_the_readers_diagnosis_then_a_question_about_it_is_the_plain_question(
    kb, text, predicate, concept
):
    q = parse_question(text, kb)
    assert (q.predicate, q.concept_id, q.declined) == (predicate, concept, None)
    assert q.text == text


def test_the_readers_diagnosis_gets_the_plain_questions_verdict(kb):
    typed = ask(
        [
            "newly diagnosed with myasthenia gravis, is it hereditary?",
            "I was just diagnosed with lupus. Is it contagious?",
        ],
        kb,
    )
    plain = ask(["is myasthenia gravis hereditary", "is lupus contagious"], kb)
    assert [(a.verdict, a.concept_id) for a in typed] == [(a.verdict, a.concept_id) for a in plain]
    assert typed[1].verdict == "no"


@pytest.mark.parametrize(
    "text",
    [
        "recently diagnosed with eczema, will it go away on its own?",  # refused alone
        "diagnosed with shingles, is it contagious before the rash",  # a time
        "my son was diagnosed with celiac, is it genetic",  # another person: which parent
        "diagnosed with lupus, is it contagious? worried about passing it to my baby",  # a baby
        "diagnosed with lupus, is it contagious? also is it painful",  # a second question
        "diagnosed with lupus and psoriasis, is it genetic",  # two conditions
    ],
)
def test_another_persons_diagnosis_a_baby_or_a_second_question_stay_unknown(kb, text):
    q = parse_question(text, kb)
    assert q.predicate is None
    (a,) = ask([text], kb)
    assert a.verdict == "unknown"
