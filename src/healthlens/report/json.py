"""The JSON report: the documented contract (see README, "The JSON contract")."""

from __future__ import annotations

import json
from collections import Counter

from .. import REPORT_VERSION
from ..knowledge import KnowledgeBase, get_knowledge
from ..models import Page, Question, Report

__all__ = ["report_to_dict", "page_to_dict", "to_json", "answers_to_json"]


def _condition(kb: KnowledgeBase, cid: str | None) -> dict | None:
    return {"id": cid, "name": kb.name(cid)} if cid else None


def _question(kb: KnowledgeBase, q: Question | None) -> dict | None:
    if q is None:
        return None
    return {
        "text": q.text,
        "condition": _condition(kb, q.concept_id),
        "predicate": q.predicate,
        "source": q.source,
        "understood": q.understood,
        "declined": q.declined,
        "read_as": q.read_as,
        "unjudged": list(q.unjudged),
        "link_between": [_condition(kb, c) for c in q.link_between] if q.link_between else None,
    }


def page_to_dict(page: Page, kb: KnowledgeBase | None = None) -> dict:
    kb = kb or get_knowledge()
    counts = Counter(m.concept_id for m in page.mentions)
    order = list(dict.fromkeys(m.concept_id for m in page.mentions))
    return {
        "input": page.input,
        "url": page.url,
        "title": page.title,
        "error": page.error.to_dict() if page.error else None,
        "main_condition": _condition(kb, page.main_condition),
        "conditions": [
            {"id": c, "name": kb.name(c), "mentions": counts[c]}
            for c in sorted(order, key=lambda c: -counts[c])
        ],
        "on_topic": page.on_topic,
        "page_answer": page.page_answer,
        "answer_sentences": [
            {
                "index": i,
                "text": page.sentences[i].text,
                "start": page.sentences[i].start,
                "end": page.sentences[i].end,
            }
            for i in page.answer_sentences
        ],
        "answer_source": page.answer_source,
        "rules_answer": page.rules_answer,
        "agrees_with_evidence": page.agrees_with_evidence,
        "abbreviations": [
            {
                "short": a.short,
                "long": a.long,
                "sentence": page.sentences[a.sentence].text,
                "consistent": a.consistent,
                "aligned": a.aligned,
                "expected": a.expected,
                "pattern": a.pattern,
                "start": a.start,
                "end": a.end,
                "long_start": a.long_start,
                "long_end": a.long_end,
            }
            for a in page.abbreviations
        ],
        "findings": [f.to_dict() for f in page.findings],
        "claims": [
            {
                "condition": _condition(kb, c.concept_id),
                "predicate": c.predicate,
                "polarity": c.polarity,
                "hedged": c.hedged,
                "basis": c.basis,
                "sentence": page.sentences[c.sentence].text,
                "start": c.start,
                "end": c.end,
            }
            for c in page.claims
        ],
        "credibility": page.credibility.to_dict(),
        # set only when each page is asked its own question (--question-from)
        "question": _question(kb, page.question),
        "answer": page.answer.to_dict() if page.answer else None,
    }


def report_to_dict(report: Report, kb: KnowledgeBase | None = None) -> dict:
    kb = kb or get_knowledge()
    q = report.question
    return {
        "version": REPORT_VERSION,
        "question": _question(kb, q),
        "question_from": report.question_from,
        "answer": report.answer.to_dict() if report.answer else None,
        "pages": [page_to_dict(p, kb) for p in report.pages],
    }


def to_json(report: Report, indent: int | None = 2) -> str:
    return json.dumps(report_to_dict(report), indent=indent, ensure_ascii=False)


def answers_to_json(answers, indent: int | None = 2) -> str:
    return json.dumps([a.to_dict() for a in answers], indent=indent, ensure_ascii=False)
