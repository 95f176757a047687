"""Degrees beside a family's word, giving a condition to someone, and forecasts of inheriting.

* A degree whose verdict answers another question: "Is cystic fibrosis partly genetic?" got
  "yes" (read "yes, partly"; it is wholly), "Can eczema be fully cured?" got "partly" (neither
  a full cure nor none), "Is asthma generally genetic?" got "partly" ("generally" asks what holds
  as a rule, as "usually", refused already), "Is HIV highly contagious?" got "yes" (the record
  says it can be caught, not how easily). Unknown; the verdicts that do answer the degree stay
  ("Is asthma partly genetic?": partly, "Can hepatitis C be cured completely?": yes, "Is lupus
  very contagious?": no).
* Giving: "Can I give the flu to my husband?", "Can you give someone chickenpox?" were not
  understood, though "Can my husband catch the flu from me?" is. Giving passes a germ only where
  the condition is caught as a rule: read as contagious and kept only for its "yes" ("Can you
  give someone lupus?" stays unknown: a parent also gives genes).
* "Can you contract the flu from your parents?" got "yes" where "catch ... from your parents"
  was refused (a parent passes genes too): "contract" and "pick up" are refused alike.
* "Will my children inherit cystic fibrosis?" got "yes", read "they will": a forecast about one
  family (a recessive condition needs both parents' genes). Its "no" and "partly" stay, and "Can
  my children inherit X?" keeps its verdict.
"""

from __future__ import annotations

import pytest

from healthlens.answer import ask


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


# each got another question's verdict before
@pytest.mark.parametrize(
    "text",
    [
        # "partly" answered by a "yes" (wholly)
        "Is cystic fibrosis partly genetic?",
        "is hemophilia partly genetic?",
        "is cystic fibrosis partly inherited?",
        # a full cure answered by "partly"
        "Can eczema be fully cured?",
        "can eczema be cured completely?",
        "Is eczema completely curable?",
        # as a rule, answered by "partly"
        "Is asthma generally genetic?",
        "is lupus generally genetic?",
        "is eczema generally an allergy?",
        "is hives generally an allergy?",
        # a high degree answered by "yes"
        "Is HIV highly contagious?",
        "is the flu very contagious?",
        "is chickenpox highly contagious?",
        "Is hepatitis B very contagious?",
        # contracting from a parent, as catching
        "Can you contract the flu from your parents?",
        "Can you contract chickenpox from your parents?",
        # a forecast of inheriting, answered by "yes"
        "Will my children inherit cystic fibrosis?",
        "Will my children inherit hemophilia?",
    ],
)
def test_degree_contracting_and_forecast_stay_unknown(kb, text: str) -> None:
    _no_verdict(kb, text)


# giving a condition caught as a rule: not understood before
@pytest.mark.parametrize(
    "text, cid",
    [
        ("Can I give the flu to my husband?", "influenza"),
        ("Can you give someone the flu?", "influenza"),
        ("Can you give someone chickenpox?", "chickenpox"),
        ("Can I give chickenpox to my baby?", "chickenpox"),
        ("Can you give someone strep throat?", "strep_throat"),
        ("Can you give the flu to someone?", "influenza"),
    ],
)
def test_giving_what_is_caught_as_a_rule_is_contagious(kb, text: str, cid: str) -> None:
    _verdict(kb, text, "contagious", cid, "yes")


# the verdicts that do answer the question keep it
@pytest.mark.parametrize(
    "text, predicate, cid, verdict",
    [
        ("Is asthma partly genetic?", "inherited", "asthma", "partly"),
        ("Is the flu partly inherited?", "inherited", "influenza", "no"),
        ("Can hepatitis C be cured completely?", "curable", "hepatitis_c", "yes"),
        ("Can psoriasis be cured completely?", "curable", "psoriasis", "no"),
        ("Can eczema be cured permanently?", "curable", "atopic_dermatitis", "partly"),
        ("Can Graves disease be cured permanently?", "curable", "graves_disease", "partly"),
        ("Is lupus generally curable?", "curable", "systemic_lupus_erythematosus", "no"),
        ("Is psoriasis generally considered autoimmune?", "autoimmune", "psoriasis", "yes"),
        ("Is lupus very contagious?", "contagious", "systemic_lupus_erythematosus", "no"),
        ("Is the flu contagious?", "contagious", "influenza", "yes"),
        ("Can you contract the flu?", "contagious", "influenza", "yes"),
        (
            "Can you contract lupus from your parents?",
            "contagious",
            "systemic_lupus_erythematosus",
            "no",
        ),
        ("Will my children inherit schizophrenia?", "inherited", "schizophrenia", "partly"),
        ("Will my baby inherit the flu?", "inherited", "influenza", "no"),
        ("Can my children inherit cystic fibrosis?", "inherited", "cystic_fibrosis", "yes"),
        ("Can my husband catch the flu from me?", "contagious", "influenza", "yes"),
    ],
)
def test_answering_verdicts_kept(kb, text: str, predicate: str, cid: str, verdict: str) -> None:
    _verdict(kb, text, predicate, cid, verdict)


@pytest.mark.parametrize(
    "text",
    [
        "Can you give someone lupus?",
        "Can I give my baby cystic fibrosis?",
        "Can you give yourself the flu?",
    ],
)
def test_giving_what_is_not_caught_as_a_rule_stays_unknown(kb, text: str) -> None:
    _no_verdict(kb, text)
