"""Other diseases' names read as a curated condition's, found by asking the Disease Ontology's
labels and synonyms in every family; each got the verdict of the condition inside its name.

* A word joined to a name by a hyphen: "Marinesco-Sjögren syndrome" (inherited, of the brain,
  lens and muscle) got Sjögren syndrome's "autoimmune: yes", "Hashimoto-Pritzker disease" (a
  newborn's self-healing histiocytosis) Hashimoto's, "alopecia-mental retardation syndrome"
  alopecia's "contagious: partly". A hyphen joins the words of one name.
* The start of a longer name, taken for it because the word ends in "s" as a possessive eponym
  does ("wegeners"): "epidermolysis" got epidermolysis bullosa acquisita's "inherited: no"
  (epidermolysis bullosa is inherited), "herpes simplex virus" herpes simplex encephalitis's
  "contagious: no", "osteitis" Paget disease of bone's, "neurodermatitis" atopic dermatitis's.
  A word that ends in "-is", "-us", "-ss" or "-ous" is no possessive: it stands for a longer
  name only where that is the record's preferred name less its last word ("hidradenitis").
* A way of inheriting before a name: "autosomal recessive neuromyotonia" (an inherited nerve
  disorder) got Isaacs syndrome's "autoimmune: yes" (the acquired, antibody-driven form);
  "autosomal", "dominant", "recessive", "X-linked" name an inherited form, as "familial" does.
* A long word whose first letter differs as well as two letters more: "macroglobulinemia"
  (Waldenström's, a blood cancer) was read as cryoglobulinemia misspelt; a word with another
  medical ending ("endometritis", an infection, got endometriosis's "inherited: partly") or the
  opposite start ("hypocholesteremia" got hypercholesterolemia's), and a
  name without another's number ("SARS-CoV infection" got COVID-19's verdicts) were read so too.

Plain names keep their reading: the hyphen inside a name ("COVID-19", "non-Hodgkin"), a possessive
eponym ("wegeners", "sjogrens"), a curated name that starts with a way of inheriting
("X-linked agammaglobulinemia"), and a typo of one letter at the start ("soriasis").
"""

from __future__ import annotations

import pytest

from healthlens.answer import ask


def _unknown(kb, text: str) -> str:
    """No answer to ``text`` gives a verdict or names a curated condition; the first summary."""
    answers = ask(text, kb)
    assert answers
    for a in answers:
        assert a.verdict == "unknown", (text, a.concept_id, a.verdict)
        assert a.concept_id is None or not kb.record(a.concept_id), (text, a.concept_id)
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
            "is marinesco-sjogren syndrome autoimmune",
            "is sjogren's-syndrome autoimmune",
            "sjogren_syndrome",
            "yes",
        ),
        (
            "is hashimoto-pritzker disease autoimmune",
            "is hashimotos autoimmune",
            "hashimoto_thyroiditis",
            "yes",
        ),
        (
            "is alopecia-mental retardation syndrome contagious",
            "is covid-19 contagious",
            "covid_19",
            "yes",
        ),
        (
            "is osteoporosis-pseudoglioma syndrome genetic",
            "is non-hodgkin lymphoma contagious",
            "non_hodgkin_lymphoma",
            "no",
        ),
        (
            "is cardiovascular-kidney-metabolic syndrome genetic",
            "is anti-nmda receptor encephalitis autoimmune",
            "anti_nmda_receptor_encephalitis",
            "yes",
        ),
        ("is psoriasis-arthritis autoimmune", "is strep-throat contagious", "strep_throat", "yes"),
    ],
)
def test_a_word_joined_by_a_hyphen_makes_another_name(kb, text, kept, cid, verdict):
    assert "joins another word" in _unknown(kb, text)
    _kept(kb, kept, cid, verdict)


@pytest.mark.parametrize(
    "text, kept, cid, verdict",
    [
        (
            "is epidermolysis genetic",
            "is wegeners autoimmune",
            "granulomatosis_with_polyangiitis",
            "yes",
        ),
        ("is herpes simplex virus contagious", "is sjogrens autoimmune", "sjogren_syndrome", "yes"),
        ("is osteitis genetic", "is hashimotos autoimmune", "hashimoto_thyroiditis", "yes"),
        ("is neurodermatitis an allergy", "is eczema an allergy", "atopic_dermatitis", "partly"),
        ("is restless genetic", "does hidradenitis go away", "hidradenitis_suppurativa", "no"),
        ("is coronavirus contagious", "is covid contagious", "covid_19", "yes"),
        ("is mucocutaneous contagious", "is kawasaki contagious", "kawasaki_disease", "no"),
        ("is herpes simplex virus genetic", "is pityriasis contagious", "pityriasis_rosea", "no"),
    ],
)
def test_the_start_of_a_longer_name_ending_in_s_is_no_possessive(kb, text, kept, cid, verdict):
    _unknown(kb, text)
    _kept(kb, kept, cid, verdict)


@pytest.mark.parametrize(
    "text, kept, cid, verdict",
    [
        (
            "is autosomal recessive neuromyotonia autoimmune",
            "is neuromyotonia autoimmune",
            "isaacs_syndrome",
            "yes",
        ),
        (
            "is autosomal recessive sjogren syndrome autoimmune",
            "is x-linked agammaglobulinemia genetic",
            "x_linked_agammaglobulinemia",
            "yes",
        ),
        (
            "is autosomal dominant hypercholesterolemia contagious",
            "is hypercholesterolemia contagious",
            "hypercholesterolemia",
            "no",
        ),
        (
            "is autosomal dominant psoriasis contagious",
            "is psoriasis contagious",
            "psoriasis",
            "no",
        ),
        ("is dominant epilepsy contagious", "is epilepsy contagious", "epilepsy", "no"),
        ("is recessive eczema contagious", "is eczema contagious", "atopic_dermatitis", "no"),
    ],
)
def test_a_way_of_inheriting_before_a_name_names_one_form(kb, text, kept, cid, verdict):
    assert "one form of" in _unknown(kb, text)
    _kept(kb, kept, cid, verdict)


@pytest.mark.parametrize(
    "text, kept, cid, verdict",
    [
        ("is macroglobulinemia autoimmune", "is soriasis autoimmune", "psoriasis", "yes"),
        (
            "is macroglobulinemia curable",
            "is eumatoid arthritis autoimmune",
            "rheumatoid_arthritis",
            "yes",
        ),
    ],
)
def test_a_long_word_with_another_first_letter_and_more_is_no_typo(kb, text, kept, cid, verdict):
    _unknown(kb, text)
    _kept(kb, kept, cid, verdict)


# a typed word whose whole medical ending is another ("-itis" for "-osis"), or whose start is the
# opposite ("hypo-" for "hyper-"), names another disease; an ending typed with a slip
# ("psoriatis") is still a typo
@pytest.mark.parametrize(
    "text, kept, cid, verdict",
    [
        ("is endometritis genetic", "is endometrosis genetic", "endometriosis", "partly"),
        ("is endometritis curable", "is psoriatis contagious", "psoriasis", "no"),
        # "hypo-" is no slip for its opposite "hyper-"
        (
            "is hypocholesteremia genetic",
            "is hypercholestrolemia genetic",
            "hypercholesterolemia",
            "partly",
        ),
    ],
)
def test_a_word_with_another_medical_ending_is_no_typo(kb, text, kept, cid, verdict):
    _unknown(kb, text)
    _kept(kb, kept, cid, verdict)


# a name without the number or letter of another is no typo of it: "SARS-CoV infection" (the
# SARS of 2003) is not COVID-19, whose "curable: yes" and "contagious: yes" it got
@pytest.mark.parametrize(
    "text, kept, cid, verdict",
    [
        ("is sars-cov infection contagious", "is covid 19 contagious", "covid_19", "yes"),
        (
            "is sars-cov infection curable",
            "is type 2 diabetis genetic",
            "type_2_diabetes",
            "partly",
        ),
    ],
)
def test_a_name_without_anothers_number_is_no_typo_of_it(kb, text, kept, cid, verdict):
    _unknown(kb, text)
    _kept(kb, kept, cid, verdict)
