"""Letters with words of their own names typed after the whole question: "is IC contagious
bladder" is "is IC contagious" (interstitial cystitis, the bladder pain syndrome), read as the
letters' condition. Words between the letters and the last words that are the condition's own
("is HAE hereditary angioedema", "is AIH autoimmune hepatitis"), a name running across into the
last words ("is HSP allergic purpura": an old name of HSP), words of another condition ("bladder
infection") and words that only narrow who is asked about leave the question as it was."""

from __future__ import annotations

import pytest

from healthlens.answer import ask
from healthlens.question import parse_question


@pytest.mark.parametrize(
    "text, predicate, concept",
    [
        ("is IC contagious bladder", "contagious", "interstitial_cystitis"),
        ("is IC contagious bladder forum", "contagious", "interstitial_cystitis"),
        ("is IC curable painful bladder", "curable", "interstitial_cystitis"),
        ("is SLE contagious lupus", "contagious", "systemic_lupus_erythematosus"),
    ],
)
def test_words_of_the_letters_names_after_the_question_are_the_letters(
    kb, text, predicate, concept
):
    q = parse_question(text, kb)
    assert (q.predicate, q.concept_id, q.declined) == (predicate, concept, None)
    assert q.text == text


def test_the_words_last_get_the_plain_questions_verdict(kb):
    typed = ask(["is IC contagious bladder", "is SLE contagious lupus"], kb)
    plain = ask(["is interstitial cystitis contagious", "is SLE contagious"], kb)
    assert [(a.verdict, a.concept_id) for a in typed] == [(a.verdict, a.concept_id) for a in plain]
    assert typed[0].verdict == "no"


@pytest.mark.parametrize(
    "text",
    [
        "is HSP allergic purpura",  # allergic purpura is an old name of HSP: no allergy question
        "is HAE hereditary angioedema",  # the question's word is the letters' own name's
        "is AIH autoimmune hepatitis",
        "is IC contagious bladder infection",  # another condition's words
        "is IC genetic in women",  # who is asked about
    ],
)
def test_a_name_the_question_runs_into_or_another_conditions_words_stay_unknown(kb, text):
    q = parse_question(text, kb)
    assert q.predicate is None
    (a,) = ask([text], kb)
    assert a.verdict == "unknown"
