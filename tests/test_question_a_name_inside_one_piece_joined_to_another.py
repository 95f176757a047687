"""A name read inside one piece of a joined subject, the other piece naming nothing ("is Chilblain
lupus or a gluten allergy", "is heart lymphoma and a gluten allergy", "is chilblain lupus or
frostbite contagious"): two things are asked about, and answering for the condition found inside
the first would answer another question. They stay not understood, naming the piece, as a name
on its own joined to such words did already ("is lupus or a milk allergy"). One condition asked
about in several places ("eczema on the face or hands") or people joined before it keep their
reading."""

from __future__ import annotations

import pytest

from healthlens.answer import ask
from healthlens.question import parse_question


@pytest.mark.parametrize(
    "text, piece",
    [
        ("is Chilblain lupus or a gluten allergy", "a gluten"),
        ("is heart lymphoma or a gluten allergy", "a gluten"),
        ("is melancholic depression or a gluten allergy", "a gluten"),
        ("is psoriasis 15 or a gluten allergy", "a gluten"),
        ("is Drug rash with eosinophilia and systemic symptoms or a gluten allergy", "a gluten"),
        (
            "is Autoimmune/inflammatory syndrome induced by adjuvants or a gluten allergy",
            "a gluten",
        ),
        ("is chilblain lupus or frostbite contagious", "frostbite"),
        ("is heart lymphoma and a gluten allergy", "a gluten"),
        ("is skin sarcoidosis and fatigue autoimmune", "fatigue"),
        ("is systolic heart failure and fatigue contagious", "fatigue"),
    ],
)
def test_a_name_inside_one_piece_joined_to_words_naming_nothing_stays_unknown(kb, text, piece):
    q = parse_question(text, kb)
    assert q.concept_id is None
    assert f"“{piece}”" in (q.unresolved or "")
    assert {a.verdict for a in ask([text], kb)} == {"unknown"}


@pytest.mark.parametrize(
    "text, concept",
    [
        ("is eczema on the face or hands contagious", "atopic_dermatitis"),
        ("is psoriasis on elbows or knees contagious", "psoriasis"),
        ("is vitiligo on the hands or feet autoimmune", "vitiligo"),
        ("my mother and grandmother both had alopecia areata is it genetic", "alopecia_areata"),
        ("is celiac disease a gluten allergy", "celiac_disease"),
        ("is heart lymphoma contagious", "non_hodgkin_lymphoma"),
    ],
)
def test_one_condition_in_several_places_or_people_before_it_keep_their_reading(kb, text, concept):
    (a,) = ask([text], kb)
    assert (a.concept_id, a.verdict != "unknown") == (concept, True)
