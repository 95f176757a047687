"""Definition, abbreviation and link questions that were answered as another question. "What is
ESR in lupus?" got lupus's definition ("ESR in lupus refers to systemic lupus erythematosus"),
"What is GBS in babies?" Guillain-Barré syndrome's (in a baby the letters mean group B strep),
"What does autoimmune mean?" Hashimoto thyroiditis's (the word was completed to "autoimmune
thyroiditis"), "What is colitis?" ulcerative colitis's (the class read as the one name that starts
with it, "colitis ulcerosa"); "Is eczema linked to allergies or autoimmune disease?" got "No"
(eczema is not autoimmune: a link read as the property), and "Is psoriasis linked to autoimmune
diseases like lupus?" the general link's "Yes" (read as "yes, to lupus")."""

from __future__ import annotations

import pytest

from conftest import assert_stays_unknown
from healthlens.answer import ask
from healthlens.question import parse_question


def _no_verdict(kb, text: str) -> None:
    """No answer to ``text`` names a condition or gives a verdict."""
    for a in ask(text, kb):
        assert a.verdict == "unknown", (a.verdict, a.concept_id)
        assert a.concept_id is None or not a.understood, (a.concept_id, a.predicate)


@pytest.mark.parametrize(
    "text",
    [
        # a test, a stage or a result beside a condition's name: what that thing is, not the
        # condition ("TSH in Hashimoto's refers to Hashimoto thyroiditis" is false)
        "What is ESR in lupus?",
        "What is TSH in Hashimoto's?",
        "What is the ANA in lupus?",
        "What is a flare in lupus?",
        "What is remission in RA?",
        "What is SLE in lupus?",
        # a cause asked as a definition
        "What is lupus caused by?",
        # another kind of the named condition ("the autoimmune version of diabetes" is type 1)
        "What is the autoimmune version of diabetes?",
    ],
)
def test_a_definition_of_something_beside_a_name_stays_unknown(kb, text):
    assert_stays_unknown(kb, text)


@pytest.mark.parametrize(
    "text",
    [
        # in a baby GBS is group B strep, in women PID is pelvic inflammatory disease: the
        # setting may pick another reading than the most common one
        "What is GBS in babies?",
        "What is PID in women?",
        "What is PID in children?",
        "What is HSP in kids?",
        # in any family: "no" for Guillain-Barré syndrome is not "no" for group B strep, which a
        # mother passes to her baby
        "Is GBS in babies contagious?",
        "Is PID in women contagious?",
    ],
)
def test_letters_with_several_readings_in_a_setting_stay_unknown(kb, text):
    assert_stays_unknown(kb, text)


@pytest.mark.parametrize(
    "text",
    [
        # a property word names no condition ("autoimmune" + "thyroiditis" was Hashimoto's)
        "What does autoimmune mean?",
        "What is autoimmune?",
        "What does auto immune mean?",
        "Is autoimmune contagious?",
    ],
)
def test_a_property_word_is_no_condition(kb, text):
    q = parse_question(text, kb)
    assert q.concept_id is None
    _no_verdict(kb, text)


@pytest.mark.parametrize(
    "text, wider",
    [
        # one word that ends curated names is their class, not the one name that starts with it
        ("What is colitis?", "Ulcerative colitis"),
        ("What is dermatitis?", "Atopic dermatitis"),
        ("What is a syndrome?", "syndrome"),
        ("Is colitis autoimmune?", "Ulcerative colitis"),
    ],
)
def test_a_class_word_is_not_read_as_one_name_that_starts_with_it(kb, text, wider):
    q = parse_question(text, kb)
    assert q.concept_id is None
    assert q.unresolved and "wider than" in q.unresolved and wider in q.unresolved
    _no_verdict(kb, text)


@pytest.mark.parametrize(
    "text",
    [
        # "linked to allergies" is not "an allergy", nor "linked to autoimmune disease"
        # "autoimmune"
        "Is psoriasis linked to autoimmune disease or allergies?",
        "Is eczema linked to autoimmune disease or allergy?",
        "Is eczema linked to allergies or autoimmune disease?",
        "Is hives linked to allergy or autoimmune?",
        "Is hives linked to an autoimmune disease or an allergy?",
        "Is asthma an autoimmune disease or linked to allergies?",
        "Is eczema linked to asthma and allergies?",
        "Is psoriasis linked to autoimmune or genetic?",
        "Is psoriasis autoimmune related or genetic?",
        # the second condition answered as "Is type 1 diabetes autoimmune?"
        "Is celiac linked to type 1 diabetes and other autoimmune diseases?",
        # half of a two-part question read as the link
        "Is psoriasis autoimmune or linked to autoimmune?",
        # an example names which autoimmune diseases ("yes" would read "yes, to lupus")
        "Is psoriasis linked to autoimmune diseases like lupus?",
        "Is psoriasis linked to other autoimmune diseases like lupus?",
        "Is psoriasis linked to autoimmune disease like arthritis?",
    ],
)
def test_a_link_is_not_read_as_a_property_or_a_named_disease(kb, text):
    assert_stays_unknown(kb, text)


@pytest.mark.parametrize(
    "text, subject, cid",
    [
        # a wrapper asks for the thing's definition; it is taken off the subject, so the answer
        # spells the letters out and names their other readings
        ("What is the full form of GBS?", "GBS", "guillain_barre_syndrome"),
        ("What is the meaning of MS?", "MS", "multiple_sclerosis"),
        ("What is the long form of MS?", "MS", "multiple_sclerosis"),
        ("What is the abbreviation for lupus?", "lupus", "systemic_lupus_erythematosus"),
        ("What does the word lupus mean?", "lupus", "systemic_lupus_erythematosus"),
        ("What is another name for hives?", "hives", "urticaria"),
        ("What is the term for hives?", "hives", "urticaria"),
        (
            "What is the short form of rheumatoid arthritis?",
            "rheumatoid arthritis",
            "rheumatoid_arthritis",
        ),
    ],
)
def test_a_definition_wrapper_is_taken_off_the_subject(kb, text, subject, cid):
    q = parse_question(text, kb)
    assert (q.predicate, q.subject, q.concept_id) == ("definition", subject, cid)
    (a,) = ask(text, kb)
    assert a.verdict == "defined"
    assert a.summary.lower().startswith(subject.lower())


def test_the_full_form_of_letters_names_their_other_readings(kb):
    (a,) = ask("What is the full form of GBS?", kb)
    assert "group B" in a.summary
    assert a.readings


@pytest.mark.parametrize("letters", ["cd", "ad"])
def test_letters_typed_in_lower_case_keep_the_most_common_reading(kb, letters):
    # "cd" was read as celiac disease while "CD" is Crohn disease: the answer said "cd usually
    # stands for celiac disease", the reverse of the knowledge base's order
    (lower,) = ask(f"What is {letters}?", kb)
    (upper,) = ask(f"What is {letters.upper()}?", kb)
    assert lower.concept_id == upper.concept_id
    assert [r.get("id") for r in lower.readings] == [r.get("id") for r in upper.readings]
