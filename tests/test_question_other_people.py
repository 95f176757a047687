"""Questions about other people than the one who has the condition: the reader's children, and
people with X getting other autoimmune diseases. Each of these was answered as another question
before: "Will my kids get my psoriasis?" got "No" (read as "Is psoriasis contagious?"), "Can kids
get psoriasis?" the same, and "Are people with alopecia areata more likely to have other
autoimmune conditions?" got "Yes" to "Is alopecia areata autoimmune?"."""

from __future__ import annotations

import pytest

from conftest import assert_answered_as_plain, assert_page_judged, assert_stays_unknown
from healthlens.answer import ask
from healthlens.question import parse_question


@pytest.mark.parametrize(
    "text, plain",
    [
        # the reader's own condition reaching the reader's child, where it cannot be caught: the
        # inherited question, as "Is psoriasis passed from parents to kids?"
        ("Can my kids get psoriasis from me?", "Is psoriasis inherited?"),
        ("Could I pass my lupus on to my daughter?", "Is lupus inherited?"),
        ("Can my son get eczema from me?", "Is eczema inherited?"),
        # people with X, and other autoimmune diseases: the link question
        (
            "Are people with alopecia areata more likely to have other autoimmune conditions?",
            "Is alopecia areata linked to autoimmune disease?",
        ),
        (
            "Do people with celiac disease get other autoimmune diseases?",
            "Is celiac disease linked to autoimmune disease?",
        ),
        (
            "Do people with type 1 diabetes often have other autoimmune conditions?",
            "Is type 1 diabetes linked to autoimmune disease?",
        ),
    ],
)
def test_read_as_the_question_it_asks(kb, text, plain):
    assert_answered_as_plain(kb, text, plain)


@pytest.mark.parametrize(
    "text",
    [
        "Will my kids get my psoriasis?",
        "Will my children get my eczema?",
        "Will I give my lupus to my daughter?",
        # whether anyone can have it at all, not whether it is caught
        "Can kids get psoriasis?",
        "Can adults get eczema?",
        "Will my kids get psoriasis?",
    ],
)
def test_a_forecast_or_who_can_have_it_stays_unknown(kb, text):
    """A forecast for the reader's child ("yes, inherited" would read "they will") and "can kids
    get X?" about an X that cannot be caught ask neither family's question."""
    assert_stays_unknown(kb, text)


@pytest.mark.parametrize(
    "text, predicate, concept",
    [
        # what can be caught keeps the contagious reading: getting it is catching it
        ("Can toddlers get head lice?", "contagious", "head_lice"),
        ("Can my son catch my flu?", "contagious", "influenza"),
        ("Can you get chickenpox?", "contagious", "chickenpox"),
        ("Can you get psoriasis from someone?", "contagious", "psoriasis"),
        # "catch" asks whether it is caught, whoever from: "No" answers it for eczema
        ("Can my children catch my eczema?", "contagious", "atopic_dermatitis"),
    ],
)
def test_what_can_be_caught_keeps_the_contagious_reading(kb, text, predicate, concept):
    q = parse_question(text, kb)
    assert (q.predicate, q.concept_id) == (predicate, concept) and q.understood


def test_two_conditions_with_other_autoimmune_diseases_are_answered_apart(kb):
    answers = ask(
        "Are people with Hashimoto's or Graves' more likely to get another autoimmune disease?", kb
    )
    assert {a.concept_id for a in answers} == {"hashimoto_thyroiditis", "graves_disease"}
    assert all(a.predicate == "link" for a in answers)


def test_a_link_recorded_the_other_way_stays_unknown(kb):
    (a,) = ask("Are people with non-Hodgkin lymphoma more likely to get autoimmune disease?", kb)
    assert a.verdict == "unknown" and "the other way" in str(a.to_dict())


def test_a_page_asked_about_the_readers_child_is_judged_for_heredity(kb):
    page = (
        "Can my kids get psoriasis from me?\n\n"
        "Psoriasis runs in families. Having a parent with psoriasis raises a child's risk, "
        "but genes are only part of the story, and many children of parents with psoriasis "
        "never develop it."
    )
    plain = assert_page_judged(kb, "Is psoriasis inherited?", page, "yes")
    report = assert_page_judged(kb, "Can my kids get psoriasis from me?", page, "yes")
    assert report.question.predicate == plain.question.predicate == "inherited"
