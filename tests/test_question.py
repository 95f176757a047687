"""Parsing the reader's question: the property asked about and the condition named."""

from __future__ import annotations

import pytest

from healthlens.question import parse_question


@pytest.mark.parametrize(
    "text, predicate, concept",
    [
        (
            "Is FPIES an autoimmune disease?",
            "autoimmune",
            "food_protein_induced_enterocolitis_syndrome",
        ),
        ("Is lupus an autoimmune disorder?", "autoimmune", "systemic_lupus_erythematosus"),
        ("is psoriasis autoimmune", "autoimmune", "psoriasis"),
        ("Is celiac disease considered an autoimmune condition?", "autoimmune", "celiac_disease"),
        ("Can hives be autoimmune?", "autoimmune", "urticaria"),
        ("Eczema: autoimmune or not?", "autoimmune", "atopic_dermatitis"),
        ("Is MS caused by the immune system?", "immune", "multiple_sclerosis"),
        ("Is sarcoidosis an immune-mediated disease?", "immune", "sarcoidosis"),
        ("Is EoE an allergy?", "allergy", "eosinophilic_esophagitis"),
        ("Is alpha-gal syndrome a type of food allergy?", "allergy", "alpha_gal_syndrome"),
        ("Is fibromyalgia linked to autoimmune disease?", "link", "fibromyalgia"),
        (
            "Is glandular fever associated with autoimmune diseases?",
            "link",
            "infectious_mononucleosis",
        ),
        ("Does strep throat cause autoimmune disease?", "link", "strep_throat"),
        ("What does PBC stand for?", "definition", "primary_biliary_cholangitis"),
        ("What is coeliac disease?", "definition", "celiac_disease"),
    ],
)
def test_question_forms(kb, text, predicate, concept):
    q = parse_question(text, kb)
    assert (q.predicate, q.concept_id) == (predicate, concept)


@pytest.mark.parametrize(
    "text, concept",
    [
        ("Is coeliac disease autoimmune?", "celiac_disease"),  # British spelling
        ("Is pernicious anaemia autoimmune?", "pernicious_anemia"),
        ("Is eosinophilic oesophagitis autoimmune?", "eosinophilic_esophagitis"),
        ("Is haemolytic disease of the newborn autoimmune?", "hemolytic_disease_of_the_newborn"),
        ("Is hay fever autoimmune?", "allergic_rhinitis"),  # lay name
        ("Is wear-and-tear arthritis autoimmune?", "osteoarthritis"),
        ("Is juvenile diabetes autoimmune?", "type_1_diabetes"),  # synonym
        ("Is Raynaud's autoimmune?", "raynaud_phenomenon"),  # a bare possessive completed
        ("Is Sjogren's autoimmune?", "sjogren_syndrome"),
        ("Is arthritis autoimmune?", "arthritis"),  # a class word reaches its umbrella record
        ("Is TRAPS autoimmune?", "tnf_receptor_associated_periodic_syndrome"),
    ],
)
def test_names_synonyms_lay_names_british_spellings(kb, text, concept):
    assert parse_question(text, kb).concept_id == concept


def test_linked_to_autoimmune_is_not_read_as_is_autoimmune(kb):
    # regression: the autoimmune pattern used to swallow "X linked to" as the subject
    q = parse_question("Is hypothyroidism linked to autoimmune disease?", kb)
    assert q.predicate == "link" and q.subject == "hypothyroidism"


def test_an_auto_immune_spelt_in_two_words_is_still_autoimmune(kb):
    assert parse_question("Is psoriasis an auto immune disease?", kb).predicate == "autoimmune"


def test_ambiguous_letters_resolve_to_the_marked_most_common_reading(kb):
    assert parse_question("Is CD autoimmune?", kb).concept_id == "crohn_disease"
    assert parse_question("Is AD autoimmune?", kb).concept_id == "alzheimer_disease"


def test_unknown_condition_has_no_concept(kb):
    q = parse_question("Is flurbington syndrome autoimmune?", kb)
    assert q.predicate == "autoimmune" and q.concept_id is None
