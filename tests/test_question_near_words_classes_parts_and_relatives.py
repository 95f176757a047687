"""Subjects that name something near a condition, answered with that condition's verdict.

* A real word one edit from a curated name was taken as the name misspelt: "Is cold allergy
  autoimmune?" got mold allergy's "No", "Is heat allergy autoimmune?" wheat allergy's, "Is silk
  allergy genetic?" cow's milk protein allergy's, "Are chives contagious?" hives' "No".
* A class the terminology files under one kind's code was read as that kind: "Is pancreatitis
  curable?" got acute pancreatitis's "Yes" (chronic pancreatitis is not curable), "What is
  lymphoma?" "Lymphoma refers to non-Hodgkin lymphoma", "What is lupus erythematosus?" cutaneous
  lupus.
* A symptom or part named before a condition ("the itch in eczema", "the rash from shingles")
  got the condition's verdict, though its own yes/no differs.
* Which parent or relative, asked with "inherit" or "get": "Can a son inherit hemophilia from his
  father?" got "Yes" (a father passes no X-linked gene to a son), "Can you get eczema from your
  grandma?" the contagious "No".
* "Infectious" asks whether a condition is an infection or whether it passes from person to
  person: "Is Lyme disease infectious?" got "No" (it is an infection, from a tick), "Is shingles
  infectious?" "Partly".
* "Man flu" (a joke name, most often for a cold) got influenza's "Yes".
"""

from __future__ import annotations

import pytest

from conftest import assert_answered_as_plain
from healthlens.answer import ask
from healthlens.question import parse_question


def _no_verdict(kb, text: str) -> None:
    """No answer to ``text`` gives a verdict."""
    for a in ask(text, kb):
        assert a.verdict == "unknown", (a.verdict, a.concept_id, a.predicate)


@pytest.mark.parametrize(
    "text",
    [
        # one letter changed at the start of a short word: another word, not a typo
        "Is cold allergy autoimmune?",
        "is gold allergy genetic",
        "Is heat allergy autoimmune?",
        "is red heat allergy genetic",
        "What is a cold allergy?",
        "is silk allergy genetic",
        "is mink allergy genetic",
        "is pea allergy genetic",
        "is beet allergy genetic",
        "is hat allergy genetic",
        "is toy allergy genetic",
        "is rug allergy genetic",
        "is wood allergy genetic",
        "is pickle allergy genetic",
        "is fallen allergy genetic",
        "is rust allergy genetic",
        "is dust bite allergy genetic",
        "is gold sore contagious",
        "are chives contagious",
        "is lives contagious",
    ],
)
def test_a_real_word_is_not_read_as_a_name_one_letter_away(kb, text):
    q = parse_question(text, kb)
    assert q.concept_id is None and q.read_as is None, (q.concept_id, q.read_as)
    _no_verdict(kb, text)


@pytest.mark.parametrize(
    "text",
    [
        # the terminology files the class under one kind's code
        "Is pancreatitis curable?",
        "Is pancreatitis autoimmune?",
        "What is pancreatitis?",
        "Is lymphoma curable?",
        "What is lymphoma?",
        "Is lymphoma linked to autoimmune disease?",
        "What is lupus erythematosus?",
        "Is lupus erythematosus curable?",
        "What is lymphocytic thyroiditis?",
    ],
)
def test_a_class_is_not_read_as_the_one_kind_the_terminology_files_it_under(kb, text):
    q = parse_question(text, kb)
    assert q.concept_id is None
    assert q.unresolved and "wider than" in q.unresolved
    _no_verdict(kb, text)


@pytest.mark.parametrize(
    "text",
    [
        # a symptom, a part or a time of the condition, whose own yes/no differs
        "is the itch in eczema an allergy",
        "Is the rash from shingles contagious?",
        "is rash from measles contagious",
        "Is the rash of chickenpox genetic?",
        "Is the fatigue of lupus autoimmune?",
        "Is joint pain from psoriasis an allergy?",
    ],
)
def test_a_symptom_or_part_before_a_condition_is_not_the_condition(kb, text):
    q = parse_question(text, kb)
    assert q.concept_id is None and q.unresolved and "not" in q.unresolved
    _no_verdict(kb, text)


@pytest.mark.parametrize(
    "text",
    [
        # one parent or relative named: which one passes it on is another question
        "Can a son inherit hemophilia from his father?",
        "can you inherit hemophilia from your father",
        "Can you get hemophilia from your dad?",
        "can you inherit sickle cell from your mom",
        "Can you inherit MS from your dad?",
        "can you inherit lupus from your mother",
        "can you inherit eczema from your grandparents",
        "Can you get MS from your mum?",
        "can you get eczema from your grandma",
    ],
)
def test_which_parent_or_relative_asked_with_inherit_or_get_stays_unknown(kb, text):
    assert parse_question(text, kb).predicate is None
    _no_verdict(kb, text)


@pytest.mark.parametrize(
    "text",
    [
        # an infection not passed from person to person: "infectious" asks either sense, and
        # the contagious "no" read "Lyme disease is not infectious"
        "Is Lyme disease infectious?",
        "Is Whipple's disease infectious?",
        "is septic arthritis infectious",
        "is sepsis infectious",
        # "partly" contagious, though an infection
        "is shingles infectious",
        "Is Zika infectious?",
    ],
)
def test_infectious_for_an_infection_not_caught_from_people_stays_unknown(kb, text):
    q = parse_question(text, kb)
    assert q.concept_id is None and "infection" in (q.unresolved or "")
    _no_verdict(kb, text)


def test_man_flu_is_not_influenza(kb):
    q = parse_question("is man flu contagious", kb)
    assert q.concept_id is None and "another illness than influenza" in (q.unresolved or "")
    _no_verdict(kb, "is man flu contagious")


# -- the limits of the checks above: forms that keep their reading (they pass before the change
# too; they guard against the checks refusing what they should not) --------------------------


@pytest.mark.parametrize(
    "text, plain",
    [
        # misspellings inside a word, the same first letter, or a long word
        ("is egg alergy genetic", "is egg allergy genetic"),
        ("is weat allergy genetic", "is wheat allergy genetic"),
        ("is soriasis autoimmune", "is psoriasis autoimmune"),
        ("Is restless leg syndrome genetic?", "Is restless legs syndrome genetic?"),
        ("Is chrons disease autoimmune?", "Is Crohn's disease autoimmune?"),
        ("Is rhuematoid arthritis autoimmune?", "Is rheumatoid arthritis autoimmune?"),
        ("is cat dander allergy an allergy", "is pet allergy an allergy"),
        # every kind of the class gets the same verdict
        ("Is lymphoma contagious?", "Is non-Hodgkin lymphoma contagious?"),
        ("Is lymphoma autoimmune?", "Is non-Hodgkin lymphoma autoimmune?"),
        ("Is lupus erythematosus autoimmune?", "Is cutaneous lupus autoimmune?"),
        ("is thyroid autoimmune", "is thyroid disease autoimmune"),
        # nothing of a condition that cannot be caught can be caught
        ("Is the rash of lupus contagious?", "Is lupus contagious?"),
        ("is cough from asthma contagious", "is asthma contagious"),
        # the condition first, and words after it
        ("is eczema on hands contagious", "is eczema contagious"),
        # "infectious" where both senses get one answer, and "contagious" itself
        ("is chickenpox infectious", "is chickenpox contagious"),
        ("is eczema infectious", "is eczema contagious"),
        ("Is Lyme disease contagious?", "Can you catch Lyme disease from someone?"),
        # any parent, and "catch"
        ("Can you get lupus from your parents?", "Is lupus inherited?"),
        ("can you inherit ms from your parents", "is ms inherited"),
        ("can you catch eczema from your sister", "is eczema contagious"),
    ],
)
def test_plain_forms_beside_these_checks_keep_their_reading(kb, text, plain):
    assert_answered_as_plain(kb, text, plain)
