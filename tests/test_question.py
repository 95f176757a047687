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
    # "other" / "another" autoimmune diseases ask the same link question
    for text in (
        "Is psoriasis linked to other autoimmune diseases?",
        "Is vitiligo associated with another autoimmune disease?",
    ):
        q = parse_question(text, kb)
        assert q.predicate == "link" and q.subject in ("psoriasis", "vitiligo"), text


def test_an_auto_immune_spelt_in_two_words_is_still_autoimmune(kb):
    assert parse_question("Is psoriasis an auto immune disease?", kb).predicate == "autoimmune"


def test_ambiguous_letters_resolve_to_the_marked_most_common_reading(kb):
    assert parse_question("Is CD autoimmune?", kb).concept_id == "crohn_disease"
    assert parse_question("Is AD autoimmune?", kb).concept_id == "alzheimer_disease"


def test_unknown_condition_has_no_concept(kb):
    q = parse_question("Is flurbington syndrome autoimmune?", kb)
    assert q.predicate == "autoimmune" and q.concept_id is None


# -- issue 13 -----------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "text, predicate, concept",
    [
        ("Is lupus contagious?", "contagious", "systemic_lupus_erythematosus"),
        ("can you catch psoriasis from someone", "contagious", "psoriasis"),
        ("Is strep throat spread person to person?", "contagious", "strep_throat"),
        ("Does lupus run in families?", "inherited", "systemic_lupus_erythematosus"),
        ("can you get cystic fibrosis from your parents", "inherited", "cystic_fibrosis"),
        ("Is sickle cell disease passed down?", "inherited", "sickle_cell_disease"),
        ("Is there a cure for MS?", "curable", "multiple_sclerosis"),
        ("does eczema go away", "curable", "atopic_dermatitis"),
        # outgrowing is no cure and stays unknown (tests/test_question_getting_and_giving.py)
        ("can children be cured of peanut allergy", "curable", "peanut_allergy"),
        ("Is progressive multiple sclerosis autoimmune?", "autoimmune", "multiple_sclerosis"),
        ("what does eoe stand for", "definition", "eosinophilic_esophagitis"),
        # who catches it, named as parents type it; "from its mother" asks about inheritance
        ("Can toddlers get head lice?", "contagious", "head_lice"),
        ("Are cold sores contagious to babies?", "contagious", "herpes_labialis"),
        # babies as a group ("to my baby", one baby, is a mother's own and stays unknown: a
        # mother can pass an eye infection to her newborn at birth)
        ("Is pink eye contagious to babies?", "contagious", "conjunctivitis"),
        # a baby getting it "from its mother" may be by her antibodies: unknown
        # (tests/test_question_getting_and_giving.py); inheriting from its parents keeps it
        ("Can a baby inherit lupus from its parents?", "inherited", "systemic_lupus_erythematosus"),
    ],
)
def test_family_forms_and_typed_subjects(kb, text, predicate, concept):
    q = parse_question(text, kb)
    assert (q.predicate, q.concept_id) == (predicate, concept) and q.understood


@pytest.mark.parametrize(
    "text, declined",
    [
        ("Can a gluten-free diet cure celiac disease?", "treatment"),
        ("Does oral immunotherapy work for peanut allergy?", "treatment"),
        ("Can I get the flu shot if I have an egg allergy?", "advice"),
        ("What is the treatment for lupus?", "treatment"),
        ("Is MS fatal?", "prognosis"),
        ("Does smoking cause rheumatoid arthritis?", "cause"),
        ("Can masks prevent COVID-19?", "prevention"),
        ("What are the symptoms of lupus?", "other"),
        ("Is lupus painful?", None),
        ("what is an autoimmune disease", None),
    ],
)
def test_questions_healthlens_does_not_answer_are_not_understood(kb, text, declined):
    q = parse_question(text, kb)
    if declined is None and q.predicate == "definition":
        assert q.concept_id is None  # "autoimmune disease" is a class, not a condition
    else:
        assert q.predicate is None and not q.understood and q.declined == declined


def test_a_spelt_out_or_roman_type_number_names_the_condition(kb):
    for text in ("Is type one diabetes autoimmune?", "is type I diabetes autoimmune"):
        assert parse_question(text, kb).concept_id == "type_1_diabetes", text
    assert parse_question("Is type two diabetes autoimmune?", kb).concept_id == "type_2_diabetes"


def test_the_end_of_several_names_is_not_read_as_a_shorter_name_inside_it(kb):
    from healthlens.question import match_subject

    found = match_subject("thrombocytopenic purpura", kb)
    assert found.ids == []
    assert "Immune thrombocytopenia" in found.problem
    assert "Thrombotic thrombocytopenic purpura" in found.problem
    found = match_subject("bowel disease", kb)
    assert found.ids == [] and "may be short for Inflammatory bowel disease" in found.problem
