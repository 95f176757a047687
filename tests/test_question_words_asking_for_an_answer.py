"""Words that only ask for an answer around a question ("is lupus contagious yes or no", "is X
curable please help", "help! is impetigo contagious", "thanks"): the question they wrap is read as
if typed alone, with its reading or its refusal. "Help" inside the question ("Does ibuprofen help
lupus?") is its own, and refused forms stay refused."""

from __future__ import annotations

import pytest

from healthlens.answer import ask
from healthlens.question import parse_question


@pytest.mark.parametrize(
    "text, predicate, concept",
    [
        ("is lupus contagious yes or no", "contagious", "systemic_lupus_erythematosus"),
        ("is lupus contagious thanks", "contagious", "systemic_lupus_erythematosus"),
        ("is lupus contagious?? please help", "contagious", "systemic_lupus_erythematosus"),
        ("help! is impetigo contagious", "contagious", "impetigo"),
        ("can eczema be cured? any help appreciated", "curable", "atopic_dermatitis"),
        ("please help is MS genetic", "inherited", "multiple_sclerosis"),
    ],
)
def test_words_asking_for_an_answer_leave_the_question(kb, text, predicate, concept):
    q = parse_question(text, kb)
    assert (q.predicate, q.concept_id, q.declined) == (predicate, concept, None)
    assert q.text == text


def test_words_asking_for_an_answer_get_the_plain_questions_verdict(kb):
    typed = ask(["is lupus contagious yes or no", "help! is impetigo contagious"], kb)
    plain = ask(["is lupus contagious", "is impetigo contagious"], kb)
    assert [(a.verdict, a.concept_id) for a in typed] == [(a.verdict, a.concept_id) for a in plain]
    assert [a.verdict for a in typed] == ["no", "yes"]


@pytest.mark.parametrize(
    "text",
    [
        "does ibuprofen help lupus",  # "help" is the question's own: what helps
        "can you outgrow peanut allergy please help",  # outgrowing
        "is chickenpox contagious before the spots appear thanks",  # a time
        "my dad has hemochromatosis will I get it thanks",  # a personal forecast
    ],
)
def test_refused_questions_stay_refused_with_words_asking_for_an_answer(kb, text):
    q = parse_question(text, kb)
    assert not q.understood
    (a,) = ask([text], kb)
    assert a.verdict == "unknown"
