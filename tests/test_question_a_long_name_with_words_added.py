"""A long name typed in full, or with one of its words spelt another way, and then more words: the
typo matcher weighs the whole subject against the name's letters, and a second condition after a
long name is a small share of them, so "tumor necrosis factor receptor-associated periodic
syndrome and shingles" was taken as TRAPS misspelt and got its "no" to a question about shingles
too. Words that match the name's at their place, or another of its names typed in full, are the
name's; words left after them that are no class word are words added, not a typo: the subject is
read as typed (two conditions after "and" get an answer each; "with", "from" another condition
stay unknown). The long names alone, and the same names misspelt, keep their reading."""

from __future__ import annotations

import pytest

from healthlens.answer import ask
from healthlens.question import parse_question


@pytest.mark.parametrize(
    "text",
    [
        "is pediatric acute-onset neuropsychiatric syndrome with mono contagious",
        "is immunodysregulation polyendocrinopathy enteropathy X-linked syndrome from lupus contagious",
        "I have immunodysregulation polyendocrinopathy enteropathy X-linked syndrome and shingles, "
        "is it contagious",
    ],
)
def test_a_long_name_with_another_condition_after_it_stays_unknown(kb, text):
    assert [a.verdict for a in ask([text], kb)] == ["unknown"]


@pytest.mark.parametrize(
    "text, verdicts",
    [
        (
            "is tumor necrosis factor receptor-associated periodic syndrome and shingles contagious",
            [("tnf_receptor_associated_periodic_syndrome", "no"), ("shingles", "partly")],
        ),
        (
            "is periodic fever, apthous stomatitis, pharyngitis and cervical adenitis syndrome and "
            "the flu contagious",
            [("pfapa_syndrome", "no"), ("influenza", "yes")],
        ),
    ],
)
def test_a_long_name_and_another_condition_is_a_list_of_two(kb, text, verdicts):
    # each condition gets its own answer, as "is lupus and shingles contagious" does
    assert [(a.concept_id, a.verdict) for a in ask([text], kb)] == verdicts


@pytest.mark.parametrize(
    "text, concept",
    [
        (
            "is tumor necrosis factor receptor associated periodic syndrome genetic",
            "tnf_receptor_associated_periodic_syndrome",
        ),
        ("is pediatric acute onset neuropsychiatric syndrome autoimmune", "pans"),
        (
            "is immunodysregulation polyendocrinopathy enteropathy x-linked syndrome genetic",
            "ipex_syndrome",
        ),
        (
            "is foodprotein-induced allergic proctocolitis contagious",
            "food_protein_induced_allergic_proctocolitis",
        ),
        ("is temporomandibular jointdysfunction contagious", "temporomandibular_disorder"),
    ],
)
def test_the_long_names_alone_and_misspelt_keep_their_reading(kb, text, concept):
    q = parse_question(text, kb)
    assert q.concept_id == concept
    assert q.predicate is not None
