"""Words medicine uses near a curated name are no slip of it: "anomia" (trouble finding words) and
"amenia" (missing periods) were read as anemia misspelt and got its verdicts; a reader who typed
the word may mean it. Slips of anemia's own name keep their reading."""

from __future__ import annotations

import pytest

from healthlens.answer import ask


@pytest.mark.parametrize(
    "text",
    ["is anomia genetic", "is amenia curable", "is amenia genetic", "what is anomia"],
)
def test_a_medical_word_near_anemia_is_not_read_as_anemia(kb, text):
    (a,) = ask([text], kb)
    assert a.verdict == "unknown" and a.concept_id != "anemia"


@pytest.mark.parametrize(
    "text", ["is anemia genetic", "is anemai genetic", "is anaemia curable", "is anemea genetic"]
)
def test_slips_of_anemia_keep_their_reading(kb, text):
    (a,) = ask([text], kb)
    assert a.concept_id == "anemia" and a.verdict != "unknown"
