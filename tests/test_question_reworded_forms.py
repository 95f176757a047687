"""Issue 12, round 6: question forms real searchers type. A form whose yes/no IS its family's
question is read as that family and gets exactly the plain question's answer; a form that asks
something else (how long, how, by which route, still after some days, permanent, an STD, which
parent, will I get it) stays unknown, never answered as the family's question."""

from __future__ import annotations

import pytest

from conftest import assert_answered_as_plain, assert_page_judged, assert_stays_unknown
from healthlens.answer import ask
from healthlens.question import parse_question


@pytest.mark.parametrize(
    "text, plain",
    [
        # a degree of contagion: "not at all" answers it
        ("How contagious is chickenpox?", "Is chickenpox contagious?"),
        ("how infectious is scarlet fever", "Is scarlet fever contagious?"),
        ("How contagious is psoriasis?", "Is psoriasis contagious?"),
        ("How contagious are cold sores?", "Are cold sores contagious?"),
        # other children are other people
        ("Is impetigo contagious to other children?", "Is impetigo contagious?"),
        ("Is eczema contagious to other kids?", "Is eczema contagious?"),
        ("Is vitiligo contagious to another child?", "Is vitiligo contagious?"),
        # any parent, none named
        ("Is hemophilia inherited from a parent?", "Is hemophilia inherited?"),
        ("Can celiac disease be inherited from your parents?", "Is celiac disease inherited?"),
        ("Is lupus inherited from a parent?", "Is lupus inherited?"),
        # whether it can be cured, asked by a parent (outgrowing is no cure, and stays unknown:
        # tests/test_question_getting_and_giving.py)
        ("Can a toddler be cured of cow's milk allergy?", "Does cow's milk allergy go away?"),
        ("can my child recover from asthma", "Does asthma go away?"),
        # the autoimmune question, beside a kind healthlens names and does not judge
        ("Is gout autoimmune or autoinflammatory?", "Is gout autoimmune?"),
        ("Is lupus autoimmune or autoinflammatory?", "Is lupus autoimmune?"),
        (
            "Is Behcet's disease an autoimmune or an autoinflammatory disease?",
            "Is Behcet's disease autoimmune?",
        ),
        (
            "is familial mediterranean fever autoimmune or auto-inflammatory",
            "Is familial mediterranean fever autoimmune?",
        ),
    ],
)
def test_a_reworded_family_question_gets_the_plain_questions_answer(kb, text, plain):
    assert_answered_as_plain(kb, text, plain)


def test_autoinflammatory_is_named_as_not_judged(kb):
    q = parse_question("Is Still's disease autoimmune or autoinflammatory?", kb)
    assert (q.predicate, q.concept_id) == ("autoimmune", "adult_onset_still_disease")
    assert q.unjudged == ("or autoinflammatory",) and q.also == ()
    (a,) = ask("Is Still's disease autoimmune or autoinflammatory?", kb)
    assert a.verdict == "no"
    assert "does not judge the rest of the question: “or autoinflammatory”" in a.summary


@pytest.mark.parametrize(
    "text",
    [
        # autoinflammatory alone is no family healthlens judges
        "Is gout autoinflammatory?",
        "Is Still's disease an autoinflammatory disease?",
        # a duration, not whether
        "How long is chickenpox contagious?",
        "How long is impetigo contagious for?",
        # still contagious after some time: when it stops, not whether it spreads
        "Is strep throat still contagious after two days?",
        "Are you still contagious three days after the flu?",
        "Is chickenpox contagious after the blisters scab over?",
        # how, not whether
        "How is measles spread?",
        "How is hemophilia inherited?",
        "How could chickenpox spread to my baby?",
        # a route: "no" would not mean "not contagious"
        "Can mono be spread by kissing?",
        "Is glandular fever spread by kissing?",
        "Is hepatitis B an STD?",
        "Is herpes a sexually transmitted disease?",
        "Is chickenpox sexually transmitted?",
        "Is flu sexually transmitted?",
        "Is impetigo easily spread?",
        "Is measles airborne?",
        # where or to whom: the tail is not part of the condition's name ("How contagious is
        # measles to adults?" was refused here too until round 8, which reads an age as other
        # people: tests/test_question_age_time_and_route.py)
        "How contagious is flu in dogs?",
        "How contagious is measles to humans?",
        # permanence is the reverse of curable; remission is not a cure
        "Is psoriasis permanent or can it be reversed?",
        "Is vitiligo permanent?",
        "Can type 1 diabetes go into remission?",
        # a personal forecast, not whether it is inherited ("yes" would read "you will")
        "Will I get lupus if it runs in my family?",
        "Will my kids get psoriasis if I have it?",
        # which parent passes it on (a recessive condition needs both)
        "Is haemophilia inherited from the mother?",
        "Is cystic fibrosis inherited from both parents?",
        # a cause and a route at once
        "Is shingles a virus you can catch?",
    ],
)
def test_a_different_question_in_the_familys_words_stays_unknown(kb, text):
    assert_stays_unknown(kb, text)


def test_a_word_that_only_insists_keeps_the_question(kb):
    (a,) = ask("is autoimmune hepatitis really autoimmune", kb)
    assert (a.predicate, a.concept_id, a.verdict) == ("autoimmune", "autoimmune_hepatitis", "yes")
    (b,) = ask("Is lupus genetically inherited?", kb)
    assert (b.predicate, b.concept_id) == ("inherited", "systemic_lupus_erythematosus")


@pytest.mark.parametrize(
    "text, page, expected",
    [
        (
            "How contagious is chickenpox?",
            "Chickenpox is very contagious. It spreads easily between children in a class.",
            "yes",
        ),
        (
            "Is eczema contagious to other kids?",
            "Eczema is not contagious. A child cannot catch it from a friend at school.",
            "no",
        ),
    ],
)
def test_a_page_asked_a_reworded_question_is_judged(kb, text, page, expected):
    report = assert_page_judged(kb, text, page, expected)
    assert report.question.predicate == "contagious"
