"""The field a definition is asked in, typed after it: "what does AAV stand for medical" is "... in
medicine"; a branch of medicine ("in neurology", "in dermatology") chooses among the letters'
readings, so the question is read only where its condition lies in that branch, and stays not
understood elsewhere."""

from __future__ import annotations

import pytest

from healthlens.answer import ask
from healthlens.question import parse_question


@pytest.mark.parametrize(
    "text, concept",
    [
        ("what does AAV stand for medical", "anca_associated_vasculitis"),
        ("what does ALS mean medical", "amyotrophic_lateral_sclerosis"),
        ("what does TM mean in neurology", "transverse_myelitis"),
        ("what does MS mean in neurology", "multiple_sclerosis"),
        ("what is RA in rheumatology", "rheumatoid_arthritis"),
        ("what does CAD mean in cardiology", "coronary_artery_disease"),
        ("what does PID mean in immunology", "primary_immunodeficiency"),
    ],
)
def test_a_definition_in_its_field_is_read(kb, text, concept):
    q = parse_question(text, kb)
    assert (q.predicate, q.concept_id, q.declined) == ("definition", concept, None)
    (a,) = ask([text], kb)
    assert (a.verdict, a.concept_id) == ("defined", concept)


@pytest.mark.parametrize(
    "text",
    [
        # the condition the letters are read as lies in another branch: another reading is meant
        "what does MS mean in dermatology",
        "what does TM mean in dermatology",
        "what does PID mean in gynecology",
        "what is RA in neurology",
        # a field after a property question is no definition
        "is lupus contagious medical",
        "is MS genetic in neurology",
    ],
)
def test_a_field_the_condition_is_not_in_stays_not_understood(kb, text):
    assert not parse_question(text, kb).understood
    (a,) = ask([text], kb)
    assert a.verdict == "unknown"
