"""Issue 12: question forms real searchers type, each decided by whether its yes/no
IS its family's question.

Read as the family: other people named by their age ("contagious to adults", as "to other
children"); an allergy set against a cold, the flu or a virus (everyday infections, as "or an
infection": the allergy question is answered and the other side named as not judged); "passed from
parents to kids" where the knowledge base says the condition cannot be caught (a bare "passed" is
also how an infection reaches a baby, so elsewhere it stays not understood).

Still unknown, each a different question: a time ("contagious before the spots appear" asks when,
and shingles is not contagious before its blisters though it is contagious); a route ("passed on
by kissing": HIV is contagious and not passed on by kissing); both parents (a dominant condition
needs one parent: Huntington's disease is inherited, not from both parents); a personal forecast
("My mum has X, will I get it too?"); complete reversal ("Can X be reversed completely?": lay
words for remission, and the curable family's "no" for type 2 diabetes would answer another
question)."""

from __future__ import annotations

import pytest

from conftest import assert_answered_as_plain, assert_page_judged, assert_stays_unknown
from healthlens.answer import ask
from healthlens.question import parse_question


@pytest.mark.parametrize(
    "text, plain",
    [
        # other people, named by their age
        ("Is chickenpox contagious to adults?", "Is chickenpox contagious?"),
        ("Is impetigo contagious to grown-ups?", "Is impetigo contagious?"),
        ("is eczema contagious to an adult", "Is eczema contagious?"),
        ("Is scarlet fever contagious to teenagers?", "Is scarlet fever contagious?"),
        ("How contagious is measles to adults?", "Is measles contagious?"),
        # parent to child, for a condition that cannot be caught: only genes pass it on
        ("Is hemophilia passed from parents to children?", "Is hemophilia inherited?"),
        ("Can psoriasis be passed from parent to child?", "Is psoriasis inherited?"),
        (
            "Is cystic fibrosis passed from generation to generation?",
            "Is cystic fibrosis inherited?",
        ),
    ],
)
def test_a_question_in_the_familys_words_gets_the_plain_questions_answer(kb, text, plain):
    a, _ = assert_answered_as_plain(kb, text, plain)
    assert not a.unjudged


@pytest.mark.parametrize(
    "text, plain, rest",
    [
        ("Is hay fever an allergy or a cold?", "Is hay fever an allergy?", "or a cold"),
        ("Is hay fever a cold or an allergy?", "Is hay fever an allergy?", "a cold"),
        ("Is asthma an allergy or the flu?", "Is asthma an allergy?", "or the flu"),
        ("Is hives an allergy or a virus?", "Is hives an allergy?", "or a virus"),
        (
            "Is urticaria an allergy or a common cold?",
            "Is urticaria an allergy?",
            "or a common cold",
        ),
    ],
)
def test_an_allergy_set_against_a_cold_names_the_cold_as_not_judged(kb, text, plain, rest):
    q = parse_question(text, kb)
    assert (q.predicate, q.unjudged, q.also) == ("allergy", (rest,), ())
    (a,) = ask(text, kb)
    (b,) = ask(plain, kb)
    assert (a.concept_id, a.verdict) == (b.concept_id, b.verdict) and a.verdict != "unknown"
    assert f"does not judge the rest of the question: “{rest}”" in a.summary


@pytest.mark.parametrize(
    "text",
    [
        # a time: when it is contagious, not whether ("no" for shingles before its blisters)
        "Is chickenpox contagious before the spots appear?",
        "Is shingles contagious before the blisters appear?",
        "Are cold sores contagious before the blister shows?",
        # a route: "no" would not mean "not contagious", nor "yes" that this route passes it
        "Can HIV be passed on by kissing?",
        "Can mono be passed on through kissing?",
        "Can hepatitis B be passed on by sharing a toothbrush?",
        # parent to child, for a condition that can be caught: birth passes some infections on
        "Can herpes be passed from parents to children?",
        "Can HIV be passed from parents to children?",
        # which parent, or both: a dominant condition needs one parent
        "Is Huntington's disease inherited from both parents?",
        "Is hemophilia passed from the mother to the child?",
        "Is sickle cell disease passed from both parents to children?",
        # a personal forecast: "yes" would read "you will"
        "My mum has psoriasis, will I get it too?",
        "My dad has gout, will I get it too?",
        # complete reversal: remission's lay words, not the curable question
        "Can type 2 diabetes be reversed completely?",
        "Can fatty liver disease be fully reversed?",
        "Is psoriasis completely reversible?",
        # another side that is no kind of condition: not understood
        "Is hay fever an allergy or a cancer?",
        # humans: whether it passes from an animal, not between people
        "Is measles contagious to humans?",
    ],
)
def test_a_different_question_stays_unknown(kb, text):
    assert_stays_unknown(kb, text)


@pytest.mark.parametrize(
    "text, page, expected",
    [
        (
            "Is hand, foot and mouth disease contagious to adults?",
            "Hand, foot and mouth disease is contagious. Adults can catch it from a child at home.",
            "yes",
        ),
        (
            "Is hay fever an allergy or a cold?",
            "Hay fever is an allergy to pollen, not a cold: it is not caught from other people.",
            "yes",
        ),
        (
            "Is hemophilia passed from parents to children?",
            "Hemophilia is inherited. A gene change passes from a parent to a child.",
            "yes",
        ),
    ],
)
def test_a_page_asked_such_a_question_is_judged(kb, text, page, expected):
    assert_page_judged(kb, text, page, expected)
