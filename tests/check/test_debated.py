"""A page on either defensible side of a debated classification is `debated`, never a contradiction."""

from conftest import make_page


def _kinds(page):
    return [f.kind for f in page.findings]


def test_crohns_called_immune_mediated_not_autoimmune_is_debated_not_a_contradiction(kb):
    text = (
        "Is Crohn's disease autoimmune?\n"
        "Crohn's disease is not an autoimmune disease. It is better described as immune-mediated: "
        "the immune system reacts to gut bacteria rather than to the body's own tissue."
    )
    page = make_page(text, kb, question="Is Crohn's disease autoimmune?")
    assert "contradicts_knowledge" not in _kinds(page)
    debated = [f for f in page.findings if f.kind == "debated"]
    assert debated and debated[0].severity == "low"
    # both sides are shown, each with its own sources
    assert len(debated[0].evidence) >= 3
    assert all(e.sources for e in debated[0].evidence)
    assert page.page_answer == "no" and page.agrees_with_evidence is True


def test_crohns_called_autoimmune_is_the_other_defensible_side(kb):
    text = (
        "Is Crohn's disease autoimmune?\n"
        "Crohn's disease is an autoimmune disease in which the immune system attacks the bowel."
    )
    page = make_page(text, kb, question="Is Crohn's disease autoimmune?")
    assert "contradicts_knowledge" not in _kinds(page)
    assert page.page_answer == "yes" and page.agrees_with_evidence is True


def test_a_classification_that_is_not_debated_still_contradicts(kb):
    text = "Is lupus autoimmune?\nLupus is not an autoimmune disease."
    page = make_page(text, kb, question="Is lupus autoimmune?")
    assert "contradicts_knowledge" in _kinds(page)
    assert "debated" not in _kinds(page)


def test_the_answer_shows_the_debate_with_sources(kb):
    from healthlens.answer import ask

    [answer] = ask("Is ulcerative colitis autoimmune?", kb)
    assert answer.verdict == "yes"
    assert {d["verdict"] for d in answer.debate} == {"yes", "no"}
    assert all(d["sources"] for d in answer.debate)
    assert "debated" in answer.summary
    [plain] = ask("Is lupus autoimmune?", kb)
    assert plain.debate == []
