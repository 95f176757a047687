"""Questions whose polarity or framing differs from their family's plain question.

The forms took the words between a condition's name and the family's words as part of the subject
("eczema not" in "Is eczema not contagious?", "it a myth that eczema is"), and the condition found
inside it was answered with the plain question's verdict: "No" to "Is eczema not contagious?"
reads "No, it is not 'not contagious'". Each such question has another yes/no, and stays unknown:
a negation (anywhere outside a condition's name, except the family's own "or not"), a claim about
the question (a myth, who thinks so, a wrong name), a time or stage ("no longer", "once", the
past), a degree or frequency ("mostly", "always", "the most common", "to some degree"), a change
("become contagious"), a forecast ("Will X ever be curable?"), and a subject whose name is followed
by words that neither insist nor name people ("eczema akin to", "lupus the opposite of").

A negative question that opens the sentence ("Isn't lupus autoimmune?"), or the plain question
asked inside one whose yes/no is its own ("Do you think eczema is contagious?", "Is it true that
...?"), is the plain question, and is read as it: the subject is the condition itself, not a
phrase the condition was found inside. (The forms that must keep the plain question, "or not",
"non-Hodgkin lymphoma", "eczema in children", "eczema on the face", are rows of
tests/data/questions_in_scope.jsonl.)
"""

from __future__ import annotations

import pytest

from conftest import assert_answered_as_plain, assert_stays_unknown
from healthlens.question import parse_question


@pytest.mark.parametrize(
    "text",
    [
        # negated, in each family
        "Is eczema not contagious?",
        "Is psoriasis no longer considered autoimmune?",
        "Is lupus not an autoimmune disease?",
        "Is celiac disease not an allergy?",
        "Is hay fever not an allergy?",
        "Is chickenpox never contagious?",
        "Is type 1 diabetes not hereditary?",
        "Does psoriasis not run in families?",
        "Is sickle cell disease not inherited from parents?",
        "Is asthma not curable?",
        "Can lupus not be cured?",
        "Is hepatitis C no longer curable?",
        "Does eczema never go away?",
        "Is MS not caused by the immune system?",
        "Is eczema not immune-mediated?",
        "Is psoriasis not linked to autoimmune disease?",
        "Does psoriasis not cause autoimmune disease?",
        "Is impetigo not spread from person to person?",
        "Is strep throat not catching?",
        "Is eczema really not contagious?",
        "Psoriasis not contagious?",
        "Lupus - not contagious?",
        "Is eczema not an allergy or autoimmune?",
        "Is eczema neither contagious nor genetic?",
        "Is celiac disease autoimmune, not an allergy?",
        "Is lupus anything but autoimmune?",
        "Is psoriasis far from contagious?",
        "Is lupus the opposite of autoimmune?",
        "What is lupus not?",
        "What does lupus not stand for?",
        # the family's word negated in one word, never "corrected" to the word
        "Is eczema noncontagious?",
        "Is psoriasis uncontagious?",
        "Is Crohn's disease incurable?",
        # a claim about the question, or who holds it
        "Is it a myth that eczema is contagious?",
        "Is it a myth that psoriasis is autoimmune?",
        "Is it a myth that gluten intolerance is linked to autoimmune disease?",
        "Is it false that lupus is contagious?",
        "Isn't it a myth that eczema is contagious?",
        "Isn't it true that psoriasis is not contagious?",
        "Do doctors still think psoriasis is autoimmune?",
        "Do most people think psoriasis is contagious?",
        "Are doctors sure lupus is autoimmune?",
        "Is eczema wrongly called an allergy?",
        "Is celiac disease often mistaken for an allergy?",
        "Is eczema mislabeled as an allergy?",
        "Is psoriasis falsely considered contagious?",
        "Is psoriasis said to be autoimmune?",
        "Myth: eczema is contagious?",
        "True or false: psoriasis is contagious?",
        "What is celiac disease mistaken for?",
        # a time, a stage, the past
        "Was MS once thought to be autoimmune?",
        "Was lupus considered autoimmune?",
        "Was eczema contagious?",
        "Is endometriosis now considered autoimmune?",
        "Is celiac disease still linked to autoimmune disease?",
        "Is asthma an allergy after age 40?",
        "Is MS autoimmune from the start?",
        "Is lupus going to be curable?",
        "Will psoriasis ever be curable?",
        # a degree, a frequency, a comparison
        "Is psoriasis mostly genetic?",
        "Is psoriasis 100% genetic?",
        "Is type 1 diabetes somewhat hereditary?",
        "Is psoriasis a little bit autoimmune?",
        "Is psoriasis sort of autoimmune?",
        "Is eczema kind of contagious?",
        "Is lupus autoimmune to some degree?",
        "Is psoriasis always autoimmune?",
        "Is eczema sometimes an allergy?",
        "Is hay fever the most common allergy?",
        "Is celiac disease the most common autoimmune disease?",
        "Is celiac disease more autoimmune or allergic?",
        "Is RA just autoimmune?",
        "Is psoriasis caused only by the immune system?",
        "Is celiac disease caused by the immune system only?",
        "Is celiac disease almost an allergy?",
        "Is eczema akin to an allergy?",
        "What is lupus compared to RA?",
        # a change
        "Could lupus become contagious?",
        "Can asthma become an allergy?",
        # a clause of its own
        "Is lupus a disease that is not autoimmune?",
        "Is it rare for eczema to be contagious?",
    ],
)
def test_a_negated_or_framed_question_stays_unknown(kb, text):
    assert_stays_unknown(kb, text, single=False)


@pytest.mark.parametrize(
    "text, plain",
    [
        # a negative question that opens the sentence expects the plain question's yes/no
        ("Isn't lupus autoimmune?", "Is lupus autoimmune?"),
        ("Isn't MS an autoimmune disease?", "Is MS an autoimmune disease?"),
        ("Isn’t chickenpox contagious?", "Is chickenpox contagious?"),
        ("Doesn't psoriasis run in families?", "Does psoriasis run in families?"),
        ("Aren't allergies immune-mediated?", "Are allergies immune-mediated?"),
        (
            "Isn't there a link between psoriasis and autoimmune disease?",
            "Is there a link between psoriasis and autoimmune disease?",
        ),
        ("Can't you catch shingles?", "Can you catch shingles?"),
        # the plain question inside one whose yes/no is its own
        ("Do you think eczema is contagious?", "Is eczema contagious?"),
        ("Do you know if lupus is autoimmune?", "Is lupus autoimmune?"),
        ("Can you tell me whether celiac disease is an allergy?", "Is celiac disease an allergy?"),
        ("Is it true that psoriasis is contagious?", "Is psoriasis contagious?"),
    ],
)
def test_a_question_whose_yes_no_is_the_plain_one_is_read_as_it(kb, text, plain):
    assert_answered_as_plain(kb, text, plain)
    # read as the form itself, not by finding the condition inside a longer subject
    assert parse_question(text, kb).subject == parse_question(plain, kb).subject


def test_a_page_asked_a_negated_question_is_not_judged(kb):
    from healthlens.pipeline import check_pages
    from healthlens.read import read_text

    page = read_text("Eczema is not contagious. You cannot catch it from another person.", "<t>")
    report = check_pages([page], "Is eczema not contagious?", kb)
    assert report.question is not None and report.question.predicate is None
    assert report.pages[0].page_answer == "not_judged"


@pytest.mark.parametrize(
    "text, plain",
    [
        # the immune family's own nouns after "the immune system" qualify nothing
        ("Is rosacea an immune system problem?", "Is rosacea caused by the immune system?"),
        (
            "Is endometriosis an immune system disease?",
            "Is endometriosis caused by the immune system?",
        ),
        (
            "Is sarcoidosis an immune system disorder?",
            "Is sarcoidosis caused by the immune system?",
        ),
        # a head noun that repeats the name's kind, and "caused by" an allergy
        ("What is CVS syndrome?", "What is CVS?"),
        ("Is seborrheic dermatitis caused by an allergy?", "Is seborrheic dermatitis an allergy?"),
        # "a true allergy" insists, as "a real allergy" does
        ("Is FPIES a true allergy?", "Is FPIES an allergy?"),
    ],
)
def test_plain_forms_the_framing_checks_must_not_refuse(kb, text, plain):
    """Forms real searchers type (dev pages of the real corpus ask them) that the first version of
    the framing checks refused: 104 dev pages' questions went from understood to not."""
    assert_answered_as_plain(kb, text, plain)
