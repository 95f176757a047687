"""The reader says they have X, then asks about "it": "I have psoriasis, is it contagious?" is "Is
psoriasis contagious?", read with its reading or its refusal. "I had X" (a time), another person's
X (which parent), words between "have" and the name, two conditions and a baby stay not
understood."""

from __future__ import annotations

import pytest

from healthlens.answer import ask
from healthlens.question import parse_question


@pytest.mark.parametrize(
    "text, predicate, concept",
    [
        ("I have psoriasis, is it contagious?", "contagious", "psoriasis"),
        ("I have lupus is it genetic", "inherited", "systemic_lupus_erythematosus"),
        ("I've got shingles, is it contagious", "contagious", "shingles"),
        ("I have the flu, is it contagious", "contagious", "influenza"),
        ("I have psoriasis can it be cured", "curable", "psoriasis"),
    ],
)
def test_the_reader_has_it_then_a_question_about_it_is_the_plain_question(
    kb, text, predicate, concept
):
    q = parse_question(text, kb)
    assert (q.predicate, q.concept_id, q.declined) == (predicate, concept, None)
    assert q.text == text


def test_the_reader_has_it_gets_the_plain_questions_verdict(kb):
    typed = ask(["I have psoriasis, is it contagious?", "I have the flu, is it contagious"], kb)
    plain = ask(["is psoriasis contagious", "is the flu contagious"], kb)
    assert [(a.verdict, a.concept_id) for a in typed] == [(a.verdict, a.concept_id) for a in plain]
    assert [a.verdict for a in typed] == ["no", "yes"]


@pytest.mark.parametrize(
    "text",
    [
        "I had shingles, is it contagious",  # a time: whether it still is
        "I have had shingles is it contagious",
        "my son has eczema, is it genetic",  # another person's: which parent
        "I have eczema symptoms is it contagious",  # words between have and the name
        "I have lupus and psoriasis, is it genetic",  # two conditions
        "I have lupus, is it contagious to my baby",  # a mother's own baby
        "I have eczema, will it go away on its own",  # refused alone
    ],
)
def test_a_time_another_person_or_a_baby_stay_not_understood(kb, text):
    q = parse_question(text, kb)
    assert q.predicate is None
    (a,) = ask([text], kb)
    assert a.verdict == "unknown"
