"""The evidence-grounded answer to a question, from the knowledge base alone."""

from __future__ import annotations

from .knowledge import KnowledgeBase
from .knowledge.verdicts import verdict_for
from .models import Answer, Question

__all__ = ["answer_question"]

_PROPERTY = {
    "autoimmune": "an autoimmune disease",
    "immune": "caused by the immune system",
    "allergy": "an allergy",
    "link": "linked to autoimmune disease",
}
_MECHANISM_WORDS = {
    "autoimmune": "an autoimmune disease",
    "allergic": "an allergic (immune-mediated, not autoimmune) condition",
    "immune_mediated": "an immune-mediated condition that is not autoimmune",
    "autoinflammatory": "an autoinflammatory condition (innate immune system, not autoimmune)",
    "infectious": "an infection",
    "degenerative": "a degenerative condition",
    "metabolic": "a metabolic condition",
    "genetic": "a genetic condition",
    "nociplastic": "a nociplastic or functional condition (altered pain or organ signalling)",
    "neoplastic": "a cancer or neoplastic condition",
    "other": "a condition of another kind",
}


def _label(name: str, record) -> str:
    shorts = [a.short for a in record.abbreviations if not a.ambiguous] if record else []
    return f"{name} ({shorts[0]})" if shorts else name


def answer_question(question: Question, kb: KnowledgeBase) -> Answer:
    """Verdict, reason and sources for a parsed question; ``unknown`` when the KB does not cover it."""
    predicate = question.predicate or "autoimmune"
    cid = question.concept_id
    record = kb.record(cid)
    if cid is None:
        subject = question.subject or "this condition"
        return Answer(
            question.text, None, None, "unknown",
            f"Not known: the knowledge base has no condition matching “{subject}”.", predicate=predicate,
        )
    name = kb.name(cid)
    if record is None:
        concept = kb.concept(cid)
        codes = ", ".join(concept.codes) if concept and concept.codes else ""
        where = f" (ICD-10-CM {codes})" if codes else ""
        return Answer(
            question.text, cid, name, "unknown",
            f"Not known: {name}{where} is in the terminology, but the knowledge base has no curated, sourced verdict for it.",
            predicate=predicate,
        )
    label = _label(name, record)
    sources = [s.to_dict() for s in record.sources]
    if predicate == "definition":
        summary = f"{label} is {_MECHANISM_WORDS[record.mechanism]}. {record.reason}"
        return Answer(question.text, cid, name, "unknown" if not record.reason else verdict_for(record, "autoimmune"),
                      summary, record.reason, record.caution, record.mechanism, sources, predicate)
    verdict = verdict_for(record, predicate, kb.records)
    prop = _PROPERTY.get(predicate, "an autoimmune disease")
    lead = {
        "yes": f"Yes. {label} is {prop}.",
        "no": f"No. {label} is not {prop}; it is {_MECHANISM_WORDS[record.mechanism]}.",
        "partly": f"Partly. Some forms of {label} are {prop}, others are not.",
        "uncertain": f"Uncertain. Whether {label} is {prop} is contested.",
        "unknown": f"Not known: the knowledge base records nothing on whether {label} is {prop}.",
    }[verdict]
    if predicate == "link" and verdict == "yes" and record.autoimmune not in ("yes", "partly"):
        linked = [kb.name(a.condition) for a in record.associations if (r := kb.record(a.condition)) and r.autoimmune == "yes"]
        lead = f"Yes, linked but not autoimmune itself: {label} co-occurs with {', '.join(linked)}."
    summary = f"{lead} {record.reason}".strip()
    return Answer(question.text, cid, name, verdict, summary, record.reason, record.caution, record.mechanism, sources, predicate)
