"""Whether a child's condition will go away ("will my son's asthma ever go away", "will my baby's
eczema ever go away"): asked of a child, it is whether the child will grow out of it, which the
curable verdict ("it cannot be cured", "partly") does not answer; many children's asthma and
eczema fade with age. It stays not understood, as outgrowing does. The reader's own condition,
the condition in general and a child's condition asked as a cure keep their reading."""

from __future__ import annotations

import pytest

from healthlens.answer import ask


@pytest.mark.parametrize(
    "text",
    [
        "will my son's asthma ever go away",
        "will my baby's eczema ever go away",
        "is asthma curable will my child's asthma go away",
        "is eczema curable will my daughter's eczema ever go away",
        "is acne curable will my teenager's acne ever go away",
    ],
)
def test_a_childs_condition_going_away_stays_unknown(kb, text):
    assert {a.verdict for a in ask([text], kb)} == {"unknown"}


@pytest.mark.parametrize(
    "text, concept",
    [
        ("will my eczema ever go away", "atopic_dermatitis"),
        ("will eczema ever go away", "atopic_dermatitis"),
        ("is chronic hives curable will it ever go away", "chronic_spontaneous_urticaria"),
        ("is asthma curable", "asthma"),
    ],
)
def test_the_readers_own_or_the_condition_in_general_keeps_its_reading(kb, text, concept):
    (a,) = ask([text], kb)
    assert (a.concept_id, a.predicate, a.verdict != "unknown") == (concept, "curable", True)
