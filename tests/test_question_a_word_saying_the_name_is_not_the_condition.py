"""A word before a name saying what is meant is not the condition: "Is fake chickenpox
contagious?" got chickenpox's "yes" and "Is imitation lupus autoimmune?" lupus's. Something that
looks like a condition, is imagined or made up is not the condition, and its verdict does not
answer for it; the reader's own doubt ("suspected", "possible") keeps the reading."""

from __future__ import annotations

import pytest

from healthlens.answer import ask


@pytest.mark.parametrize(
    "text",
    [
        "is fake chickenpox contagious",
        "is imitation lupus autoimmune",
        "is psychosomatic eczema contagious",
        "is phantom HIV contagious",
        "is lookalike ringworm contagious",
        "is mock measles contagious",
    ],
)
def test_a_word_saying_the_name_is_not_the_condition_stays_unknown(kb, text):
    (a,) = ask([text], kb)
    assert a.verdict == "unknown"


@pytest.mark.parametrize(
    "text, concept, verdict",
    [
        ("is suspected chickenpox contagious", "chickenpox", "yes"),
        ("is possible lupus autoimmune", "systemic_lupus_erythematosus", "yes"),
        ("is chickenpox contagious", "chickenpox", "yes"),
    ],
)
def test_the_readers_doubt_and_the_plain_name_keep_their_reading(kb, text, concept, verdict):
    (a,) = ask([text], kb)
    assert (a.concept_id, a.verdict) == (concept, verdict)
