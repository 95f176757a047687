"""The condition's name typed first, then a question about "it": "psoriasis, is it contagious?" is
"Is psoriasis contagious?", read with its reading or its refusal. More than a name before the
comma ("lupus in children", "my sister has lupus") leaves the question as it was."""

from __future__ import annotations

import pytest

from healthlens.answer import ask
from healthlens.question import parse_question


@pytest.mark.parametrize(
    "text, predicate, concept",
    [
        ("psoriasis, is it contagious?", "contagious", "psoriasis"),
        ("celiac; can it be cured", "curable", "celiac_disease"),
        ("the flu, is it contagious", "contagious", "influenza"),
        ("hashimotos, is it autoimmune", "autoimmune", "hashimoto_thyroiditis"),
    ],
)
def test_the_name_then_a_question_about_it_is_the_plain_question(kb, text, predicate, concept):
    q = parse_question(text, kb)
    assert (q.predicate, q.concept_id, q.declined) == (predicate, concept, None)
    assert q.text == text


def test_the_name_first_gets_the_plain_questions_verdict(kb):
    typed = ask(["psoriasis, is it contagious?", "the flu, is it contagious"], kb)
    plain = ask(["is psoriasis contagious", "is the flu contagious"], kb)
    assert [(a.verdict, a.concept_id) for a in typed] == [(a.verdict, a.concept_id) for a in plain]
    assert [a.verdict for a in typed] == ["no", "yes"]


@pytest.mark.parametrize(
    "text",
    [
        "lupus in children, is it genetic",  # who is asked about
        "my sister has lupus, is it contagious",  # another person's
        "shingles, is it contagious before the rash",  # a time
        "eczema, will it go away on its own",  # refused alone
    ],
)
def test_more_than_a_name_or_a_refused_question_stays_not_understood(kb, text):
    q = parse_question(text, kb)
    assert q.predicate is None
    (a,) = ask([text], kb)
    assert a.verdict == "unknown"
