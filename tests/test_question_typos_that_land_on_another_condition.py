"""Misspelt names whose nearest reading is another condition: a word of a longer name typed with
a letter or two left out ("lng covid") must not be dropped so that the shorter name inside it
(COVID-19) answers, and a misspelt "hepatitis" before the letter "a" is hepatitis A, not
hepatitis as a whole. Each gets the verdict of the condition the typist meant, or unknown."""

from __future__ import annotations

import pytest

from conftest import assert_answered_as_plain
from healthlens.answer import ask


@pytest.mark.parametrize(
    "text",
    [
        # long COVID is not caught; COVID-19 is
        "is lng covid contagious",
        "is ong covid contagious",
        # the skin's own lupus, read as systemic lupus
        "is skn lupus autoimmune",
        "is discod lupus genetic",
        "is iscoid lupus autoimmune",
        "is disciod lupus autoimmune",
        # a kind of asthma or goitre, read as the class
        "is taopic asthma autoimmune",
        "is aspirin nduced asthma contagious",
        "is otxic diffuse goiter contagious",
        # non-Hodgkin lymphoma, read as Hodgkin lymphoma
        "is onn-hodgkin lymphoma autoimmune",
    ],
)
def test_a_misspelt_word_of_a_longer_name_is_not_dropped(kb, text):
    (a,) = ask(text, kb)
    assert a.verdict == "unknown" and a.concept_id is None, (a.concept_id, a.verdict)
    assert "misspelt" in a.summary, a.summary


@pytest.mark.parametrize(
    "text, plain",
    [
        ("is hepatits a contagious", "Is hepatitis A contagious?"),
        ("is heptitis a contagious", "Is hepatitis A contagious?"),
        ("is hepititis a genetic", "Is hepatitis A genetic?"),
        ("is hepatitis  a contagious", "Is hepatitis A contagious?"),
    ],
)
def test_the_letter_a_after_a_misspelt_hepatitis_is_its_kind(kb, text, plain):
    a, _ = assert_answered_as_plain(kb, text, plain)
    assert a.concept_id == "hepatitis_a"


@pytest.mark.parametrize(
    "text",
    [
        # rubella (no record) misspelt, one letter from measles's "rubeola"
        "is rubela contagious",
        # hives with its "e" left out, not the plural of HIV
        "is hivs contagious",
    ],
)
def test_a_typo_as_near_another_condition_stays_unknown(kb, text):
    (a,) = ask(text, kb)
    assert a.verdict == "unknown" and a.concept_id is None, (a.concept_id, a.verdict)
    assert "could be" in a.summary, a.summary
