"""A baby catching from its mother a condition that comes from her before birth: "Can my baby catch
neonatal lupus from me?" got contagious "no" ("the baby cannot get it from you"), though the
condition is the mother's antibodies crossing the placenta. Where the record says so, the question
stays unknown; conditions a baby can catch, or cannot get from its mother at all, keep their
readings."""

from __future__ import annotations

import pytest

from healthlens.answer import ask


@pytest.mark.parametrize(
    "text",
    [
        "can my baby catch neonatal lupus from me",
        "can my baby catch rh disease from me",
        "can a newborn catch hemolytic disease of the newborn from its mother",
    ],
)
def test_a_baby_catching_from_its_mother_what_comes_from_her_before_birth_stays_unknown(kb, text):
    (a,) = ask([text], kb)
    assert a.verdict == "unknown"


@pytest.mark.parametrize(
    "text, concept, verdict",
    [
        ("can my baby catch the flu from me", "influenza", "yes"),
        ("can my baby catch eczema from me", "atopic_dermatitis", "no"),
        ("is neonatal lupus contagious", "neonatal_lupus_erythematosus", "no"),
        ("can my husband catch neonatal lupus from me", "neonatal_lupus_erythematosus", "no"),
    ],
)
def test_other_catching_questions_keep_their_reading(kb, text, concept, verdict):
    (a,) = ask([text], kb)
    assert (a.concept_id, a.verdict) == (concept, verdict)


@pytest.mark.parametrize(
    "text",
    [
        # a mother's antibodies give her newborn a form of these (neonatal lupus, a newborn's
        # passing weakness, overactive thyroid, low platelets, blisters): no question of catching
        "can my baby catch lupus from me",
        "can my baby catch sjogren's from me",
        "can a baby catch lupus from mum",
        "can my baby catch myasthenia gravis from me",
        "can my baby catch graves disease from me",
        "can my baby catch ITP from me",
        "can my baby catch pemphigus from me",
    ],
)
def test_a_baby_catching_what_a_mothers_antibodies_give_it_stays_unknown(kb, text):
    (a,) = ask([text], kb)
    assert a.verdict == "unknown"


@pytest.mark.parametrize(
    "text",
    [
        "can i give my unborn baby ringworm",
        "can i give my unborn baby chickenpox",
        "can i give my unborn baby mono",
        "can i give my unborn baby hep C",
    ],
)
def test_giving_an_unborn_baby_a_condition_stays_unknown(kb, text):
    (a,) = ask([text], kb)
    assert a.verdict == "unknown"


@pytest.mark.parametrize(
    "text, concept, verdict",
    [
        ("can my husband catch lupus from me", "systemic_lupus_erythematosus", "no"),
        ("is lupus contagious", "systemic_lupus_erythematosus", "no"),
        ("can my baby catch celiac from me", "celiac_disease", "no"),
        ("can i give my baby the flu", "influenza", "yes"),
        ("is myasthenia gravis contagious", "myasthenia_gravis", "no"),
    ],
)
def test_catching_and_giving_where_no_mother_passes_anything_keep_their_reading(
    kb, text, concept, verdict
):
    (a,) = ask([text], kb)
    assert (a.concept_id, a.verdict) == (concept, verdict)
