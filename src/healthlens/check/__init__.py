"""Check: topic, abbreviation conflicts, the page's answer, claims against knowledge,
self-contradiction, credibility and unsupported claims."""

from __future__ import annotations

from ..knowledge import KnowledgeBase
from ..knowledge.verdicts import agrees, verdict_for
from ..limits import checkpoint
from ..models import Page, Question
from ..understand import title_end, title_is_question
from ..understand.mentions import PAGE_CONCEPT
from ..understand.topic import main_condition
from .abbreviation_conflicts import abbreviation_conflicts
from .contradictions import hedges_as_fact, self_contradictions
from .credibility import assess_credibility
from .evidence import claims_against_knowledge
from .page_answer import definition_answer, read_page_answer
from .topic import check_topic
from .unsupported import unsupported_claims

__all__ = ["check", "question_targets", "question_letters"]

_SEVERITY_ORDER = {"high": 0, "medium": 1, "low": 2}


def question_letters(question: Question | None, kb: KnowledgeBase) -> set[str]:
    """The abbreviations the reader's question stands behind: as typed, and the record's own."""
    if question is None or question.concept_id is None:
        return set()
    rec = kb.record(question.concept_id)
    letters = {a.short.upper() for a in rec.abbreviations} if rec else set()
    if question.subject:
        letters.add(question.subject.strip().upper())
    return letters


def question_targets(page: Page, question: Question | None, letters: set[str]) -> set[str]:
    """The question's condition, plus whatever the page itself makes the question's letters mean."""
    if question is None or question.concept_id is None:
        return set()
    targets = {question.concept_id}
    meanings = {m.text.upper(): m.concept_id for m in page.mentions if m.via == "page_abbreviation"}
    for ab in page.abbreviations:
        if ab.short.upper() in letters and not ab.known_expansion:
            meaning = ab.long_concept or meanings.get(ab.short.upper())
            if meaning:
                targets.add(meaning)
    return targets


def reinterpret_for_question(page: Page, question: Question | None, letters: set[str]) -> None:
    """A page that spells out the question's letters as something else ("FMF (fibromyalgia and
    muscle fatigue)") is not using them for the condition the reader asked about: its mentions of
    those letters name the page's own expansion."""
    if not letters or question is None:
        return
    if any(m.concept_id == question.concept_id and m.via == "name" for m in page.mentions):
        return  # the page also names the condition in full: its letters mean that, however spelled out
    other = {
        ab.short: PAGE_CONCEPT + " ".join(ab.long.split())
        for ab in page.abbreviations
        if ab.short.upper() in letters and not ab.known_expansion and ab.long_concept is None
    }
    if not other:
        return
    for m in page.mentions:
        if m.concept_id == question.concept_id and m.text in other:
            m.concept_id, m.via = other[m.text], "page_abbreviation"
    for c in page.claims:
        if c.concept_id == question.concept_id and page.text[c.start : c.end] in other:
            c.concept_id = other[page.text[c.start : c.end]]
    page.main_condition = main_condition(
        page.mentions, title_end(page), title_is_question(page), page.claims
    )


def check(page: Page, question: Question | None, kb: KnowledgeBase) -> Page:
    if page.error is not None:
        return page
    letters = question_letters(question, kb)
    reinterpret_for_question(page, question, letters)
    page.credibility = assess_credibility(page)
    findings = []
    targets = question_targets(page, question, letters)
    # targets are only found for a question that names a known condition
    if targets and question is not None and question.concept_id is not None:
        concept_id, predicate = question.concept_id, question.predicate
        page.on_topic, off = check_topic(page, {concept_id}, kb)
        if off is not None:
            findings.append(off)
        if predicate is None or not question.understood:
            # a question not understood, or declined: topic, abbreviations, credibility and claims
            # are still judged, but the page is given no answer to a question nobody asked
            page.page_answer = "not_judged"
        elif predicate == "definition":
            by_letters = bool(question.subject) and bool(
                kb.terms.readings((question.subject or "").strip())
            )
            page.page_answer, page.answer_sentences, page.agrees_with_evidence = definition_answer(
                page, concept_id, letters, by_letters, targets
            )
        else:
            page.page_answer, page.answer_sentences = read_page_answer(
                page, targets, predicate, letters, kb
            )
            record = kb.record(concept_id)
            verdict = verdict_for(record, predicate, kb.records, kb.properties)
            # a defensible side of a debated classification agrees with the evidence, but only on
            # a page about the asked condition: an off-topic page's "no" is about something else
            debated = (
                [p.verdict for p in record.debated]
                if record and predicate == "autoimmune" and page.on_topic
                else []
            )
            page.agrees_with_evidence = agrees(page.page_answer, verdict, debated)
    elif question is not None:
        page.page_answer = "not_answered" if question.understood else "not_judged"
    checkpoint()  # between stages: the deadline of the check (healthlens.limits)
    findings += abbreviation_conflicts(page, kb, letters)
    findings += claims_against_knowledge(page, kb)
    checkpoint()
    findings += self_contradictions(page, kb)
    findings += hedges_as_fact(page, kb)
    checkpoint()
    findings += unsupported_claims(page)
    findings.sort(
        key=lambda f: (_SEVERITY_ORDER[f.severity], f.start if f.start is not None else -1)
    )
    page.findings = findings
    return page
