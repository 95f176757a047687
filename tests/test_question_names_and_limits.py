"""A condition's own name never makes its question a declined one ("treatment" in post-treatment
Lyme disease syndrome, "drug" in drug-induced lupus), while the same words outside the name still
decline it; "contagious between people" is the contagious family's own sense; and forms whose
property the knowledge base does not hold (hypersensitivity, an immune system overreacting,
permanence) stay unknown rather than borrow a near family's verdict."""

from __future__ import annotations

import pytest

from healthlens.answer import ask
from healthlens.question import parse_question


@pytest.mark.parametrize(
    "text, predicate, concept",
    [
        (
            "Is post-treatment Lyme disease syndrome caused by the immune system?",
            "immune",
            "post_treatment_lyme_disease_syndrome",
        ),
        (
            "is post treatment lyme disease syndrome autoimmune",
            "autoimmune",
            "post_treatment_lyme_disease_syndrome",
        ),
        ("What is drug-induced lupus?", "definition", "drug_induced_lupus_erythematosus"),
        ("Is a medication allergy autoimmune?", "autoimmune", "drug_allergy"),
    ],
)
def test_a_cue_word_inside_a_known_name_does_not_decline_the_question(kb, text, predicate, concept):
    q = parse_question(text, kb)
    assert (q.predicate, q.concept_id, q.declined) == (predicate, concept, None)
    (a,) = ask(text, kb)
    assert a.understood and a.verdict != "unknown"


@pytest.mark.parametrize(
    "text, kind, concept",
    [
        (
            "What is the treatment for post-treatment Lyme disease syndrome?",
            "treatment",
            "post_treatment_lyme_disease_syndrome",
        ),
        (
            "Does treatment help drug-induced lupus?",
            "treatment",
            "drug_induced_lupus_erythematosus",
        ),
        ("Can diet cure drug-induced lupus?", "treatment", "drug_induced_lupus_erythematosus"),
        (
            "Is post-treatment Lyme disease syndrome serious?",
            "prognosis",
            "post_treatment_lyme_disease_syndrome",
        ),
        ("Does stress make drug-induced lupus worse?", "cause", "drug_induced_lupus_erythematosus"),
    ],
)
def test_the_same_cue_outside_the_name_still_declines(kb, text, kind, concept):
    q = parse_question(text, kb)
    assert (q.predicate, q.declined, q.concept_id) == (None, kind, concept)
    (a,) = ask(text, kb)
    assert a.verdict == "unknown"


def test_an_unknown_form_about_such_a_condition_is_not_called_a_treatment_question(kb):
    q = parse_question("Is post-treatment Lyme disease syndrome real?", kb)
    assert q.predicate is None and q.declined is None
    assert q.concept_id == "post_treatment_lyme_disease_syndrome"


@pytest.mark.parametrize(
    "text, concept",
    [
        ("Is toxoplasmosis contagious between humans?", "toxoplasmosis"),
        ("Is flu contagious from person to person?", "influenza"),
        ("is measles contagious among humans", "measles"),
        ("Is lupus contagious between family members?", "systemic_lupus_erythematosus"),
    ],
)
def test_contagious_between_people_is_the_contagious_question(kb, text, concept):
    q = parse_question(text, kb)
    assert (q.predicate, q.concept_id) == ("contagious", concept)


@pytest.mark.parametrize(
    "text",
    [
        # from an animal to people is a zoonosis, not what the contagious family records
        "Is toxoplasmosis contagious to humans?",
        "Is rabies contagious between animals?",
    ],
)
def test_contagious_to_or_between_animals_is_not_read_as_person_to_person(kb, text):
    assert parse_question(text, kb).predicate is None
    (a,) = ask(text, kb)
    assert a.verdict == "unknown"


@pytest.mark.parametrize(
    "text",
    [
        # hypersensitivity (types I-IV) is wider than the knowledge base's allergy (an allergy to
        # an outside substance): lupus is an immune-complex hypersensitivity and no allergy
        "Is erythema multiforme a hypersensitivity reaction?",
        "Is lupus a hypersensitivity disorder?",
        # sepsis is the body's runaway response to infection, yet its immune family verdict is
        # "no" (an infection): "overreacting" is not "caused by the immune system"
        "Is sepsis the immune system overreacting?",
        "Is hay fever the immune system overreacting?",
        # "permanent" is the reverse of curable: its "yes" would read as the opposite answer
        "Is Bell's palsy permanent?",
        "Is type 1 diabetes permanent?",
    ],
)
def test_forms_the_knowledge_base_has_no_property_for_stay_unknown(kb, text):
    q = parse_question(text, kb)
    assert q.predicate is None
    (a,) = ask(text, kb)
    assert a.verdict == "unknown" and not a.understood


def test_a_sting_reaction_is_not_read_as_a_sting_allergy(kb):
    # most reactions to a sting are the venom's local effect, not an allergy: the knowledge base
    # records insect sting allergy, which is only the allergic kind
    (a,) = ask("Is a bee sting reaction an allergy?", kb)
    assert a.verdict == "unknown" and a.concept_id is None
