"""A condition brought on by a drug, a toxin or a treatment asked as the condition it looks like.

"Is hydralazine lupus autoimmune?" got lupus's "yes" and "Is drug-induced pemphigus autoimmune?"
pemphigus's: a drug before a name, or a caused form the terminology files under a record's code,
is another condition, whose course and answers differ. The records speak of the conditions
themselves, so such questions stay unknown; a caused form with a record of its own, or a record
whose own name holds the cause, keeps its reading, as do the plain questions."""

from __future__ import annotations

import pytest

from healthlens.answer import ask
from healthlens.question import parse_question


@pytest.mark.parametrize(
    "text",
    [
        "is hydralazine lupus autoimmune",
        "is minocycline lupus autoimmune",
        "is isoniazid lupus autoimmune",
        "is lithium psoriasis autoimmune",
        "is chemo hep A contagious",
        "is atorvastatin polymyositis autoimmune",
        "is alcoholic rheumatic fever autoimmune",
    ],
)
def test_a_drug_or_toxin_before_a_name_stays_unknown(kb, text):
    (a,) = ask([text], kb)
    assert a.verdict == "unknown"
    assert "brought on by a drug" in (parse_question(text, kb).unresolved or "")


@pytest.mark.parametrize(
    "text",
    [
        "is drug-induced pemphigus autoimmune",
        "is drug induced gout contagious",
        "is alcohol induced acute pancreatitis genetic",
        "is glaucoma secondary to eye trauma contagious",
        "is exercise induced bronchospasm genetic",
    ],
)
def test_a_caused_form_the_terminology_lends_a_record_stays_unknown(kb, text):
    (a,) = ask([text], kb)
    assert a.verdict == "unknown"


@pytest.mark.parametrize(
    "text, concept, verdict",
    [
        ("is lupus autoimmune", "systemic_lupus_erythematosus", "yes"),
        ("is pemphigus autoimmune", "pemphigus", "yes"),
        ("is drug-induced lupus autoimmune", "drug_induced_lupus_erythematosus", "yes"),
        (
            "is heparin induced thrombocytopenia autoimmune",
            "heparin_induced_thrombocytopenia",
            "no",
        ),
        ("is aspirin induced asthma an allergy", "aspirin_exacerbated_respiratory_disease", "no"),
        ("is my mom's lupus contagious", "systemic_lupus_erythematosus", "no"),
        ("is a drug allergy genetic", "drug_allergy", None),
    ],
)
def test_plain_names_and_a_caused_forms_own_record_keep_their_reading(kb, text, concept, verdict):
    (a,) = ask([text], kb)
    assert a.concept_id == concept
    if verdict is not None:
        assert a.verdict == verdict
