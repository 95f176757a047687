"""Subjects and readers that were answered with another question's verdict.

* A symptom or a germ that a condition's name is made of: "Are seizures genetic?" got epilepsy's
  "partly" ("seizure" completed to "seizure disorder"), "Is yeast an allergy?" candidiasis's "no"
  ("yeast" read as the start of "yeast infection"). A seizure has many causes besides epilepsy;
  yeast is a germ and a food, not the infection.
* "Is summer flu contagious?" got influenza's "yes"; summer flu is another viral illness.
* "Is newborn conjunctivitis contagious?" and "Is pink eye in newborns contagious?" got
  conjunctivitis's "partly"; conjunctivitis of the newborn is a kind of its own.
* "Can my son inherit hemophilia from me?" got "yes": for a condition of one gene, which parent
  the reader is decides the answer (a father passes no X-linked gene to a son); a dominant
  condition (Huntington's) keeps its "yes".
"""

from __future__ import annotations

import pytest

from healthlens.answer import ask
from healthlens.question import parse_question


def _no_verdict(kb, text: str) -> None:
    """No answer to ``text`` gives a verdict."""
    answers = ask(text, kb)
    assert answers
    for a in answers:
        assert a.verdict == "unknown", (text, a.verdict, a.concept_id, a.predicate)


def _read_as(kb, text: str, cid: str) -> None:
    """``text`` is read as the condition ``cid`` and gets a verdict."""
    q = parse_question(text, kb)
    assert q.concept_id == cid, (text, q.concept_id, q.subject)
    assert any(a.verdict != "unknown" for a in ask(text, kb)), text


# each refused question beside one that must keep its reading (the full name, a plain name)
@pytest.mark.parametrize(
    "text, kept, cid",
    [
        ("are seizures genetic", "Is seizure disorder genetic?", "epilepsy"),
        ("Are seizures contagious?", "is epilepsy contagious", "epilepsy"),
        ("are seizures curable", "are seizure disorders curable", "epilepsy"),
        ("can seizures be cured", "can epilepsy be cured", "epilepsy"),
        ("Is a seizure genetic?", "is epilepsy genetic", "epilepsy"),
        ("is yeast an allergy", "Is a yeast infection an allergy?", "candidiasis"),
        ("is yeast contagious", "is thrush contagious", "candidiasis"),
        ("Are yeasts autoimmune?", "is a yeast infection autoimmune", "candidiasis"),
    ],
)
def test_a_symptom_or_a_germ_is_not_the_condition_named_after_it(kb, text, kept, cid):
    q = parse_question(text, kb)
    assert q.concept_id is None, (q.concept_id, q.subject)
    _no_verdict(kb, text)
    _read_as(kb, kept, cid)


@pytest.mark.parametrize(
    "text, kept, cid",
    [
        ("is summer flu contagious", "is swine flu contagious", "influenza"),
        ("Is the summer flu an allergy?", "Is the flu an allergy?", "influenza"),
        ("is newborn conjunctivitis contagious", "Is conjunctivitis contagious?", "conjunctivitis"),
        ("Is newborn conjunctivitis an allergy?", "is baby eczema contagious", "atopic_dermatitis"),
        ("is pink eye in newborns contagious", "is pink eye contagious", "conjunctivitis"),
        (
            "Is conjunctivitis in newborns contagious?",
            "is eczema in newborns contagious",
            "atopic_dermatitis",
        ),
        ("is acne in newborns genetic", "is acne genetic", "acne"),
    ],
)
def test_another_illness_or_a_newborn_kind_is_not_the_class(kb, text, kept, cid):
    q = parse_question(text, kb)
    assert q.concept_id is None, (q.concept_id, q.subject)
    _no_verdict(kb, text)
    _read_as(kb, kept, cid)


# the reader as one parent of a condition of one gene, beside a "partly" inherited condition
# asked the same way, a dominant one (one parent passes it on), or the condition asked with no
# parent, which keep their reading
@pytest.mark.parametrize(
    "text, kept, cid",
    [
        ("can my son inherit hemophilia from me", "Is hemophilia inherited?", "hemophilia"),
        ("Can my son inherit fragile X from me?", "is fragile x genetic", "fragile_x_syndrome"),
        (
            "can my kids inherit sickle cell from me",
            "Can my kids get psoriasis from me?",
            "psoriasis",
        ),
        (
            "Can I pass cystic fibrosis to my kids?",
            "Could I pass my lupus on to my daughter?",
            "systemic_lupus_erythematosus",
        ),
        (
            "Can I pass hemophilia to my son?",
            "can my kids get huntingtons from me",
            "huntington_disease",
        ),
        (
            "could my daughter get haemophilia from me",
            "Could my son inherit lupus from me?",
            "systemic_lupus_erythematosus",
        ),
    ],
)
def test_the_reader_as_one_parent_of_a_one_gene_condition_stays_unknown(kb, text, kept, cid):
    _no_verdict(kb, text)
    answers = ask(kept, kb)
    assert [(a.concept_id, a.predicate) for a in answers] == [(cid, "inherited")], kept
    assert answers[0].verdict != "unknown"
