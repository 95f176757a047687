"""Questions that set a condition beside another one, or ask about something near it, and got the
first condition's verdict alone, which answers another question.

* "Is X <property> like Y?" got X's "yes" (the "like Y" part named as not judged) where the
  knowledge base holds Y less so: "Is IBD autoimmune like IBS?", "Is flu contagious like eczema?",
  "Is sickle cell genetic like lupus?", "Is hep C curable like hep B?", "Like IBS, is IBD
  autoimmune?"; a "yes" beside "like Y" reads "yes, as Y is". A "no" (not so, like Y or not) and a Y at least as much so keep theirs.
* "Is X an autoimmune / allergic / immune reaction to Y?" with Y a condition that cannot be
  caught ("Is lupus an autoimmune reaction to RA?", "Is eczema an allergic reaction to asthma?")
  asks whether one condition is a reaction to another, which no verdict of X answers. A germ
  ("to strep throat"), no condition ("to gluten") and a "no" keep the reading.
* "My son has something like eczema, is it contagious?", "Is anything like eczema contagious?",
  "my son has what looks like ringworm", "eczema or something": what only resembles a condition.
* "Does strep make psoriasis contagious?": whether something changes the condition.
* "What does having lupus mean?" got the definition of lupus.
* "Are crohns/colitis autoimmune?" got Crohn disease's "Yes" (the slash read as a space gives
  "Crohn's colitis"), and "Is celiac/IBS autoimmune?" irritable bowel syndrome's "No" alone: a
  slash joins two conditions, and each gets its own answer.
"""

from __future__ import annotations

import pytest

from healthlens.answer import ask
from healthlens.question import parse_question


def _no_verdict(kb, text: str) -> None:
    """No answer to ``text`` gives a verdict, and its question names no condition."""
    answers = ask(text, kb)
    assert answers
    for a in answers:
        assert a.verdict == "unknown", (text, a.verdict, a.concept_id, a.predicate)
    assert parse_question(text, kb).concept_id is None, text


def _kept(kb, text: str, cid: str, verdict: str) -> None:
    """``text`` is read as the condition ``cid`` and gets ``verdict``."""
    q = parse_question(text, kb)
    assert q.concept_id == cid, (text, q.concept_id, q.subject)
    assert [a.verdict for a in ask(text, kb)] == [verdict], text


# each refused question beside one that keeps its reading (the same condition set beside a Y the
# knowledge base holds as much so, or a "no" beside any Y)
@pytest.mark.parametrize(
    "text, kept, cid, verdict",
    [
        (
            "is IBD autoimmune like IBS",
            "is IBD autoimmune like crohns",
            "inflammatory_bowel_disease",
            "yes",
        ),
        (
            "is celiac autoimmune like IBS",
            "is celiac autoimmune like type 1 diabetes",
            "celiac_disease",
            "yes",
        ),
        (
            "is RA autoimmune like osteoarthritis",
            "is RA autoimmune like lupus",
            "rheumatoid_arthritis",
            "yes",
        ),
        ("is flu contagious like eczema", "is flu contagious like covid", "influenza", "yes"),
        (
            "is covid contagious like lupus",
            "is lupus contagious like covid",
            "systemic_lupus_erythematosus",
            "no",
        ),
        (
            "is sickle cell genetic like lupus",
            "is hemophilia genetic like sickle cell",
            "hemophilia",
            "yes",
        ),
        (
            "is cystic fibrosis genetic like asthma",
            "is asthma genetic like cystic fibrosis",
            "asthma",
            "partly",
        ),
        (
            "is huntingtons hereditary like MS",
            "is MS hereditary like huntingtons",
            "multiple_sclerosis",
            "partly",
        ),
        ("is hep c curable like hep b", "is hep b curable like hep c", "hepatitis_b", "partly"),
        (
            "is peanut allergy an allergy like celiac",
            "is celiac an allergy like peanut allergy",
            "celiac_disease",
            "no",
        ),
        (
            "is hay fever an allergy like eczema",
            "is eczema an allergy like hay fever",
            "atopic_dermatitis",
            "partly",
        ),
        (
            "is type 1 diabetes autoimmune like type 2",
            "is type 2 diabetes autoimmune like type 1",
            "type_2_diabetes",
            "no",
        ),
        (
            "is chickenpox contagious like shingles",
            "is shingles contagious like chickenpox",
            "shingles",
            "partly",
        ),
        ("is eczema curable like psoriasis", "is psoriasis curable like eczema", "psoriasis", "no"),
        (
            "does eczema go away like asthma",
            "is eczema contagious like impetigo",
            "atopic_dermatitis",
            "no",
        ),
        ("like IBS, is IBD autoimmune", "Like lupus, is psoriasis autoimmune?", "psoriasis", "yes"),
        (
            "is celiac an autoimmune disease like IBS",
            "like eczema, is psoriasis contagious",
            "psoriasis",
            "no",
        ),
    ],
)
def test_a_verdict_beside_like_a_condition_less_so_stays_unknown(kb, text, kept, cid, verdict):
    q = parse_question(text, kb)
    assert q.unresolved and "beside" in q.unresolved, (text, q.concept_id, q.unjudged)
    _no_verdict(kb, text)
    _kept(kb, kept, cid, verdict)


@pytest.mark.parametrize(
    "text, kept, cid, verdict",
    [
        (
            "is lupus an autoimmune reaction to RA",
            "is rheumatic fever an autoimmune reaction to strep throat",
            "rheumatic_fever",
            "yes",
        ),
        (
            "is celiac an autoimmune reaction to type 1 diabetes",
            "is celiac an autoimmune reaction to gluten",
            "celiac_disease",
            "yes",
        ),
        (
            "is hashimotos an autoimmune reaction to celiac",
            "is hashimotos autoimmune",
            "hashimoto_thyroiditis",
            "yes",
        ),
        (
            "is psoriasis an autoimmune reaction to eczema",
            # a "no" answers it: psoriasis is no allergy to anything
            "is psoriasis an allergy to eczema",
            "psoriasis",
            "no",
        ),
        (
            "is eczema an allergic reaction to asthma",
            "is eczema an allergic reaction to food",
            "atopic_dermatitis",
            "partly",
        ),
        (
            "are hives an allergic reaction to lupus",
            "are hives an allergic reaction to penicillin",
            "urticaria",
            "partly",
        ),
        (
            "is hives an allergic reaction to hashimotos",
            "is hives an allergy",
            "urticaria",
            "partly",
        ),
        (
            "is asthma an allergic reaction to hay fever",
            "is asthma an allergic reaction to dust",
            "asthma",
            "partly",
        ),
        (
            "is celiac an immune reaction to IBS",
            "is celiac an immune reaction to gluten",
            "celiac_disease",
            "yes",
        ),
        ("is hives an immune response to lupus", "is hives an immune response", "urticaria", "yes"),
        (
            "is hives an allergic reaction from lupus",
            "is hives an allergic reaction from food",
            "urticaria",
            "partly",
        ),
        (
            "is psoriasis an autoimmune response triggered by eczema",
            "is psoriasis an autoimmune response triggered by strep throat",
            "psoriasis",
            "yes",
        ),
        (
            "is eczema an allergic reaction caused by asthma",
            "is eczema an allergic reaction caused by food",
            "atopic_dermatitis",
            "partly",
        ),
    ],
)
def test_a_reaction_to_a_condition_that_cannot_be_caught_stays_unknown(
    kb, text, kept, cid, verdict
):
    q = parse_question(text, kb)
    assert q.unresolved and "reaction to" in q.unresolved, (text, q.concept_id, q.unjudged)
    _no_verdict(kb, text)
    _kept(kb, kept, cid, verdict)


@pytest.mark.parametrize(
    "text, kept, cid, verdict",
    [
        (
            "my son has something like eczema is it contagious",
            "my son has eczema. is it contagious?",
            "atopic_dermatitis",
            "no",
        ),
        ("is something like eczema contagious", "is eczema contagious", "atopic_dermatitis", "no"),
        ("is anything like eczema contagious", "is eczema contagious", "atopic_dermatitis", "no"),
        (
            "my son has what looks like ringworm is it contagious",
            "my son has ringworm is it contagious",
            "tinea",
            "yes",
        ),
        (
            "my son has what looks like eczema is it contagious",
            "my daughter has eczema is it contagious",
            "atopic_dermatitis",
            "no",
        ),
        (
            "my son has eczema or something is it contagious",
            "is my son's eczema contagious",
            "atopic_dermatitis",
            "no",
        ),
        ("is an illness like MS contagious", "is MS contagious", "multiple_sclerosis", "no"),
        (
            "is something like lupus autoimmune",
            "is lupus autoimmune",
            "systemic_lupus_erythematosus",
            "yes",
        ),
    ],
)
def test_something_resembling_a_condition_stays_unknown(kb, text, kept, cid, verdict):
    q = parse_question(text, kb)
    assert q.unresolved and "resembling" in q.unresolved, (text, q.concept_id, q.subject)
    _no_verdict(kb, text)
    _kept(kb, kept, cid, verdict)


@pytest.mark.parametrize(
    "text, kept, cid, verdict",
    [
        (
            "does strep make psoriasis contagious",
            "does psoriasis spread to other people",
            "psoriasis",
            "no",
        ),
        ("can strep make psoriasis contagious", "can you catch psoriasis", "psoriasis", "no"),
        ("does a cold make eczema contagious", "is eczema contagious", "atopic_dermatitis", "no"),
    ],
)
def test_whether_something_makes_a_condition_so_stays_unknown(kb, text, kept, cid, verdict):
    q = parse_question(text, kb)
    assert q.unresolved and "makes" in q.unresolved, (text, q.concept_id, q.subject)
    _no_verdict(kb, text)
    _kept(kb, kept, cid, verdict)


@pytest.mark.parametrize(
    "text, kept, cid",
    [
        ("what does having lupus mean", "what does lupus mean", "systemic_lupus_erythematosus"),
        ("What does having psoriasis mean?", "what is psoriasis", "psoriasis"),
    ],
)
def test_what_having_a_condition_means_is_no_definition(kb, text, kept, cid):
    for a in ask(text, kb):
        assert a.verdict == "unknown" and a.definition is None, (text, a.verdict, a.concept_id)
    _kept(kb, kept, cid, "defined")


def test_a_slash_is_not_read_as_a_space_in_one_name(kb):
    _no_verdict(kb, "are crohns/colitis autoimmune")
    _kept(kb, "is crohns colitis autoimmune", "crohn_disease", "yes")
    _kept(kb, "is HIV/AIDS contagious", "hiv_infection", "yes")


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "is celiac/IBS autoimmune",
            [("celiac_disease", "yes"), ("irritable_bowel_syndrome", "no")],
        ),
        (
            "is celiac / IBS autoimmune",
            [("celiac_disease", "yes"), ("irritable_bowel_syndrome", "no")],
        ),
        (
            "is eczema/psoriasis contagious",
            [("atopic_dermatitis", "no"), ("psoriasis", "no")],
        ),
    ],
)
def test_a_slash_between_two_names_asks_about_each(kb, text, expected):
    assert [(a.concept_id, a.verdict) for a in ask(text, kb)] == expected
