"""A vaccine named in lay words ("the shot", "a jab", "an injection", "the booster") before a
condition's name is a caused form, as "vaccine X" is: the condition a vaccine brings on is
another condition than the one it looks like, so the question stays not understood. A name with
a vaccine's word right after it ("the flu shot") is the vaccine, not the condition. The plain
questions keep their verdict."""

from __future__ import annotations

import pytest

from healthlens.answer import ask


@pytest.mark.parametrize(
    "text",
    [
        "is the shot ITP autoimmune",
        "is shot ITP autoimmune",
        "is the jab ITP autoimmune",
        "is injection lupus autoimmune",
        "is booster myocarditis contagious",
        "is jab GBS genetic",
        "is the flu shot lupus curable",
        "is the flu shot flu curable",
    ],
)
def test_a_vaccine_in_lay_words_stays_unknown(kb, text):
    answers = ask([text], kb)
    assert all(a.verdict == "unknown" for a in answers)


@pytest.mark.parametrize(
    ("text", "cid", "verdict"),
    [
        ("is ITP autoimmune", "immune_thrombocytopenia", "yes"),
        ("is lupus autoimmune", "systemic_lupus_erythematosus", "yes"),
        ("is the flu curable", "influenza", "yes"),
        ("is Guillain-Barre syndrome genetic", "guillain_barre_syndrome", "no"),
    ],
)
def test_the_plain_questions_keep_their_verdict(kb, text, cid, verdict):
    (a,) = ask([text], kb)
    assert (a.concept_id, a.verdict) == (cid, verdict)
