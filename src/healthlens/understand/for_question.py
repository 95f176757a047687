"""Understand, once more, for the reader's question: what the page makes the question's letters mean.

A step of its own, run after ``understand`` and before ``check`` when there is a question: a page
that spells out the question's letters as something else re-reads its mentions and claims of
them as the page's own expansion, and its main condition follows."""

from __future__ import annotations

from ..knowledge import KnowledgeBase
from ..models import Page, Question
from .mentions import PAGE_CONCEPT
from .topic import main_condition, title_end, title_is_question

__all__ = ["question_letters", "read_for_question", "reinterpret_for_question"]


def question_letters(question: Question | None, kb: KnowledgeBase) -> set[str]:
    """The abbreviations the reader's question stands behind: as typed, and the record's own."""
    if question is None or question.concept_id is None:
        return set()
    rec = kb.record(question.concept_id)
    letters = {a.short.upper() for a in rec.abbreviations} if rec else set()
    if question.subject:
        letters.add(question.subject.strip().upper())
    return letters


def read_for_question(page: Page, question: Question | None, kb: KnowledgeBase) -> Page:
    """The understand step for the question (see the module's docstring); a no-op without one."""
    if page.error is not None:
        return page
    reinterpret_for_question(page, question, question_letters(question, kb))
    return page


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
