"""Check: topic, abbreviation conflicts, the page's answer, claims against knowledge,
self-contradiction, credibility and unsupported claims."""

from __future__ import annotations

from ..knowledge import KnowledgeBase
from ..knowledge.properties import FAMILIES
from ..knowledge.verdicts import agrees, verdict_for
from ..limits import checkpoint
from ..models import Page, Question
from ..understand.for_question import question_letters
from ..understand.mentions import PAGE_CONCEPT
from .abbreviation_conflicts import abbreviation_conflicts
from .contradictions import hedges_as_fact, self_contradictions
from .credibility import assess_credibility
from .evidence import claims_against_knowledge
from .page_answer import definition_answer, read_page_answer_both
from .topic import check_topic
from .unsupported import unsupported_claims

__all__ = ["check_page", "question_targets", "question_letters", "READS", "WRITES"]

# The stage's contract (docs/architecture.md; tests/test_stage_contracts.py holds it): the Page
# fields it reads, and the only ones it writes.
READS = frozenset(
    {
        "error",
        "text",
        "title",
        "author",
        "date",
        "url",
        "links",
        "sentences",
        "mentions",
        "abbreviations",
        "claims",
        "main_condition",
    }
)
WRITES = frozenset(
    {
        "credibility",
        "on_topic",
        "page_answer",
        "answer_sentences",
        "answer_source",
        "rules_answer",
        "agrees_with_evidence",
        "findings",
    }
)

_SEVERITY_ORDER = {"high": 0, "medium": 1, "low": 2}


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


def check_page(page: Page, question: Question | None, kb: KnowledgeBase) -> Page:
    """Run every check on a page that understand has read (and re-read for the question, see
    ``understand.read_for_question``): fills credibility, the page's answer and the findings."""
    if page.error is not None:
        return page
    letters = question_letters(question, kb)
    page.credibility = assess_credibility(page)
    checkpoint()
    findings = []
    page.answer_source = page.rules_answer = None
    targets = question_targets(page, question, letters)
    # targets are only found for a question that names a known condition
    if targets and question is not None and question.concept_id is not None:
        concept_id, predicate = question.concept_id, question.predicate
        # "Is X linked to Y?" (recognised, not judged) is about both conditions it names
        topic = set(question.link_between) if question.link_between else {concept_id}
        page.on_topic, off = check_topic(page, topic, kb, letters, predicate, question.text)
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
            # the page's own reading of the letters, where it spells them out as no condition
            # ("Japanese Domestic Market"): what the page says they stand for
            spelled = {
                m.concept_id
                for m in page.mentions
                if m.via == "letters_read_as" and m.concept_id.startswith(PAGE_CONCEPT)
            }
            page.page_answer, page.answer_sentences, page.agrees_with_evidence = definition_answer(
                page, concept_id, letters, by_letters, targets | spelled
            )
        else:
            (
                page.page_answer,
                page.answer_sentences,
                page.answer_source,
                page.rules_answer,
            ) = read_page_answer_both(page, targets, predicate, letters, kb)
            record = kb.record(concept_id)
            verdict = verdict_for(record, predicate, kb.records, kb.properties)
            # a defensible side of a debated classification agrees with the evidence, but only on
            # a page about the asked condition: an off-topic page's "no" is about something else
            debated = (
                [p.verdict for p in record.debated]
                if record and predicate == "autoimmune" and page.on_topic
                else []
            )
            # the families' answers are graded: on a page about the asked condition, an answer one
            # step from the verdict states one half of it (knowledge.verdicts.agrees); an
            # off-topic page's answer is about something else and is compared strictly
            graded = predicate in FAMILIES and bool(page.on_topic)
            page.agrees_with_evidence = agrees(page.page_answer, verdict, debated, graded)
    elif question is not None:
        page.page_answer = "not_answered" if question.understood else "not_judged"
    if page.page_answer is not None and page.answer_source is None:
        page.answer_source = "rules"
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
