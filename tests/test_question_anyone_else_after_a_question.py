"""Typing "anyone else" after a question ("is recurrent pericarditis autoimmune anyone else", "is
lupus contagious, anyone else?"): the words ask others for their story, not about the condition or
the property, and the question before them is read as if typed alone, with its reading or its
refusal. After a word that makes them the question's own people ("from anyone else", "to anyone
else"), after keywords with no question word, or at the start of a question about others, they
are left to the other forms."""

from __future__ import annotations

import pytest

from healthlens.answer import ask
from healthlens.question import parse_question


@pytest.mark.parametrize(
    "text, predicate, concept",
    [
        (
            "is recurrent pericarditis autoimmune anyone else",
            "autoimmune",
            "idiopathic_recurrent_pericarditis",
        ),
        ("is lupus contagious, anyone else?", "contagious", "systemic_lupus_erythematosus"),
        ("is celiac genetic anyone else here", "inherited", "celiac_disease"),
        ("is eczema an allergy anybody else?", "allergy", "atopic_dermatitis"),
        ("is psoriasis curable has anyone else", "curable", "psoriasis"),
        ("is lupus autoimmune anyone else forum", "autoimmune", "systemic_lupus_erythematosus"),
    ],
)
def test_anyone_else_after_a_question_leaves_the_question(kb, text, predicate, concept):
    q = parse_question(text, kb)
    assert (q.predicate, q.concept_id, q.declined) == (predicate, concept, None)
    assert q.text == text


def test_anyone_else_after_a_question_gets_the_plain_questions_verdict(kb):
    typed = ask(["is lupus contagious, anyone else?", "is impetigo contagious anyone else"], kb)
    plain = ask(["is lupus contagious", "is impetigo contagious"], kb)
    assert [(a.verdict, a.concept_id) for a in typed] == [(a.verdict, a.concept_id) for a in plain]
    assert [a.verdict for a in typed] == ["no", "yes"]


@pytest.mark.parametrize(
    "text",
    [
        "can you catch lupus from anyone else",  # a source: the people are the question's own
        "anyone else told their chronic hives are autoimmune",  # a question about others
        "has anyone's MCAS gone away anyone else",  # others' course, refused alone
        "can you outgrow eczema anyone else",  # outgrowing
        "is chickenpox contagious before the spots appear anyone else",  # a time
        "my dad has tinnitus will I get it too anyone else",  # a personal forecast
        "is allergy linked to anyone else",  # no question before the words
        "endometriosis and autoimmune disease connection anyone else",  # keywords: who has both
    ],
)
def test_refused_questions_stay_refused_with_anyone_else(kb, text):
    q = parse_question(text, kb)
    assert not q.understood
    (a,) = ask([text], kb)
    assert a.verdict == "unknown"
