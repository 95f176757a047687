""" "Low" for a deficiency ("does low vitamin d cause autoimmune disease", "is low b12 genetic"):
where the words after "low" with "deficiency" are a curated name of a record, the question is that
record's (the word "vitamin" alone had it declined as a treatment question). "Levels" after the
words is theirs. Another word before "low" ("very low"), or words that name no deficiency a record
holds ("low back pain", "low blood pressure"), leave the question as typed."""

from __future__ import annotations

import pytest

from healthlens.answer import ask
from healthlens.question import parse_question


@pytest.mark.parametrize(
    "text, predicate, concept",
    [
        ("does low vitamin d cause autoimmune disease", "link", "vitamin_d_deficiency"),
        ("does low vitamin d cause autoimmune disease forum", "link", "vitamin_d_deficiency"),
        ("does low vitamin d levels cause autoimmune disease?", "link", "vitamin_d_deficiency"),
        ("is low vitamin d linked to autoimmune disease", "link", "vitamin_d_deficiency"),
        ("is low b12 genetic", "inherited", "vitamin_b12_deficiency"),
        ("is low IgA inherited", "inherited", "selective_iga_deficiency"),
        ("is low g6pd hereditary", "inherited", "g6pd_deficiency"),
    ],
)
def test_low_and_a_deficiencys_words_name_the_deficiency(kb, text, predicate, concept):
    q = parse_question(text, kb)
    assert (q.predicate, q.concept_id, q.declined) == (predicate, concept, None)
    assert q.text == text


def test_low_gets_the_deficiencys_verdict(kb):
    typed = ask(["does low vitamin d cause autoimmune disease", "is low b12 genetic"], kb)
    plain = ask(
        ["does vitamin d deficiency cause autoimmune disease", "is vitamin b12 deficiency genetic"],
        kb,
    )
    assert [(a.verdict, a.concept_id) for a in typed] == [(a.verdict, a.concept_id) for a in plain]
    assert typed[0].verdict != "unknown"


@pytest.mark.parametrize(
    "text",
    [
        "does very low vitamin d cause autoimmune disease",  # another word before "low"
        "is low blood pressure genetic",  # no deficiency a record holds
        "can low iron cause autoimmune disease",  # "iron deficiency" is no curated name
    ],
)
def test_low_without_a_curated_deficiency_is_left_as_typed(kb, text):
    q = parse_question(text, kb)
    assert q.concept_id is None
    (a,) = ask([text], kb)
    assert a.verdict == "unknown"
