"""Letters with words of their own names typed after the whole question: "is IC contagious
bladder" is "is IC contagious" (interstitial cystitis, the bladder pain syndrome), read as the
letters' condition. Words between the letters and the last words that are the condition's own
("is HAE hereditary angioedema", "is AIH autoimmune hepatitis"), a name running across into the
last words ("is HSP allergic purpura": an old name of HSP), words of another condition ("bladder
infection"), words that only narrow who is asked about, and a word naming one kind of the condition
that the letters do not spell ("is TB contagious latent": latent tuberculosis is not passed on)
leave the question as it was."""

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


@pytest.mark.parametrize(
    "text",
    [
        "is TB contagious latent",  # latent tuberculosis is not passed on
        "is HBV curable chronic",  # chronic hepatitis B is not cured
        "is MS curable progressive",
        "is HLH genetic secondary",  # secondary HLH follows an infection or a cancer
    ],
)
def test_a_word_naming_one_kind_after_the_letters_stays_unknown(kb, text):
    (a,) = ask([text], kb)
    assert a.verdict == "unknown"


@pytest.mark.parametrize(
    "text, verdict",
    [
        ("is AIDP autoimmune acute", "yes"),  # acute inflammatory demyelinating polyneuropathy
        ("is PANS autoimmune pediatric", "uncertain"),  # pediatric acute-onset ...
        ("is ADEM contagious acute", "no"),  # the record's own name
        ("is IC contagious bladder", "no"),
    ],
)
def test_a_word_of_the_name_the_letters_spell_keeps_the_verdict(kb, text, verdict):
    (a,) = ask([text], kb)
    assert a.verdict == verdict
