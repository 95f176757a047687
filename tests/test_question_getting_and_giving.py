"""Verbs of getting and giving whose family verdict answered another question.

* Outgrowing: "Do kids outgrow asthma?", "Can you outgrow migraines?", "Will my son grow out of
  hay fever?" got curable's "No ... cannot be cured", "Will my child outgrow PFAPA?" its "Yes".
  Growing out of a condition is its going away with age, often for a while, and no cure; no
  record field says whether children outgrow it. Unknown in every family; "Is X curable?", "Can
  kids be cured of X?" and "Does X go away?" keep their verdicts.
* A baby from its mother: "Can my baby get lupus from me?" and "Can a baby get Graves disease
  from its mother?" got inherited's "partly", though a mother's antibodies give a newborn a
  passing lupus, Graves' disease, myasthenia or low platelets, which is neither inheriting nor
  catching. Unknown where the question names neither genes nor catching, unless X is caught as
  a rule ("Can my baby get the flu from me?": yes). "Can my baby inherit lupus from me?", "Can a
  baby catch eczema from mum?" and "Can my kids get psoriasis from me?" keep their readings.
* One parent named, whichever reading came first: "Can you get peanut allergy from your mom?"
  got "partly" (its first reading was "an allergy from your mom"), where "Can you get eczema
  from your mom?" was already unknown.
* Forecasts: "Will my kids get chickenpox?", "Will I catch the flu from my kids?", "Will the flu
  spread?" got contagious "yes", which reads "they will". A forecast keeps only the contagious
  "no" ("Will my husband catch lupus from me?": what cannot be caught will not be caught).
  "Will cystic fibrosis be passed on to my children?" got inherited's "yes" ("they will"): a
  forecast of passing it on, without "inherit", is refused as "Will my kids get my X?" was.
* "Can you get chickenpox from someone who had it?" got "yes" ("from someone who had it"): one
  who had it and got better passes nothing on; a contagious "no" stays.
* "Can you get the flu from genetics?" got contagious "yes": genetics is heredity's source, as
  "from your genes" was already.
* "Can Graves disease be passed to babies?" got inherited's "partly" ("to the baby" was refused
  already): a mother's antibodies pass, which is neither; "contagious to babies" keeps its verdict.
* "Is lupus caught or inherited?", "Is the flu caught or genetic?" got only the inherited verdict,
  whose one side reads as the other's denial ("Is lupus inherited or caught?" was not understood).
* "Can lupus be passed between family members?" got contagious "no", which reads "it does not
  pass in families", though it runs in them; "Can head lice spread between family members?"
  keeps its "yes".
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


def _verdict(kb, text: str, predicate: str, cid: str, verdict: str) -> None:
    """``text`` is read as ``predicate`` of ``cid`` and gets ``verdict``."""
    [a] = ask(text, kb)
    assert (a.predicate, a.concept_id, a.verdict) == (predicate, cid, verdict), (
        text,
        a.predicate,
        a.concept_id,
        a.verdict,
    )


# each refused question beside a question that must keep its verdict
@pytest.mark.parametrize(
    "text, kept, predicate, cid, verdict",
    [
        # outgrowing is no cure
        ("do kids outgrow asthma", "is asthma curable", "curable", "asthma", "no"),
        ("Can you outgrow migraines?", "Can migraines be cured?", "curable", "migraine", "no"),
        (
            "Will my son grow out of hay fever?",
            "Is hay fever curable?",
            "curable",
            "allergic_rhinitis",
            "no",
        ),
        (
            "Can a child outgrow EoE?",
            "Can kids be cured of EoE?",
            "curable",
            "eosinophilic_esophagitis",
            "no",
        ),
        ("Will my child outgrow PFAPA?", "Is PFAPA curable?", "curable", "pfapa_syndrome", "yes"),
        (
            "can you outgrow a peanut allergy",
            "can children be cured of peanut allergy",
            "curable",
            "peanut_allergy",
            "partly",
        ),
        ("do children outgrow epilepsy", "Does epilepsy go away?", "curable", "epilepsy", "partly"),
        (
            "Can a child outgrow type 1 diabetes?",
            "Can a child be cured of type 1 diabetes?",
            "curable",
            "type_1_diabetes",
            "no",
        ),
        # "in the teens" as a setting is no outgrowing
        (
            "can kids outgrow acne",
            "Is acne in teens contagious?",
            "contagious",
            "acne",
            "no",
        ),
        # a baby from its mother, or from the reader: not genes, not catching
        (
            "Can my baby get lupus from me?",
            "Can my baby inherit lupus from me?",
            "inherited",
            "systemic_lupus_erythematosus",
            "partly",
        ),
        (
            "Could my baby get Graves disease from me?",
            "Can my kids get Graves disease from me?",
            "inherited",
            "graves_disease",
            "partly",
        ),
        (
            "Can a baby get myasthenia gravis from its mother?",
            "Can my husband catch myasthenia gravis from me?",
            "contagious",
            "myasthenia_gravis",
            "no",
        ),
        (
            "Can a newborn get lupus from its mother?",
            "Can you get lupus from your parents?",
            "inherited",
            "systemic_lupus_erythematosus",
            "partly",
        ),
        (
            "can my unborn baby get psoriasis from me",
            "can my kids get psoriasis from me",
            "inherited",
            "psoriasis",
            "partly",
        ),
        (
            "can a baby get eczema from its mother",
            "can a baby catch eczema from mum",
            "contagious",
            "atopic_dermatitis",
            "no",
        ),
        (
            "can a baby get peanut allergy from mum",
            "can my baby get the flu from me",
            "contagious",
            "influenza",
            "yes",
        ),
        # passed to babies: a mother passes some conditions by neither genes nor contagion
        (
            "Can Graves disease be passed to babies?",
            "Can Graves disease be passed to children?",
            "inherited",
            "graves_disease",
            "partly",
        ),
        (
            "does lupus get passed to babies",
            "is lupus contagious to babies",
            "contagious",
            "systemic_lupus_erythematosus",
            "no",
        ),
        (
            "can ITP be passed to babies",
            "is ITP inherited",
            "inherited",
            "immune_thrombocytopenia",
            "no",
        ),
        # caught or inherited: one side's answer reads as the other's denial
        (
            "Is lupus caught or inherited?",
            "Is lupus inherited?",
            "inherited",
            "systemic_lupus_erythematosus",
            "partly",
        ),
        ("is the flu caught or genetic", "is the flu genetic", "inherited", "influenza", "no"),
        (
            "is psoriasis catchable or genetic",
            "is psoriasis hereditary",
            "inherited",
            "psoriasis",
            "partly",
        ),
        # one parent or relative named, whichever reading comes first
        (
            "can you get peanut allergy from your mom",
            "can you get peanut allergy from your parents",
            "inherited",
            "peanut_allergy",
            "partly",
        ),
        (
            "can you inherit peanut allergy from your grandparents",
            "is peanut allergy inherited",
            "inherited",
            "peanut_allergy",
            "partly",
        ),
        # forecasts: a contagious "yes" or "partly" reads "it will"
        (
            "Will my kids get chickenpox?",
            "Can kids get chickenpox?",
            "contagious",
            "chickenpox",
            "yes",
        ),
        ("will I get the flu", "can you catch the flu", "contagious", "influenza", "yes"),
        ("Will my baby get measles?", "Is measles contagious?", "contagious", "measles", "yes"),
        (
            "Will I catch the flu from my kids?",
            "Will I catch eczema from my son?",
            "contagious",
            "atopic_dermatitis",
            "no",
        ),
        (
            "will my husband get hepatitis B from me",
            "will my husband catch lupus from me",
            "contagious",
            "systemic_lupus_erythematosus",
            "no",
        ),
        (
            "will my wife catch shingles",
            "can shingles spread to others",
            "contagious",
            "shingles",
            "partly",
        ),
        ("Will the flu spread?", "Does the flu spread?", "contagious", "influenza", "yes"),
        (
            "will strep throat spread",
            "can strep throat spread",
            "contagious",
            "strep_throat",
            "yes",
        ),
        # a forecast of passing it on, without "inherit"
        (
            "Will cystic fibrosis be passed on to my children?",
            "Can cystic fibrosis be passed to children?",
            "inherited",
            "cystic_fibrosis",
            "yes",
        ),
        (
            "will my lupus be passed to my kids",
            "can my lupus be passed to my kids",
            "inherited",
            "systemic_lupus_erythematosus",
            "partly",
        ),
        # from someone who had it: a time, as "before the spots appear" is
        (
            "Can you get chickenpox from someone who had it?",
            "Can you get chickenpox from someone who has it?",
            "contagious",
            "chickenpox",
            "yes",
        ),
        (
            "can you catch the flu from someone who had it",
            "can you catch lupus from someone who had it",
            "contagious",
            "systemic_lupus_erythematosus",
            "no",
        ),
        # passing within a family, where it cannot be caught as a rule
        (
            "Can lupus be passed between family members?",
            "Can lupus be passed from person to person?",
            "contagious",
            "systemic_lupus_erythematosus",
            "no",
        ),
        (
            "can psoriasis be passed between family members",
            "can head lice spread between family members",
            "contagious",
            "head_lice",
            "yes",
        ),
    ],
)
def test_a_getting_or_giving_question_that_asks_another_question_is_refused(
    kb, text, kept, predicate, cid, verdict
):
    _no_verdict(kb, text)
    _verdict(kb, kept, predicate, cid, verdict)


def test_outgrowing_is_not_understood_in_any_family(kb):
    for text in (
        "can children outgrow peanut allergy",
        "will my son grow out of eczema",
        "is asthma something kids outgrow",
        "Will my child grow out of JIA?",
    ):
        q = parse_question(text, kb)
        assert q.predicate is None and not q.understood, (text, q.predicate)


# genetics is heredity's source, as "your genes" is
@pytest.mark.parametrize(
    "text, cid, verdict",
    [
        ("Can you get the flu from genetics?", "influenza", "no"),
        ("do you get lupus from genetics", "systemic_lupus_erythematosus", "partly"),
        ("can you get psoriasis from DNA", "psoriasis", "partly"),
    ],
)
def test_getting_it_from_genetics_is_the_inherited_question(kb, text, cid, verdict):
    _verdict(kb, text, "inherited", cid, verdict)
