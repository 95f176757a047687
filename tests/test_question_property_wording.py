"""Questions in a property family's own words (contagious, inherited, curable) that ask another
question. Each case below got the family's verdict before: "Does melanoma spread?" and "Can
psoriasis spread?" got "No" (read as "Is it contagious?", so "it does not spread"), "Can you get
rid of ringworm?" got ringworm's contagious "Yes", "Can you get impetigo on your face?" got
"Yes" (where it appears, not whether it is caught), "Can you get pink eye from allergies?" got the
contagious "Partly" (a cause, not a person), "Does hepatitis C go away on its own?" got curable's
"Yes" (a cure by treatment; untreated, it mostly stays), "Can Marfan syndrome skip a generation?"
got inherited's "Yes" (a dominant condition is inherited and does not skip), "Can HIV be passed
on?" got inherited's "No" (it is passed on, by other means than genes), and "Is type 1
diabetes a genetic disorder or autoimmune?" got the autoimmune "Yes" for a subject that held the
other half of the question."""

from __future__ import annotations

import pytest

from conftest import assert_answered_as_plain, assert_stays_unknown
from healthlens.question import parse_question


@pytest.mark.parametrize(
    "text",
    [
        # "spread" with no person: over the body, or a cancer's spread to other organs, where the
        # condition cannot be caught ("no, not contagious" read "no, it does not spread")
        "Does melanoma spread?",
        "Can lymphoma spread?",
        "Can psoriasis spread?",
        "Does eczema spread?",
        "Can vitiligo spread?",
        "Can lupus spread?",
        "Does alopecia areata spread?",
        "Can hives spread?",
        "Can sepsis spread?",
        "Can psoriasis be spread?",
        "Is lupus spread?",
        # "partly" contagious: the rash may spread on the body, which the verdict does not say
        "Can shingles spread?",
        # the catch/get form with words after the name: where, how often, where from
        "Can you get impetigo on your face?",
        "Can you get scabies on your face?",
        "Can you get ringworm on your scalp?",
        # a cause behind another reading ("from allergies" read as an allergy question first)
        "Can you get pink eye from allergies?",
        "Can you get hives from allergies?",
        "Can you get eczema from allergies?",
        "Can you get asthma from allergies?",
        # untreated: curable's "yes" includes a cure by treatment, "partly" some people
        "Does hepatitis C go away on its own?",
        "Does strep throat go away on its own?",
        "Does pink eye go away on its own?",
        "Does the flu go away by itself?",
        "Does eczema go away on its own?",
        # skipping a generation is the pattern of inheritance, not whether it is inherited
        "Can Marfan syndrome skip a generation?",
        "Can type 1 diabetes skip generations?",
        "Does eczema sometimes skip a generation?",
        "Does hemophilia skip generations?",
        "Does celiac disease skip generations?",
        # passing on is how genes and germs both go: inherited's "no" read "it cannot be passed
        # on" for an infection, the contagious "no" "it cannot be passed" for a condition in genes
        "Can HIV be passed on?",
        "Can HIV be passed on to children?",
        "Can tuberculosis be passed on to children?",
        "Can chickenpox be passed on?",
        "Is hepatitis B passed on?",
        "Can HIV be passed down?",
        "Can lupus be passed?",
        "Can lupus be given?",
        "Can melanoma be transferred?",
        # a subject that holds the other half of an alternative
        "Is type 1 diabetes a genetic disorder or autoimmune?",
    ],
)
def test_family_words_that_ask_another_question_stay_unknown(kb, text):
    assert_stays_unknown(kb, text)


def test_getting_rid_of_a_condition_is_not_catching_it(kb):
    # the catch/get form took "rid of ringworm" as its subject and answered whether it is caught
    q = parse_question("Can you get rid of ringworm?", kb)
    assert q.predicate != "contagious"
    assert_answered_as_plain(kb, "Can you get rid of scabies?", "Can scabies be cured?")


@pytest.mark.parametrize(
    ("text", "plain"),
    [
        # where the condition can be caught, either sense of "spread" gets the same yes
        ("Can measles spread?", "Is measles contagious?"),
        ("Does the flu spread?", "Is the flu contagious?"),
        ("Can HIV be spread?", "Is HIV contagious?"),
        # passing words where the sense is settled: X cannot be caught, or it can and is passed
        ("Can psoriasis be passed on?", "Is psoriasis inherited?"),
        ("Can lupus be passed down?", "Is lupus inherited?"),
        ("Can HIV be passed?", "Is HIV contagious?"),
        # lifelong: it does not go away on its own either
        ("Does psoriasis go away on its own?", "Does psoriasis go away?"),
        ("Can myasthenia gravis go away on its own?", "Is myasthenia gravis curable?"),
        # words after the name that only insist, and a person to catch it from
        ("Can you get ringworm too?", "Is ringworm contagious?"),
        ("Can you catch impetigo from someone?", "Is impetigo contagious?"),
    ],
)
def test_family_words_that_ask_the_family_question_keep_it(kb, text, plain):
    assert_answered_as_plain(kb, text, plain)
