"""`check` for issue 13: pages on the contagious / inherited / curable families, definition
questions, and questions healthlens does not judge (the page answer is not_judged)."""

from __future__ import annotations

from pathlib import Path

import pytest

from healthlens.knowledge import KnowledgeBase, load_properties
from healthlens.pipeline import check_pages
from healthlens.read import read_text

# these tests read the rules (the learned scorer is off; see conftest.rules_only)
pytestmark = pytest.mark.usefixtures("rules_only")

FIXTURE = sorted((Path(__file__).parents[1] / "data" / "properties").glob("*.yaml"))


@pytest.fixture(scope="module")
def kbp(kb):
    return KnowledgeBase(kb.records, kb.terms, load_properties(FIXTURE))


def run(text: str, question: str, kb):
    report = check_pages([read_text(text, "page.txt")], question, kb)
    return report, report.pages[0]


@pytest.mark.parametrize(
    "question, text, answer, agrees",
    [
        (
            "Is psoriasis contagious?",
            "Psoriasis facts\nPsoriasis is not contagious. It is a skin disease.",
            "no",
            True,
        ),
        (
            "Is psoriasis contagious?",
            "Psoriasis facts\nPsoriasis is highly contagious and spreads from person to person.",
            "yes",
            False,
        ),
        (
            "Can lupus be cured?",
            "Lupus\nThere is no cure for lupus, but treatment can control it.",
            "no",
            True,
        ),
        (
            "Is lupus hereditary?",
            "Lupus\nLupus tends to run in families, though most people with it have no relative with it.",
            "partly",
            True,
        ),
        (
            "Is cystic fibrosis inherited?",
            "Cystic fibrosis\nCystic fibrosis is inherited in an autosomal recessive pattern.",
            "yes",
            True,
        ),
        (
            "Is strep throat curable?",
            "Strep throat\nStrep throat is a common infection. It can usually be cured with antibiotics.",
            "yes",
            True,
        ),
        (
            "Is lupus contagious?",
            "Lupus\nLupus is a disease of the immune system. Symptoms come and go.",
            "not_answered",
            None,
        ),
    ],
)
def test_family_pages_answer_and_agree(kbp, question, text, answer, agrees):
    _, page = run(text, question, kbp)
    assert (page.page_answer, page.agrees_with_evidence) == (answer, agrees)


def test_a_page_contradicting_the_family_verdict_gets_a_finding_with_the_entry_as_evidence(kbp):
    _, page = run(
        "Psoriasis\nPsoriasis is contagious, so keep away from people who have it.",
        "Is psoriasis autoimmune?",
        kbp,
    )
    found = [f for f in page.findings if f.kind == "contradicts_knowledge"]
    assert found and "contagious" in found[0].message
    assert "touching the patches" in found[0].evidence[0].text  # the property entry's reason


def test_a_question_not_understood_still_judges_topic_and_claims_but_not_the_answer(kb):
    text = (
        "Fibromyalgia and the immune system\nFibromyalgia, often abbreviated as FPIES, is a "
        "chronic pain condition. Fibromyalgia is an autoimmune disease."
    )
    report, page = run(text, "What causes FPIES?", kb)
    assert report.answer.verdict == "unknown" and report.answer.declined == "cause"
    assert page.page_answer == "not_judged" and page.agrees_with_evidence is None
    assert page.on_topic is False
    kinds = {f.kind for f in page.findings}
    assert {"abbreviation_conflict", "contradicts_knowledge"} <= kinds


@pytest.mark.parametrize(
    "text, answer, agrees",
    [
        (
            "FPIES\nFood protein-induced enterocolitis syndrome (FPIES) is a food allergy of infants.",
            "defined",
            True,
        ),
        (
            "FPIES\nFibromyalgia, often abbreviated as FPIES, is a chronic pain condition.",
            "misdefined",
            False,
        ),
        ("Food\nBabies sometimes vomit after meals.", "not_answered", None),
    ],
)
def test_definition_pages_are_judged_on_the_expansion(kb, text, answer, agrees):
    report, page = run(text, "What does FPIES stand for?", kb)
    assert report.answer.verdict == "defined"
    assert (page.page_answer, page.agrees_with_evidence) == (answer, agrees)


def test_not_spreading_something_else_is_no_statement_about_contagion(kb):
    # head lice are contagious; that they carry no other disease denies nothing about them
    _, page = run(
        "Head lice\nHead lice are tiny insects that live on the scalp. Head lice do not spread germs.",
        "Are head lice contagious?",
        kb,
    )
    assert not [c for c in page.claims if c.predicate == "contagious"]
    assert not [f for f in page.findings if f.kind == "contradicts_knowledge"]
    # while "it does not spread" still denies it
    _, page = run("Eczema\nEczema does not spread.", "Is eczema contagious?", kb)
    assert (page.page_answer, page.agrees_with_evidence) == ("no", True)
