"""A site inside the body named with an infection that is caught: "Is bone tuberculosis
contagious?" got tuberculosis's "yes", though only tuberculosis of the lungs or throat passes to
other people, and "Is eye flu contagious?" influenza's, though the eye flu is another condition.
The site picks a form whose spread the record does not give, so the contagious question stays
unknown; the skin and its parts, a "no", and the other families keep their reading."""

from __future__ import annotations

import pytest

from healthlens.answer import ask


@pytest.mark.parametrize(
    "text",
    [
        "is bone tuberculosis contagious",
        "is spinal tuberculosis contagious",
        "is pericardial tuberculosis contagious",
        "is urogenital tuberculosis contagious",
        "is renal tuberculosis contagious",
        "is eye flu contagious",
    ],
)
def test_an_inner_site_with_a_caught_infection_stays_unknown(kb, text):
    (a,) = ask([text], kb)
    assert a.verdict == "unknown"


@pytest.mark.parametrize(
    "text, concept, verdict",
    [
        ("is tuberculosis contagious", "tuberculosis", "yes"),
        ("is scalp ringworm contagious", "tinea", "yes"),
        ("is face impetigo contagious", "impetigo", "yes"),
        ("is kidney lupus contagious", "systemic_lupus_erythematosus", "no"),
        ("is bone tuberculosis autoimmune", "tuberculosis", "no"),
    ],
)
def test_the_skin_a_no_and_other_families_keep_their_reading(kb, text, concept, verdict):
    (a,) = ask([text], kb)
    assert (a.concept_id, a.verdict) == (concept, verdict)
