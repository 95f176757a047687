"""Subjects and verbs that were answered with another question's verdict.

* A word before a class's name that names one kind of it, or another illness: "Is bacterial
  conjunctivitis contagious?" got conjunctivitis's "partly" (the bacterial kind is caught), "Is
  autoimmune hair loss contagious?" and "Is stress hair loss autoimmune?" alopecia's "partly"
  (alopecia areata is not caught; stress shedding is not autoimmune), "Is infected eczema
  contagious?" eczema's "no" (the germs in it are caught), "Is German measles contagious?"
  measles's verdict (German measles is rubella).
* "is hepatitis a contagious", typed in lower case, got hepatitis's "partly" (hepatitis A is
  caught from people).
* "Can a baby catch eczema from mum?" got eczema's inherited "partly", the answer to "Can a baby
  inherit eczema?"; catching is the contagious question.
* "Is sepsis an immune response?" got the immune family's "no" (not caused by the immune system),
  though sepsis is the body's own response to an infection.
"""

from __future__ import annotations

import pytest

from conftest import assert_answered_as_plain
from healthlens.answer import ask
from healthlens.question import parse_question


def _no_verdict(kb, text: str) -> None:
    """No answer to ``text`` gives a verdict."""
    answers = ask(text, kb)
    assert answers
    for a in answers:
        assert a.verdict == "unknown", (a.verdict, a.concept_id, a.predicate)


@pytest.mark.parametrize(
    "text",
    [
        # a word of kind or cause, whatever the class's verdict
        "is bacterial conjunctivitis contagious",
        "is infected eczema contagious",
        "is impetiginized eczema contagious",
        "is infected psoriasis contagious",
        "is autoimmune hair loss contagious",
        "is autoimmune hair loss curable",
        "is autoimmune hives curable",
        "is autoimmune urticaria genetic",
        "is german measles contagious",
        "Is German measles an autoimmune disease?",
        "is german measles curable",
        # any other word where the class's kinds differ ("partly")
        "is stress hair loss autoimmune",
        "is thyroid hair loss genetic",
        "is chemo hair loss genetic",
        "is patchy hair loss autoimmune",
        "is traction alopecia contagious",
        "is scarring alopecia autoimmune",
        "is female pattern baldness genetic",
        "is central hypothyroidism autoimmune",
        "is radiation hypothyroidism autoimmune",
        "is contact eczema an allergy",
        "is heat hives an allergy",
        "my son has stress hair loss is it autoimmune",
    ],
)
def test_a_kind_named_before_a_class_is_not_the_class(kb, text):
    q = parse_question(text, kb)
    assert q.concept_id is None, (q.concept_id, q.subject)
    _no_verdict(kb, text)


def test_a_kind_with_a_name_of_its_own_is_read_as_that_condition(kb):
    # postpartum hair loss is telogen effluvium (a lay name in the knowledge base), not alopecia's
    # class: it gets telogen effluvium's own verdict
    for text in ("Is postpartum hair loss autoimmune?", "is postpartum hair loss autoimmune"):
        q = parse_question(text, kb)
        assert q.concept_id == "telogen_effluvium", (q.concept_id, q.subject)


@pytest.mark.parametrize(
    "text, plain",
    [
        # people, a degree or a place on the body before the name keep the class's question
        ("is baby eczema genetic", "is eczema genetic"),
        ("is my son's asthma genetic", "is asthma genetic"),
        ("is severe eczema genetic", "is eczema genetic"),
        ("is female hair loss autoimmune", "is hair loss autoimmune"),
        ("is scalp psoriasis contagious", "is psoriasis contagious"),
        ("is adult acne genetic", "is acne genetic"),
        # words before a verb of having are no part of the name
        ("my dad has psoriasis is it hereditary", "is psoriasis hereditary"),
        # a word before a name whose verdict every kind shares ("no")
        ("is mild psoriasis contagious", "is psoriasis contagious"),
        ("is weeping eczema contagious", "is eczema contagious"),
        # a name that holds the kind word is its own
        ("is allergic asthma genetic", "is allergic asthma hereditary"),
        ("is autoimmune hepatitis contagious", "Is autoimmune hepatitis contagious?"),
        ("is alopecia areata genetic", "Is alopecia areata hereditary?"),
    ],
)
def test_words_before_a_name_that_keep_its_question(kb, text, plain):
    assert_answered_as_plain(kb, text, plain)


@pytest.mark.parametrize(
    "text, plain",
    [
        ("is hepatitis a contagious", "Is hepatitis A contagious?"),
        ("is hepatitis a autoimmune", "Is hepatitis A autoimmune?"),
        ("is hepatitis a genetic?", "Is hepatitis A genetic?"),
    ],
)
def test_a_lower_case_letter_a_before_a_bare_family_word_is_the_name(kb, text, plain):
    q = parse_question(text, kb)
    assert q.concept_id == "hepatitis_a"
    assert_answered_as_plain(kb, text, plain)


@pytest.mark.parametrize(
    "text, plain",
    [
        # "a" stays an article where the subject with it is no name, or a noun follows
        ("is lupus a contagious", "is lupus contagious"),
        ("is ms a genetic", "is ms genetic"),
        ("is hepatitis a contagious disease", "is hepatitis contagious"),
    ],
)
def test_a_letter_a_that_is_an_article_stays_one(kb, text, plain):
    assert_answered_as_plain(kb, text, plain)


@pytest.mark.parametrize(
    "text, plain",
    [
        ("can a baby catch eczema from mum", "is eczema contagious"),
        ("can babies catch eczema from their mother", "is eczema contagious"),
        ("can you catch lupus from your mother", "is lupus contagious"),
        ("can you catch ms from your parents", "is ms contagious"),
        ("can a baby catch psoriasis from mum", "is psoriasis contagious"),
    ],
)
def test_catching_from_a_parent_is_the_contagious_question(kb, text, plain):
    a, _ = assert_answered_as_plain(kb, text, plain)
    assert a.predicate == "contagious"


@pytest.mark.parametrize(
    "text, plain",
    [
        # getting or inheriting from parents keeps the inherited reading
        ("can you get lupus from your parents", "is lupus inherited"),
        # (a baby "from its mother" may be by her antibodies, and stays unknown:
        # tests/test_question_getting_and_giving.py)
        ("Can a baby inherit lupus from its parents?", "is lupus inherited"),
    ],
)
def test_getting_from_a_parent_keeps_the_inherited_question(kb, text, plain):
    assert_answered_as_plain(kb, text, plain)


@pytest.mark.parametrize(
    "text",
    [
        "is sepsis an immune response",
        "Is sepsis an immune reaction?",
        "is covid an immune response",
        "is flu an immune system response",
    ],
)
def test_an_infection_asked_as_an_immune_response_is_not_answered(kb, text):
    q = parse_question(text, kb)
    assert q.predicate == "immune" and q.concept_id is None and q.unresolved
    _no_verdict(kb, text)


@pytest.mark.parametrize(
    "text, plain",
    [
        ("is hay fever an immune response", "Is hay fever immune-mediated?"),
        ("is lupus an immune response", "Is lupus immune-mediated?"),
        # other immune forms for an infection keep the family's reading
        ("is sepsis caused by the immune system", "Is sepsis immune-mediated?"),
    ],
)
def test_an_immune_response_keeps_its_reading_beside_these_checks(kb, text, plain):
    assert_answered_as_plain(kb, text, plain)
