"""A condition's letters typed with words of its own names ("is SCID bubble boy disease
inherited", "what is TRAPS fever syndrome", "what does NT1 mean narcolepsy diagnosis"): read as the
letters' condition where every word is a word of its names; a word of another condition's name, or
of the question, leaves the question as it was."""

from __future__ import annotations

import pytest

from healthlens.answer import ask
from healthlens.question import parse_question


@pytest.mark.parametrize(
    "text, predicate, concept",
    [
        ("is SCID bubble boy disease inherited", "inherited", "severe_combined_immunodeficiency"),
        ("what is TRAPS fever syndrome", "definition", "tnf_receptor_associated_periodic_syndrome"),
        (
            "what is TRAPS periodic fever syndrome",
            "definition",
            "tnf_receptor_associated_periodic_syndrome",
        ),
        ("what does NT1 mean narcolepsy diagnosis", "definition", "narcolepsy_type_1"),
        ("what does NT1 mean narcolepsy diagnosis forum", "definition", "narcolepsy_type_1"),
        ("is CF cystic fibrosis genetic", "inherited", "cystic_fibrosis"),
    ],
)
def test_letters_with_words_of_their_names_are_read_as_the_letters(kb, text, predicate, concept):
    q = parse_question(text, kb)
    assert (q.predicate, q.concept_id, q.declined) == (predicate, concept, None)
    assert q.text == text


def test_letters_with_their_words_get_the_letters_verdict(kb):
    typed, plain = ask(["is SCID bubble boy disease inherited", "is SCID inherited"], kb)
    assert (typed.verdict, typed.concept_id) == (plain.verdict, plain.concept_id)
    assert typed.verdict == "yes"


@pytest.mark.parametrize(
    "text",
    [
        # words of another reading's name: pelvic inflammatory disease is no primary immunodeficiency
        "is PID pelvic inflammatory disease contagious",
        # a word of the question (heredity) is never taken for a word of the name
        "is HAE hereditary angioedema genetic",
        # words of another condition: group B strep is no Guillain-Barre syndrome
        "what is GBS strep",
        "what does MS mean lupus",
    ],
)
def test_words_of_another_name_or_of_the_question_stay_not_understood(kb, text):
    q = parse_question(text, kb)
    assert not (q.understood and q.concept_id)  # not understood, or no condition read
    (a,) = ask([text], kb)
    assert a.verdict == "unknown"
