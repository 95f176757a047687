"""Letters found inside a longer subject, with words after them: the letters' readings, their order
and the families they split are decided on the letters alone, and the words after them may name
another condition, so the subject is read as the letters only where the words are words of the
letters' own names (and then with every rule for the letters)."""

from __future__ import annotations

import pytest

from healthlens.answer import ask


@pytest.mark.parametrize(
    "text, concept",
    [
        # a class noun after letters with several readings: the letters' most common reading,
        # as the letters alone get ("is CAD genetic"), not the reading listed first
        ("is CAD disease genetic", "coronary_artery_disease"),
        ("is CD disease genetic", "crohn_disease"),
        ("is HS disease genetic", "hidradenitis_suppurativa"),
        ("is DM disease genetic", "diabetes_mellitus"),
        ("is SCID disease inherited", "severe_combined_immunodeficiency"),
    ],
)
def test_letters_and_a_class_noun_get_the_letters_own_reading(kb, text, concept):
    (a,) = ask([text], kb)
    (plain,) = ask([text.replace(" disease", "")], kb)
    assert a.concept_id == concept == plain.concept_id
    assert a.verdict == plain.verdict


@pytest.mark.parametrize(
    "text",
    [
        # PID alone stays unknown where pelvic inflammatory disease splits the answer
        "is PID disease genetic",
        # MFS alone is refused; a class noun after it is no reason to read it
        "is MFS disease genetic",
        # the words after the letters name another condition
        "is OCP spondyloepimetaphyseal dysplasia, genevieve-type genetic",
    ],
)
def test_letters_with_other_words_after_them_stay_unknown(kb, text):
    (a,) = ask([text], kb)
    assert a.verdict == "unknown"


@pytest.mark.parametrize(
    "text, concept",
    [
        ("is SCID bubble boy disease inherited", "severe_combined_immunodeficiency"),
        ("is HIV contagious", "hiv_infection"),
        ("is CF genetic", "cystic_fibrosis"),
    ],
)
def test_letters_alone_or_with_their_own_words_keep_their_reading(kb, text, concept):
    (a,) = ask([text], kb)
    assert a.concept_id == concept and a.verdict != "unknown"
