"""The trust line: what counts for and against a page, from its JSON report alone."""

from healthlens.report.trust import page_trust

FPIES = {"condition": {"id": "fpies", "name": "FPIES"}, "text": "Is FPIES autoimmune?"}
CITED = {"author": "Dana Quill", "date": "2024-01-02", "cites_sources": True, "commercial": False}
BARE = {"author": None, "date": None, "cites_sources": False, "commercial": False}


def _page(**kw) -> dict:
    page = {
        "error": None,
        "main_condition": {"id": "fpies", "name": "FPIES"},
        "on_topic": True,
        "page_answer": "no",
        "agrees_with_evidence": True,
        "findings": [],
        "credibility": CITED,
    }
    page.update(kw)
    return page


def _finding(kind: str, severity: str) -> dict:
    return {"kind": kind, "severity": severity, "message": "m"}


def test_an_on_topic_page_that_agrees_with_cited_sources_and_no_problems_looks_trustworthy():
    t = page_trust(_page(), FPIES)
    assert t.level == "high" and t.label == "Looks trustworthy on this question"
    assert "its answer agrees with the evidence" in t.summary
    assert [r.aspect for r in t.reasons] == ["topic", "answer", "findings", "credibility"]
    assert all(r.weight == "for" for r in t.reasons)


def test_an_off_topic_page_is_low_and_its_matching_answer_never_counts_in_its_favour():
    page = _page(main_condition={"id": "fm", "name": "Fibromyalgia"}, on_topic=False)
    t = page_trust(page, FPIES)  # its "no" happens to match the evidence on FPIES
    assert t.level == "low" and t.label == "Not to be relied on for this question"
    assert t.reason("topic").text == "It is about something else: mostly Fibromyalgia, not FPIES."
    answer = t.reason("answer")
    assert (
        answer.text
        == "Its answer, “no”, is about Fibromyalgia, so it does not answer your question."
    )
    assert answer.weight == "against"
    text = " ".join([t.summary] + [r.text for r in t.reasons])
    assert "agree" not in text  # no agreement claim at all
    assert t.summary.startswith("Not to be relied on for this question: it is about Fibromyalgia")


def test_an_answer_against_the_evidence_or_a_serious_finding_makes_a_page_low():
    t = page_trust(_page(agrees_with_evidence=False, page_answer="yes"), FPIES)
    assert t.level == "low" and "its answer disagrees with the evidence" in t.summary
    t = page_trust(_page(findings=[_finding("abbreviation_conflict", "high")]), FPIES)
    assert t.level == "low"
    assert t.reason("findings").text == "One serious problem (Wrong abbreviation)."


def test_moderate_findings_or_weak_credibility_ask_for_care():
    t = page_trust(_page(findings=[_finding("unsupported_claim", "medium")] * 2), FPIES)
    assert t.level == "mixed" and "it has 2 moderate problems (No source cited)" in t.summary
    t = page_trust(_page(credibility=BARE), FPIES)
    assert t.level == "mixed" and "it names no author and cites no sources" in t.summary
    t = page_trust(_page(credibility={**CITED, "commercial": True}), FPIES)
    assert t.level == "mixed" and "it sells or promotes products" in t.summary
    t = page_trust(_page(findings=[_finding("unsupported_claim", "low")]), FPIES)
    assert t.level == "high" and t.reason("findings").weight == "neutral"  # minor only


def test_a_page_that_does_not_answer_is_never_high():
    t = page_trust(_page(page_answer="not_answered", agrees_with_evidence=None), FPIES)
    assert t.level == "mixed" and t.reason("answer").text == "It does not answer the question."


def test_without_a_question_no_answer_is_judged_and_credibility_decides():
    t = page_trust(_page(on_topic=None, page_answer=None, agrees_with_evidence=None), None)
    assert t.level == "high" and t.label == "Looks trustworthy"  # no "on this question"
    assert t.reason("topic").text == "It is mostly about FPIES."
    bare = _page(on_topic=None, page_answer=None, agrees_with_evidence=None, credibility=BARE)
    assert page_trust(bare, None).level == "mixed"


def test_a_page_that_could_not_be_read_is_not_judged():
    t = page_trust({"error": {"kind": "empty", "message": "x.txt: the page is empty"}}, FPIES)
    assert t.level == "not_judged" and "the page is empty" in t.reasons[0].text


def test_an_unclear_answer_counts_as_the_evidence_compares_it():
    # a page leaving open what the evidence settles counts against it, and one leaving open what
    # the evidence leaves open counts for it; without a comparison it stays neutral
    t = page_trust(_page(page_answer="unclear", agrees_with_evidence=False), FPIES)
    assert t.reason("answer").weight == "against" and t.level == "low"
    assert (
        t.reason("answer").text == "It answers neither yes nor no, where the evidence answers it."
    )
    t = page_trust(_page(page_answer="unclear", agrees_with_evidence=True), FPIES)
    assert t.reason("answer").weight == "for"
    t = page_trust(_page(page_answer="unclear", agrees_with_evidence=None), FPIES)
    assert (t.reason("answer").weight, t.reason("answer").text) == (
        "neutral",
        "Its answer is unclear.",
    )
