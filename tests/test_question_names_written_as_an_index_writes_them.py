"""A curated name found inside a name written as an index writes it (a comma before the
qualifier): a name after the comma qualifies another head, and a name followed by more words
before the comma starts another name, so neither is read; a name that is the whole head keeps its
reading, and one whose qualifier turned back makes a name the knowledge base holds is that name."""

from __future__ import annotations

import pytest

from healthlens.answer import ask


@pytest.mark.parametrize(
    "text",
    [
        # a kind of skin cancer named for its look, not morphea
        "is basal cell carcinoma, morphea rash an allergic reaction",
        # Schilder's disease, written with encephalitis first and more words before the comma
        "is encephalitis periaxialis, schilder's rash an allergic reaction",
        # a look like Turner syndrome's with normal chromosomes is not Turner syndrome
        "is turner's phenotype, karyotype normal genetic",
        # tuberculosis outside the lungs is not caught as the lungs' is
        "is tuberculosis of peripheral lymph nodes, unspecified examination contagious",
    ],
)
def test_a_name_inside_an_index_name_is_not_read(kb, text):
    for a in ask(text, kb):
        assert a.verdict == "unknown"


def test_a_qualifier_turned_back_reads_the_name_it_makes(kb):
    (a,) = ask("is lupus erythematosus, systemic autoimmune", kb)
    (plain,) = ask("is systemic lupus erythematosus autoimmune", kb)
    assert a.concept_id == plain.concept_id == "systemic_lupus_erythematosus"
    assert a.verdict == plain.verdict


@pytest.mark.parametrize(
    "text, concept",
    [
        ("is acral lentiginous melanoma, malignant contagious", "melanoma"),
        ("is hand, foot and mouth disease contagious", "hand_foot_and_mouth_disease"),
        ("is toluene 2,4-diisocyanate allergic asthma an allergic reaction", "allergic_asthma"),
        ("is lupus contagious", "systemic_lupus_erythematosus"),
    ],
)
def test_a_whole_head_or_a_name_without_an_index_comma_keeps_its_reading(kb, text, concept):
    (a,) = ask(text, kb)
    assert a.concept_id == concept and a.verdict != "unknown"
