"""Questions about another condition that got a curated condition's verdict, found by asking the
Disease Ontology's names and by hand with words before a name.

* A course, a kind, a site or a cause before a name: "benign chronic pemphigus" (Hailey-Hailey
  disease, inherited) got pemphigus's "autoimmune: yes"; "atypical tuberculosis" (germs near TB's,
  caught from soil and water) and "cutaneous tuberculosis" TB's "contagious: yes";
  "paraneoplastic lupus" (set off by a cancer) lupus's "yes".
* Another person's name before an eponym, typed without a hyphen: "marinesco sjogren syndrome"
  (an inherited ataxia) got Sjögren syndrome's "autoimmune: yes". The people a reader names
  ("my mom's Crohn's") and degrees keep the reading.
* A word that qualifies many names, typed alone: "postpartum" got postpartum thyroiditis's
  "autoimmune: yes", "subacute" subacute thyroiditis's "contagious: no", "metabolic" metabolic
  syndrome's "partly". A person's name ("hashimotos") and a class's own record ("thyroid") keep
  their reading.
* Letters whose other reading, without a record, gets the opposite answer: "Is PID genetic?" got
  primary immunodeficiency's "yes", "Is PID contagious?" its "no" (PID is as often pelvic
  inflammatory disease, an infection inherited by no one). "What is PID?" keeps its answer,
  which names both readings.
* A real word one letter from a name's word: "tenonitis" (a word the terminology names a
  condition with) got tendinitis's "curable: yes", "copan syndrome" Cogan syndrome's
  "uncertain", "monieziasis" candidiasis's "partly": a slip hits a neighbouring key, writes one
  vowel for another or a letter that sounds alike, which "p" for "g" is not.
* Forms a record sets apart: "parkinsonism" (many causes, medicines among them) got Parkinson
  disease's "inherited: partly"; "baby acne" (a newborn's, gone by itself) acne's "curable:
  partly" and "inherited: partly".
"""

from __future__ import annotations

import pytest

from healthlens.answer import ask


def _unknown(kb, text: str) -> str:
    """No answer to ``text`` gives a verdict; the first summary."""
    answers = ask(text, kb)
    assert answers
    for a in answers:
        assert a.verdict == "unknown", (text, a.concept_id, a.verdict)
    return answers[0].summary


def _kept(kb, text: str, cid: str, verdict: str) -> None:
    """``text`` keeps its reading: ``cid`` with ``verdict``."""
    (a,) = ask(text, kb)
    assert (a.concept_id, a.verdict) == (cid, verdict), (text, a.concept_id, a.verdict)


# each refused question beside a plain one that must keep its reading
@pytest.mark.parametrize(
    "text, kept, cid, verdict",
    [
        (
            "is benign chronic pemphigus autoimmune",
            "is chronic pemphigus autoimmune",
            "pemphigus",
            "yes",
        ),
        (
            "is atypical tuberculosis contagious",
            "is active tuberculosis contagious",
            "tuberculosis",
            "yes",
        ),
        (
            "is cutaneous tuberculosis contagious",
            "is cutaneous lupus contagious",
            "cutaneous_lupus_erythematosus",
            "no",
        ),
        (
            "is paraneoplastic lupus autoimmune",
            "is severe lupus autoimmune",
            "systemic_lupus_erythematosus",
            "yes",
        ),
        (
            "is localized tuberculosis contagious",
            "is reactive arthritis contagious",
            "reactive_arthritis",
            "no",
        ),
    ],
)
def test_a_course_kind_site_or_cause_before_a_name_makes_another_condition(
    kb, text, kept, cid, verdict
):
    assert "another condition" in _unknown(kb, text)
    _kept(kb, kept, cid, verdict)


@pytest.mark.parametrize(
    "text, kept, cid, verdict",
    [
        (
            "is marinesco sjogren syndrome autoimmune",
            "is my sjogren's syndrome autoimmune",
            "sjogren_syndrome",
            "yes",
        ),
        (
            "is marinesco sjogren syndrome genetic",
            "is my husbands crohns contagious",
            "crohn_disease",
            "no",
        ),
    ],
)
def test_another_persons_name_before_an_eponym_names_another_disease(kb, text, kept, cid, verdict):
    assert "another person's disease" in _unknown(kb, text)
    _kept(kb, kept, cid, verdict)


@pytest.mark.parametrize(
    "text, kept, cid, verdict",
    [
        (
            "is postpartum autoimmune",
            "is postpartum thyroiditis autoimmune",
            "postpartum_thyroiditis",
            "yes",
        ),
        ("is subacute contagious", "is hashimotos autoimmune", "hashimoto_thyroiditis", "yes"),
        ("is metabolic genetic", "is thyroid autoimmune", "thyroid_disease", "partly"),
    ],
)
def test_a_word_that_qualifies_many_names_alone_names_none(kb, text, kept, cid, verdict):
    assert "qualifies the names of many conditions" in _unknown(kb, text)
    _kept(kb, kept, cid, verdict)


@pytest.mark.parametrize(
    "text, kept, cid, verdict",
    [
        (
            "is pid contagious",
            "is primary immunodeficiency genetic",
            "primary_immunodeficiency",
            "yes",
        ),
        ("Is PID genetic?", "is PIDD genetic", "primary_immunodeficiency", "yes"),
        ("is pid curable", "what is PID", "primary_immunodeficiency", "defined"),
    ],
)
def test_letters_whose_other_reading_gets_the_opposite_answer(kb, text, kept, cid, verdict):
    assert "pelvic inflammatory disease" in _unknown(kb, text)
    _kept(kb, kept, cid, verdict)


@pytest.mark.parametrize(
    "text, kept, cid, verdict",
    [
        # group B strep passes from a mother to her baby at birth: Guillain-Barré's "no" would
        # answer another question
        ("Is GBS contagious?", "Is GBS an autoimmune disease?", "guillain_barre_syndrome", "yes"),
        ("can you catch GBS", "is GBS hereditary", "guillain_barre_syndrome", "no"),
    ],
)
def test_gbs_in_the_contagious_family_names_group_b_strep(kb, text, kept, cid, verdict):
    assert "group B strep" in _unknown(kb, text)
    _kept(kb, kept, cid, verdict)


@pytest.mark.parametrize(
    "text, kept, cid, verdict",
    [
        ("is tenonitis curable", "is tendonitis curable", "tendinitis", "yes"),
        (
            "is copan syndrome autoimmune",
            "is cogans syndrome autoimmune",
            "cogan_syndrome",
            "uncertain",
        ),
        ("is monieziasis contagious", "is exzema contagious", "atopic_dermatitis", "no"),
        ("is copan autoimmune", "is lupis contagious", "systemic_lupus_erythematosus", "no"),
    ],
)
def test_a_real_word_near_a_name_is_no_slip(kb, text, kept, cid, verdict):
    _unknown(kb, text)
    _kept(kb, kept, cid, verdict)


@pytest.mark.parametrize(
    "text, kept, cid, verdict",
    [
        ("is parkinsonism genetic", "is parkinsons genetic", "parkinson_disease", "partly"),
        ("is baby acne curable", "is acne curable", "acne", "partly"),
        ("is baby acne genetic", "is baby acne contagious", "acne", "no"),
        ("is infant acne curable", "is acne genetic", "acne", "partly"),
    ],
)
def test_forms_a_record_sets_apart(kb, text, kept, cid, verdict):
    assert "whose answer" in _unknown(kb, text)
    _kept(kb, kept, cid, verdict)
