"""Words read as a condition they only open, resemble, or stand beside: a word that qualifies many
conditions' names ("viral") completed to the one terminology name a record holds with a class
word ("viral thyroiditis"), and answered for that record."""

from __future__ import annotations

import pytest

from healthlens.answer import ask


@pytest.mark.parametrize(
    "text",
    [
        # "viral thyroiditis" is a terminology name of subacute thyroiditis no record writes
        "is viral an allergic reaction",
        "is viral contagious",
        "is granulomatous autoimmune",
        "is lymphocytic autoimmune",
    ],
)
def test_a_word_that_opens_many_terminology_names_names_no_condition(kb, text):
    (a,) = ask([text], kb)
    assert a.verdict == "unknown"


@pytest.mark.parametrize(
    "text, concept",
    [
        ("is viral thyroiditis an allergic reaction", "subacute_thyroiditis"),
        ("is hashimotos autoimmune", "hashimoto_thyroiditis"),
        ("is thyroid autoimmune", "thyroid_disease"),
        ("is bells curable", "bell_palsy"),
        ("is raynauds autoimmune", "raynaud_phenomenon"),
    ],
)
def test_a_name_and_a_short_name_of_one_record_keep_their_reading(kb, text, concept):
    (a,) = ask([text], kb)
    assert a.concept_id == concept and a.verdict != "unknown"
